package dev.aihq.api.inbox;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.InboxItemKind;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * One conversation with a buyer on a marketplace, as the unified inbox keeps it: a review with its replies and
 * rating changes, a product question with its answers, or a buyer chat. Its timeline is a list of
 * {@link InteractionMessage}s in the {@link dev.aihq.api.store.InteractionStore}; this record is the state the
 * inbox derives from it: the classification, the SLA deadline, the escalation count, the order link.
 *
 * <p>Its id is {@code <marketplace>:<kind>:<thread>} ({@link #idOf}), the same for every message of the thread,
 * so that fetching the same review twice finds the same interaction.
 *
 * @param shopId the shop
 * @param marketplace the marketplace
 * @param kind review, question or chat
 * @param threadId the marketplace's id of the review, question or chat; 1–200 printable characters, colons
 *     included (a Wildberries chat id is {@code 1:<uuid>}); the id stays unambiguous, since neither the
 *     marketplace's code nor the kind has a colon
 * @param productId the marketplace's product id ({@code nmId}, Ozon SKU), or {@code null}
 * @param sellerSku the seller's article, or {@code null}
 * @param productName the product's name, or {@code null}
 * @param replyHandle what the marketplace needs besides the thread id to reply (a Wildberries chat's
 *     {@code replySign}), the latest given, or {@code null}; masked in {@link #toString()}
 * @param orderLink the order the interaction is about, or {@code null} while unknown
 * @param firstRating a review's first rating 1–5, or {@code null}
 * @param rating a review's current rating 1–5, or {@code null}
 * @param classification the classifier's answer for the buyer's latest message, or {@code null} before the first
 * @param classifiedMessageId the id of the buyer's message the classification is for, or {@code null}: a message
 *     classified once is not classified again when its run is resumed or reviewed
 * @param correction a person's correction of it, or {@code null}; it wins over the classifier's
 * @param status where it stands
 * @param openedAt when its first message came
 * @param lastBuyerAt when the buyer last wrote, or {@code null} if the buyer has not (a chat the shop started)
 * @param slaDeadline when the shop's answer is due, or {@code null} when nothing waits for the shop
 * @param firstDeadline when the first answer was due (the buyer's first message plus the answer time of its
 *     priority, in business hours), for SLA compliance; or {@code null} when the buyer did not write first
 * @param firstReplyAt when our first reply went out, or {@code null}
 * @param unansweredBuyerMessages the buyer's messages since our last resolving reply (the escalation count), 0 or more
 * @param escalatedAt when it was escalated, or {@code null}
 * @param updatedAt when it last changed
 * @param version the version read from the store, 0 for one never saved; {@link dev.aihq.api.store.InteractionStore#save} writes the next
 */
public record Interaction(
        ShopId shopId,
        Marketplace marketplace,
        InboxItemKind kind,
        String threadId,
        @Nullable String productId,
        @Nullable String sellerSku,
        @Nullable String productName,
        @Nullable String replyHandle,
        @Nullable OrderLink orderLink,
        @Nullable Integer firstRating,
        @Nullable Integer rating,
        @Nullable Classification classification,
        @Nullable String classifiedMessageId,
        @Nullable Classification correction,
        InteractionStatus status,
        Instant openedAt,
        @Nullable Instant lastBuyerAt,
        @Nullable Instant slaDeadline,
        @Nullable Instant firstDeadline,
        @Nullable Instant firstReplyAt,
        int unansweredBuyerMessages,
        @Nullable Instant escalatedAt,
        Instant updatedAt,
        long version) {

    private static final Pattern THREAD = Pattern.compile("[^\\p{Cntrl}]{1,200}");

    /** Validates the fields. */
    public Interaction {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(threadId, "thread id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "opened at");
        Objects.requireNonNull(updatedAt, "updated at");
        if (!THREAD.matcher(threadId).matches() || threadId.isBlank()) {
            throw new IllegalArgumentException("thread id must be 1-200 printable characters; got '"
                    + threadId + "'");
        }
        rating("first rating", firstRating);
        rating("rating", rating);
        if (unansweredBuyerMessages < 0) {
            throw new IllegalArgumentException("unanswered buyer messages must be 0 or more; got "
                    + unansweredBuyerMessages);
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must be 0 or more; got " + version);
        }
        if (status.awaitsShop() && slaDeadline == null) {
            throw new IllegalArgumentException("an interaction waiting for the shop (" + status.wireValue()
                    + ") needs its SLA deadline");
        }
        if (status == InteractionStatus.ESCALATED && escalatedAt == null) {
            throw new IllegalArgumentException("an escalated interaction needs the time it was escalated");
        }
    }

    private static void rating(String field, @Nullable Integer value) {
        if (value != null && (value < 1 || value > 5)) {
            throw new IllegalArgumentException(field + " must be 1-5; got " + value);
        }
    }

    /**
     * Returns the id of a thread's interaction.
     *
     * @param marketplace the marketplace
     * @param kind the kind
     * @param threadId the marketplace's id of the review, question or chat
     * @return {@code <marketplace>:<kind>:<thread>}, e.g. {@code ozon:chat_message:6f2e…}
     */
    public static String idOf(Marketplace marketplace, InboxItemKind kind, String threadId) {
        return marketplace.code() + ":" + kind.wireValue() + ":" + threadId;
    }

    /**
     * Returns this interaction's id.
     *
     * @return {@link #idOf} of its marketplace, kind and thread
     */
    public String id() {
        return idOf(marketplace, kind, threadId);
    }

    /**
     * Returns the classification that counts: a person's correction when there is one, else the classifier's.
     *
     * @return the classification, or {@code null} before the first
     */
    public @Nullable Classification effectiveClassification() {
        return correction != null ? correction : classification;
    }

    /** Describes the interaction with its reply handle masked. */
    @Override
    public String toString() {
        return "Interaction[id=" + id() + ", shopId=" + shopId + ", status=" + status.wireValue() + ", productId="
                + productId + ", orderLink=" + orderLink + ", rating=" + rating + ", classification="
                + classification + ", correction=" + correction + ", openedAt=" + openedAt + ", slaDeadline="
                + slaDeadline + ", firstDeadline=" + firstDeadline + ", firstReplyAt=" + firstReplyAt
                + ", unansweredBuyerMessages=" + unansweredBuyerMessages + ", escalatedAt=" + escalatedAt
                + ", replyHandle=" + (replyHandle == null ? "null" : "***") + ", version=" + version + "]";
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder with this interaction's values.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return builder()
                .shopId(shopId)
                .marketplace(marketplace)
                .kind(kind)
                .threadId(threadId)
                .productId(productId)
                .sellerSku(sellerSku)
                .productName(productName)
                .replyHandle(replyHandle)
                .orderLink(orderLink)
                .firstRating(firstRating)
                .rating(rating)
                .classification(classification)
                .classifiedMessageId(classifiedMessageId)
                .correction(correction)
                .status(status)
                .openedAt(openedAt)
                .lastBuyerAt(lastBuyerAt)
                .slaDeadline(slaDeadline)
                .firstDeadline(firstDeadline)
                .firstReplyAt(firstReplyAt)
                .unansweredBuyerMessages(unansweredBuyerMessages)
                .escalatedAt(escalatedAt)
                .updatedAt(updatedAt)
                .version(version);
    }

    /** Builds an {@link Interaction}. Not thread-safe. */
    public static final class Builder {
        private ShopId shopId;
        private Marketplace marketplace;
        private InboxItemKind kind;
        private String threadId;
        private @Nullable String productId;
        private @Nullable String sellerSku;
        private @Nullable String productName;
        private @Nullable String replyHandle;
        private @Nullable OrderLink orderLink;
        private @Nullable Integer firstRating;
        private @Nullable Integer rating;
        private @Nullable Classification classification;
        private @Nullable String classifiedMessageId;
        private @Nullable Classification correction;
        private InteractionStatus status;
        private Instant openedAt;
        private @Nullable Instant lastBuyerAt;
        private @Nullable Instant slaDeadline;
        private @Nullable Instant firstDeadline;
        private @Nullable Instant firstReplyAt;
        private Integer unansweredBuyerMessages = 0;
        private @Nullable Instant escalatedAt;
        private Instant updatedAt;
        private Long version = 0L;

        private Builder() {}

        /**
         * Sets {@code shopId}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder shopId(ShopId v) {
            this.shopId = v;
            return this;
        }

        /**
         * Sets {@code marketplace}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder marketplace(Marketplace v) {
            this.marketplace = v;
            return this;
        }

        /**
         * Sets {@code kind}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder kind(InboxItemKind v) {
            this.kind = v;
            return this;
        }

        /**
         * Sets {@code threadId}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder threadId(String v) {
            this.threadId = v;
            return this;
        }

        /**
         * Sets {@code productId}.
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder productId(@Nullable String v) {
            this.productId = v;
            return this;
        }

        /**
         * Sets {@code sellerSku}.
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder sellerSku(@Nullable String v) {
            this.sellerSku = v;
            return this;
        }

        /**
         * Sets {@code productName}.
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder productName(@Nullable String v) {
            this.productName = v;
            return this;
        }

        /**
         * Sets {@code orderLink}.
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder orderLink(@Nullable OrderLink v) {
            this.orderLink = v;
            return this;
        }

        /**
         * Sets {@code firstRating}.
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder firstRating(@Nullable Integer v) {
            this.firstRating = v;
            return this;
        }

        /**
         * Sets {@code rating}.
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder rating(@Nullable Integer v) {
            this.rating = v;
            return this;
        }

        /**
         * Sets {@code classification}.
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder classification(@Nullable Classification v) {
            this.classification = v;
            return this;
        }

        /**
         * Sets {@code correction}.
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder correction(@Nullable Classification v) {
            this.correction = v;
            return this;
        }

        /**
         * Sets {@code status}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder status(InteractionStatus v) {
            this.status = v;
            return this;
        }

        /**
         * Sets {@code openedAt}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder openedAt(Instant v) {
            this.openedAt = v;
            return this;
        }

        /**
         * Sets {@code lastBuyerAt}.
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder lastBuyerAt(@Nullable Instant v) {
            this.lastBuyerAt = v;
            return this;
        }

        /**
         * Sets {@code slaDeadline}.
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder slaDeadline(@Nullable Instant v) {
            this.slaDeadline = v;
            return this;
        }

        /**
         * Sets {@code classifiedMessageId}.
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder classifiedMessageId(@Nullable String v) {
            this.classifiedMessageId = v;
            return this;
        }

        /**
         * Sets {@code firstDeadline}.
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder firstDeadline(@Nullable Instant v) {
            this.firstDeadline = v;
            return this;
        }

        /**
         * Sets {@code replyHandle}.
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder replyHandle(@Nullable String v) {
            this.replyHandle = v;
            return this;
        }

        /**
         * Sets {@code firstReplyAt}.
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder firstReplyAt(@Nullable Instant v) {
            this.firstReplyAt = v;
            return this;
        }

        /**
         * Sets {@code unansweredBuyerMessages}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder unansweredBuyerMessages(int v) {
            this.unansweredBuyerMessages = v;
            return this;
        }

        /**
         * Sets {@code escalatedAt}.
         *
         * @param v the value, or {@code null}
         * @return this builder
         */
        public Builder escalatedAt(@Nullable Instant v) {
            this.escalatedAt = v;
            return this;
        }

        /**
         * Sets {@code updatedAt}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder updatedAt(Instant v) {
            this.updatedAt = v;
            return this;
        }

        /**
         * Sets {@code version}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder version(long v) {
            this.version = v;
            return this;
        }

        /**
         * Builds the interaction.
         *
         * @return the interaction
         * @throws NullPointerException naming a missing required field
         * @throws IllegalArgumentException naming a malformed field
         */
        public Interaction build() {
            return new Interaction(shopId, marketplace, kind, threadId, productId, sellerSku, productName, replyHandle, orderLink, firstRating, rating, classification, classifiedMessageId, correction, status, openedAt, lastBuyerAt, slaDeadline, firstDeadline, firstReplyAt, unansweredBuyerMessages == null ? 0 : unansweredBuyerMessages, escalatedAt, updatedAt, version == null ? 0 : version);
        }
    }
}
