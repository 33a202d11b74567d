/** Abstract contract suites that every store, channel and connector implementation subclasses to prove it meets its SPI. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.testkit.contract;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
