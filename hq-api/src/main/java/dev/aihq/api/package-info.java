/** Value types shared by every module: shop and order identifiers, exact money and normalised phone numbers. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.api;

import javax.annotation.ParametersAreNonnullByDefault;
