package dev.aihq.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Money;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerStatsTest {

    private static final ShopId SHOP = ShopId.of("kaspi_123");
    private static final PhoneNumber CUSTOMER = PhoneNumber.parse("+77011234567");
    private static final Instant FIRST = Instant.parse("2026-01-10T08:00:00Z");
    private static final Instant LAST = Instant.parse("2026-03-02T06:00:00Z");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void should_be_a_first_purchase_with_nothing_spent_when_none() {
        // given
        CustomerStats stats = CustomerStats.none(SHOP, CUSTOMER);

        // when / then
        assertThat(stats.firstPurchase()).isTrue();
        assertThat(stats.purchaseCount()).isZero();
        assertThat(stats.firstPurchaseAt()).isNull();
        assertThat(stats.lastPurchaseAt()).isNull();
        assertThat(stats.totalSpent()).isEmpty();
        assertThat(stats.ordersByCurrency()).isEmpty();
        assertThat(stats.averageCheck(Money.KZT)).isEmpty();
    }

    @Test
    void should_not_be_a_first_purchase_when_one_purchase_counts_without_a_total() {
        // given
        CustomerStats stats = new CustomerStats(SHOP, CUSTOMER, 1, LAST, LAST, Map.of(), Map.of());

        // when / then
        assertThat(stats.firstPurchase()).isFalse();
        assertThat(stats.averageCheck(Money.KZT)).isEmpty();
    }

    @Test
    void should_round_average_to_minor_units_when_division_is_not_exact() {
        // given: 1000 + 1000 + 1001 KZT
        CustomerStats stats = stats(3, Map.of(Money.KZT, Money.kzt(3001)), Map.of(Money.KZT, 3L));

        // when / then: 1000.333… KZT
        assertThat(stats.averageCheck(Money.KZT)).contains(Money.of("1000.33", Money.KZT));
    }

    @Test
    void should_round_half_to_even_when_average_is_exactly_halfway() {
        // given
        CustomerStats down = stats(2, Map.of(Money.KZT, Money.of("0.25", Money.KZT)), Map.of(Money.KZT, 2L));
        CustomerStats up = stats(2, Map.of(Money.KZT, Money.of("0.35", Money.KZT)), Map.of(Money.KZT, 2L));
        CustomerStats wholeUnits = stats(4, Map.of(JPY, Money.of("1001", JPY), Money.RUB, Money.of("1003", Money.RUB)),
                Map.of(JPY, 2L, Money.RUB, 2L));

        // when / then: 0.125 → 0.12, 0.175 → 0.18, 500.5 JPY → 500 (no minor units), 501.50 RUB stays
        assertThat(down.averageCheck(Money.KZT)).contains(Money.of("0.12", Money.KZT));
        assertThat(up.averageCheck(Money.KZT)).contains(Money.of("0.18", Money.KZT));
        assertThat(wholeUnits.averageCheck(JPY)).contains(Money.of("500", JPY));
        assertThat(wholeUnits.averageCheck(Money.RUB)).contains(Money.of("501.50", Money.RUB));
    }

    @Test
    void should_average_each_currency_over_its_own_orders_when_totals_are_in_several_currencies() {
        // given: two KZT orders, one RUB order, one order without a total
        CustomerStats stats = stats(4,
                Map.of(Money.KZT, Money.kzt(5000), Money.RUB, Money.of("799.90", Money.RUB)),
                Map.of(Money.KZT, 2L, Money.RUB, 1L));

        // when / then
        assertThat(stats.purchaseCount()).isEqualTo(4);
        assertThat(stats.totalSpent()).containsOnly(
                Map.entry(Money.KZT, Money.kzt(5000)), Map.entry(Money.RUB, Money.of("799.9", Money.RUB)));
        assertThat(stats.averageCheck(Money.KZT)).contains(Money.kzt(2500));
        assertThat(stats.averageCheck(Money.RUB)).contains(Money.of("799.90", Money.RUB));
        assertThat(stats.averageCheck(JPY)).isEmpty();
    }

    @Test
    void should_keep_its_own_copies_when_given_maps_change_later() {
        // given
        Map<Currency, Money> spent = new HashMap<>(Map.of(Money.KZT, Money.kzt(1000)));
        Map<Currency, Long> orders = new HashMap<>(Map.of(Money.KZT, 1L));
        CustomerStats stats = stats(1, spent, orders);

        // when
        spent.put(Money.KZT, Money.kzt(9));
        orders.put(Money.KZT, 9L);

        // then
        assertThat(stats.totalSpent()).containsExactly(Map.entry(Money.KZT, Money.kzt(1000)));
        assertThat(stats.ordersByCurrency()).containsExactly(Map.entry(Money.KZT, 1L));
        assertThatThrownBy(() -> stats.totalSpent().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void should_reject_parts_that_disagree_when_constructed() {
        Map<Currency, Money> kzt = Map.of(Money.KZT, Money.kzt(1000));
        Map<Currency, Long> one = Map.of(Money.KZT, 1L);
        assertThatThrownBy(() -> new CustomerStats(SHOP, CUSTOMER, -1, null, null, Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> new CustomerStats(SHOP, CUSTOMER, 1, null, LAST, kzt, one))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first and last");
        assertThatThrownBy(() -> new CustomerStats(SHOP, CUSTOMER, 0, FIRST, LAST, Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first and last");
        assertThatThrownBy(() -> new CustomerStats(SHOP, CUSTOMER, 1, LAST, FIRST, kzt, one))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after");
        assertThatThrownBy(() -> stats(1, Map.of(Money.RUB, Money.kzt(1000)), Map.of(Money.RUB, 1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RUB");
        assertThatThrownBy(() -> stats(1, kzt, Map.of(Money.RUB, 1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same currencies");
        assertThatThrownBy(() -> stats(1, kzt, Map.of(Money.KZT, 0L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> stats(1, kzt, Map.of(Money.KZT, 2L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than");
    }

    private static CustomerStats stats(long count, Map<Currency, Money> spent, Map<Currency, Long> orders) {
        return new CustomerStats(SHOP, CUSTOMER, count, FIRST, LAST, spent, orders);
    }
}
