package dev.aihq.api.event;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Something a buyer wrote on a marketplace for the shop's inbox: a new review, a new question, or a new message in
 * a buyer chat, as a connector read it. The key makes the same item read twice one event:
 * {@code inbox:<marketplace>:<kind>:<thread id>:<message id>}.
 *
 * @param shopId the shop
 * @param marketplace the marketplace
 * @param kind review, question or chat message
 * @param threadId the marketplace's id of the review, the question or the chat
 * @param messageId the message's id within the thread (for a review or question, the item's own id)
 * @param sender who wrote it
 * @param text what was written; may be empty (a review with a rating only, a message with files only)
 * @param rating the review's rating 1–5, or {@code null} for other kinds
 * @param authorName the buyer's first name as the marketplace shows it, or {@code null}
 * @param productId the marketplace's product id (WB {@code nmId}, Ozon SKU), or {@code null}
 * @param sellerSku the shop's article, or {@code null}
 * @param productName the product's name, or {@code null}
 * @param orderRef the marketplace's reference of the order the item is about (WB {@code rid}/{@code srid}, Ozon
 *     posting number), or {@code null} when the marketplace gave none
 * @param replyHandle what the marketplace needs to reply in this thread (WB chat {@code replySign}), or
 *     {@code null}; a credential-like value, never logged
 * @param attachments names or kinds of the files attached, possibly empty
 * @param occurredAt when it was written
 * @param idempotencyKey the deduplication key
 */
public record InboxEvent(
        ShopId shopId,
        Marketplace marketplace,
        InboxItemKind kind,
        String threadId,
        String messageId,
        InboxSender sender,
        String text,
        @Nullable Integer rating,
        @Nullable String authorName,
        @Nullable String productId,
        @Nullable String sellerSku,
        @Nullable String productName,
        @Nullable String orderRef,
        @Nullable String replyHandle,
        List<String> attachments,
        Instant occurredAt,
        String idempotencyKey) implements HqEvent {

    /** The prefix of {@link #type()}: {@code inbox.review}, {@code inbox.question}, {@code inbox.chat_message}. */
    public static final String TYPE_PREFIX = "inbox.";

    /** Validates the event: ids not blank, a rating 1–5 only on a review, the key well formed. */
    public InboxEvent {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(threadId, "thread id");
        Objects.requireNonNull(messageId, "message id");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(occurredAt, "occurred at");
        Objects.requireNonNull(idempotencyKey, "idempotency key");
        attachments = List.copyOf(attachments);
        if (threadId.isBlank() || messageId.isBlank()) {
            throw new IllegalArgumentException("an inbox item needs a thread id and a message id");
        }
        if (rating != null && (kind != InboxItemKind.REVIEW || rating < 1 || rating > 5)) {
            throw new IllegalArgumentException("only a review has a rating, 1-5; got " + rating + " on a "
                    + kind.wireValue());
        }
        Keys.requireValid(idempotencyKey);
    }

    @Override
    public String type() {
        return TYPE_PREFIX + kind.wireValue();
    }

    /** Keeps the reply handle out of logs. */
    @Override
    public String toString() {
        return "InboxEvent[" + shopId + ", " + marketplace + ", " + kind.wireValue() + ", thread " + threadId
                + ", message " + messageId + ", " + sender + ", " + text.length() + " chars"
                + (rating == null ? "" : ", rating " + rating) + (orderRef == null ? "" : ", order " + orderRef)
                + ", " + occurredAt + "]";
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link InboxEvent}. Not thread-safe. */
    public static final class Builder {
        private @Nullable ShopId shopId;
        private @Nullable Marketplace marketplace;
        private @Nullable InboxItemKind kind;
        private @Nullable String threadId;
        private @Nullable String messageId;
        private InboxSender sender = InboxSender.BUYER;
        private String text = "";
        private @Nullable Integer rating;
        private @Nullable String authorName;
        private @Nullable String productId;
        private @Nullable String sellerSku;
        private @Nullable String productName;
        private @Nullable String orderRef;
        private @Nullable String replyHandle;
        private final List<String> attachments = new ArrayList<>();
        private @Nullable Instant occurredAt;

        private Builder() {}

        /** @param v the shop @return this builder */
        public Builder shopId(ShopId v) {
            shopId = v;
            return this;
        }

        /** @param v the marketplace @return this builder */
        public Builder marketplace(Marketplace v) {
            marketplace = v;
            return this;
        }

        /** @param v the kind @return this builder */
        public Builder kind(InboxItemKind v) {
            kind = v;
            return this;
        }

        /** @param v the review's, question's or chat's id @return this builder */
        public Builder threadId(String v) {
            threadId = v;
            return this;
        }

        /** @param v the message's id; defaults to the thread id @return this builder */
        public Builder messageId(String v) {
            messageId = v;
            return this;
        }

        /** @param v who wrote it; default the buyer @return this builder */
        public Builder sender(InboxSender v) {
            sender = Objects.requireNonNull(v, "sender");
            return this;
        }

        /** @param v the text; default empty @return this builder */
        public Builder text(String v) {
            text = Objects.requireNonNull(v, "text");
            return this;
        }

        /** @param v the rating 1–5 of a review, or null @return this builder */
        public Builder rating(@Nullable Integer v) {
            rating = v;
            return this;
        }

        /** @param v the buyer's first name, or null @return this builder */
        public Builder authorName(@Nullable String v) {
            authorName = v;
            return this;
        }

        /** @param v the marketplace's product id, or null @return this builder */
        public Builder productId(@Nullable String v) {
            productId = v;
            return this;
        }

        /** @param v the shop's article, or null @return this builder */
        public Builder sellerSku(@Nullable String v) {
            sellerSku = v;
            return this;
        }

        /** @param v the product's name, or null @return this builder */
        public Builder productName(@Nullable String v) {
            productName = v;
            return this;
        }

        /** @param v the order reference, or null @return this builder */
        public Builder orderRef(@Nullable String v) {
            orderRef = v;
            return this;
        }

        /** @param v what a reply in this thread needs, or null @return this builder */
        public Builder replyHandle(@Nullable String v) {
            replyHandle = v;
            return this;
        }

        /** @param v an attachment's name or kind @return this builder */
        public Builder attachment(String v) {
            attachments.add(Objects.requireNonNull(v, "attachment"));
            return this;
        }

        /** @param v when it was written @return this builder */
        public Builder occurredAt(Instant v) {
            occurredAt = v;
            return this;
        }

        /**
         * Builds the event with the key {@code inbox:<marketplace>:<kind>:<thread id>:<message id>}; a key over
         * 200 characters takes a digest of the ids instead.
         *
         * @return the event
         */
        public InboxEvent build() {
            Objects.requireNonNull(marketplace, "marketplace");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(threadId, "thread id");
            String message = messageId == null ? threadId : messageId;
            String key = "inbox:" + marketplace.code() + ":" + kind.wireValue() + ":" + threadId + ":" + message;
            if (key.length() > Keys.MAX_LENGTH || key.chars().anyMatch(Character::isISOControl)) {
                key = "inbox:" + marketplace.code() + ":" + kind.wireValue() + ":" + Keys.digest(threadId, message);
            }
            return new InboxEvent(Objects.requireNonNull(shopId, "shop id"), marketplace, kind, threadId, message,
                    sender, text, rating, authorName, productId, sellerSku, productName, orderRef, replyHandle,
                    attachments, Objects.requireNonNull(occurredAt, "occurred at"), key);
        }
    }
}
