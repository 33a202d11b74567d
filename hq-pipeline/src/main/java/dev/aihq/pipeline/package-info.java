/** {@link dev.aihq.pipeline.AgentPipeline} and the SPIs of its stages: context sources, agent, guard, delivery, listeners. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.pipeline;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
