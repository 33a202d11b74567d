/**
 * The agents' common parts: {@link dev.aihq.agents.ModelAgent}, which runs an agent on any LangChain4j
 * {@code ChatModel} or none with a deterministic fallback, {@link dev.aihq.agents.PromptTemplate}, and the
 * {@link dev.aihq.agents.AiHq} facade that wires the agents, stores, channel and webhook front door.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.agents;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
