/**
 * The legal agent's pipeline for {@code POST /legal-event}: the context (shop, fine history, documents,
 * knowledge passages, the rule layer's conclusion), the model or the template draft, the guard that keeps the
 * rule layer's decisions, and the legal case kept for the next event.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.agents.legal.agent;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
