package dev.aihq.agents.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Money;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.result.OfferKind;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.shop.PromoCode;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.Product;
import dev.aihq.testkit.Fixtures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesMessagesTest {

    private static final List<Product> CATALOG = Fixtures.catalog(Fixtures.SHOP_ID);
    private static final Product GLASS = CATALOG.get(4);

    @Test
    void should_format_prices_with_grouped_thousands_and_the_currency_sign() {
        assertThat(SalesMessages.formatPrice(Money.kzt(12_990))).isEqualTo("12 990 ₸");
        assertThat(SalesMessages.formatPrice(Money.rub(1_290))).isEqualTo("1 290 ₽");
        assertThat(SalesMessages.formatPrice(Money.kzt(990))).isEqualTo("990 ₸");
        assertThat(SalesMessages.formatPrice(Money.kzt(1_250_000))).isEqualTo("1 250 000 ₸");
        assertThat(SalesMessages.formatPrice(Money.of("1499.5", Money.RUB))).isEqualTo("1 499,50 ₽");
    }

    @Test
    void should_fill_the_shops_upsell_template_when_a_first_purchase_has_a_recommendation() {
        // given
        Shop shop = shop(ShopSettings.builder()
                .messageTemplate("upsell", "{{shop_name}}: к «{{product}}» возьмите «{{recommended_product}}» за"
                        + " {{recommended_price}} (заказ {{order_id}})")
                .build());

        // when
        SalesOffer offer = SalesMessages.purchaseOffer(context(shop, true, GLASS));

        // then
        assertThat(offer.kind()).isEqualTo(OfferKind.UPSELL);
        assertThat(offer.text()).isEqualTo("Электроника Алматы: к «Смартфон Samsung Galaxy A55 8/256 ГБ» возьмите"
                + " «Защитное стекло для Galaxy A55» за 2 490 ₸ (заказ 512345678)");
        assertThat(offer.offeredProducts()).containsExactly(GLASS.sku());
        assertThat(offer.promoCode()).isNull();
    }

    @Test
    void should_use_the_shipped_repeat_sale_template_and_carry_the_promo_when_the_shop_has_no_own() {
        // given
        Shop shop = shop(ShopSettings.builder()
                .messageTemplate("repeat_sale", "Снова рады! {{recommended_product}} — код {{promo_code}},"
                        + " −{{promo_discount}} %")
                .promoCode(new PromoCode("SPRING10", new BigDecimal("10"), LocalDate.of(2026, 5, 31)))
                .build());
        Shop withoutTemplate = shop(ShopSettings.defaults());

        // when
        SalesOffer own = SalesMessages.purchaseOffer(context(shop, false, GLASS));
        SalesOffer shipped = SalesMessages.purchaseOffer(context(withoutTemplate, false, GLASS));

        // then
        assertThat(own.kind()).isEqualTo(OfferKind.REPEAT_SALE);
        assertThat(own.text()).isEqualTo("Снова рады! Защитное стекло для Galaxy A55 — код SPRING10, −10 %");
        assertThat(own.promoCode()).isEqualTo("SPRING10");
        assertThat(own.discountPercent()).isEqualByComparingTo("10");
        assertThat(shipped.kind()).isEqualTo(OfferKind.REPEAT_SALE);
        assertThat(shipped.text()).contains("«Защитное стекло для Galaxy A55» — 2 490 ₸", "№512345678")
                .doesNotContain("{{");
        assertThat(shipped.promoCode()).isNull();
    }

    @Test
    void should_ask_for_a_review_when_no_product_qualifies() {
        // when
        SalesOffer offer = SalesMessages.purchaseOffer(context(shop(ShopSettings.defaults()), true, null));

        // then
        assertThat(offer.kind()).isEqualTo(OfferKind.REVIEW_REQUEST);
        assertThat(offer.offeredProducts()).isEmpty();
        assertThat(offer.text()).contains("отзыв", "«Смартфон Samsung Galaxy A55 8/256 ГБ»");
    }

    @Test
    void should_fail_naming_the_placeholder_when_the_shop_template_uses_an_unknown_one() {
        // given
        Shop shop = shop(ShopSettings.builder().messageTemplate("upsell", "Привет, {{customer_name}}!").build());

        // when / then
        assertThatThrownBy(() -> SalesMessages.purchaseOffer(context(shop, true, GLASS)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("template 'upsell' of shop kaspi_123")
                .hasMessageContaining("{{customer_name}}");
    }

    @Test
    void should_not_offer_an_expired_promo_code() {
        // given
        Shop shop = shop(ShopSettings.builder()
                .promoCode(new PromoCode("WINTER", new BigDecimal("15"), LocalDate.of(2026, 2, 28)))
                .build());

        // when / then
        assertThat(SalesMessages.promoCode(context(shop, false, GLASS))).isEmpty();
    }

    private static Shop shop(ShopSettings settings) {
        return Fixtures.kaspiShop().settings(settings).build();
    }

    static PurchaseContext context(Shop shop, boolean first, @javax.annotation.Nullable Product recommendation) {
        PurchaseEvent event = Fixtures.purchaseEvent();
        return new PurchaseContext(shop, event, CATALOG, List.of(), first, recommendation, List.of());
    }
}
