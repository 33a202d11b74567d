package dev.aihq.agents.sales;

import dev.aihq.api.ShopId;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseTrigger;
import dev.aihq.api.result.OfferKind;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.shop.SalesSettings;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.Outbox;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.api.store.Purchase;
import dev.aihq.api.store.PurchaseStore;
import dev.aihq.pipeline.Delivery;
import dev.aihq.pipeline.DeliveryRequest;
import dev.aihq.pipeline.DeliveryResult;
import dev.aihq.pipeline.delivery.MessageIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Delivers what the sales agent wrote about a purchase and coordinates the order's two messages, the offer
 * and the review request, so the customer never gets both at once (the seed's scenarios 1–3 and its "smart
 * sending"):
 *
 * <ul>
 *   <li>An accepted order (or one whose source reports no stage) gets the offer, and, unless the message
 *       already asked for a review, a review request scheduled {@link SalesSettings#reviewRequestDelay()}
 *       after the purchase (for sources that never report the delivery), and never sooner than
 *       {@link SalesSettings#reviewOfferGap()} after the offer. It is written from the shop's template.
 *   <li>A delivered order ({@link PurchaseTrigger#ORDER_DELIVERED}) gets the review request written by the
 *       agent, at once (after the send delay and quiet hours) but not sooner than the gap after the order's
 *       offer; the delayed request scheduled at the purchase is cancelled if it still waits, and if it went
 *       already nothing more is sent.
 * </ul>
 *
 * <p>A contact the marketplace gives for delivery only ({@link PurchaseEvent#contactForDeliveryOnly()}: the
 * proxy numbers of Wildberries DBS and Ozon rFBS) is never written to: the run is rejected with that reason.
 *
 * <p>Each message is known in the outbox by an identity derived from the order (a hash, no personal data), so
 * redeliveries and resumed runs find what was already scheduled. A review request with the shop's review
 * discount is a marketing message (consent rules apply); one without is a utility message. The discount
 * never depends on the review.
 */
public final class PurchaseDelivery implements Delivery<PurchaseEvent, PurchaseContext, SalesOffer> {

    private final Delivery<PurchaseEvent, PurchaseContext, SalesOffer> offers;
    private final Delivery<PurchaseEvent, PurchaseContext, SalesOffer> delayedReviews;
    private final Delivery<PurchaseEvent, PurchaseContext, SalesOffer> deliveredReviews;
    private final Outbox outbox;

    /** Why a delivery-only contact is not written to. */
    public static final String DELIVERY_ONLY = "the marketplace gives this customer's number for delivery only (a"
            + " proxy number): the sales agent never writes to it";

    /**
     * Creates the delivery.
     *
     * @param offers delivers the offer under the run's own identity
     * @param delayedReviews delivers the delayed review request under {@link #delayedReviewIdentity}, not
     *     before {@link #delayedReviewTime}
     * @param deliveredReviews delivers the review request of a delivered order under
     *     {@link #deliveredReviewIdentity}, not before {@link #deliveredReviewTime}
     * @param outbox the outbox, to find and cancel the delayed request
     */
    public PurchaseDelivery(Delivery<PurchaseEvent, PurchaseContext, SalesOffer> offers,
            Delivery<PurchaseEvent, PurchaseContext, SalesOffer> delayedReviews,
            Delivery<PurchaseEvent, PurchaseContext, SalesOffer> deliveredReviews, Outbox outbox) {
        this.offers = Objects.requireNonNull(offers, "offers");
        this.delayedReviews = Objects.requireNonNull(delayedReviews, "delayed reviews");
        this.deliveredReviews = Objects.requireNonNull(deliveredReviews, "delivered reviews");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    @Override
    public DeliveryResult deliver(DeliveryRequest<PurchaseEvent, PurchaseContext, SalesOffer> request) {
        if (request.event().contactForDeliveryOnly()) {
            return DeliveryResult.rejected(DELIVERY_ONLY);
        }
        if (PurchaseTrigger.ORDER_DELIVERED.equals(request.event().trigger())) {
            return deliverReview(request);
        }
        DeliveryResult offer = offers.deliver(request);
        if (request.result().kind() == OfferKind.REVIEW_REQUEST || offer.outcome() == RunOutcome.REJECTED
                || offer.outcome() == RunOutcome.FAILED) {
            // The message asked for a review already, or nobody can be written to.
            return offer;
        }
        SalesOffer review = SalesMessages.reviewRequest(request.context());
        DeliveryResult later = delayedReviews.deliver(new DeliveryRequest<>(request.event(), request.context(),
                review, request.shop(), request.runId(), request.now(), request.writes()));
        return new DeliveryResult(offer.outcome(), offer.reason() + "; review request: " + later.reason(),
                offer.scheduledFor(), offer.providerMessageId());
    }

    private DeliveryResult deliverReview(DeliveryRequest<PurchaseEvent, PurchaseContext, SalesOffer> request) {
        ShopId shop = request.shop().id();
        String delayedId = delayedReviewIdentity(request.event()).id();
        Optional<OutboxMessage> delayed = outbox.find(shop, delayedId);
        if (delayed.isPresent()) {
            OutboxStatus status = delayed.get().status();
            if (status == OutboxStatus.SENT || status == OutboxStatus.CLAIMED) {
                return DeliveryResult.completed("not sent: the review request about this order went already"
                        + (delayed.get().sentAt() == null ? "" : " at " + delayed.get().sentAt()));
            }
            outbox.cancel(shop, delayedId);
        }
        return deliveredReviews.deliver(request);
    }

    /**
     * Returns the identity of the review request scheduled at the purchase.
     *
     * @param event the purchase
     * @return {@code rv-<hash of the order>} and {@code review:<hash>}
     */
    public static MessageIdentity delayedReviewIdentity(PurchaseEvent event) {
        String order = orderHash(event);
        return new MessageIdentity("rv-" + order, "review:" + order);
    }

    /**
     * Returns the identity of the review request sent when the order is delivered.
     *
     * @param event the delivered order's event
     * @return {@code rvd-<hash of the order>} and {@code review:<hash>:delivered}
     */
    public static MessageIdentity deliveredReviewIdentity(PurchaseEvent event) {
        String order = orderHash(event);
        return new MessageIdentity("rvd-" + order, "review:" + order + ":delivered");
    }

    /**
     * Returns when the delayed review request may go: the review delay after the purchase, and at least the
     * gap after the offer (sent the send delay after the purchase).
     *
     * @param event the purchase
     * @param settings the shop's settings
     * @return the earliest time
     */
    public static Instant delayedReviewTime(PurchaseEvent event, ShopSettings settings) {
        SalesSettings sales = settings.sales();
        Instant afterDelay = event.occurredAt().plus(sales.reviewRequestDelay());
        Instant afterOffer = event.occurredAt().plus(settings.sendDelay()).plus(sales.reviewOfferGap());
        return afterDelay.isAfter(afterOffer) ? afterDelay : afterOffer;
    }

    /**
     * Returns when the review request of a delivered order may go: at least the gap after the order's offer,
     * which went the send delay after the purchase (the stored purchase's time; the event's when the order
     * is not stored).
     *
     * @param event the delivered order's event
     * @param settings the shop's settings
     * @param purchases the purchases, to find when the order was placed
     * @return the earliest time
     */
    public static Instant deliveredReviewTime(PurchaseEvent event, ShopSettings settings, PurchaseStore purchases) {
        Instant placed = purchases.find(event.shopId(), event.orderId()).map(Purchase::occurredAt)
                .orElse(event.occurredAt());
        return placed.plus(settings.sendDelay()).plus(settings.sales().reviewOfferGap());
    }

    /** A short hash of the order id: outbox ids are at most 64 characters and order ids are the source's. */
    private static String orderHash(PurchaseEvent event) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(event.orderId().value().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
