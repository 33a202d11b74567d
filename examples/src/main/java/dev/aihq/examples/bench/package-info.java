/** The pipeline benchmark: events per second and per-event overhead with in-memory stores and a zero-latency model. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.examples.bench;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
