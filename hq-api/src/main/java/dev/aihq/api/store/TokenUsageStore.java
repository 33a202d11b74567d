package dev.aihq.api.store;

import dev.aihq.api.ShopId;
import java.time.LocalDate;

/** Model tokens spent per shop per local day, checked against the shop's daily budget. Thread-safe. */
public interface TokenUsageStore {

    /**
     * Adds tokens to a day's total atomically: concurrent additions, also from other application
     * instances, are never lost.
     *
     * @param shopId the shop
     * @param day the shop's local day
     * @param tokens tokens spent, not negative
     * @return the day's total after this addition: it includes this addition and every addition that
     *     completed before this call began; concurrent callers may be answered the same total
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
