package dev.aihq.api.store;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A customer's consent to messages from a shop: whether offers may go ({@link #allowsMarketing()}) and
 * whether anything may go at all ({@link #allowsMessages()}). Changed only through {@link #apply}, whose
 * rules every {@link ConsentStore} follows:
 *
 * <ul>
 *   <li>{@link ConsentEvent#OPTED_OUT} is permanent: once opted out, no later event changes the status.
 *   <li>{@link ConsentEvent#ASKED} moves only {@link ConsentStatus#UNKNOWN} to {@link ConsentStatus#ASKED},
 *       so of concurrent senders exactly one asks.
 *   <li>{@link ConsentEvent#GRANTED} and {@link ConsentEvent#DECLINED} set the status (unless opted out).
 *   <li>{@link ConsentEvent#MARKETING_STOPPED} and {@link ConsentEvent#MARKETING_RESUMED} set the pause
 *       flag, whatever the status: the messenger's own setting, kept beside the shop's.
 * </ul>
 *
 * @param shopId the shop
 * @param customer the customer
 * @param status where the customer stands
 * @param marketingPaused whether the customer stopped marketing messages in the messenger
 * @param askedAt when the consent question went out, or {@code null} when it never did
 * @param updatedAt when the record last changed
 * @param source what last changed it, 1–{@value #MAX_SOURCE_LENGTH} characters, e.g. {@code button},
 *     {@code text}, {@code whatsapp:user_preferences}, {@code import}; never personal data
 */
public record ConsentRecord(
        ShopId shopId,
        PhoneNumber customer,
        ConsentStatus status,
        boolean marketingPaused,
        @Nullable Instant askedAt,
        Instant updatedAt,
        String source) {

    /** The longest source, in characters. */
    public static final int MAX_SOURCE_LENGTH = 100;

    /** The source of a record nothing has changed yet. */
    public static final String NONE = "none";

    /** Requires every part and checks the source. */
    public ConsentRecord {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updated at");
        requireValidSource(source);
    }

    /**
     * The record of a customer nobody asked yet.
     *
     * @param shopId the shop
     * @param customer the customer
     * @return a record with status {@link ConsentStatus#UNKNOWN}
     */
    public static ConsentRecord unknown(ShopId shopId, PhoneNumber customer) {
        return new ConsentRecord(shopId, customer, ConsentStatus.UNKNOWN, false, null, Instant.EPOCH, NONE);
    }

    /**
     * Checks a source as the record requires; for stores and callers.
     *
     * @param source the source
     * @throws IllegalArgumentException naming the problem
     */
    public static void requireValidSource(String source) {
        Objects.requireNonNull(source, "source");
        if (source.isBlank() || source.length() > MAX_SOURCE_LENGTH) {
            throw new IllegalArgumentException("consent source must be 1-" + MAX_SOURCE_LENGTH
                    + " characters and not blank, got " + source.length());
        }
    }

    /**
     * Returns the record after an event, by the rules above; this record itself when the event changes
     * nothing.
     *
     * @param event what happened
     * @param at when
     * @param source what reported it
     * @return the record after the event
     */
    public ConsentRecord apply(ConsentEvent event, Instant at, String source) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(at, "at");
        requireValidSource(source);
        ConsentStatus nextStatus = status;
        boolean nextPaused = marketingPaused;
        Instant nextAskedAt = askedAt;
        switch (event) {
            case ASKED -> {
                if (status == ConsentStatus.UNKNOWN) {
                    nextStatus = ConsentStatus.ASKED;
                    nextAskedAt = at;
                }
            }
            case GRANTED -> nextStatus = status == ConsentStatus.OPTED_OUT ? status : ConsentStatus.OPTED_IN;
            case DECLINED -> nextStatus = status == ConsentStatus.OPTED_OUT ? status : ConsentStatus.DECLINED;
            case OPTED_OUT -> nextStatus = ConsentStatus.OPTED_OUT;
            case MARKETING_STOPPED -> nextPaused = true;
            case MARKETING_RESUMED -> nextPaused = false;
            default -> throw new IllegalStateException("unknown consent event " + event);
        }
        if (nextStatus == status && nextPaused == marketingPaused && Objects.equals(nextAskedAt, askedAt)) {
            return this;
        }
        return new ConsentRecord(shopId, customer, nextStatus, nextPaused, nextAskedAt, at, source);
    }

    /**
     * Tells whether offers may go to the customer: opted in and not paused.
     *
     * @return {@code true} when marketing messages are allowed
     */
    public boolean allowsMarketing() {
        return status == ConsentStatus.OPTED_IN && !marketingPaused;
    }

    /**
     * Tells whether any message may go to the customer: not opted out.
     *
     * @return {@code true} unless the customer opted out
     */
    public boolean allowsMessages() {
        return status != ConsentStatus.OPTED_OUT;
    }

    /**
     * Describes the consent for a run log or an outbox record, without the customer's number, e.g.
     * {@code OPTED_IN by button at 2026-11-20T10:00:00Z}.
     *
     * @return the description
     */
    public String describe() {
        String text = status.name();
        if (status != ConsentStatus.UNKNOWN) {
            text += " by " + source + " at " + updatedAt;
        }
        return marketingPaused ? text + ", marketing paused by the customer" : text;
    }

    /** Shows the record with the customer's number masked. */
    @Override
    public String toString() {
        return "ConsentRecord[" + shopId + ", " + customer.masked() + ", " + describe() + "]";
    }
}
