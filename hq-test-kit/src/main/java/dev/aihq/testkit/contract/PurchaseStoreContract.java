package dev.aihq.testkit.contract;

import static dev.aihq.testkit.Fixtures.CUSTOMER;
import static dev.aihq.testkit.Fixtures.OTHER_CUSTOMER;
import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.OrderId;
import dev.aihq.api.store.Purchase;
import dev.aihq.api.store.PurchaseStore;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link PurchaseStore}: a purchase is saved once per (shop, order) and the first one
 * wins; a customer's purchases come newest first within a limit, never another customer's or an
 * anonymous one, never another shop's. Subclass it and return a new empty store from
 * {@link #createStore()}.
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
}
