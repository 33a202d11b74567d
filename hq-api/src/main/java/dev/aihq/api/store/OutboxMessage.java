package dev.aihq.api.store;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.channel.DeliveryState;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.channel.QuickReply;
import dev.aihq.api.result.RunId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A customer message in the durable outbox: scheduled for a time, claimed by one dispatcher at a time,
 * sent once. {@code stableKey} travels with the message to the provider so that a retry or a status
 * update is matched to it.
 *
 * @param id the message's id, unique within the shop
 * @param shopId the shop
 * @param runId the run that produced it
 * @param channel the channel's name
 * @param to the customer
 * @param text the text
 * @param stableKey the key sent with the message; unique within the shop
 * @param dueAt when it may be sent
 * @param status where it is in its life
 * @param attempts sending attempts so far
 * @param claimedBy the dispatcher holding it, or {@code null}
 * @param leaseUntil when the claim expires, or {@code null}
 * @param providerMessageId the provider's id once sent, or {@code null}
 * @param lastError the last sending error, or {@code null}
 * @param orderKey the order the message is about (e.g. the marketplace's order code), or {@code null}; a
 *     cancelled or returned order cancels its pending messages by this key
 * @param sentAt when the provider accepted it, or {@code null} while it is not sent
 * @param category what the message is for, which decides the consent it needs
 * @param consent the consent under which it was scheduled or released, e.g. {@code OPTED_IN by button at …}
 *     or {@code not needed: UTILITY}, or {@code null} when none was recorded
 * @param quickReplies the buttons it carries, empty for none
 * @param templateRequired whether it must go as a template (the provider said the window was closed)
 * @param deliveryState how far it got after sending, as the provider reported it, or {@code null}
 * @param deliveryAt when the provider reported that state, or {@code null}
 */
public record OutboxMessage(
        String id,
        ShopId shopId,
        RunId runId,
        String channel,
        PhoneNumber to,
        String text,
        String stableKey,
        Instant dueAt,
        OutboxStatus status,
        int attempts,
        @Nullable String claimedBy,
        @Nullable Instant leaseUntil,
        @Nullable String providerMessageId,
        @Nullable String lastError,
        @Nullable String orderKey,
        @Nullable Instant sentAt,
        MessageCategory category,
        @Nullable String consent,
        List<QuickReply> quickReplies,
        boolean templateRequired,
        @Nullable DeliveryState deliveryState,
        @Nullable Instant deliveryAt) {

    /** The longest order key, in characters. */
    public static final int MAX_ORDER_KEY_LENGTH = 200;

    /** The longest consent description, in characters. */
    public static final int MAX_CONSENT_LENGTH = 300;

    /** Requires the identifying parts. */
    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(runId, "run id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(stableKey, "stable key");
        Objects.requireNonNull(dueAt, "due at");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(category, "category");
        quickReplies = List.copyOf(quickReplies);
        if (consent != null && (consent.isBlank() || consent.length() > MAX_CONSENT_LENGTH)) {
            throw new IllegalArgumentException("consent must be non-blank and at most " + MAX_CONSENT_LENGTH
                    + " characters");
        }
        if ((deliveryState == null) != (deliveryAt == null)) {
            throw new IllegalArgumentException("a delivery state goes with its time");
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
        if (orderKey != null && (orderKey.isBlank() || orderKey.length() > MAX_ORDER_KEY_LENGTH)) {
            throw new IllegalArgumentException("order key must be non-blank and at most " + MAX_ORDER_KEY_LENGTH
                    + " characters");
        }
    }

    /**
     * A marketing message without consent, buttons or delivery report, as before categories existed.
     *
     * @param id the id
     * @param shopId the shop
     * @param runId the run
     * @param channel the channel's name
     * @param to the customer
     * @param text the text
     * @param stableKey the stable key
     * @param dueAt when it may be sent
     * @param status its status
     * @param attempts attempts so far
     * @param claimedBy the claiming dispatcher, or {@code null}
     * @param leaseUntil the claim's end, or {@code null}
     * @param providerMessageId the provider's id, or {@code null}
     * @param lastError the last error, or {@code null}
     * @param orderKey the order's key, or {@code null}
     * @param sentAt when sent, or {@code null}
     */
    public OutboxMessage(String id, ShopId shopId, RunId runId, String channel, PhoneNumber to, String text,
            String stableKey, Instant dueAt, OutboxStatus status, int attempts, @Nullable String claimedBy,
            @Nullable Instant leaseUntil, @Nullable String providerMessageId, @Nullable String lastError,
            @Nullable String orderKey, @Nullable Instant sentAt) {
        this(id, shopId, runId, channel, to, text, stableKey, dueAt, status, attempts, claimedBy, leaseUntil,
                providerMessageId, lastError, orderKey, sentAt, MessageCategory.MARKETING, null, List.of(), false,
                null, null);
    }

    /**
     * Returns this message with another category, consent and buttons (for building a new message).
     *
     * @param category what it is for
     * @param consent the consent it goes under, or {@code null}
     * @param quickReplies its buttons
     * @return the copy
     */
    public OutboxMessage withPurpose(MessageCategory category, @Nullable String consent, List<QuickReply> quickReplies) {
        return new OutboxMessage(id, shopId, runId, channel, to, text, stableKey, dueAt, status, attempts, claimedBy,
                leaseUntil, providerMessageId, lastError, orderKey, sentAt, category, consent, quickReplies,
                templateRequired, deliveryState, deliveryAt);
    }

    /**
     * Returns this message waiting for the customer's consent ({@link OutboxStatus#AWAITING_CONSENT}), for
     * {@link Outbox#schedule}.
     *
     * @return the copy
     */
    public OutboxMessage awaitingConsent() {
        return new OutboxMessage(id, shopId, runId, channel, to, text, stableKey, dueAt,
                OutboxStatus.AWAITING_CONSENT, 0, null, null, null, null, orderKey, null, category, consent,
                quickReplies, templateRequired, null, null);
    }

    /**
     * Checks that this message may be given to {@link Outbox#schedule(OutboxMessage)}: pending, awaiting
     * consent, or claimed with a worker and a lease (its creator sends it at once).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public void requireSchedulable() {
        if (status != OutboxStatus.PENDING && status != OutboxStatus.CLAIMED
                && status != OutboxStatus.AWAITING_CONSENT) {
            throw new IllegalArgumentException("only a PENDING, CLAIMED or AWAITING_CONSENT message can be"
                    + " scheduled, got " + status);
        }
        if (status == OutboxStatus.CLAIMED && (claimedBy == null || leaseUntil == null)) {
            throw new IllegalArgumentException("a CLAIMED message needs its worker and lease");
        }
    }

    /**
     * A new pending message.
     *
     * @param id the id
     * @param shopId the shop
     * @param runId the run
     * @param channel the channel's name
     * @param to the customer
     * @param text the text
     * @param stableKey the stable key
     * @param dueAt when it may be sent
     * @return the message
     */
    public static OutboxMessage pending(String id, ShopId shopId, RunId runId, String channel, PhoneNumber to,
            String text, String stableKey, Instant dueAt) {
        return pending(id, shopId, runId, channel, to, text, stableKey, null, dueAt);
    }

    /**
     * A new pending message about an order, cancelled with {@link Outbox#cancelByOrder} when the order is
     * cancelled or returned.
     *
     * @param id the id
     * @param shopId the shop
     * @param runId the run
     * @param channel the channel's name
     * @param to the customer
     * @param text the text
     * @param stableKey the stable key
     * @param orderKey the order the message is about, or {@code null}
     * @param dueAt when it may be sent
     * @return the message
     */
    public static OutboxMessage pending(String id, ShopId shopId, RunId runId, String channel, PhoneNumber to,
            String text, String stableKey, @Nullable String orderKey, Instant dueAt) {
        return new OutboxMessage(id, shopId, runId, channel, to, text, stableKey, dueAt, OutboxStatus.PENDING, 0,
                null, null, null, null, orderKey, null);
    }
}
