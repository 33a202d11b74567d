/** Thread-safe in-memory stores for tests, demos and benchmarks; nothing survives a restart. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.pipeline.memory;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
