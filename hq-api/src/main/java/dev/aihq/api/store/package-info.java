/** Storage SPIs. Every query is scoped by shop; implementations must pass the contract suites of hq-test-kit. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.api.store;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
