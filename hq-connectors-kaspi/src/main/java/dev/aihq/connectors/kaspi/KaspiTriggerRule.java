package dev.aihq.connectors.kaspi;

import dev.aihq.api.event.PurchaseTrigger;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When a Kaspi order becomes a purchase event of a trigger: the order is listed in one of the rule's states
 * with one of its statuses. The poller re-reads orders created within the rule's look-back on every poll,
 * because Kaspi lists orders by creation date while their status changes later (a completed order moves to
 * {@code ARCHIVE} days after it was created); an order that reaches the status after its creation date
 * has left the look-back is not seen.
 *
 * @param trigger the trigger of the events, e.g. {@link PurchaseTrigger#ORDER_ACCEPTED}
 * @param states the states to list (Kaspi requires one per request)
 * @param statuses the statuses that fire the trigger
 * @param lookBack how far back by creation date orders are read again on each poll, 1 hour to 90 days
 */
public record KaspiTriggerRule(PurchaseTrigger trigger, Set<KaspiOrderState> states, Set<KaspiOrderStatus> statuses,
        Duration lookBack) {

    /** The longest look-back. */
    public static final Duration MAX_LOOK_BACK = Duration.ofDays(90);

    /**
     * Validates the rule and copies the sets.
     *
     * @throws IllegalArgumentException when a set is empty or the look-back is out of range
     */
    public KaspiTriggerRule {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(lookBack, "lookBack");
        states = Set.copyOf(states);
        statuses = Set.copyOf(statuses);
        if (states.isEmpty() || statuses.isEmpty()) {
            throw new IllegalArgumentException("rule " + trigger + " needs at least one state and one status");
        }
        if (lookBack.compareTo(Duration.ofHours(1)) < 0 || lookBack.compareTo(MAX_LOOK_BACK) > 0) {
            throw new IllegalArgumentException("look-back of rule " + trigger + " must be 1 hour to 90 days, got "
                    + lookBack);
        }
    }

    /**
     * The seller accepted the order ({@code ACCEPTED_BY_MERCHANT} in {@code PICKUP}, {@code DELIVERY} or
     * {@code KASPI_DELIVERY}): the moment for an upsell. Look-back 14 days.
     *
     * @return the rule
     */
    public static KaspiTriggerRule accepted() {
        return new KaspiTriggerRule(PurchaseTrigger.ORDER_ACCEPTED,
                Set.of(KaspiOrderState.PICKUP, KaspiOrderState.DELIVERY, KaspiOrderState.KASPI_DELIVERY),
                Set.of(KaspiOrderStatus.ACCEPTED_BY_MERCHANT), Duration.ofDays(14));
    }

    /**
     * The buyer received the order ({@code COMPLETED}, in {@code ARCHIVE}): the moment for a review request.
     * Look-back 30 days, for regional deliveries and pre-orders.
     *
     * @return the rule
     */
    public static KaspiTriggerRule delivered() {
        return new KaspiTriggerRule(PurchaseTrigger.ORDER_DELIVERED, Set.of(KaspiOrderState.ARCHIVE),
                Set.of(KaspiOrderStatus.COMPLETED), Duration.ofDays(30));
    }

    /**
     * The order is being cancelled or was ({@code CANCELLING} in an active state, {@code CANCELLED} in
     * {@code ARCHIVE}): its waiting messages are cancelled. Look-back 30 days.
     *
     * @return the rule
     */
    public static KaspiTriggerRule cancelled() {
        return new KaspiTriggerRule(PurchaseTrigger.ORDER_CANCELLED,
                Set.of(KaspiOrderState.PICKUP, KaspiOrderState.DELIVERY, KaspiOrderState.KASPI_DELIVERY,
                        KaspiOrderState.ARCHIVE),
                Set.of(KaspiOrderStatus.CANCELLING, KaspiOrderStatus.CANCELLED), Duration.ofDays(30));
    }

    /**
     * The buyer asked to return a Kaspi Delivery order or returned the order
     * ({@code KASPI_DELIVERY_RETURN_REQUESTED}, {@code RETURNED}): its waiting messages are cancelled.
     * Look-back 30 days.
     *
     * @return the rule
     */
    public static KaspiTriggerRule returned() {
        return new KaspiTriggerRule(PurchaseTrigger.ORDER_RETURNED,
                Set.of(KaspiOrderState.KASPI_DELIVERY, KaspiOrderState.ARCHIVE),
                Set.of(KaspiOrderStatus.KASPI_DELIVERY_RETURN_REQUESTED, KaspiOrderStatus.RETURNED),
                Duration.ofDays(30));
    }

    /**
     * Returns the four rules above: accepted, delivered, cancelled, returned.
     *
     * @return the default rules
     */
    public static List<KaspiTriggerRule> defaults() {
        return List.of(accepted(), delivered(), cancelled(), returned());
    }

    /**
     * Returns the same rule with another look-back.
     *
     * @param lookBack the look-back
     * @return the rule
     */
    public KaspiTriggerRule withLookBack(Duration lookBack) {
        return new KaspiTriggerRule(trigger, states, statuses, lookBack);
    }

    /**
     * Tells whether an order listed in a state fires this rule.
     *
     * @param order the order
     * @return {@code true} when its state and status are the rule's
     */
    public boolean matches(KaspiOrder order) {
        return states.contains(order.state()) && statuses.contains(order.status());
    }

    /**
     * Returns the name of the rule's cursor stream, {@code kaspi.orders.<trigger>}.
     *
     * @return the stream name
     */
    public String stream() {
        return "kaspi.orders." + trigger.code();
    }
}
