package dev.aihq.api.store;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.Optional;

/**
 * Customers' consent to messages, one record per shop and customer. Changes follow
 * {@link ConsentRecord#apply} and are atomic: concurrent changes of one customer, from any number of
 * threads or application instances sharing the store, are applied one after the other, so, for example,
 * of two senders recording {@link ConsentEvent#ASKED} at once exactly one sees the change and asks.
 * Thread-safe.
 *
 * <p>The records hold phone numbers, so they are personal data: erasing a customer deletes them (an
 * opt-out survives erasure on the {@link SuppressionStore}, which keeps only a hash).
 */
public interface ConsentStore {

    /**
     * Finds a customer's record.
     *
     * @param shopId the shop
     * @param customer the customer
     * @return the record, or empty when nothing was ever recorded
     */
    Optional<ConsentRecord> find(ShopId shopId, PhoneNumber customer);

    /**
     * Returns a customer's record, or {@link ConsentRecord#unknown} when there is none.
     *
     * @param shopId the shop
     * @param customer the customer
     * @return the record
     */
    default ConsentRecord get(ShopId shopId, PhoneNumber customer) {
        return find(shopId, customer).orElseGet(() -> ConsentRecord.unknown(shopId, customer));
    }

    /**
     * Applies an event to a customer's record atomically, creating the record when there is none.
     *
     * @param shopId the shop
     * @param customer the customer
     * @param event what happened
     * @param at when
     * @param source what reported it, 1–{@value ConsentRecord#MAX_SOURCE_LENGTH} characters, no personal data
     * @return the record before and after
     * @throws IllegalArgumentException when the source is empty or too long
     */
    ConsentChange apply(ShopId shopId, PhoneNumber customer, ConsentEvent event, Instant at, String source);
}
