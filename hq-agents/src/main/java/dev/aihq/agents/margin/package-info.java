/**
 * Margin arithmetic shared by the sales agent (which offers only products with margin, the seed's
 * "предлагать только маржинальные товары") and the accountant: {@link dev.aihq.agents.margin.MarginCalculator}
 * computes a {@link dev.aihq.agents.margin.Margin} exactly, never from a model.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.agents.margin;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
