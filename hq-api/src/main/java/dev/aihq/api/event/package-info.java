/** Events that start agent runs. Every event implements {@link dev.aihq.api.event.HqEvent}. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.api.event;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
