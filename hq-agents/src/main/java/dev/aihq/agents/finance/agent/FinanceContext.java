package dev.aihq.agents.finance.agent;

import dev.aihq.agents.finance.ProfitReport;
import dev.aihq.agents.finance.tax.TaxAssessment;
import dev.aihq.api.event.FinanceEvent;
import dev.aihq.api.event.FinanceEventType;
import dev.aihq.api.result.FinanceReport;
import dev.aihq.api.shop.Shop;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What the accounting agent works from: the computed P&amp;L and tax and the report drafted from them by code.
 * The model may only reword the draft's recommendations.
 *
 * @param event the event
 * @param shop the shop
 * @param profit the computed P&amp;L with its comparison, loss makers and recommendations
 * @param tax the computed tax, or {@code null} when the tax mode was refused
 * @param refusal why the tax was not computed (an unknown tax mode, a Russian alias for a Kazakh shop), or
 *     {@code null}
 * @param draft the report as code writes it: every number, the rule-based recommendations
 */
public record FinanceContext(FinanceEvent event, Shop shop, ProfitReport profit, @Nullable TaxAssessment tax,
        @Nullable String refusal, FinanceReport draft) {

    /** Requires the event, shop, P&amp;L and draft, and a tax exactly when nothing was refused. */
    public FinanceContext {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(profit, "profit");
        Objects.requireNonNull(draft, "draft");
        if ((tax == null) == (refusal == null)) {
            throw new IllegalArgumentException("a finance context has either a tax or a refusal");
        }
    }

    /**
     * Tells whether the event is a new sale, answered with what changed only.
     *
     * @return {@code true} for {@code new_sale}
     */
    public boolean newSale() {
        return event.eventType() == FinanceEventType.NEW_SALE;
    }
}
