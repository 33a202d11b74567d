/**
 * The marketplace connector SPI, with capabilities resolved per shop, and the messaging rules a marketplace
 * sets for what sellers write to buyers.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.api.connector;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
