package dev.aihq.agents.inbox;

import dev.aihq.agents.inbox.insight.InboxMetrics;
import dev.aihq.agents.inbox.insight.InboxMetricsReport;
import dev.aihq.agents.inbox.insight.QualityMonitor;
import dev.aihq.api.ShopId;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.inbox.Classification;
import dev.aihq.api.inbox.Interaction;
import dev.aihq.api.inbox.InteractionMessage;
import dev.aihq.api.inbox.InteractionStatus;
import dev.aihq.api.inbox.Notifier;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.InteractionStore;
import dev.aihq.api.store.OrderIndexStore;
import dev.aihq.api.store.ShopStore;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The unified inbox as a shop's people use it: the work queue by SLA deadline, an interaction's timeline, a
 * person's correction of a classification (which the metrics count), closing an interaction, the dashboard
 * metrics and the product-quality monitor. Get it from {@code AiHq#unifiedInbox()}. Thread-safe.
 */
public final class Inbox {

    private static final int UPDATE_ATTEMPTS = 8;

    private final ShopStore shops;
    private final InteractionStore interactions;
    private final InboxMetrics metrics;
    private final QualityMonitor quality;
    private final Clock clock;

    /**
     * Creates the inbox over its stores.
     *
     * @param shops the shops
     * @param interactions the interactions
     * @param orderIndex the order index (the metrics read the fate of linked orders)
     * @param notifier where quality alerts go
     * @param clock the clock
     */
    public Inbox(ShopStore shops, InteractionStore interactions, OrderIndexStore orderIndex, Notifier notifier,
            Clock clock) {
        this.shops = Objects.requireNonNull(shops, "shops");
        this.interactions = Objects.requireNonNull(interactions, "interactions");
        this.metrics = new InboxMetrics(interactions, orderIndex);
        this.quality = new QualityMonitor(interactions, notifier, clock);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Lists what waits for the shop (open and escalated interactions), the soonest deadline first.
     *
     * @param shopId the shop
     * @param limit the most to return, at least 1
     * @return the interactions
     */
    public List<Interaction> queue(ShopId shopId, int limit) {
        return interactions.queue(shopId, EnumSet.of(InteractionStatus.OPEN, InteractionStatus.ESCALATED), limit);
    }

    /**
     * Finds an interaction.
     *
     * @param shopId the shop
     * @param interactionId its id
     * @return the interaction, or empty
     */
    public Optional<Interaction> find(ShopId shopId, String interactionId) {
        return interactions.find(shopId, interactionId);
    }

    /**
     * Returns an interaction's timeline, oldest first.
     *
     * @param shopId the shop
     * @param interactionId its id
     * @return the messages
     */
    public List<InteractionMessage> timeline(ShopId shopId, String interactionId) {
        return interactions.messages(shopId, interactionId);
    }

    /**
     * Records a person's classification of an interaction: it wins over the classifier's, moves the SLA deadline
     * with its priority, and counts in the classification accuracy.
     *
     * @param shopId the shop
     * @param interactionId the interaction
     * @param correction the person's classification, e.g. {@link Classification#byHuman}
     * @return the interaction as saved
     * @throws IllegalArgumentException when the shop has no such interaction
     */
    public Interaction correct(ShopId shopId, String interactionId, Classification correction) {
        Objects.requireNonNull(correction, "correction");
        return update(shopId, interactionId, i -> i.toBuilder().correction(correction).build());
    }

    /**
     * Closes an interaction: nothing more is expected until the buyer writes again.
     *
     * @param shopId the shop
     * @param interactionId the interaction
     * @return the interaction as saved
     * @throws IllegalArgumentException when the shop has no such interaction
     */
    public Interaction close(ShopId shopId, String interactionId) {
        return update(shopId, interactionId, i -> i.toBuilder().status(InteractionStatus.CLOSED).slaDeadline(null)
                .escalatedAt(null).build());
    }

    /**
     * Computes the dashboard metrics of a shop over a period; see {@link InboxMetricsReport}.
     *
     * @param shopId the shop
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @return the report
     */
    public InboxMetricsReport metrics(ShopId shopId, Instant from, Instant to) {
        return metrics.compute(shopId, from, to, clock.instant());
    }

    /**
     * Returns the product-quality monitor: alerts, problem products, question topics.
     *
     * @return the monitor
     */
    public QualityMonitor quality() {
        return quality;
    }

    private Interaction update(ShopId shopId, String interactionId, UnaryOperator<Interaction> change) {
        Shop shop = shops.find(shopId).orElseThrow(() -> new IllegalArgumentException("unknown shop " + shopId));
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            Interaction current = interactions.find(shopId, interactionId).orElseThrow(() ->
                    new IllegalArgumentException("shop " + shopId + " has no interaction " + interactionId));
            Interaction changed = change.apply(current);
            Interaction next = changed.status() == InteractionStatus.CLOSED ? changed.toBuilder()
                    .updatedAt(clock.instant()).build()
                    : InteractionStates.derive(changed, interactions.messages(shopId, interactionId),
                            shop.settings().inbox(), shop.zone(), clock.instant());
            Optional<Interaction> saved = interactions.save(next);
            if (saved.isPresent()) {
                return saved.get();
            }
        }
        throw new StoreException("interaction " + interactionId + " of shop " + shopId + " changed "
                + UPDATE_ATTEMPTS + " times while it was being saved");
    }
}
