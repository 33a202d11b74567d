package dev.aihq.agents.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.Product;
import dev.aihq.testkit.Fixtures;
import java.math.BigDecimal;
import java.util.List;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;

class OfferSelectorTest {

    private static final ShopId SHOP = Fixtures.SHOP_ID;

    private static final ShopSettings SETTINGS = ShopSettings.builder()
            .minimumMarginPercent(new BigDecimal("20"))
            .defaultCommissionPercent(new BigDecimal("12"))
            .commission("Косметика", new BigDecimal("15"))
            .excludeCategory("Лекарства")
            .build();

    private static final Product BOUGHT = product("SHAMPOO-1", "Косметика", 3_000, 1_000L, 10);

    @Test
    void should_compute_the_margin_after_commission_exactly() {
        // given: 10 000 − 6 500 − 10 000 × 15 % = 2 000, i.e. 20 % of the price
        Product product = product("CREAM-1", "Косметика", 10_000, 6_500L, 3);

        // when / then
        assertThat(OfferSelector.profitAfterCommission(product, SETTINGS))
                .hasValueSatisfying(profit -> assertThat(profit).isEqualByComparingTo("2000"));
        assertThat(OfferSelector.marginPercent(product, SETTINGS)).hasValue(new BigDecimal("20.00"));
    }

    @Test
    void should_accept_a_margin_exactly_at_the_minimum_and_refuse_one_tenge_below() {
        // given: commission 15 %, minimum 20 %: cost 6 500 leaves exactly 20 %, 6 501 leaves 19.99 %
        Product atMinimum = product("CREAM-1", "Косметика", 10_000, 6_500L, 3);
        Product below = product("CREAM-2", "Косметика", 10_000, 6_501L, 3);

        // when / then
        assertThat(OfferSelector.qualifies(atMinimum, SETTINGS)).isTrue();
        assertThat(OfferSelector.qualifies(below, SETTINGS)).isFalse();
        assertThat(OfferSelector.marginPercent(below, SETTINGS)).hasValue(new BigDecimal("19.99"));
    }

    @Test
    void should_use_the_default_commission_when_the_category_has_none() {
        // given: 1 000 − 680 − 1 000 × 12 % = 200 → 20 %; with 15 % it would be 17 %
        Product product = product("SOCKS-1", "Одежда", 1_000, 680L, 5);

        // when / then
        assertThat(OfferSelector.marginPercent(product, SETTINGS)).hasValue(new BigDecimal("20.00"));
        assertThat(OfferSelector.qualifies(product, SETTINGS)).isTrue();
    }

    @Test
    void should_never_recommend_a_product_when_its_cost_price_is_unknown() {
        // given
        Product noCost = product("CREAM-X", "Косметика", 50_000, null, 100);

        // when
        Product chosen = OfferSelector.select(purchase(BOUGHT), List.of(BOUGHT, noCost), SETTINGS);

        // then
        assertThat(chosen).isNull();
        assertThat(OfferSelector.marginPercent(noCost, SETTINGS)).isEmpty();
    }

    @Test
    void should_skip_products_when_they_are_out_of_stock_inactive_or_excluded() {
        // given
        Product outOfStock = product("CREAM-1", "Косметика", 10_000, 1_000L, 0);
        Product inactive = new Product(SHOP, Sku.of("CREAM-2"), "Крем", "Косметика", Money.kzt(10_000),
                Money.kzt(1_000), 5, false);
        Product excluded = product("PILLS-1", "Лекарства", 10_000, 1_000L, 5);

        // when
        Product chosen = OfferSelector.select(purchase(BOUGHT), List.of(BOUGHT, outOfStock, inactive, excluded),
                SETTINGS);

        // then
        assertThat(chosen).isNull();
    }

    @Test
    void should_not_offer_what_was_bought_in_this_order() {
        // when
        Product chosen = OfferSelector.select(purchase(BOUGHT), List.of(BOUGHT), SETTINGS);

        // then
        assertThat(chosen).isNull();
    }

    @Test
    void should_prefer_the_bought_category_when_another_category_has_a_higher_margin() {
        // given
        Product sameCategory = product("CREAM-1", "Косметика", 10_000, 5_000L, 5);
        Product higherMargin = product("TOWEL-1", "Дом", 10_000, 1_000L, 5);

        // when
        Product chosen = OfferSelector.select(purchase(BOUGHT), List.of(higherMargin, BOUGHT, sameCategory),
                SETTINGS);

        // then
        assertThat(chosen).isEqualTo(sameCategory);
    }

    @Test
    void should_take_the_highest_margin_then_the_smallest_sku_when_categories_tie() {
        // given
        Product lower = product("CREAM-A", "Косметика", 10_000, 6_000L, 5);
        Product higher = product("CREAM-C", "Косметика", 10_000, 5_000L, 5);
        Product sameAsHigher = product("CREAM-B", "Косметика", 20_000, 10_000L, 5);

        // when
        Product chosen = OfferSelector.select(purchase(BOUGHT), List.of(lower, higher, sameAsHigher, BOUGHT),
                SETTINGS);

        // then: CREAM-B and CREAM-C both earn 35 %; B sorts first
        assertThat(chosen).isEqualTo(sameAsHigher);
    }

    private static Product product(String sku, String category, long price, @Nullable Long cost, int stock) {
        return Fixtures.product(SHOP, Sku.of(sku), "Товар " + sku, category, price, cost, stock);
    }

    private static PurchaseEvent purchase(Product bought) {
        return PurchaseEvent.builder()
                .shopId(SHOP)
                .orderId(OrderId.of("KSP-1"))
                .item(new PurchaseItem(bought.sku(), bought.name(), bought.price(), 1))
                .occurredAt(Fixtures.NOW)
                .build();
    }
}
