package dev.aihq.testkit.contract;

import static dev.aihq.testkit.Fixtures.CUSTOMER;
import static dev.aihq.testkit.Fixtures.OTHER_CUSTOMER;
import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link PurchaseStore}: a purchase is saved once per (shop, order) and the first one
 * wins; a customer's purchases come newest first within a limit, never another customer's or an
 * anonymous one, never another shop's. A customer's statistics count that customer's purchases in that
 * shop, optionally leaving one order out, and sum and average the totals exactly per currency. "Bought
 * together" counts, per other SKU, the shop's orders since a time that contain one of the given SKUs,
 * anonymous ones included, most frequent first and ties by SKU. Subclass it
 * and return a new empty store from {@link #createStore()}.
 */
public abstract class PurchaseStoreContract extends StoreContract<PurchaseStore> {

    private final SettableClock clock = SettableClock.at(Fixtures.NOW, Fixtures.ALMATY);

    /** Creates the suite. */
    protected PurchaseStoreContract() {}

    /**
     * Returns the clock the suite takes purchase times from.
     *
     * @return the clock
     */
    protected SettableClock clock() {
        return clock;
    }

    /** A new order is saved and found. */
    @Test
    public void should_save_purchase_when_order_is_new() {
        // given
        Purchase purchase = Fixtures.purchase(SHOP_ID, "512345678", CUSTOMER, clock().instant());

        // when
        boolean saved = store().save(purchase);

        // then
        assertThat(saved).isTrue();
        assertThat(store().find(SHOP_ID, OrderId.of("512345678"))).contains(purchase);
    }

    /** A second save of the same order returns false and keeps the first. */
    @Test
    public void should_keep_first_purchase_when_same_order_is_saved_again() {
        // given
        Purchase first = Fixtures.purchase(SHOP_ID, "512345678", CUSTOMER, clock().instant());
        store().save(first);
        Purchase second = Fixtures.purchase(SHOP_ID, "512345678", OTHER_CUSTOMER,
                clock().advance(Duration.ofHours(1)));

        // when
        boolean saved = store().save(second);

        // then
        assertThat(saved).isFalse();
        assertThat(store().find(SHOP_ID, OrderId.of("512345678"))).contains(first);
        assertThat(store().findByCustomer(SHOP_ID, OTHER_CUSTOMER, 10)).isEmpty();
    }

    /** An unknown order is empty. */
    @Test
    public void should_return_empty_when_order_is_unknown() {
        // given
        store().save(Fixtures.purchase(SHOP_ID, "512345678", CUSTOMER, clock().instant()));

        // when / then
        assertThat(store().find(SHOP_ID, OrderId.of("999999999"))).isEmpty();
    }

    /** A customer's purchases come newest first, whatever order they were saved in. */
    @Test
    public void should_return_newest_first_when_finding_by_customer() {
        // given
        Instant t0 = clock().instant();
        Purchase oldest = Fixtures.purchase(SHOP_ID, "500000001", CUSTOMER, t0.minus(Duration.ofDays(40)));
        Purchase middle = Fixtures.purchase(SHOP_ID, "500000002", CUSTOMER, t0.minus(Duration.ofDays(3)));
        Purchase newest = Fixtures.purchase(SHOP_ID, "500000003", CUSTOMER, t0);
        store().save(middle);
        store().save(newest);
        store().save(oldest);

        // when
        List<Purchase> found = store().findByCustomer(SHOP_ID, CUSTOMER, 10);

        // then
        assertThat(found).containsExactly(newest, middle, oldest);
    }

    /** At most {@code limit} purchases come back: the newest ones. */
    @Test
    public void should_return_at_most_limit_when_customer_has_more_purchases() {
        // given
        Instant t0 = clock().instant();
        for (int i = 1; i <= 5; i++) {
            store().save(Fixtures.purchase(SHOP_ID, "50000000" + i, CUSTOMER, t0.plus(Duration.ofDays(i))));
        }

        // when
        List<Purchase> found = store().findByCustomer(SHOP_ID, CUSTOMER, 2);

        // then
        assertThat(found).extracting(p -> p.orderId().value()).containsExactly("500000005", "500000004");
    }

    /** Another customer's purchases and purchases without a contact are not a customer's history. */
    @Test
    public void should_return_only_that_customer_when_others_and_anonymous_purchases_exist() {
        // given
        Instant t0 = clock().instant();
        Purchase mine = Fixtures.purchase(SHOP_ID, "500000001", CUSTOMER, t0);
        store().save(mine);
        store().save(Fixtures.purchase(SHOP_ID, "500000002", OTHER_CUSTOMER, t0.plusSeconds(60)));
        store().save(Fixtures.purchase(SHOP_ID, "500000003", null, t0.plusSeconds(120)));

        // when
        List<Purchase> found = store().findByCustomer(SHOP_ID, CUSTOMER, 10);

        // then
        assertThat(found).containsExactly(mine);
        assertThat(store().find(SHOP_ID, OrderId.of("500000003"))).hasValueSatisfying(
                p -> assertThat(p.customer()).isNull());
    }

    /** Tenant isolation: the same order and customer in two shops are two purchases, each in its shop. */
    @Test
    public void should_keep_shops_apart_when_same_order_and_customer_exist_in_two_shops() {
        // given
        Instant t0 = clock().instant();
        Purchase mine = Fixtures.purchase(SHOP_ID, "512345678", CUSTOMER, t0);
        Purchase theirs = Fixtures.purchase(OTHER_SHOP_ID, "512345678", CUSTOMER, t0.plusSeconds(30));
        store().save(mine);

        // when
        boolean saved = store().save(theirs);

        // then
        assertThat(saved).isTrue();
        assertThat(store().find(SHOP_ID, OrderId.of("512345678"))).contains(mine);
        assertThat(store().find(OTHER_SHOP_ID, OrderId.of("512345678"))).contains(theirs);
        assertThat(store().findByCustomer(SHOP_ID, CUSTOMER, 10)).containsExactly(mine);
        assertThat(store().findByCustomer(OTHER_SHOP_ID, CUSTOMER, 10)).containsExactly(theirs);
    }

    /** A customer without purchases has none: this purchase would be the first. */
    @Test
    public void should_return_none_when_customer_has_no_purchases() {
        // given
        store().save(Fixtures.purchase(SHOP_ID, "500000001", OTHER_CUSTOMER, clock().instant()));

        // when
        CustomerStats stats = store().stats(SHOP_ID, CUSTOMER, null);

        // then
        assertThat(stats).isEqualTo(CustomerStats.none(SHOP_ID, CUSTOMER));
        assertThat(stats.firstPurchase()).isTrue();
        assertThat(stats.purchaseCount()).isZero();
        assertThat(stats.firstPurchaseAt()).isNull();
        assertThat(stats.lastPurchaseAt()).isNull();
        assertThat(stats.totalSpent()).isEmpty();
        assertThat(stats.averageCheck(Money.KZT)).isEmpty();
    }

    /** Three purchases are counted, dated and summed exactly; the average check is rounded half-even. */
    @Test
    public void should_count_date_and_sum_exactly_when_customer_has_three_purchases() {
        // given
        Instant t0 = clock().instant();
        Instant oldest = t0.minus(Duration.ofDays(40));
        store().save(purchase(SHOP_ID, "500000002", CUSTOMER, t0.minus(Duration.ofDays(3)), Money.kzt(1000)));
        store().save(purchase(SHOP_ID, "500000003", CUSTOMER, t0, Money.kzt(1001)));
        store().save(purchase(SHOP_ID, "500000001", CUSTOMER, oldest, Money.kzt(1000)));

        // when
        CustomerStats stats = store().stats(SHOP_ID, CUSTOMER, null);

        // then
        assertThat(stats.shopId()).isEqualTo(SHOP_ID);
        assertThat(stats.customer()).isEqualTo(CUSTOMER);
        assertThat(stats.firstPurchase()).isFalse();
        assertThat(stats.purchaseCount()).isEqualTo(3);
        assertThat(stats.firstPurchaseAt()).isEqualTo(oldest);
        assertThat(stats.lastPurchaseAt()).isEqualTo(t0);
        assertThat(stats.totalSpent()).containsExactly(Map.entry(Money.KZT, Money.kzt(3001)));
        assertThat(stats.averageCheck(Money.KZT)).contains(Money.of("1000.33", Money.KZT));
        assertThat(stats.averageCheck(Money.RUB)).isEmpty();
    }

    /** The order being handled is left out, so the statistics describe the other purchases only. */
    @Test
    public void should_leave_order_out_when_excluding_it() {
        // given
        Instant t0 = clock().instant();
        store().save(purchase(SHOP_ID, "500000001", CUSTOMER, t0.minus(Duration.ofDays(40)), Money.kzt(1000)));
        store().save(purchase(SHOP_ID, "500000002", CUSTOMER, t0.minus(Duration.ofDays(3)), Money.kzt(1001)));
        store().save(purchase(SHOP_ID, "500000003", CUSTOMER, t0, Money.kzt(5000)));

        // when
        CustomerStats stats = store().stats(SHOP_ID, CUSTOMER, OrderId.of("500000003"));

        // then
        assertThat(stats.purchaseCount()).isEqualTo(2);
        assertThat(stats.firstPurchaseAt()).isEqualTo(t0.minus(Duration.ofDays(40)));
        assertThat(stats.lastPurchaseAt()).isEqualTo(t0.minus(Duration.ofDays(3)));
        assertThat(stats.totalSpent()).containsExactly(Map.entry(Money.KZT, Money.kzt(2001)));
        assertThat(stats.averageCheck(Money.KZT)).contains(Money.of("1000.50", Money.KZT));
    }

    /** A customer whose only purchase is the one being handled makes a first purchase. */
    @Test
    public void should_report_first_purchase_when_excluding_the_only_order() {
        // given
        store().save(purchase(SHOP_ID, "500000001", CUSTOMER, clock().instant(), Money.kzt(1000)));

        // when
        CustomerStats excluded = store().stats(SHOP_ID, CUSTOMER, OrderId.of("500000001"));
        CustomerStats unknownExcluded = store().stats(SHOP_ID, CUSTOMER, OrderId.of("999999999"));

        // then
        assertThat(excluded).isEqualTo(CustomerStats.none(SHOP_ID, CUSTOMER));
        assertThat(excluded.firstPurchase()).isTrue();
        assertThat(unknownExcluded.purchaseCount()).isEqualTo(1);
        assertThat(unknownExcluded.firstPurchase()).isFalse();
    }

    /** Tenant isolation: another shop's purchases of the same customer, even of the same order, never count. */
    @Test
    public void should_count_only_that_shop_when_customer_bought_in_another_shop() {
        // given
        Instant t0 = clock().instant();
        store().save(purchase(SHOP_ID, "500000001", CUSTOMER, t0, Money.kzt(1000)));
        store().save(purchase(OTHER_SHOP_ID, "500000001", CUSTOMER, t0.minus(Duration.ofDays(9)), Money.kzt(7000)));
        store().save(purchase(OTHER_SHOP_ID, "500000002", CUSTOMER, t0.plusSeconds(60), Money.rub(300)));

        // when
        CustomerStats mine = store().stats(SHOP_ID, CUSTOMER, null);
        CustomerStats theirsExcluding = store().stats(OTHER_SHOP_ID, CUSTOMER, OrderId.of("500000002"));
        CustomerStats mineExcluding = store().stats(SHOP_ID, CUSTOMER, OrderId.of("500000002"));

        // then
        assertThat(mine.purchaseCount()).isEqualTo(1);
        assertThat(mine.firstPurchaseAt()).isEqualTo(t0);
        assertThat(mine.lastPurchaseAt()).isEqualTo(t0);
        assertThat(mine.totalSpent()).containsExactly(Map.entry(Money.KZT, Money.kzt(1000)));
        assertThat(theirsExcluding.shopId()).isEqualTo(OTHER_SHOP_ID);
        assertThat(theirsExcluding.purchaseCount()).isEqualTo(1);
        assertThat(theirsExcluding.totalSpent()).containsExactly(Map.entry(Money.KZT, Money.kzt(7000)));
        assertThat(mineExcluding).isEqualTo(mine);
    }

    /** Another customer's purchases and purchases without a contact never enter a customer's statistics. */
    @Test
    public void should_count_only_that_customer_when_others_and_anonymous_purchases_exist() {
        // given
        Instant t0 = clock().instant();
        store().save(purchase(SHOP_ID, "500000001", CUSTOMER, t0, Money.kzt(1000)));
        store().save(purchase(SHOP_ID, "500000002", OTHER_CUSTOMER, t0.minus(Duration.ofDays(5)), Money.kzt(3000)));
        store().save(purchase(SHOP_ID, "500000003", null, t0.minus(Duration.ofDays(6)), Money.kzt(4000)));
        store().save(purchase(SHOP_ID, "500000004", null, t0.plusSeconds(30), Money.rub(4000)));

        // when
        CustomerStats stats = store().stats(SHOP_ID, CUSTOMER, null);

        // then
        assertThat(stats.purchaseCount()).isEqualTo(1);
        assertThat(stats.firstPurchaseAt()).isEqualTo(t0);
        assertThat(stats.lastPurchaseAt()).isEqualTo(t0);
        assertThat(stats.totalSpent()).containsExactly(Map.entry(Money.KZT, Money.kzt(1000)));
        assertThat(store().stats(SHOP_ID, OTHER_CUSTOMER, null).totalSpent())
                .containsExactly(Map.entry(Money.KZT, Money.kzt(3000)));
    }

    /**
     * Totals are kept apart per currency; a purchase without lines or with lines in several currencies has
     * no total, so it is counted and dated but not summed.
     */
    @Test
    public void should_sum_per_currency_and_count_without_summing_when_purchases_lack_a_single_currency() {
        // given
        Instant t0 = clock().instant();
        store().save(purchase(SHOP_ID, "500000001", CUSTOMER, t0.minus(Duration.ofDays(2)), Money.kzt(1000)));
        store().save(purchase(SHOP_ID, "500000002", CUSTOMER, t0.minus(Duration.ofDays(1)),
                Money.of("500.25", Money.RUB), Money.of("0.50", Money.RUB)));
        store().save(purchase(SHOP_ID, "500000003", CUSTOMER, t0.minus(Duration.ofDays(30))));
        store().save(purchase(SHOP_ID, "500000004", CUSTOMER, t0, Money.kzt(10), Money.rub(10)));

        // when
        CustomerStats stats = store().stats(SHOP_ID, CUSTOMER, null);

        // then
        assertThat(stats.purchaseCount()).isEqualTo(4);
        assertThat(stats.firstPurchaseAt()).isEqualTo(t0.minus(Duration.ofDays(30)));
        assertThat(stats.lastPurchaseAt()).isEqualTo(t0);
        assertThat(stats.totalSpent()).containsOnly(
                Map.entry(Money.KZT, Money.kzt(1000)), Map.entry(Money.RUB, Money.of("500.75", Money.RUB)));
        assertThat(stats.ordersByCurrency()).containsOnly(Map.entry(Money.KZT, 1L), Map.entry(Money.RUB, 1L));
        assertThat(stats.averageCheck(Money.KZT)).contains(Money.kzt(1000));
        assertThat(stats.averageCheck(Money.RUB)).contains(Money.of("500.75", Money.RUB));
    }

    /**
     * Bought together: per other SKU, the orders containing one of the given SKUs that also contain it; an
     * order counts once however many of the given SKUs or lines it has; the given SKUs never come back;
     * most frequent first, equal counts in SKU (character-code) order.
     */
    @Test
    public void should_count_orders_per_other_sku_when_asking_what_was_bought_together() {
        // given
        Instant t0 = clock().instant();
        store().save(order(SHOP_ID, "600000001", CUSTOMER, t0, "PHONE-A55", "CASE-A55", "CHARGER-25W"));
        store().save(order(SHOP_ID, "600000002", OTHER_CUSTOMER, t0, "PHONE-A55", "CASE-A55"));
        store().save(order(SHOP_ID, "600000003", CUSTOMER, t0, "PHONE-A35", "PHONE-A55", "CASE-A55", "CASE-A55",
                "GLASS-A55"));
        store().save(order(SHOP_ID, "600000004", CUSTOMER, t0, "PHONE-A35", "BUDS-2"));
        store().save(order(SHOP_ID, "600000005", CUSTOMER, t0, "CASE-A55", "CHARGER-25W"));

        // when
        List<CoPurchase> together = store().boughtTogether(SHOP_ID, Set.of(Sku.of("PHONE-A55"), Sku.of("PHONE-A35")),
                t0.minus(Duration.ofDays(1)), 10);

        // then: CASE-A55 in orders 1, 2, 3; then the ties in SKU order ('B' < 'C' < 'G')
        assertThat(together).containsExactly(
                new CoPurchase(Sku.of("CASE-A55"), 3),
                new CoPurchase(Sku.of("BUDS-2"), 1),
                new CoPurchase(Sku.of("CHARGER-25W"), 1),
                new CoPurchase(Sku.of("GLASS-A55"), 1));
    }

    /** Only orders at or after {@code since} count; the limit keeps the most frequent. */
    @Test
    public void should_count_only_orders_since_the_instant_when_asking_what_was_bought_together() {
        // given
        Instant t0 = clock().instant();
        Instant since = t0.minus(Duration.ofDays(30));
        store().save(order(SHOP_ID, "600000001", CUSTOMER, since.minusMillis(1), "PRINTER-1", "TONER-OLD"));
        store().save(order(SHOP_ID, "600000002", CUSTOMER, since, "PRINTER-1", "TONER-1"));
        store().save(order(SHOP_ID, "600000003", OTHER_CUSTOMER, t0, "PRINTER-1", "TONER-1", "PAPER-A4"));
        store().save(order(SHOP_ID, "600000004", OTHER_CUSTOMER, t0, "PRINTER-1", "CABLE-USB"));

        // when
        List<CoPurchase> all = store().boughtTogether(SHOP_ID, Set.of(Sku.of("PRINTER-1")), since, 10);
        List<CoPurchase> top = store().boughtTogether(SHOP_ID, Set.of(Sku.of("PRINTER-1")), since, 2);

        // then
        assertThat(all).containsExactly(new CoPurchase(Sku.of("TONER-1"), 2), new CoPurchase(Sku.of("CABLE-USB"), 1),
                new CoPurchase(Sku.of("PAPER-A4"), 1));
        assertThat(top).containsExactly(new CoPurchase(Sku.of("TONER-1"), 2), new CoPurchase(Sku.of("CABLE-USB"), 1));
    }

    /** Another shop's orders never count, and purchases without a customer do. */
    @Test
    public void should_count_anonymous_orders_and_only_the_shops_own_when_asking_what_was_bought_together() {
        // given
        Instant t0 = clock().instant();
        store().save(order(SHOP_ID, "600000001", null, t0, "COFFEE-MACHINE-1", "BEANS-ARABICA"));
        store().save(order(SHOP_ID, "600000002", CUSTOMER, t0, "COFFEE-MACHINE-1", "DESCALER"));
        store().save(order(OTHER_SHOP_ID, "600000003", CUSTOMER, t0, "COFFEE-MACHINE-1", "MILK-JUG"));
        store().save(order(OTHER_SHOP_ID, "600000004", null, t0, "COFFEE-MACHINE-1", "MILK-JUG"));

        // when
        List<CoPurchase> mine = store().boughtTogether(SHOP_ID, Set.of(Sku.of("COFFEE-MACHINE-1")),
                t0.minus(Duration.ofDays(1)), 10);
        List<CoPurchase> theirs = store().boughtTogether(OTHER_SHOP_ID, Set.of(Sku.of("COFFEE-MACHINE-1")),
                t0.minus(Duration.ofDays(1)), 10);

        // then
        assertThat(mine).containsExactly(new CoPurchase(Sku.of("BEANS-ARABICA"), 1),
                new CoPurchase(Sku.of("DESCALER"), 1));
        assertThat(theirs).containsExactly(new CoPurchase(Sku.of("MILK-JUG"), 2));
    }

    /** No SKUs, an unknown SKU or a SKU bought alone give nothing; a limit below 1 is refused. */
    @Test
    public void should_return_nothing_when_nothing_was_bought_together() {
        // given
        Instant t0 = clock().instant();
        store().save(order(SHOP_ID, "600000001", CUSTOMER, t0, "SHAMPOO-1"));

        // when / then
        assertThat(store().boughtTogether(SHOP_ID, Set.of(), t0.minusSeconds(1), 5)).isEmpty();
        assertThat(store().boughtTogether(SHOP_ID, Set.of(Sku.of("UNKNOWN-1")), t0.minusSeconds(1), 5)).isEmpty();
        assertThat(store().boughtTogether(SHOP_ID, Set.of(Sku.of("SHAMPOO-1")), t0.minusSeconds(1), 5)).isEmpty();
        assertThatThrownBy(() -> store().boughtTogether(SHOP_ID, Set.of(Sku.of("SHAMPOO-1")), t0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** An order with one line per SKU (1 000 KZT, quantity 1); a SKU may repeat. */
    private static Purchase order(ShopId shopId, String orderId, @Nullable PhoneNumber customer, Instant at,
            String... skus) {
        List<PurchaseItem> items = Arrays.stream(skus)
                .map(sku -> new PurchaseItem(Sku.of(sku), "Товар " + sku, Money.kzt(1000), 1))
                .toList();
        return new Purchase(shopId, OrderId.of(orderId), customer, items, at);
    }

    /** A purchase with one line of quantity 1 per price, so that its total is the prices' sum. */
    private static Purchase purchase(ShopId shopId, String orderId, @Nullable PhoneNumber customer, Instant at,
            Money... prices) {
        List<PurchaseItem> items = Arrays.stream(prices)
                .map(price -> new PurchaseItem(Fixtures.PHONE_CASE, "Чехол-книжка для Galaxy A55", price, 1))
                .toList();
        return new Purchase(shopId, OrderId.of(orderId), customer, items, at);
    }
}
