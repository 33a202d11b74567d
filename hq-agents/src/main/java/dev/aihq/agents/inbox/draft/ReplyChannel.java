package dev.aihq.agents.inbox.draft;

import dev.aihq.api.Marketplace;
import dev.aihq.api.event.InboxItemKind;
import java.util.Objects;

/**
 * The length limits of one kind of reply on one marketplace, in UTF-16 characters as the marketplaces count them,
 * with where each figure comes from.
 *
 * @param marketplace the marketplace
 * @param kind what is answered
 * @param minLength the shortest reply accepted
 * @param maxLength the longest reply accepted
 * @param source where the limits come from, or why the SDK chose them
 */
public record ReplyChannel(Marketplace marketplace, InboxItemKind kind, int minLength, int maxLength,
        String source) {

    /** Validates the range. */
    public ReplyChannel {
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("a reply channel needs 1 <= min <= max; got " + minLength + "-"
                    + maxLength);
        }
    }

    /**
     * Returns the limits of a marketplace's kind of reply: the documented ones (reference §2.5–§2.7, §3.5–§3.7), or,
     * where the marketplace documents none, the shortest limit it documents for any reply, so that a reply is
     * never cut by a rule nobody wrote down.
     *
     * @param marketplace the marketplace
     * @param kind what is answered
     * @return the limits
     */
    public static ReplyChannel of(Marketplace marketplace, InboxItemKind kind) {
        if (marketplace.equals(Marketplace.WILDBERRIES)) {
            return switch (kind) {
                case REVIEW -> new ReplyChannel(marketplace, kind, 2, 5000, "WB feedback answer: 2-5000 characters");
                case QUESTION -> new ReplyChannel(marketplace, kind, 2, 1000, "WB documents no limit for question"
                        + " answers; kept within its chat limit, 1000");
                case CHAT_MESSAGE -> new ReplyChannel(marketplace, kind, 1, 1000, "WB chat message: at most 1000"
                        + " characters");
            };
        }
        if (marketplace.equals(Marketplace.OZON)) {
            return switch (kind) {
                case REVIEW -> new ReplyChannel(marketplace, kind, 2, 1000, "Ozon documents no limit for review"
                        + " comments; kept within its chat limit, 1000");
                case QUESTION -> new ReplyChannel(marketplace, kind, 2, 3000, "Ozon question answer: 2-3000"
                        + " characters");
                case CHAT_MESSAGE -> new ReplyChannel(marketplace, kind, 1, 1000, "Ozon chat message: plain text,"
                        + " 1-1000 characters");
            };
        }
        return new ReplyChannel(marketplace, kind, 1, 1000, "no documented limit for " + marketplace.code()
                + "; 1000 characters");
    }
}
