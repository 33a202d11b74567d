package dev.aihq.agents.finance.agent;

import dev.aihq.agents.finance.tax.LocalRate;
import dev.aihq.api.Money;
import javax.annotation.Nullable;

/**
 * What the tax engine needs about a shop that the shop record does not hold: its location's rate (a Kazakh
 * maslikhat's 910 rate, a Russian region's УСН rate), whether it has employees, and the contributions it paid.
 *
 * @param localRate the rate of the shop's location with its source, or {@code null} for the base rate
 * @param employees whether the taxpayer has employees
 * @param contributions contributions paid for the period (Russian ИП "за себя", Kazakh СО), or {@code null}
 *     when unknown (the engine then uses its documented default and says so)
 */
public record TaxProfile(@Nullable LocalRate localRate, boolean employees, @Nullable Money contributions) {

    /**
     * The profile of a shop nothing is known about: base rate, no employees, contributions unknown.
     *
     * @return the profile
     */
    public static TaxProfile none() {
        return new TaxProfile(null, false, null);
    }
}
