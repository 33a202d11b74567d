/** The marketplace connector SPI, with capabilities resolved per shop. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.api.connector;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
