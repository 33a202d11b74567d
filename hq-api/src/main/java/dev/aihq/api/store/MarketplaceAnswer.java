package dev.aihq.api.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What the marketplace (or the buyer) answered to a {@link LegalCase}'s objection, claim or request, recorded by
 * the integrator when it arrives. The next assessment of the shop shows earlier answers, so a rejected ground is
 * not argued the same way twice.
 *
 * @param key the answer's own key (e.g. the ticket's message id); one answer per (shop, case, key)
 * @param receivedAt when the answer arrived
 * @param outcome what it decided
 * @param text the answer's text, at most {@link #MAX_TEXT} characters
 */
public record MarketplaceAnswer(String key, Instant receivedAt, Outcome outcome, String text) {

    /** The longest text kept. */
    public static final int MAX_TEXT = 20_000;

    /** What an answer decided. Wire values are the lower-case names. */
    public enum Outcome {
        /** The seller's request was granted in full (measure lifted, fine cancelled, claim paid). */
        GRANTED,
        /** Granted in part (reduced, shortened, partly paid). */
        PARTLY_GRANTED,
        /** Refused. */
        REFUSED,
        /** No decision yet (an acknowledgement, a request for more documents). */
        PENDING;

        /**
         * Returns the wire value.
         *
         * @return e.g. {@code partly_granted}
         */
        public String wireValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Parses a wire value.
         *
         * @param value e.g. {@code refused}
         * @return the outcome
         * @throws IllegalArgumentException naming the accepted values
         */
        public static Outcome fromWire(String value) {
            for (Outcome o : values()) {
                if (o.wireValue().equals(value)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("outcome must be granted, partly_granted, refused or pending, got '"
                    + value + "'");
        }
    }

    /** Requires every part, a key of 1–200 characters and a text of at most {@link #MAX_TEXT} characters. */
    public MarketplaceAnswer {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(receivedAt, "received at");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(text, "text");
        if (key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("an answer key must be 1-200 characters, got " + key.length());
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("an answer's text must be at most " + MAX_TEXT + " characters, got "
                    + text.length());
        }
    }
}
