package dev.aihq.agents.inbox.classify;

import dev.aihq.api.Marketplace;
import dev.aihq.api.event.InboxItemKind;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What a classifier sees of a buyer's message: only the text, its kind and the review's rating, as the labelling
 * guide says (no order history, no earlier messages).
 *
 * @param marketplace where the buyer wrote
 * @param kind a review, a product-card question or a chat message
 * @param text the buyer's text as written; may be blank (a review with a rating only), at most
 *     {@value #MAX_TEXT_LENGTH} characters
 * @param rating the review's stars, 1 to 5; {@code null} for questions and chat messages, and for a review whose
 *     rating is unknown
 */
public record ClassifierInput(Marketplace marketplace, InboxItemKind kind, String text, @Nullable Integer rating) {

    /** The longest text accepted. */
    public static final int MAX_TEXT_LENGTH = 20_000;

    /** Validates every field, naming it in the error. */
    public ClassifierInput {
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("text must be at most " + MAX_TEXT_LENGTH + " characters; got "
                    + text.length());
        }
        if (rating != null) {
            if (kind != InboxItemKind.REVIEW) {
                throw new IllegalArgumentException("rating is only for reviews; got " + rating + " on a "
                        + kind.wireValue());
            }
            if (rating < 1 || rating > 5) {
                throw new IllegalArgumentException("rating must be 1 to 5; got " + rating);
            }
        }
    }

    /**
     * Returns a review.
     *
     * @param marketplace where the buyer wrote
     * @param rating the stars, 1 to 5
     * @param text the text
     * @return the input
     */
    public static ClassifierInput review(Marketplace marketplace, int rating, String text) {
        return new ClassifierInput(marketplace, InboxItemKind.REVIEW, text, rating);
    }

    /**
     * Returns a product-card question.
     *
     * @param marketplace where the buyer wrote
     * @param text the text
     * @return the input
     */
    public static ClassifierInput question(Marketplace marketplace, String text) {
        return new ClassifierInput(marketplace, InboxItemKind.QUESTION, text, null);
    }

    /**
     * Returns a chat message.
     *
     * @param marketplace where the buyer wrote
     * @param text the text
     * @return the input
     */
    public static ClassifierInput chat(Marketplace marketplace, String text) {
        return new ClassifierInput(marketplace, InboxItemKind.CHAT_MESSAGE, text, null);
    }

    @Override
    public String toString() {
        // The text may hold a buyer's personal details: leave it out of logs.
        return "ClassifierInput[marketplace=" + marketplace + ", kind=" + kind.wireValue() + ", rating=" + rating
                + ", text=" + text.length() + " chars]";
    }
}
