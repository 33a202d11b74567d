/**
 * The sales agent ("ИИ продажник"): after a purchase it offers one product chosen by code (in stock,
 * allowed, margin after commission above the shop's minimum) or asks for a review, and it answers
 * customers' replies. {@link dev.aihq.agents.sales.SalesPipelines} builds both pipelines.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.agents.sales;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
