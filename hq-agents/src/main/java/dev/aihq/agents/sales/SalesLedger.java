package dev.aihq.agents.sales;

import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.event.PurchaseTrigger;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerEntryKind;
import dev.aihq.api.store.LedgerStore;
import dev.aihq.api.store.PurchaseStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Writes what a purchase event means for the shop's books to the ledger, as a step of the purchase
 * pipeline's journal stage (so with transactional stores it commits with the journal entry):
 *
 * <ul>
 *   <li>a purchase event that does not withdraw its order records one {@link LedgerEntryKind#SALE} per SKU,
 *       keyed {@code sale:<order>:<sku>}, the event's lines of that SKU summed (amount = price × quantity),
 *       at the event's time;</li>
 *   <li>{@code order_returned} records one {@link LedgerEntryKind#RETURN} per SKU whose sale was recorded,
 *       keyed {@code return:<order>:<sku>}, and {@code order_cancelled} one
 *       {@link LedgerEntryKind#CANCELLATION}, keyed {@code cancel:<order>:<sku>}: each reverses the recorded
 *       sale whole (its units and amount) at the time of the withdrawal, so a return in a later month lowers
 *       that month. An order whose sale was never recorded reverses nothing, and an order and SKU are reversed
 *       at most once: a return after a cancellation (or the other way round) finds the first reversal and
 *       adds none.</li>
 * </ul>
 *
 * <p>Every entry is written once per key, so a redelivered or resumed event changes nothing. The SKUs to
 * reverse are those of the stored purchase and of the withdrawal event, each checked against its
 * {@code sale:} entry. The check for an earlier reversal and the write are two statements: two withdrawals of
 * one order handled at the same moment by two workers could both reverse it (each under its own key), which
 * the accountant's reconciliation would show.
 */
final class SalesLedger {

    /** The source of the entries this step writes. */
    static final String SOURCE = "purchase-event";

    private final LedgerStore ledger;
    private final PurchaseStore purchases;

    SalesLedger(LedgerStore ledger, PurchaseStore purchases) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.purchases = Objects.requireNonNull(purchases, "purchases");
    }

    /** Records the event's sales, or reverses the order's recorded sales when the event withdraws it. */
    void record(PurchaseEvent event) {
        PurchaseTrigger trigger = event.trigger();
        if (trigger == null || !trigger.withdrawsOrder()) {
            ledger.recordAll(sales(event));
        } else if (trigger.equals(PurchaseTrigger.ORDER_RETURNED)) {
            reverse(event, LedgerEntryKind.RETURN, "return:", "cancel:");
        } else {
            reverse(event, LedgerEntryKind.CANCELLATION, "cancel:", "return:");
        }
    }

    /** One sale per SKU of the event, its lines summed. */
    private static List<LedgerEntry> sales(PurchaseEvent event) {
        Map<Sku, BigDecimal> quantities = new LinkedHashMap<>();
        Map<Sku, Money> amounts = new LinkedHashMap<>();
        for (PurchaseItem item : event.items()) {
            quantities.merge(item.sku(), BigDecimal.valueOf(item.quantity()), BigDecimal::add);
            amounts.merge(item.sku(), item.total(), Money::plus);
        }
        List<LedgerEntry> sales = new ArrayList<>(quantities.size());
        quantities.forEach((sku, quantity) -> sales.add(new LedgerEntry(event.shopId(),
                key("sale:", event.orderId(), sku), LedgerEntryKind.SALE, event.occurredAt(), sku, event.orderId(),
                quantity, amounts.get(sku), SOURCE)));
        return sales;
    }

    /**
     * Reverses each recorded sale of the order that neither this kind nor the other kind of reversal has
     * reversed yet.
     */
    private void reverse(PurchaseEvent event, LedgerEntryKind kind, String prefix, String otherPrefix) {
        ShopId shop = event.shopId();
        OrderId order = event.orderId();
        Set<Sku> skus = new LinkedHashSet<>();
        purchases.find(shop, order).ifPresent(p -> p.items().forEach(item -> skus.add(item.sku())));
        event.items().forEach(item -> skus.add(item.sku()));
        List<LedgerEntry> reversals = new ArrayList<>(skus.size());
        for (Sku sku : skus) {
            Optional<LedgerEntry> sale = ledger.find(shop, key("sale:", order, sku));
            if (sale.isEmpty() || ledger.find(shop, key(otherPrefix, order, sku)).isPresent()) {
                continue;
            }
            reversals.add(new LedgerEntry(shop, key(prefix, order, sku), kind, event.occurredAt(), sku, order,
                    sale.get().quantity(), sale.get().amount(), SOURCE));
        }
        if (!reversals.isEmpty()) {
            ledger.recordAll(reversals);
        }
    }

    private static String key(String prefix, OrderId order, Sku sku) {
        return prefix + order.value() + ":" + sku.value();
    }
}
