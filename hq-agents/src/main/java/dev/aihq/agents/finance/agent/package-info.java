/**
 * The accounting agent on the pipeline ({@code POST /finance-event}): the P&amp;L and the tax computed by code,
 * a narrative written by the model and checked number by number, or written from rules without a model.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.agents.finance.agent;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
