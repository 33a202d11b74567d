package dev.aihq.api.store;

import dev.aihq.api.ShopId;
import java.time.LocalDate;

/** Model tokens spent per shop per local day, checked against the shop's daily budget. Thread-safe. */
public interface TokenUsageStore {

    /**
     * Adds tokens to a day's total atomically.
     *
     * @param shopId the shop
     * @param day the shop's local day
     * @param tokens tokens spent, not negative
     * @return the day's new total
     */
    long add(ShopId shopId, LocalDate day, long tokens);

    /**
     * Returns a day's total.
     *
     * @param shopId the shop
     * @param day the shop's local day
     * @return tokens spent, 0 when none
     */
    long used(ShopId shopId, LocalDate day);
}
