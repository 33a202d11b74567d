package dev.aihq.connectors.kaspi;

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
import dev.aihq.api.store.PollCursor;
import dev.aihq.api.store.PollCursorStore;
import dev.aihq.api.store.Purchase;
import dev.aihq.api.store.PurchaseStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a shop's Kaspi orders into purchase events, for sellers whose orders reach AI HQ by no webhook:
 * Kaspi has none, so the poller reads the orders API on a schedule.
 *
 * <pre>{@code
 * KaspiOrderPoller poller = KaspiOrderPoller.builder(kaspi, hq.events(), stores.cursors())
 *         .purchases(stores.purchases())        // keeps each buyer's phone from before Kaspi masks it
 *         .build();
 * poller.start(Duration.ofMinutes(5), () -> List.of(shop));  // or poller.poll(shop) from your scheduler
 * }</pre>
 *
 * <p><b>What becomes an event.</b> Each {@link KaspiTriggerRule} (by default: accepted → upsell, completed →
 * review request, cancelled, returned) lists its states and fires for orders in its statuses. A poll reads
 * every state the rules need once, for creation dates from the earliest rule's start to now, in windows of
 * at most 14 days and every page ({@link KaspiClient#listOrders}), and turns each order a rule fires for into
 * a {@link PurchaseEvent} with the order's lines and the trigger, keyed {@code purchase:<order code>:<trigger>}.
 * It reads an order's lines only when the {@link EventSink} does not know the key yet, so re-reading the
 * look-back costs listing requests only.
 *
 * <p><b>Nothing lost, nothing doubled.</b> Each rule has a cursor ({@code kaspi.orders.<trigger>} in the
 * {@link PollCursorStore}): the end of the last poll that journaled every event the rule fired for. A poll
 * reads from the cursor minus the rule's look-back (the look-back alone on the first poll), and moves the
 * cursor only after every event is journaled. A process stopped anywhere reads again what it had not
 * finished, and the journal answers what it had journaled as duplicates; an order that reaches a status
 * while its creation date is still within the look-back of the last cursor is found. A rule whose
 * listing failed, one of whose orders could not be read, or whose events were rejected (an inactive shop)
 * keeps its cursor: the next poll reads from further back and tries again, so the window grows until it
 * succeeds. A listing that fails with 401/403 stops the poll.
 *
 * <p><b>Buyer contacts.</b> Kaspi is reported to mask the buyer's phone once an order is completed or
 * archived. With a {@link PurchaseStore}, an active order's phone is kept with the purchase (the accepted
 * event records it; an active order no rule fires for is saved as a purchase by the poller), and an event of
 * an order whose phone is masked takes the phone saved with its purchase. An order first seen archived
 * has no contact: its events carry none.
 *
 * <p><b>Lines.</b> Each entry's SKU is the seller's own ({@link KaspiClient#sellerSku}, cached per Kaspi
 * product), else Kaspi's offer code; a weighed entry (a fractional quantity) is one line priced at its
 * total. Amounts are in tenge.
 *
 * <p>Thread-safe; polls of different shops may run at once, polls of one shop should not (the journal
 * keeps them correct, but they repeat each other's work).
 */
public final class KaspiOrderPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KaspiOrderPoller.class);

    /** Active states first, so that a phone is seen before its order is archived in the same poll. */
    private static final List<KaspiOrderState> STATE_ORDER = List.of(KaspiOrderState.NEW,
            KaspiOrderState.SIGN_REQUIRED, KaspiOrderState.PICKUP, KaspiOrderState.DELIVERY,
            KaspiOrderState.KASPI_DELIVERY, KaspiOrderState.ARCHIVE);

    private static final int SKU_CACHE_SIZE = 10_000;

    private final KaspiConnector connector;
    private final EventSink sink;
    private final PollCursorStore cursors;
    private final @Nullable PurchaseStore purchases;
    private final Clock clock;
    private final List<KaspiTriggerRule> rules;
    private final boolean sellerSkus;
    private final Map<String, Optional<Sku>> skuCache = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Optional<Sku>> eldest) {
                    return size() > SKU_CACHE_SIZE;
                }
            });
    private @Nullable ScheduledExecutorService scheduler;

    private KaspiOrderPoller(Builder builder) {
        this.connector = builder.connector;
        this.sink = builder.sink;
        this.cursors = builder.cursors;
        this.purchases = builder.purchases;
        this.clock = builder.clock;
        this.rules = List.copyOf(builder.rules);
        this.sellerSkus = builder.sellerSkus;
    }

    /**
     * Starts a builder.
     *
     * @param connector the Kaspi connector with the shops' tokens
     * @param sink where events go, e.g. {@code AiHq#events()}
     * @param cursors where each rule's cursor is kept, e.g. {@code Stores#cursors()}
     * @return a builder
     */
    public static Builder builder(KaspiConnector connector, EventSink sink, PollCursorStore cursors) {
        return new Builder(connector, sink, cursors);
    }

    /**
     * Returns the rules, in the order they are reported.
     *
     * @return the rules
     */
    public List<KaspiTriggerRule> rules() {
        return rules;
    }

    /**
     * Polls one shop once: lists the orders every rule needs, hands the events to the sink and moves the
     * cursor of each rule whose events were all journaled.
     *
     * @param shopId the shop
     * @return what the poll did, per rule
     * @throws CapabilityNotSupportedException when the shop has no Kaspi token
     * @throws AuthenticationException when Kaspi refuses the token; no cursor moved
     * @throws StoreException when the journal, the purchases or the cursors cannot be written; no cursor moved
     *     after the failure
     */
    public KaspiPollReport poll(ShopId shopId) {
        connector.require(shopId, Capability.ORDERS);
        Instant until = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<KaspiTriggerRule, Tally> tallies = new LinkedHashMap<>();
        for (KaspiTriggerRule rule : rules) {
            tallies.put(rule, new Tally(start(shopId, rule, until)));
        }
        Map<String, List<PurchaseItem>> lines = new LinkedHashMap<>();
        List<String> captureProblems = new ArrayList<>();
        for (KaspiOrderState state : states()) {
            List<KaspiTriggerRule> stateRules = rules.stream().filter(r -> r.states().contains(state)).toList();
            Instant from = stateRules.stream().map(r -> tallies.get(r).from).min(Instant::compareTo).orElse(until);
            List<KaspiOrder> orders;
            try {
                orders = connector.listOrders(shopId, KaspiOrderQuery.of(state, from, until));
            } catch (AuthenticationException e) {
                throw e;
            } catch (HqException e) {
                String failure = "listing " + state + " failed: " + e.getMessage();
                stateRules.forEach(r -> tallies.get(r).fail(failure));
                LOG.warn("Kaspi poll of shop {}: {}", shopId, failure);
                continue;
            }
            for (KaspiOrder order : orders) {
                boolean fired = false;
                for (KaspiTriggerRule rule : stateRules) {
                    Tally tally = tallies.get(rule);
                    if (rule.matches(order) && !order.createdAt().isBefore(tally.from)) {
                        fired = true;
                        fire(shopId, order, rule, tally, lines, until);
                    }
                }
                if (!fired) {
                    capture(shopId, order, lines, captureProblems);
                }
            }
        }
        List<KaspiPollReport.TriggerReport> reports = new ArrayList<>();
        for (Map.Entry<KaspiTriggerRule, Tally> entry : tallies.entrySet()) {
            Tally tally = entry.getValue();
            if (tally.complete()) {
                cursors.save(new PollCursor(shopId, entry.getKey().stream(), until.toString(), clock.instant()));
            }
            reports.add(tally.report(entry.getKey().trigger()));
        }
        captureProblems.forEach(p -> LOG.warn("Kaspi poll of shop {}: {}", shopId, p));
        KaspiPollReport report = new KaspiPollReport(shopId, until, reports);
        LOG.debug("Kaspi poll of shop {}: {}", shopId, report);
        return report;
    }

    /**
     * Polls the shops a supplier gives, one after the other, every interval (measured from the end of a
     * round), on a daemon thread of its own. A shop's failure is logged and does not stop the others or the
     * next round.
     *
     * @param interval the pause between rounds, at least 10 seconds
     * @param shops the shops to poll, asked again every round
     * @throws IllegalStateException when already started
     */
    public synchronized void start(Duration interval, Supplier<? extends Collection<ShopId>> shops) {
        Objects.requireNonNull(shops, "shops");
        if (interval.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("poll interval must be at least 10 s, got " + interval);
        }
        if (scheduler != null) {
            throw new IllegalStateException("the poller is started already");
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kaspi-order-poller");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> pollAll(shops), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    /** Stops the scheduled polling, if started, and waits up to 10 s for a poll in progress to end. */
    @Override
    public void close() {
        ScheduledExecutorService executor;
        synchronized (this) {
            executor = scheduler;
            scheduler = null;
        }
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void pollAll(Supplier<? extends Collection<ShopId>> shops) {
        Collection<ShopId> round;
        try {
            round = List.copyOf(shops.get());
        } catch (RuntimeException e) {
            LOG.warn("Kaspi poller could not get its shops: {}", e.toString());
            return;
        }
        for (ShopId shop : round) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                KaspiPollReport report = poll(shop);
                if (report.accepted() > 0 || !report.complete()) {
                    LOG.info("Kaspi poll of shop {}: {} new events, complete={}", shop, report.accepted(),
                            report.complete());
                }
            } catch (RuntimeException e) {
                LOG.warn("Kaspi poll of shop {} failed: {}", shop, e.toString());
            }
        }
    }

    private Instant start(ShopId shopId, KaspiTriggerRule rule, Instant until) {
        Optional<PollCursor> cursor = cursors.find(shopId, rule.stream());
        // Both ends of Kaspi's windows are inclusive: a look-back of exactly 14 days is one listing.
        if (cursor.isEmpty()) {
            return until.minus(rule.lookBack()).plusMillis(1);
        }
        Instant through;
        try {
            through = Instant.parse(cursor.get().position());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("cursor " + rule.stream() + " of shop " + shopId + " holds '"
                    + cursor.get().position() + "', which is not an instant; delete it (PollCursorStore#delete)"
                    + " to start again from the look-back", e);
        }
        return (through.isAfter(until) ? until : through).minus(rule.lookBack()).plusMillis(1);
    }

    private List<KaspiOrderState> states() {
        Set<KaspiOrderState> needed = new HashSet<>();
        rules.forEach(r -> needed.addAll(r.states()));
        List<KaspiOrderState> ordered = new ArrayList<>();
        STATE_ORDER.stream().filter(needed::contains).forEach(ordered::add);
        needed.stream().filter(s -> !STATE_ORDER.contains(s)).sorted((a, b) -> a.code().compareTo(b.code()))
                .forEach(s -> ordered.add(ordered.size() - (ordered.contains(KaspiOrderState.ARCHIVE) ? 1 : 0), s));
        return ordered;
    }

    private void fire(ShopId shopId, KaspiOrder order, KaspiTriggerRule rule, Tally tally,
            Map<String, List<PurchaseItem>> lines, Instant until) {
        tally.matched++;
        OrderId orderId = OrderId.of(order.code());
        String key = PurchaseEvent.TYPE + ":" + orderId.value() + ":" + rule.trigger().code();
        if (sink.contains(shopId, key)) {
            tally.known++;
            return;
        }
        List<PurchaseItem> items;
        try {
            items = lines(shopId, order, lines);
        } catch (HqException | IllegalArgumentException e) {
            tally.problem("order " + order.code() + " (" + rule.trigger() + "): " + e.getMessage());
            return;
        }
        PhoneNumber phone = contact(shopId, order, orderId);
        // The accepted event is the purchase itself; later ones happen when the poll sees them.
        Instant occurredAt = rule.trigger().equals(PurchaseTrigger.ORDER_ACCEPTED) ? order.createdAt() : until;
        PurchaseEvent event = PurchaseEvent.builder().shopId(shopId).orderId(orderId).items(items)
                .currency(Money.KZT).customer(phone).occurredAt(occurredAt).trigger(rule.trigger())
                .idempotencyKey(key).build();
        EventSink.Acceptance acceptance = sink.accept(event);
        switch (acceptance.outcome()) {
            case ACCEPTED:
                tally.accepted++;
                break;
            case DUPLICATE:
                tally.known++;
                break;
            default:
                tally.rejected++;
                tally.problem("order " + order.code() + " (" + rule.trigger() + ") rejected: " + acceptance.reason());
        }
    }

    private @Nullable PhoneNumber contact(ShopId shopId, KaspiOrder order, OrderId orderId) {
        Optional<PhoneNumber> phone = order.buyer().flatMap(KaspiCustomer::phoneNumber);
        if (phone.isPresent() || purchases == null) {
            return phone.orElse(null);
        }
        return purchases.find(shopId, orderId).map(Purchase::customer).orElse(null);
    }

    /** Keeps an active order's phone with its purchase, before Kaspi masks it. */
    private void capture(ShopId shopId, KaspiOrder order, Map<String, List<PurchaseItem>> lines,
            List<String> problems) {
        if (purchases == null || order.state().equals(KaspiOrderState.ARCHIVE)) {
            return;
        }
        Optional<PhoneNumber> phone = order.buyer().flatMap(KaspiCustomer::phoneNumber);
        OrderId orderId = OrderId.of(order.code());
        if (phone.isEmpty() || purchases.find(shopId, orderId).isPresent()) {
            return;
        }
        try {
            purchases.save(new Purchase(shopId, orderId, phone.get(), lines(shopId, order, lines), order.createdAt()));
        } catch (HqException | IllegalArgumentException e) {
            if (e instanceof StoreException) {
                throw (StoreException) e;
            }
            problems.add("order " + order.code() + ": its buyer's contact was not kept: " + e.getMessage());
        }
    }

    private List<PurchaseItem> lines(ShopId shopId, KaspiOrder order, Map<String, List<PurchaseItem>> cache) {
        List<PurchaseItem> cached = cache.get(order.id());
        if (cached != null) {
            return cached;
        }
        List<KaspiOrderEntry> entries = connector.client().orderEntries(shopId, order.id());
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("Kaspi lists no entries for it");
        }
        List<PurchaseItem> items = new ArrayList<>(entries.size());
        for (KaspiOrderEntry entry : entries) {
            Sku sku = sku(shopId, entry);
            String name = entry.offerName() != null && !entry.offerName().isBlank() ? entry.offerName().strip()
                    : sku.value();
            BigDecimal quantity = entry.quantity();
            boolean whole = quantity.signum() > 0 && quantity.stripTrailingZeros().scale() <= 0;
            items.add(whole ? new PurchaseItem(sku, name, entry.basePrice(), quantity.intValueExact())
                    : new PurchaseItem(sku, name, entry.totalPrice(), 1));
        }
        List<PurchaseItem> result = List.copyOf(items);
        cache.put(order.id(), result);
        return result;
    }

    private Sku sku(ShopId shopId, KaspiOrderEntry entry) {
        if (sellerSkus) {
            Optional<Sku> seller;
            if (entry.productId() != null) {
                String key = shopId.value() + "\u0000" + entry.productId();
                seller = skuCache.get(key);
                if (seller == null) {
                    seller = connector.client().sellerSku(shopId, entry);
                    skuCache.put(key, seller);
                }
            } else {
                seller = connector.client().sellerSku(shopId, entry);
            }
            if (seller.isPresent()) {
                return seller.get();
            }
        }
        if (entry.offerCode() != null && !entry.offerCode().isBlank()) {
            return Sku.of(entry.offerCode().strip());
        }
        throw new IllegalArgumentException("entry " + entry.entryNumber() + " has neither a seller SKU nor an offer code");
    }

    /** One rule's counts in one poll. */
    private static final class Tally {
        final Instant from;
        int matched;
        int accepted;
        int known;
        int rejected;
        final List<String> problems = new ArrayList<>();
        @Nullable String failure;

        Tally(Instant from) {
            this.from = from;
        }

        void fail(String reason) {
            if (failure == null) {
                failure = reason;
            }
        }

        void problem(String problem) {
            problems.add(problem);
        }

        boolean complete() {
            return failure == null && problems.isEmpty() && rejected == 0;
        }

        KaspiPollReport.TriggerReport report(PurchaseTrigger trigger) {
            return new KaspiPollReport.TriggerReport(trigger, from, matched, accepted, known, rejected, problems,
                    complete(), failure);
        }
    }

    /** Builds a {@link KaspiOrderPoller}. Not thread-safe. */
    public static final class Builder {
        private final KaspiConnector connector;
        private final EventSink sink;
        private final PollCursorStore cursors;
        private @Nullable PurchaseStore purchases;
        private Clock clock = Clock.systemUTC();
        private List<KaspiTriggerRule> rules = KaspiTriggerRule.defaults();
        private boolean sellerSkus = true;

        private Builder(KaspiConnector connector, EventSink sink, PollCursorStore cursors) {
            this.connector = Objects.requireNonNull(connector, "connector");
            this.sink = Objects.requireNonNull(sink, "sink");
            this.cursors = Objects.requireNonNull(cursors, "cursors");
        }

        /**
         * Keeps buyers' phones with their purchases while orders are active, and takes them from there once
         * Kaspi masks them. Without it, events of archived orders carry no contact.
         *
         * @param purchases the purchase store, e.g. {@code Stores#purchases()}
         * @return this builder
         */
        public Builder purchases(PurchaseStore purchases) {
            this.purchases = Objects.requireNonNull(purchases, "purchases");
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
         * Replaces the rules; default {@link KaspiTriggerRule#defaults()}.
         *
         * @param rules the rules, at least one, one per trigger
         * @return this builder
         * @throws IllegalArgumentException when empty or two rules share a trigger
         */
        public Builder rules(List<KaspiTriggerRule> rules) {
            List<KaspiTriggerRule> copy = List.copyOf(rules);
            if (copy.isEmpty()) {
                throw new IllegalArgumentException("the poller needs at least one rule");
            }
            if (copy.stream().map(KaspiTriggerRule::trigger).distinct().count() != copy.size()) {
                throw new IllegalArgumentException("each trigger may have one rule only, got " + copy.stream()
                        .map(KaspiTriggerRule::trigger).toList());
            }
            this.rules = copy;
            return this;
        }

        /**
         * Sets whether each entry's SKU is the seller's own, read from Kaspi (two requests per product the
         * first time, then cached), or Kaspi's offer code. Default {@code true}: the catalog is keyed by the
         * seller's SKU, and an offer code is not necessarily one.
         *
         * @param sellerSkus {@code false} to use offer codes and save the requests
         * @return this builder
         */
        public Builder sellerSkus(boolean sellerSkus) {
            this.sellerSkus = sellerSkus;
            return this;
        }

        /**
         * Builds the poller.
         *
         * @return the poller
         */
        public KaspiOrderPoller build() {
            return new KaspiOrderPoller(this);
        }
    }
}
