package dev.aihq.connectors.ozon;

import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.connector.EventSink;
import dev.aihq.api.error.AuthenticationException;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.HqException;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.event.PurchaseTrigger;
import dev.aihq.api.store.IndexedOrder;
import dev.aihq.api.store.OrderIndexStore;
import dev.aihq.api.store.PollCursor;
import dev.aihq.api.store.PollCursorStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a shop's Ozon postings into purchase events, polling {@code /v3/posting/fbs/list} (FBS and rFBS) and
 * {@code /v2/posting/fbo/list} (FBO). Ozon also pushes new postings, but says the push "may be delayed" and
 * recommends polling as well (reference §3.3).
 *
 * <pre>{@code
 * OzonPostingPoller poller = OzonPostingPoller.builder(ozon, hq.events(), stores.cursors())
 *         .orderIndex(stores.orderIndex())      // so chats' order numbers find their postings
 *         .build();
 * OzonPollReport report = poller.poll(shop);     // from your scheduler
 * }</pre>
 *
 * <p><b>What becomes an event.</b> A posting's status decides the trigger ({@link #triggerOf(String)}):
 * {@code awaiting_packaging} and {@code awaiting_deliver} {@link PurchaseTrigger#ORDER_ACCEPTED}, {@code delivered}
 * {@link PurchaseTrigger#ORDER_DELIVERED}, {@code cancelled} {@link PurchaseTrigger#ORDER_CANCELLED}; other
 * statuses none. A posting first seen past {@code awaiting_deliver} (e.g. {@code delivering}) gets no accepted
 * event. The event's order id is the {@code posting_number} (the unit Ozon ships; one order may have several),
 * its lines the posting's products (SKU: the seller's {@code offer_id}, else Ozon's {@code sku}; the price in the
 * posting's {@code currency_code}, RUB when absent), its key {@code purchase:<posting_number>:<trigger>}.
 *
 * <p><b>Contacts.</b> An rFBS posting's substitute (proxy) phone is the event's contact with
 * {@link PurchaseEvent#contactForDeliveryOnly()} set: Ozon gives it for delivering that posting, never for
 * marketing. FBS and FBO events carry no contact. Every Ozon event is marked delivery-only, since Ozon gives no
 * other kind of contact.
 *
 * <p><b>Nothing lost, nothing doubled.</b> Each listing has a cursor in the {@link PollCursorStore}
 * ({@value #FBS_STREAM}, {@value #FBO_STREAM}): the end of the last poll whose every event was journaled. A poll
 * lists postings from the cursor minus the look-back ({@link Builder#lookBack(Duration)}, 30 days by default, so
 * that a posting taken into processing earlier is seen again when it is delivered or cancelled; the look-back
 * alone on the first poll) to now, and moves the cursor only after every event is journaled. Events the sink
 * knows already are not built again. A listing that fails, a posting that cannot become an event, or a rejected
 * event keeps that listing's cursor; an exception of the sink or the stores propagates with the cursor unmoved. A
 * listing refused with 401/403 stops the poll.
 *
 * <p><b>The order index.</b> With an {@link OrderIndexStore}, every posting listed is recorded, whatever its status,
 * so that an Ozon chat's {@code context.order_number} finds it: {@code orderId} = {@code posting_number},
 * {@code rid} = {@code order_id}, {@code orderUid} = {@code order_number} (the number buyers and chats show),
 * {@code sticker} = {@code posting_number} (what the label carries), the first product's {@code offer_id},
 * {@code sku} and name, the scheme ({@code fbs}, {@code rfbs}, {@code fbo}) and the status. No contact is indexed.
 *
 * <p>Thread-safe; polls of different shops may run at once, polls of one shop should not (the journal keeps them
 * correct, but they repeat each other's work).
 */
public final class OzonPostingPoller {

    /** The cursor stream of the FBS/rFBS listing. */
    public static final String FBS_STREAM = "ozon.postings.fbs";

    /** The cursor stream of the FBO listing. */
    public static final String FBO_STREAM = "ozon.postings.fbo";

    /** The default look-back. */
    public static final Duration DEFAULT_LOOK_BACK = Duration.ofDays(30);

    private static final Logger LOG = LoggerFactory.getLogger(OzonPostingPoller.class);

    private final OzonConnector connector;
    private final EventSink sink;
    private final PollCursorStore cursors;
    private final @Nullable OrderIndexStore orderIndex;
    private final Clock clock;
    private final Duration lookBack;
    private final boolean fbo;

    private OzonPostingPoller(Builder builder) {
        this.connector = builder.connector;
        this.sink = builder.sink;
        this.cursors = builder.cursors;
        this.orderIndex = builder.orderIndex;
        this.clock = builder.clock;
        this.lookBack = builder.lookBack;
        this.fbo = builder.fbo;
    }

    /**
     * Starts a builder.
     *
     * @param connector the Ozon connector with the shops' credentials
     * @param sink where events go, e.g. {@code AiHq#events()}
     * @param cursors where each listing's cursor is kept, e.g. {@code Stores#cursors()}
     * @return a builder
     */
    public static Builder builder(OzonConnector connector, EventSink sink, PollCursorStore cursors) {
        return new Builder(connector, sink, cursors);
    }

    /**
     * Returns the trigger a posting status fires.
     *
     * @param status an Ozon posting status, any case
     * @return the trigger, or empty when the status fires none
     */
    public static Optional<PurchaseTrigger> triggerOf(String status) {
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "awaiting_packaging", "awaiting_deliver" -> Optional.of(PurchaseTrigger.ORDER_ACCEPTED);
            case "delivered" -> Optional.of(PurchaseTrigger.ORDER_DELIVERED);
            case "cancelled" -> Optional.of(PurchaseTrigger.ORDER_CANCELLED);
            default -> Optional.empty();
        };
    }

    /**
     * Polls one shop once: lists its postings, records them in the order index, hands the events to the sink and
     * moves each listing's cursor whose events were all journaled.
     *
     * @param shopId the shop
     * @return what the poll did
     * @throws CapabilityNotSupportedException when the shop has no Ozon credentials
     * @throws AuthenticationException when Ozon refuses the credentials; no cursor moved
     * @throws StoreException when the journal, the index or the cursors cannot be written; no cursor moved after
     *     the failure
     */
    public OzonPollReport poll(ShopId shopId) {
        connector.require(shopId, Capability.ORDERS);
        Instant until = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<OzonPollReport.StreamReport> reports = new ArrayList<>();
        reports.add(pollStream(shopId, FBS_STREAM, until, false));
        if (fbo) {
            reports.add(pollStream(shopId, FBO_STREAM, until, true));
        }
        OzonPollReport report = new OzonPollReport(shopId, until, reports);
        LOG.debug("Ozon poll of shop {}: {}", shopId, report);
        return report;
    }

    private OzonPollReport.StreamReport pollStream(ShopId shopId, String stream, Instant until, boolean fboList) {
        Instant from = start(shopId, stream, until);
        Tally tally = new Tally();
        List<OzonPosting> postings;
        try {
            postings = fboList ? connector.listFboPostings(shopId, from, until, null)
                    : connector.listFbsPostings(shopId, from, until, null);
        } catch (AuthenticationException e) {
            throw e;
        } catch (HqException e) {
            LOG.warn("Ozon poll of shop {}: listing {} failed: {}", shopId, stream, e.getMessage());
            return new OzonPollReport.StreamReport(stream, from, 0, 0, 0, 0, 0, List.of(), false, e.getMessage());
        }
        int indexed = index(shopId, postings, until);
        for (OzonPosting posting : postings) {
            Optional<PurchaseTrigger> trigger = triggerOf(posting.status());
            if (trigger.isPresent()) {
                fire(shopId, posting, trigger.get(), until, tally);
            }
        }
        boolean complete = tally.problems.isEmpty() && tally.rejected == 0;
        if (complete) {
            cursors.save(new PollCursor(shopId, stream, until.toString(), clock.instant()));
        } else {
            tally.problems.forEach(p -> LOG.warn("Ozon poll of shop {} ({}): {}", shopId, stream, p));
        }
        return new OzonPollReport.StreamReport(stream, from, postings.size(), indexed, tally.accepted, tally.known,
                tally.rejected, tally.problems, complete, null);
    }

    private Instant start(ShopId shopId, String stream, Instant until) {
        Optional<PollCursor> cursor = cursors.find(shopId, stream);
        if (cursor.isEmpty()) {
            return until.minus(lookBack);
        }
        Instant through;
        try {
            through = Instant.parse(cursor.get().position());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("cursor " + stream + " of shop " + shopId + " holds '"
                    + cursor.get().position() + "', which is not an instant; delete it (PollCursorStore#delete)"
                    + " to start again from the look-back", e);
        }
        return (through.isAfter(until) ? until : through).minus(lookBack);
    }

    private int index(ShopId shopId, List<OzonPosting> postings, Instant until) {
        if (orderIndex == null || postings.isEmpty()) {
            return 0;
        }
        Instant seenAt = clock.instant();
        List<IndexedOrder> rows = new ArrayList<>(postings.size());
        for (OzonPosting p : postings) {
            OzonPostingProduct first = p.products().isEmpty() ? null : p.products().get(0);
            rows.add(new IndexedOrder(shopId, Marketplace.OZON, p.postingNumber(),
                    p.orderId() == null ? null : Long.toString(p.orderId()), p.orderNumber(), p.postingNumber(),
                    first == null ? null : first.offerId(),
                    first == null || first.sku() == null ? null : Long.toString(first.sku()),
                    first == null || first.name().isBlank() ? null : abbreviate(first.name()),
                    p.scheme().code(), p.status().isEmpty() ? null : p.status(),
                    p.inProcessAt() != null ? p.inProcessAt() : until, seenAt));
        }
        return orderIndex.upsertAll(rows);
    }

    private void fire(ShopId shopId, OzonPosting posting, PurchaseTrigger trigger, Instant until, Tally tally) {
        String key = PurchaseEvent.TYPE + ":" + posting.postingNumber() + ":" + trigger.code();
        if (sink.contains(shopId, key)) {
            tally.known++;
            return;
        }
        PurchaseEvent event;
        try {
            event = event(shopId, posting, trigger, until, key);
        } catch (IllegalArgumentException e) {
            tally.problems.add("posting " + posting.postingNumber() + " (" + trigger + "): " + e.getMessage());
            return;
        }
        EventSink.Acceptance acceptance = sink.accept(event);
        switch (acceptance.outcome()) {
            case ACCEPTED -> tally.accepted++;
            case DUPLICATE -> tally.known++;
            default -> {
                tally.rejected++;
                tally.problems.add("posting " + posting.postingNumber() + " (" + trigger + ") rejected: "
                        + acceptance.reason());
            }
        }
    }

    private static PurchaseEvent event(ShopId shopId, OzonPosting posting, PurchaseTrigger trigger, Instant until,
            String key) {
        if (posting.products().isEmpty()) {
            throw new IllegalArgumentException("Ozon lists no products for it");
        }
        Currency currency = null;
        List<PurchaseItem> items = new ArrayList<>();
        for (OzonPostingProduct product : posting.products()) {
            if (product.price() == null) {
                throw new IllegalArgumentException("product " + product.offerId() + " has no readable price");
            }
            Currency c = Currency.getInstance(product.currencyCode() == null ? "RUB"
                    : product.currencyCode().strip().toUpperCase(Locale.ROOT));
            if (currency == null) {
                currency = c;
            }
            Sku sku = product.offerId() != null ? Sku.of(product.offerId())
                    : product.sku() != null ? Sku.of(Long.toString(product.sku())) : null;
            if (sku == null) {
                throw new IllegalArgumentException("a product has neither offer_id nor sku");
            }
            String name = product.name().isBlank() ? sku.value() : product.name();
            items.add(new PurchaseItem(sku, name, Money.of(product.price(), c), product.quantity()));
        }
        PhoneNumber contact = posting.contact().map(OzonDeliveryContact::phone).orElse(null);
        Instant occurredAt = trigger.equals(PurchaseTrigger.ORDER_ACCEPTED) && posting.inProcessAt() != null
                ? posting.inProcessAt() : until;
        return PurchaseEvent.builder().shopId(shopId).orderId(OrderId.of(posting.postingNumber())).items(items)
                .currency(currency).customer(contact).contactForDeliveryOnly(true).occurredAt(occurredAt)
                .trigger(trigger).idempotencyKey(key).build();
    }

    private static String abbreviate(String name) {
        return name.length() <= IndexedOrder.MAX_PRODUCT_NAME_LENGTH ? name
                : name.substring(0, IndexedOrder.MAX_PRODUCT_NAME_LENGTH);
    }

    @Override
    public String toString() {
        return "OzonPostingPoller[lookBack=" + lookBack + ", fbo=" + fbo + ", index=" + (orderIndex != null) + "]";
    }

    /** One listing's counts in one poll. */
    private static final class Tally {
        int accepted;
        int known;
        int rejected;
        final List<String> problems = new ArrayList<>();
    }

    /** Builds an {@link OzonPostingPoller}. Not thread-safe. */
    public static final class Builder {
        private final OzonConnector connector;
        private final EventSink sink;
        private final PollCursorStore cursors;
        private @Nullable OrderIndexStore orderIndex;
        private Clock clock = Clock.systemUTC();
        private Duration lookBack = DEFAULT_LOOK_BACK;
        private boolean fbo = true;

        private Builder(OzonConnector connector, EventSink sink, PollCursorStore cursors) {
            this.connector = Objects.requireNonNull(connector, "connector");
            this.sink = Objects.requireNonNull(sink, "sink");
            this.cursors = Objects.requireNonNull(cursors, "cursors");
        }

        /**
         * Records every posting listed in an order index (see the class description for the columns).
         *
         * @param orderIndex the index, e.g. {@code Stores#orderIndex()}
         * @return this builder
         */
        public Builder orderIndex(OrderIndexStore orderIndex) {
            this.orderIndex = Objects.requireNonNull(orderIndex, "orderIndex");
            return this;
        }

        /**
         * Sets the clock a poll's end is read from. Default system UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how far before the cursor each poll lists again, so that status changes of older postings are seen.
         *
         * @param lookBack 1 minute to 365 days; default 30 days
         * @return this builder
         */
        public Builder lookBack(Duration lookBack) {
            if (lookBack.compareTo(Duration.ofMinutes(1)) < 0 || lookBack.compareTo(Duration.ofDays(365)) > 0) {
                throw new IllegalArgumentException("lookBack must be 1 minute to 365 days, got " + lookBack);
            }
            this.lookBack = lookBack;
            return this;
        }

        /**
         * Sets whether FBO postings are polled too. Default {@code true}.
         *
         * @param fbo {@code false} for a shop without FBO, to save a request per poll
         * @return this builder
         */
        public Builder fbo(boolean fbo) {
            this.fbo = fbo;
            return this;
        }

        /**
         * Builds the poller.
         *
         * @return the poller
         */
        public OzonPostingPoller build() {
            return new OzonPostingPoller(this);
        }
    }
}
