package dev.aihq.agents.inbox.insight;

import dev.aihq.agents.inbox.link.OrderLinker;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.event.InboxSender;
import dev.aihq.api.inbox.Classification;
import dev.aihq.api.inbox.InboxIntent;
import dev.aihq.api.inbox.Interaction;
import dev.aihq.api.inbox.InteractionMessage;
import dev.aihq.api.store.IndexedOrder;
import dev.aihq.api.store.InteractionStore;
import dev.aihq.api.store.OrderIndexStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Computes the inbox's dashboard metrics of a shop over a period from the stores: the interactions opened in the
 * period ({@link InteractionStore#openedBetween}), their timelines, and the order index for the fate of linked
 * orders. Each metric's formula is on its part of {@link InboxMetricsReport}. An order counts as lost when its
 * status in the index names a cancellation or a return ({@code cancel}, {@code return}, {@code declin},
 * {@code refus} in any case: Wildberries' and Ozon's status names). Thread-safe when the stores are.
 */
public final class InboxMetrics {

    /** The most interactions one computation reads. */
    public static final int MAX_INTERACTIONS = 100_000;

    private static final List<String> LOST_MARKERS = List.of("cancel", "return", "declin", "refus");

    private final InteractionStore interactions;
    private final OrderLinker orders;

    /**
     * Creates the metrics over the stores.
     *
     * @param interactions the interactions
     * @param orderIndex the order index
     */
    public InboxMetrics(InteractionStore interactions, OrderIndexStore orderIndex) {
        this.interactions = Objects.requireNonNull(interactions, "interactions");
        this.orders = new OrderLinker(Objects.requireNonNull(orderIndex, "order index"));
    }

    /**
     * Computes a shop's metrics over a period.
     *
     * @param shopId the shop
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @param now the time deadlines are judged at
     * @return the report
     * @throws IllegalArgumentException when {@code to} is before {@code from}
     */
    public InboxMetricsReport compute(ShopId shopId, Instant from, Instant to, Instant now) {
        List<Interaction> opened = interactions.openedBetween(shopId, from, to, MAX_INTERACTIONS);
        List<Duration> responses = new ArrayList<>();
        int met = 0;
        int missed = 0;
        int pending = 0;
        int[] origins = new int[3];
        int classified = 0;
        int reviewed = 0;
        int corrected = 0;
        int negatives = 0;
        int raised = 0;
        int churn = 0;
        int linked = 0;
        int lost = 0;
        for (Interaction interaction : opened) {
            List<InteractionMessage> timeline = interactions.messages(shopId, interaction.id());
            boolean buyerFirst = !timeline.isEmpty() && timeline.get(0).sender() == InboxSender.BUYER;
            if (buyerFirst && interaction.firstReplyAt() != null) {
                responses.add(Duration.between(interaction.openedAt(), interaction.firstReplyAt()));
            }
            Instant deadline = interaction.firstDeadline();
            if (deadline != null) {
                if (interaction.firstReplyAt() != null) {
                    if (interaction.firstReplyAt().isAfter(deadline)) {
                        missed++;
                    } else {
                        met++;
                    }
                } else if (now.isAfter(deadline)) {
                    missed++;
                } else {
                    pending++;
                }
            }
            for (InteractionMessage message : timeline) {
                if (message.origin() != null && !message.at().isBefore(from) && message.at().isBefore(to)) {
                    origins[message.origin().ordinal()]++;
                }
            }
            Classification classification = interaction.classification();
            if (classification != null) {
                classified++;
                if (interaction.correction() != null) {
                    reviewed++;
                    if (!interaction.correction().intent().equals(classification.intent())) {
                        corrected++;
                    }
                }
            }
            if (interaction.kind() == InboxItemKind.REVIEW && interaction.firstRating() != null
                    && interaction.firstRating() <= 2 && interaction.firstReplyAt() != null) {
                negatives++;
                if (interaction.rating() != null && interaction.rating() >= 4) {
                    raised++;
                }
            }
            Classification effective = interaction.effectiveClassification();
            if (interaction.kind() == InboxItemKind.CHAT_MESSAGE && effective != null
                    && effective.intent().equals(InboxIntent.CHURN_RISK)) {
                churn++;
                if (interaction.orderLink() != null) {
                    linked++;
                    Optional<IndexedOrder> order = orders.order(shopId, interaction.marketplace(),
                            interaction.orderLink());
                    if (order.isPresent() && isLost(order.get().status())) {
                        lost++;
                    }
                }
            }
        }
        int replies = origins[0] + origins[1] + origins[2];
        return new InboxMetricsReport(shopId, from, to, opened.size(),
                new InboxMetricsReport.ResponseTime(responses.size(), median(responses), mean(responses)),
                new InboxMetricsReport.SlaCompliance(met, missed, pending, share(met, met + missed)),
                new InboxMetricsReport.Automation(origins[0], origins[1], origins[2], share(origins[0], replies),
                        share(origins[1], replies), share(origins[2], replies)),
                new InboxMetricsReport.ClassificationAccuracy(classified, reviewed, corrected,
                        share(classified - corrected, classified), share(reviewed - corrected, reviewed)),
                new InboxMetricsReport.ReviewConversion(negatives, raised, share(raised, negatives)),
                new InboxMetricsReport.ChurnPrevention(churn, linked, lost, share(linked - lost, linked)));
    }

    private static boolean isLost(@Nullable String status) {
        if (status == null) {
            return false;
        }
        String lower = status.toLowerCase(Locale.ROOT);
        return LOST_MARKERS.stream().anyMatch(lower::contains);
    }

    private static @Nullable Double share(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static @Nullable Duration median(List<Duration> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    private static @Nullable Duration mean(List<Duration> values) {
        if (values.isEmpty()) {
            return null;
        }
        Duration sum = Duration.ZERO;
        for (Duration value : values) {
            sum = sum.plus(value);
        }
        return sum.dividedBy(values.size());
    }
}
