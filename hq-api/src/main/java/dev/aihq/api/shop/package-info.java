/** Shops and their settings: marketplace, legal form, tax mode, tone, templates and delivery rules. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.api.shop;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
