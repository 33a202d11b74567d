package dev.aihq.agents.inbox;

import dev.aihq.api.ShopId;
import dev.aihq.api.connector.EventSink;
import dev.aihq.api.connector.MarketplaceConnector;
import dev.aihq.api.error.HqException;
import dev.aihq.api.event.InboxEvent;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.event.InboxSender;
import dev.aihq.api.inbox.Interaction;
import dev.aihq.api.store.InteractionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the ratings of the 1–2★ reviews the shop answered, so that the review conversion metric sees a buyer who
 * raised the rating after the answer: for each such review of a marketplace opened within the look-back and not yet
 * at 4–5★, the connector reads the current rating ({@link MarketplaceConnector#reviewRating}); a changed one is
 * handed to the sink as the marketplace's notice ({@link InboxSender#MARKETPLACE}, text {@code rating: <n>},
 * message id {@code <review>#rating-<n>-<date>}), which the inbox records without drafting anything. Call
 * {@link #watch} on a schedule, e.g. daily. Thread-safe when its parts are.
 */
public final class RatingWatcher {

    /** How far back reviews are followed by default: 60 days. */
    public static final Duration DEFAULT_LOOK_BACK = Duration.ofDays(60);

    private static final Logger LOG = LoggerFactory.getLogger(RatingWatcher.class);
    private static final int MAX_READ = 10_000;

    private final InteractionStore interactions;
    private final EventSink sink;
    private final Clock clock;

    /**
     * Creates a watcher.
     *
     * @param interactions the interactions
     * @param sink where rating changes go, e.g. {@code AiHq#events()}
     * @param clock the clock
     */
    public RatingWatcher(InteractionStore interactions, EventSink sink, Clock clock) {
        this.interactions = Objects.requireNonNull(interactions, "interactions");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks the answered negative reviews of a shop on one marketplace.
     *
     * @param connector the marketplace's connector
     * @param shopId the shop
     * @param lookBack how far back reviews are followed
     * @return what was checked and found
     */
    public Report watch(MarketplaceConnector connector, ShopId shopId, Duration lookBack) {
        Instant now = clock.instant();
        int checked = 0;
        int changed = 0;
        int failed = 0;
        for (Interaction review : interactions.openedBetween(shopId, now.minus(lookBack), now, MAX_READ)) {
            if (review.kind() != InboxItemKind.REVIEW || !review.marketplace().equals(connector.marketplace())
                    || review.firstRating() == null || review.firstRating() > 2 || review.firstReplyAt() == null
                    || (review.rating() != null && review.rating() >= 4)) {
                continue;
            }
            checked++;
            Optional<Integer> current;
            try {
                current = connector.reviewRating(shopId, review.threadId());
            } catch (HqException e) {
                failed++;
                LOG.warn("The rating of review {} of shop {} could not be read: {}", review.threadId(), shopId,
                        e.getMessage());
                continue;
            }
            if (current.isEmpty() || current.get().equals(review.rating())) {
                continue;
            }
            int rating = current.get();
            InboxEvent notice = InboxEvent.builder().shopId(shopId).marketplace(review.marketplace())
                    .kind(InboxItemKind.REVIEW).threadId(review.threadId())
                    .messageId(review.threadId() + "#rating-" + rating + "-"
                            + now.atZone(ZoneOffset.UTC).toLocalDate())
                    .sender(InboxSender.MARKETPLACE).text("rating: " + rating).rating(rating).productId(
                            review.productId()).occurredAt(now).build();
            if (sink.accept(notice).journaled()) {
                changed++;
            } else {
                failed++;
            }
        }
        return new Report(checked, changed, failed);
    }

    /**
     * What one watch did.
     *
     * @param checked answered negative reviews whose rating was read
     * @param changed of those, whose changed rating was journaled
     * @param failed reviews whose rating could not be read or whose change was not journaled
     */
    public record Report(int checked, int changed, int failed) {}
}
