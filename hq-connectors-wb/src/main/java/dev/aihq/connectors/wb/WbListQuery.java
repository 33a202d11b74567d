package dev.aihq.connectors.wb;

import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Which feedbacks or questions to list: answered or not, optionally one product ({@code nmId}) and a creation-date
 * window, in an order. Paging is the connector's business: it walks every page to the end.
 *
 * <pre>{@code
 * WbListQuery.unanswered().toBuilder().dateFrom(since).build()
 * }</pre>
 *
 * @param answered {@code isAnswered}: {@code false} for the unanswered ones
 * @param nmId only this product, or {@code null} for all
 * @param order the order; oldest first by default
 * @param dateFrom created at or after (whole seconds), or {@code null}
 * @param dateTo created at or before (whole seconds), or {@code null}
 */
public record WbListQuery(
        boolean answered,
        @Nullable Long nmId,
        WbSortOrder order,
        @Nullable Instant dateFrom,
        @Nullable Instant dateTo) {

    /**
     * Validates the window.
     *
     * @throws IllegalArgumentException when {@code dateTo} is before {@code dateFrom}
     */
    public WbListQuery {
        Objects.requireNonNull(order, "order");
        if (dateFrom != null && dateTo != null && dateTo.isBefore(dateFrom)) {
            throw new IllegalArgumentException("dateTo " + dateTo + " is before dateFrom " + dateFrom);
        }
    }

    /**
     * Returns the query for every unanswered item, oldest first.
     *
     * @return the query
     */
    public static WbListQuery unanswered() {
        return new WbListQuery(false, null, WbSortOrder.DATE_ASC, null, null);
    }

    /**
     * Returns the query for every answered item, oldest first.
     *
     * @return the query
     */
    public static WbListQuery answeredItems() {
        return new WbListQuery(true, null, WbSortOrder.DATE_ASC, null, null);
    }

    /**
     * Starts a builder holding this query.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link WbListQuery}. Not thread-safe. */
    public static final class Builder {
        private boolean answered;
        private @Nullable Long nmId;
        private WbSortOrder order;
        private @Nullable Instant dateFrom;
        private @Nullable Instant dateTo;

        private Builder(WbListQuery query) {
            this.answered = query.answered;
            this.nmId = query.nmId;
            this.order = query.order;
            this.dateFrom = query.dateFrom;
            this.dateTo = query.dateTo;
        }

        /**
         * Sets answered or not.
         *
         * @param answered {@code isAnswered}
         * @return this builder
         */
        public Builder answered(boolean answered) {
            this.answered = answered;
            return this;
        }

        /**
         * Limits to one product.
         *
         * @param nmId WB's article, or {@code null} for all
         * @return this builder
         */
        public Builder nmId(@Nullable Long nmId) {
            this.nmId = nmId;
            return this;
        }

        /**
         * Sets the order.
         *
         * @param order the order
         * @return this builder
         */
        public Builder order(WbSortOrder order) {
            this.order = Objects.requireNonNull(order, "order");
            return this;
        }

        /**
         * Sets the window's start.
         *
         * @param dateFrom created at or after, or {@code null}
         * @return this builder
         */
        public Builder dateFrom(@Nullable Instant dateFrom) {
            this.dateFrom = dateFrom;
            return this;
        }

        /**
         * Sets the window's end.
         *
         * @param dateTo created at or before, or {@code null}
         * @return this builder
         */
        public Builder dateTo(@Nullable Instant dateTo) {
            this.dateTo = dateTo;
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the query
         */
        public WbListQuery build() {
            return new WbListQuery(answered, nmId, order, dateFrom, dateTo);
        }
    }
}
