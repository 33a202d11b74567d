/** The message channel SPI: sending messages to customers and declaring a channel's limits. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.api.channel;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
