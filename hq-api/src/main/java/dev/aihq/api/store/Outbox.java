package dev.aihq.api.store;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.channel.DeliveryState;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.shop.FrequencyCap;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
     * Adds a message unless one with the same stable key exists for the shop or the customer's frequency
     * cap is reached, atomically: of the customer's {@link dev.aihq.api.channel.MessageCategory#MARKETING}
     * messages in the shop that are {@link OutboxStatus#PENDING}, {@link OutboxStatus#AWAITING_CONSENT},
     * {@link OutboxStatus#CLAIMED} or {@link OutboxStatus#SENT} and due at or
     * after {@code now - cap.period()}, there must be fewer than {@code cap.maxMessages()}. Concurrent calls
     * for the same shop and customer, from any number of threads or application instances sharing the
     * outbox, are serialised, so together they never add more than the cap allows. (Messages added with
     * {@link #schedule} are counted but do not wait for this serialisation.)
     *
     * <p>A message of another category than marketing is not capped: it is scheduled as by
     * {@link #schedule}.
     *
     * @param message a pending or claimed message, as for {@link #schedule}
     * @param cap the customer's frequency cap
     * @param now the current time, the end of the cap's period
     * @return {@link ScheduleResult#SCHEDULED} when added, {@link ScheduleResult#DUPLICATE} when the stable
     *     key exists, {@link ScheduleResult#CAPPED} when the cap is reached
     */
    ScheduleResult scheduleWithinCap(OutboxMessage message, FrequencyCap cap, Instant now);

    /**
     * Lists a shop's messages in some statuses, soonest due first (ties by id), e.g. the scheduled ones
     * ({@link OutboxStatus#PENDING}) for the shop's owner to review and cancel.
     *
     * @param shopId the shop
     * @param statuses the statuses to include; an empty set lists nothing
     * @param limit the most messages to return, at least 1
     * @return the messages, soonest due first
     */
    List<OutboxMessage> list(ShopId shopId, Set<OutboxStatus> statuses, int limit);

    /**
     * Cancels a pending message (or one awaiting consent): it becomes {@link OutboxStatus#CANCELLED} and is
     * never claimed. A claimed
     * message is being sent and cannot be cancelled any more; a sent, failed or cancelled one is left as
     * it is.
     *
     * @param shopId the shop
     * @param id the message
     * @return {@code true} when the message was pending and is now cancelled; {@code false} when it is not
     *     pending or the shop has no such message
     */
    boolean cancel(ShopId shopId, String id);

    /**
     * Cancels every pending message (and every one awaiting consent) about an order (its
     * {@link OutboxMessage#orderKey()}), as when the order is cancelled or returned. Messages already
     * claimed, sent or failed are left as they are.
     *
     * @param shopId the shop
     * @param orderKey the order's key
     * @return how many messages were cancelled
     */
    int cancelByOrder(ShopId shopId, String orderKey);

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
     * Records that the provider accepted a message: it becomes {@link OutboxStatus#SENT} with the
     * provider's id and {@link OutboxMessage#sentAt()} set to {@code at}.
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
     * Cancels a customer's messages of some categories that are {@link OutboxStatus#PENDING} or
     * {@link OutboxStatus#AWAITING_CONSENT}, as when the customer opts out (every category) or declines
     * offers (marketing). Claimed, sent and failed messages are left as they are.
     *
     * @param shopId the shop
     * @param to the customer
     * @param categories the categories to cancel; an empty set cancels nothing
     * @param reason why, kept as the messages' last error (no personal data)
     * @return how many messages were cancelled
     */
    int cancelForCustomer(ShopId shopId, PhoneNumber to, Set<MessageCategory> categories, String reason);

    /**
     * Releases a customer's messages that wait for consent ({@link OutboxStatus#AWAITING_CONSENT}): they
     * become {@link OutboxStatus#PENDING} with the consent they now go under, each keeping its own due time
     * (one already passed goes at once, in the order they were planned; one planned later, e.g. after quiet
     * hours, still waits for it).
     *
     * @param shopId the shop
     * @param to the customer
     * @param consent the consent they go under, e.g. {@link ConsentRecord#describe()}
     * @return how many were released
     */
    int releaseAwaitingConsent(ShopId shopId, PhoneNumber to, String consent);

    /**
     * Cancels a shop's messages that waited for consent ({@link OutboxStatus#AWAITING_CONSENT}) and were due
     * before a time: the customer never answered the consent question, and the offers it held expire.
     *
     * @param shopId the shop
     * @param dueBefore messages due strictly before it are cancelled
     * @param reason why, kept as their last error (no personal data)
     * @return how many were cancelled
     */
    int expireAwaitingConsent(ShopId shopId, Instant dueBefore, String reason);

    /**
     * Records what the provider later reported about a sent message, found by the provider's id: its
     * delivery state and time, when the state supersedes the recorded one
     * ({@link DeliveryState#supersedes}); a {@link DeliveryState#FAILED} report also makes the message
     * {@link OutboxStatus#FAILED} with the error. Reports that arrive again or out of order change nothing.
     *
     * @param shopId the shop
     * @param providerMessageId the provider's id of the message
     * @param state the reported state
     * @param at when the provider says it happened
     * @param error the failure's description (no personal data) for a failed state, otherwise {@code null}
     * @return the message after the report, or empty when the shop has no message with that provider id
     */
    Optional<OutboxMessage> recordDelivery(ShopId shopId, String providerMessageId, DeliveryState state,
            Instant at, @Nullable String error);

    /**
     * Puts a sent or failed message back to be sent again, as when the provider reported later that it
     * failed for a reason another try can overcome (the window was closed: again as a template; a rate
     * limit: later). It becomes {@link OutboxStatus#PENDING}, due at {@code dueAt}, without its provider id
     * and delivery report, keeping its stable key and attempts.
     *
     * @param shopId the shop
     * @param id the message
     * @param dueAt when to send it again
     * @param templateRequired whether it must go as a template
     * @param reason why, kept as its last error
     * @return {@code true} when the message was sent or failed and is now pending
     */
    boolean requeue(ShopId shopId, String id, Instant dueAt, boolean templateRequired, String reason);

    /**
     * Counts marketing messages ({@link dev.aihq.api.channel.MessageCategory#MARKETING}) to a customer that
     * are pending, awaiting consent, claimed or sent and due at or after a time: what a frequency cap limits
     * (utility and service messages, such as the consent question or an answer, are not counted).
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
