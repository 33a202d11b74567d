package dev.aihq.api.inbox;

import dev.aihq.api.event.InboxSender;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * One message of an interaction's timeline: the buyer's review, question or chat message, the marketplace's
 * notice, or our reply.
 *
 * @param messageId the marketplace's id of the message (for a review's new version, the review id and the version;
 *     for our replies, the id the marketplace gave or our own); unique within the interaction; 1–200 printable
 *     characters
 * @param sender who wrote it
 * @param text what was written; may be empty for a rating without text, at most {@value #MAX_TEXT_LENGTH}
 *     characters
 * @param rating the review's rating 1–5 as of this message, or {@code null}
 * @param at when it was written
 * @param origin for our replies ({@link InboxSender#SELLER}), how it was written; {@code null} for everyone else's
 * @param resolving for our replies, whether the shop marked it as resolving the buyer's problem (it resets the
 *     escalation count); always {@code false} for everyone else's
 */
public record InteractionMessage(
        String messageId,
        InboxSender sender,
        String text,
        @Nullable Integer rating,
        Instant at,
        @Nullable ReplyOrigin origin,
        boolean resolving) {

    /** The longest text kept. */
    public static final int MAX_TEXT_LENGTH = 10_000;

    private static final Pattern ID = Pattern.compile("[^\\p{Cntrl}]{1,200}");

    /** Validates the fields against each other. */
    public InteractionMessage {
        Objects.requireNonNull(messageId, "message id");
        if (!ID.matcher(messageId).matches() || messageId.isBlank()) {
            throw new IllegalArgumentException("message id must be 1-200 printable characters; got '" + messageId
                    + "'");
        }
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("text must be at most " + MAX_TEXT_LENGTH + " characters; got "
                    + text.length());
        }
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new IllegalArgumentException("rating must be 1-5; got " + rating);
        }
        if (sender == InboxSender.SELLER) {
            if (origin == null) {
                throw new IllegalArgumentException("a reply of the shop needs its origin (draft_as_is, draft_edited"
                        + " or by_hand)");
            }
        } else if (origin != null || resolving) {
            throw new IllegalArgumentException("only the shop's replies have an origin and can be resolving; this"
                    + " message is from " + sender);
        }
    }

    /**
     * A buyer's (or the marketplace's) message.
     *
     * @param messageId the id
     * @param sender the buyer or the marketplace
     * @param text the text
     * @param rating the rating, or {@code null}
     * @param at when
     * @return the message
     */
    public static InteractionMessage incoming(String messageId, InboxSender sender, String text,
            @Nullable Integer rating, Instant at) {
        return new InteractionMessage(messageId, sender, text, rating, at, null, false);
    }

    /**
     * One of our replies.
     *
     * @param messageId the id
     * @param text the text
     * @param at when it went out
     * @param origin how it was written
     * @param resolving whether the shop marked it as resolving
     * @return the message
     */
    public static InteractionMessage reply(String messageId, String text, Instant at, ReplyOrigin origin,
            boolean resolving) {
        return new InteractionMessage(messageId, InboxSender.SELLER, text, null, at, origin, resolving);
    }
}
