package dev.aihq.api.store;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The durable outbox of customer messages, safe to share between application instances: a due message
 * is claimed by exactly one dispatcher under a lease, and a lease that expires (its holder crashed)
 * makes the message claimable again. Thread-safe.
 */
public interface Outbox {

    /**
     * Adds a message unless one with the same stable key exists for the shop. The message is either
     * {@link OutboxStatus#PENDING}, or {@link OutboxStatus#CLAIMED} with a worker and a lease when its
     * creator sends it at once (it returns to the due set if the creator dies before recording the send).
     *
     * @param message a pending or claimed message
     * @return {@code true} when added
     */
    boolean schedule(OutboxMessage message);

    /**
     * Claims due messages: pending ones with {@code dueAt <= now}, and claimed ones whose lease has
     * expired. Claimed messages get status CLAIMED, the worker, {@code leaseUntil = now + lease} and one
     * more attempt. Of concurrent callers, each message goes to one.
     *
     * @param now the current time
     * @param max the most to claim, at least 1
     * @param worker the claiming dispatcher's name
     * @param lease how long the claim holds
     * @return the claimed messages, oldest due first
     */
    List<OutboxMessage> claimDue(Instant now, int max, String worker, Duration lease);

    /**
     * Records that the provider accepted a message.
     *
     * @param shopId the shop
     * @param id the message
     * @param providerMessageId the provider's id
     * @param at when
     */
    void markSent(ShopId shopId, String id, String providerMessageId, Instant at);

    /**
     * Records a failed attempt.
     *
     * @param shopId the shop
     * @param id the message
     * @param error what went wrong (masked)
     * @param retryAt when to try again (back to PENDING), or {@code null} to give up (FAILED)
     */
    void markFailed(ShopId shopId, String id, String error, @Nullable Instant retryAt);

    /**
     * Counts messages to a customer that are pending, claimed or sent and due at or after a time: what
     * a frequency cap limits.
     *
     * @param shopId the shop
     * @param to the customer
     * @param since the start of the period
     * @return the count
     */
    long countRecent(ShopId shopId, PhoneNumber to, Instant since);

    /**
     * Finds a message.
     *
     * @param shopId the shop
     * @param id the message
     * @return the message, or empty
     */
    Optional<OutboxMessage> find(ShopId shopId, String id);
}
