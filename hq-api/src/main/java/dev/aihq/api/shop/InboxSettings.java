package dev.aihq.api.shop;

import dev.aihq.api.inbox.InboxPriority;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a shop's unified inbox treats buyers' reviews, questions and chats: the answer time per priority and the
 * business hours it is counted in, when an interaction is escalated, what may be published without a person, and
 * when a product's reviews raise a quality alert. What a reply may promise (a refund, compensation, a replacement)
 * is the shop's {@link SalesSettings#promises()}, the same for every message ({@link ShopPromise#REFUND}).
 *
 * <p>Build with {@link #builder()}; {@link #defaults()} gives the values of a new shop.
 *
 * @param answerTimes the answer time of each priority, counted in business hours (the seed: critical 1 h, high
 *     4 h, normal 24 h); every priority present, each positive
 * @param businessHours when the shop answers, in its time zone; round the clock by default
 * @param escalationThreshold how many buyer messages in one interaction without a reply of ours that the shop
 *     marked resolving escalate it to a person (the seed: 3); 1–20
 * @param autoPublish whether a draft that passes the guard is published without a person; {@code false} (the
 *     default) holds every draft in the review queue
 * @param autoPublishNegativeReviews whether a reply to a 1–2★ review may be published without a person too; only
 *     with {@code autoPublish}; {@code false} by default, as the seed asks
 * @param negativeShareAlertPercent by how many percent a product's share of 1–2★ reviews must grow week over week
 *     to raise a quality alert (the seed: 30); 1–1000
 * @param alertMinimumReviews how many reviews a product needs in the current week before an alert can be raised,
 *     so that one bad review of a rarely reviewed product is no alarm; 1 or more
 */
public record InboxSettings(
        Map<InboxPriority, Duration> answerTimes,
        BusinessHours businessHours,
        int escalationThreshold,
        boolean autoPublish,
        boolean autoPublishNegativeReviews,
        BigDecimal negativeShareAlertPercent,
        int alertMinimumReviews) {

    /** The most buyer messages the escalation threshold may be. */
    public static final int MAX_ESCALATION_THRESHOLD = 20;

    /** Validates and copies. */
    public InboxSettings {
        Objects.requireNonNull(answerTimes, "answer times");
        Map<InboxPriority, Duration> copy = new EnumMap<>(InboxPriority.class);
        for (InboxPriority priority : InboxPriority.values()) {
            Duration time = answerTimes.get(priority);
            if (time == null) {
                throw new IllegalArgumentException("answer times need a time for " + priority.wireValue());
            }
            if (time.isNegative() || time.isZero()) {
                throw new IllegalArgumentException("the answer time of " + priority.wireValue()
                        + " must be positive; got " + time);
            }
            copy.put(priority, time);
        }
        answerTimes = java.util.Collections.unmodifiableMap(copy);
        Objects.requireNonNull(businessHours, "business hours");
        if (escalationThreshold < 1 || escalationThreshold > MAX_ESCALATION_THRESHOLD) {
            throw new IllegalArgumentException("escalation threshold must be 1-" + MAX_ESCALATION_THRESHOLD
                    + " buyer messages; got " + escalationThreshold);
        }
        if (autoPublishNegativeReviews && !autoPublish) {
            throw new IllegalArgumentException("autoPublishNegativeReviews needs autoPublish");
        }
        Objects.requireNonNull(negativeShareAlertPercent, "negative share alert percent");
        if (negativeShareAlertPercent.compareTo(BigDecimal.ONE) < 0
                || negativeShareAlertPercent.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new IllegalArgumentException("negative share alert percent must be 1-1000; got "
                    + negativeShareAlertPercent);
        }
        if (alertMinimumReviews < 1) {
            throw new IllegalArgumentException("alert minimum reviews must be 1 or more; got " + alertMinimumReviews);
        }
    }

    /**
     * Returns the settings of a new shop: 1/4/24 h round the clock, escalation after 3 buyer messages, every draft
     * held for a person, an alert at +30 % with at least 5 reviews in the week.
     *
     * @return the defaults
     */
    public static InboxSettings defaults() {
        return builder().build();
    }

    /**
     * Returns the answer time of a priority.
     *
     * @param priority the priority
     * @return the answer time in business hours
     */
    public Duration answerTime(InboxPriority priority) {
        return answerTimes.get(priority);
    }

    /**
     * Starts a builder with the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding these settings.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.answerTimes.putAll(answerTimes);
        b.businessHours = businessHours;
        b.escalationThreshold = escalationThreshold;
        b.autoPublish = autoPublish;
        b.autoPublishNegativeReviews = autoPublishNegativeReviews;
        b.negativeShareAlertPercent = negativeShareAlertPercent;
        b.alertMinimumReviews = alertMinimumReviews;
        return b;
    }

    /** Builds {@link InboxSettings}. Not thread-safe. */
    public static final class Builder {
        private final Map<InboxPriority, Duration> answerTimes = new EnumMap<>(InboxPriority.class);
        private BusinessHours businessHours = BusinessHours.always();
        private int escalationThreshold = 3;
        private boolean autoPublish;
        private boolean autoPublishNegativeReviews;
        private BigDecimal negativeShareAlertPercent = BigDecimal.valueOf(30);
        private int alertMinimumReviews = 5;

        private Builder() {
            for (InboxPriority priority : InboxPriority.values()) {
                answerTimes.put(priority, priority.defaultSla());
            }
        }

        /**
         * Sets the answer time of a priority.
         *
         * @param priority the priority
         * @param time the answer time in business hours, positive
         * @return this builder
         */
        public Builder answerTime(InboxPriority priority, Duration time) {
            answerTimes.put(Objects.requireNonNull(priority, "priority"), Objects.requireNonNull(time, "time"));
            return this;
        }

        /**
         * Sets the business hours.
         *
         * @param hours the hours
         * @return this builder
         */
        public Builder businessHours(BusinessHours hours) {
            this.businessHours = Objects.requireNonNull(hours, "business hours");
            return this;
        }

        /**
         * Sets the escalation threshold.
         *
         * @param messages buyer messages without a resolving reply, 1–20
         * @return this builder
         */
        public Builder escalationThreshold(int messages) {
            this.escalationThreshold = messages;
            return this;
        }

        /**
         * Sets whether drafts that pass the guard are published without a person.
         *
         * @param autoPublish {@code true} to publish them
         * @return this builder
         */
        public Builder autoPublish(boolean autoPublish) {
            this.autoPublish = autoPublish;
            return this;
        }

        /**
         * Sets whether replies to 1–2★ reviews may be published without a person too.
         *
         * @param allowed {@code true} to allow it (needs {@link #autoPublish})
         * @return this builder
         */
        public Builder autoPublishNegativeReviews(boolean allowed) {
            this.autoPublishNegativeReviews = allowed;
            return this;
        }

        /**
         * Sets the week-over-week growth of a product's negative share that raises an alert.
         *
         * @param percent 1–1000
         * @return this builder
         */
        public Builder negativeShareAlertPercent(BigDecimal percent) {
            this.negativeShareAlertPercent = Objects.requireNonNull(percent, "percent");
            return this;
        }

        /**
         * Sets how many reviews a product needs in the week before an alert.
         *
         * @param reviews 1 or more
         * @return this builder
         */
        public Builder alertMinimumReviews(int reviews) {
            this.alertMinimumReviews = reviews;
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException naming the field that is out of range
         */
        public InboxSettings build() {
            return new InboxSettings(answerTimes, businessHours, escalationThreshold, autoPublish,
                    autoPublishNegativeReviews, negativeShareAlertPercent,
                    alertMinimumReviews);
        }
    }
}
