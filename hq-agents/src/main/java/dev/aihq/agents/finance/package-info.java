/**
 * The accountant's numbers ("ИИ бухгалтер"), all computed by code, never by a model:
 * {@link dev.aihq.agents.finance.ProfitCalculator} turns a period's ledger totals and the shop's catalog
 * into a {@link dev.aihq.agents.finance.ProfitAndLoss} per product and in total, finds the loss-making
 * products with the reason in words, computes price and assortment recommendations and compares the
 * period with the one before ({@link dev.aihq.agents.finance.ProfitReport}).
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.agents.finance;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
