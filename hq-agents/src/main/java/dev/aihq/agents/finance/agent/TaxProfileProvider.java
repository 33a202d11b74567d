package dev.aihq.agents.finance.agent;

import dev.aihq.api.event.ReportingPeriod;
import dev.aihq.api.shop.Shop;

/**
 * Supplies each shop's {@link TaxProfile} for a period, e.g. from the integrator's own settings. The default
 * knows nothing: {@link TaxProfile#none()}.
 */
@FunctionalInterface
public interface TaxProfileProvider {

    /**
     * Returns a shop's profile for a period.
     *
     * @param shop the shop
     * @param period the reported period
     * @return the profile
     */
    TaxProfile profile(Shop shop, ReportingPeriod period);

    /**
     * Returns the provider that knows nothing about any shop.
     *
     * @return the provider
     */
    static TaxProfileProvider none() {
        return (shop, period) -> TaxProfile.none();
    }
}
