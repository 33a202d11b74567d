package dev.aihq.pipeline.memory;

import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.store.CoPurchase;
import dev.aihq.api.store.CustomerStats;
import dev.aihq.api.store.Purchase;
import dev.aihq.api.store.PurchaseStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import javax.annotation.Nullable;

/**
 * A {@link PurchaseStore} keyed by (shop, order), with each customer's purchases kept newest first in
 * their own sorted set, so a history lookup and a customer's statistics read only that customer's
 * purchases. Purchases without a customer are stored but belong to no history. Totals are summed exactly.
 * Each purchase is also indexed per shop under every SKU it contains, so "bought together" reads only the
 * orders of the SKUs asked about.
 * Thread-safe; nothing survives a restart.
 */
public final class InMemoryPurchaseStore implements PurchaseStore {

    private static final Comparator<Entry> NEWEST_FIRST =
            Comparator.comparing(Entry::occurredAt).thenComparingLong(Entry::sequence).reversed();

    private final ConcurrentHashMap<OrderKey, Purchase> byOrder = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<CustomerKey, ConcurrentSkipListSet<Entry>> byCustomer =
            new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ShopId, ConcurrentHashMap<Sku, ConcurrentLinkedQueue<Lines>>> bySku =
            new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /** Creates an empty store. */
    public InMemoryPurchaseStore() {}

    @Override
    public boolean save(Purchase purchase) {
        Objects.requireNonNull(purchase, "purchase");
        if (byOrder.putIfAbsent(new OrderKey(purchase.shopId(), purchase.orderId()), purchase) != null) {
            return false;
        }
        PhoneNumber customer = purchase.customer();
        if (customer != null) {
            byCustomer.computeIfAbsent(new CustomerKey(purchase.shopId(), customer),
                    k -> new ConcurrentSkipListSet<>(NEWEST_FIRST))
                    .add(new Entry(purchase.occurredAt(), sequence.incrementAndGet(), purchase));
        }
        Set<Sku> skus = new LinkedHashSet<>();
        for (PurchaseItem item : purchase.items()) {
            skus.add(item.sku());
        }
        Lines lines = new Lines(purchase.orderId(), purchase.occurredAt(), Set.copyOf(skus));
        ConcurrentHashMap<Sku, ConcurrentLinkedQueue<Lines>> shop =
                bySku.computeIfAbsent(purchase.shopId(), k -> new ConcurrentHashMap<>());
        for (Sku sku : skus) {
            shop.computeIfAbsent(sku, k -> new ConcurrentLinkedQueue<>()).add(lines);
        }
        return true;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    @Override
    public List<CoPurchase> boughtTogether(ShopId shopId, Set<Sku> skus, Instant since, int limit) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(skus, "skus");
        Objects.requireNonNull(since, "since");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        ConcurrentHashMap<Sku, ConcurrentLinkedQueue<Lines>> shop = bySku.get(shopId);
        if (shop == null || skus.isEmpty()) {
            return List.of();
        }
        Set<OrderId> seen = new HashSet<>();
        Map<Sku, Long> counts = new HashMap<>();
        for (Sku sku : skus) {
            ConcurrentLinkedQueue<Lines> orders = shop.get(sku);
            if (orders == null) {
                continue;
            }
            for (Lines lines : orders) {
                if (lines.occurredAt().isBefore(since) || !seen.add(lines.orderId())) {
                    continue;
                }
                for (Sku other : lines.skus()) {
                    if (!skus.contains(other)) {
                        counts.merge(other, 1L, Long::sum);
                    }
                }
            }
        }
        return counts.entrySet().stream()
                .map(e -> new CoPurchase(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(CoPurchase::orders).reversed()
                        .thenComparing(c -> c.sku().value()))
                .limit(limit)
                .toList();
    }

    @Override
    public Optional<Purchase> find(ShopId shopId, OrderId orderId) {
        return Optional.ofNullable(byOrder.get(new OrderKey(shopId, orderId)));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    @Override
    public List<Purchase> findByCustomer(ShopId shopId, PhoneNumber customer, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        ConcurrentSkipListSet<Entry> history = byCustomer.get(new CustomerKey(shopId, customer));
        if (history == null) {
            return List.of();
        }
        List<Purchase> newest = new ArrayList<>(Math.min(limit, 16));
        for (Entry entry : history) {
            if (newest.size() == limit) {
                break;
            }
            newest.add(entry.purchase());
        }
        return List.copyOf(newest);
    }

    @Override
    public CustomerStats stats(ShopId shopId, PhoneNumber customer, @Nullable OrderId excluding) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(customer, "customer");
        ConcurrentSkipListSet<Entry> history = byCustomer.get(new CustomerKey(shopId, customer));
        if (history == null) {
            return CustomerStats.none(shopId, customer);
        }
        long count = 0;
        @Nullable Instant first = null;
        @Nullable Instant last = null;
        Map<Currency, Money> spent = new HashMap<>();
        Map<Currency, Long> orders = new HashMap<>();
        for (Entry entry : history) {
            Purchase purchase = entry.purchase();
            if (purchase.orderId().equals(excluding)) {
                continue;
            }
            count++;
            Instant at = purchase.occurredAt();
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
            purchase.total().ifPresent(total -> {
                spent.merge(total.currency(), total, Money::plus);
                orders.merge(total.currency(), 1L, Long::sum);
            });
        }
        return count == 0 ? CustomerStats.none(shopId, customer)
                : new CustomerStats(shopId, customer, count, first, last, spent, orders);
    }

    /**
     * Makes a customer's purchases in a shop anonymous: each keeps its order, lines and time but loses the
     * customer, and leaves the customer's history.
     *
     * @return how many purchases were made anonymous
     */
    int anonymise(ShopId shopId, PhoneNumber customer) {
        ConcurrentSkipListSet<Entry> history = byCustomer.remove(new CustomerKey(shopId, customer));
        if (history == null) {
            return 0;
        }
        int anonymised = 0;
        for (Entry entry : history) {
            Purchase p = entry.purchase();
            if (byOrder.replace(new OrderKey(shopId, p.orderId()), p,
                    new Purchase(p.shopId(), p.orderId(), null, p.items(), p.occurredAt()))) {
                anonymised++;
            }
        }
        return anonymised;
    }

    private record OrderKey(ShopId shopId, OrderId orderId) {
        OrderKey {
            Objects.requireNonNull(shopId, "shop id");
            Objects.requireNonNull(orderId, "order id");
        }
    }

    private record CustomerKey(ShopId shopId, PhoneNumber customer) {
        CustomerKey {
            Objects.requireNonNull(shopId, "shop id");
            Objects.requireNonNull(customer, "customer");
        }
    }

    /** The distinct SKUs of one order, for "bought together". */
    private record Lines(OrderId orderId, Instant occurredAt, Set<Sku> skus) {}

    private record Entry(Instant occurredAt, long sequence, Purchase purchase) {}
}
