package dev.aihq.connectors.wb;

import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.connector.EventSink;
import dev.aihq.api.error.AuthenticationException;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.event.InboxEvent;
import dev.aihq.api.store.PollCursor;
import dev.aihq.api.store.PollCursorStore;
import dev.aihq.connectors.wb.internal.mapper.WbInboxMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a shop's unanswered Wildberries feedbacks and questions into the inbox: each becomes an {@link InboxEvent}
 * ({@code REVIEW} or {@code QUESTION}) handed to the {@link EventSink}, which journals it before the poller goes
 * on. WB has no webhooks for sellers outside its partner catalog, so call {@link #poll(ShopId)} on a schedule.
 *
 * <pre>{@code
 * WbFeedbackPoller poller = WbFeedbackPoller.builder(wb, hq.events(), stores.cursors()).build();
 * WbPollReport report = poller.poll(shop);
 * }</pre>
 *
 * <p><b>Cursors after journaling.</b> Each stream ({@value #FEEDBACKS_STREAM}, {@value #QUESTIONS_STREAM}) has a
 * cursor in the {@link PollCursorStore}: the instant its last complete poll started. A poll lists unanswered items
 * created since the cursor minus the look-back (default {@link #DEFAULT_LOOK_BACK}, for items WB shows late; the
 * first poll reads {@link #DEFAULT_FIRST_LOOK_BACK}), skips those the sink already holds, and saves the cursor only
 * when every item read is journaled. An item the sink rejects, or a listing that fails, keeps the stream's cursor:
 * the next poll reads the same items again and the journal answers the ones it has as duplicates. A refused token
 * ({@link AuthenticationException}) stops the poll. Thread-safe if the sink and the store are.
 */
public final class WbFeedbackPoller {

    /** The cursor stream of unanswered feedbacks. */
    public static final String FEEDBACKS_STREAM = "wildberries.feedbacks.unanswered";

    /** The cursor stream of unanswered questions. */
    public static final String QUESTIONS_STREAM = "wildberries.questions.unanswered";

    /** How far before the cursor each poll reads again: 1 day. */
    public static final Duration DEFAULT_LOOK_BACK = Duration.ofDays(1);

    /** How far back the first poll of a stream reads: 30 days, the span after which WB archives unanswered items. */
    public static final Duration DEFAULT_FIRST_LOOK_BACK = Duration.ofDays(30);

    private final WbConnector connector;
    private final EventSink sink;
    private final PollCursorStore cursors;
    private final Clock clock;
    private final Duration lookBack;
    private final Duration firstLookBack;

    private WbFeedbackPoller(Builder builder) {
        this.connector = builder.connector;
        this.sink = builder.sink;
        this.cursors = builder.cursors;
        this.clock = builder.clock;
        this.lookBack = builder.lookBack;
        this.firstLookBack = builder.firstLookBack;
    }

    /**
     * Starts a builder.
     *
     * @param connector the WB connector
     * @param sink where events go, e.g. {@code AiHq#events()}
     * @param cursors where the streams' cursors are kept, e.g. {@code Stores#cursors()}
     * @return a builder
     */
    public static Builder builder(WbConnector connector, EventSink sink, PollCursorStore cursors) {
        return new Builder(connector, sink, cursors);
    }

    /**
     * Polls one shop's unanswered feedbacks and questions.
     *
     * @param shopId the shop
     * @return what was read and journaled per stream
     * @throws CapabilityNotSupportedException if the shop gets no reviews or questions (no token)
     * @throws AuthenticationException when WB refuses the token; no cursor moved
     * @throws dev.aihq.api.error.StoreException when the journal or the cursors cannot be written
     */
    public WbPollReport poll(ShopId shopId) {
        connector.require(shopId, Capability.REVIEWS_READ);
        connector.require(shopId, Capability.QUESTIONS);
        WbClient client = connector.client();
        WbPollReport.StreamReport feedbacks = pollStream(shopId, FEEDBACKS_STREAM,
                query -> client.feedbacks().list(shopId, query).stream()
                        .map(f -> WbInboxMapper.review(shopId, f)).toList());
        WbPollReport.StreamReport questions = pollStream(shopId, QUESTIONS_STREAM,
                query -> client.questions().list(shopId, query).stream()
                        .map(q -> WbInboxMapper.question(shopId, q)).toList());
        return new WbPollReport(shopId, feedbacks, questions);
    }

    private WbPollReport.StreamReport pollStream(ShopId shopId, String stream,
            Function<WbListQuery, List<InboxEvent>> read) {
        Instant started = clock.instant();
        Optional<PollCursor> cursor = cursors.find(shopId, stream);
        Instant since;
        if (cursor.isEmpty()) {
            since = started.minus(firstLookBack);
        } else {
            try {
                since = Instant.parse(cursor.get().position()).minus(lookBack);
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("cursor " + stream + " of shop " + shopId + " holds '"
                        + cursor.get().position() + "', which is not an instant; delete it (PollCursorStore#delete)", e);
            }
        }
        List<InboxEvent> events;
        try {
            events = read.apply(WbListQuery.unanswered().toBuilder().dateFrom(since).build());
        } catch (AuthenticationException e) {
            throw e;
        } catch (MarketplaceException e) {
            return new WbPollReport.StreamReport(stream, 0, 0, 0, 0, List.of("listing failed: " + e.getMessage()),
                    false);
        }
        int accepted = 0;
        int known = 0;
        int rejected = 0;
        List<String> problems = new ArrayList<>();
        for (InboxEvent event : events) {
            if (sink.contains(shopId, event.idempotencyKey())) {
                known++;
                continue;
            }
            EventSink.Acceptance acceptance = sink.accept(event);
            switch (acceptance.outcome()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> known++;
                case REJECTED -> {
                    rejected++;
                    problems.add(event.kind().wireValue() + " " + event.threadId() + " rejected: "
                            + acceptance.reason());
                }
                default -> throw new IllegalStateException(acceptance.outcome().name());
            }
        }
        boolean move = rejected == 0;
        if (move) {
            cursors.save(new PollCursor(shopId, stream, started.toString(), clock.instant()));
        }
        return new WbPollReport.StreamReport(stream, events.size(), accepted, known, rejected, problems, move);
    }

    @Override
    public String toString() {
        return "WbFeedbackPoller[lookBack=" + lookBack + ", firstLookBack=" + firstLookBack + "]";
    }

    /** Builds a {@link WbFeedbackPoller}. Not thread-safe. */
    public static final class Builder {
        private final WbConnector connector;
        private final EventSink sink;
        private final PollCursorStore cursors;
        private Clock clock = Clock.systemUTC();
        private Duration lookBack = DEFAULT_LOOK_BACK;
        private Duration firstLookBack = DEFAULT_FIRST_LOOK_BACK;

        private Builder(WbConnector connector, EventSink sink, PollCursorStore cursors) {
            this.connector = Objects.requireNonNull(connector, "connector");
            this.sink = Objects.requireNonNull(sink, "sink");
            this.cursors = Objects.requireNonNull(cursors, "cursors");
        }

        /**
         * Sets the clock of cursors. Default system UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how far before the cursor each poll reads again.
         *
         * @param lookBack zero or positive; default {@link #DEFAULT_LOOK_BACK}
         * @return this builder
         */
        public Builder lookBack(Duration lookBack) {
            if (Objects.requireNonNull(lookBack, "lookBack").isNegative()) {
                throw new IllegalArgumentException("lookBack must not be negative, got " + lookBack);
            }
            this.lookBack = lookBack;
            return this;
        }

        /**
         * Sets how far back the first poll of a stream reads.
         *
         * @param firstLookBack positive; default {@link #DEFAULT_FIRST_LOOK_BACK}
         * @return this builder
         */
        public Builder firstLookBack(Duration firstLookBack) {
            if (Objects.requireNonNull(firstLookBack, "firstLookBack").isNegative() || firstLookBack.isZero()) {
                throw new IllegalArgumentException("firstLookBack must be positive, got " + firstLookBack);
            }
            this.firstLookBack = firstLookBack;
            return this;
        }

        /**
         * Builds the poller.
         *
         * @return the poller
         */
        public WbFeedbackPoller build() {
            return new WbFeedbackPoller(this);
        }
    }
}
