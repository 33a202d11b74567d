/** Abstract contract suites that every store and channel implementation subclasses to prove it meets its SPI. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.testkit.contract;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
