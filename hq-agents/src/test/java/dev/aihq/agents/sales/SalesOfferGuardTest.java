package dev.aihq.agents.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Sku;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.result.OfferKind;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.shop.PromoCode;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.Product;
import dev.aihq.pipeline.GuardDecision;
import dev.aihq.testkit.Fixtures;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesOfferGuardTest {

    private static final Shop SHOP = Fixtures.kaspiShop().settings(ShopSettings.builder()
            .promoCode(new PromoCode("SPRING10", new BigDecimal("10"), null))
            .reviewDiscountPercent(new BigDecimal("5"))
            .excludeCategory("Аудио")
            .build()).build();
    private static final SalesOfferGuard<PurchaseContext> GUARD = SalesOfferGuard.forPurchases(200);

    @Test
    void should_accept_an_offer_when_it_keeps_to_the_catalog_and_the_shops_codes() {
        // given
        SalesOffer offer = SalesOffer.builder(OfferKind.UPSELL, "Возьмите стекло, код SPRING10")
                .offeredProduct(Fixtures.SCREEN_GLASS)
                .promoCode("SPRING10")
                .discountPercent(new BigDecimal("10.0"))
                .build();

        // when
        GuardDecision<SalesOffer> decision = GUARD.check(context(), offer, SHOP);

        // then
        assertThat(decision.verdict()).isEqualTo(GuardDecision.Verdict.ACCEPT);
        assertThat(decision.result()).isEqualTo(offer);
    }

    @Test
    void should_fail_naming_every_problem_when_the_offer_promises_what_the_shop_does_not_have() {
        // given
        List<Product> catalog = List.of(
                Fixtures.product(Fixtures.SHOP_ID, Fixtures.PHONE_CASE, "Чехол", "Аксессуары", 4_990L, 1_200L, 0),
                Fixtures.product(Fixtures.SHOP_ID, Fixtures.EARBUDS, "Наушники", "Аудио", 39_990L, 27_500L, 5));
        SalesOffer offer = SalesOffer.builder(OfferKind.UPSELL, "я".repeat(201))
                .offeredProduct(Sku.of("NOT-THERE"))
                .offeredProduct(Fixtures.PHONE_CASE)
                .offeredProduct(Fixtures.EARBUDS)
                .promoCode("FREE50")
                .discountPercent(new BigDecimal("50"))
                .build();

        // when
        GuardDecision<SalesOffer> decision = GUARD.check(context(catalog), offer, SHOP);

        // then
        assertThat(decision.verdict()).isEqualTo(GuardDecision.Verdict.FAIL);
        assertThat(decision.reason()).isEqualTo("the text is 201 characters, the channel allows 200; "
                + "offered product NOT-THERE is not in the catalog; "
                + "offered product ACC-CASE-A55 is not available (inactive or out of stock); "
                + "offered product AUD-BUDS-2 is in the excluded category 'Аудио'; "
                + "promo code 'FREE50' is not one of the shop's; "
                + "discount 50 % is neither the promo code's nor the shop's review discount");
    }

    @Test
    void should_accept_the_review_discount_when_no_promo_code_is_given() {
        // given
        SalesOffer offer = SalesOffer.builder(OfferKind.REVIEW_REQUEST, "Оставьте отзыв — скидка 5 %")
                .discountPercent(new BigDecimal("5"))
                .build();

        // when / then
        assertThat(GUARD.check(context(), offer, SHOP).verdict()).isEqualTo(GuardDecision.Verdict.ACCEPT);
    }

    @Test
    void should_refuse_any_product_when_a_reply_offers_one() {
        // given
        SalesOffer offer = SalesOffer.builder(OfferKind.REPLY, "Возьмите наушники")
                .offeredProduct(Fixtures.EARBUDS)
                .build();
        ReplyContext context = new ReplyContext(SHOP, CustomerReplyEvent.of(Fixtures.SHOP_ID, "whatsapp",
                Fixtures.CUSTOMER, "А наушники есть?", "wamid.1", Fixtures.NOW), List.of(), List.of());

        // when
        GuardDecision<SalesOffer> decision = SalesOfferGuard.forReplies(4096).check(context, offer, SHOP);

        // then
        assertThat(decision.verdict()).isEqualTo(GuardDecision.Verdict.FAIL);
        assertThat(decision.reason()).isEqualTo("offered product AUD-BUDS-2 is not in the catalog");
    }

    @Test
    void should_list_the_problems_of_the_text_for_a_repair_request_when_the_model_invents_a_price_and_a_link() {
        // given
        SalesOffer offer = SalesOffer.builder(OfferKind.UPSELL,
                        "Возьмите стекло всего за 1 990 ₸ со скидкой 30 %, подробнее на kaspi.kz/shop/glass")
                .offeredProduct(Fixtures.SCREEN_GLASS)
                .build();

        // when
        List<String> problems = GUARD.problems(context(), offer, SHOP);

        // then
        assertThat(problems).containsExactly(
                "price 1 990 ₸ of «Защитное стекло для Galaxy…» differs from the catalog's 2 490 ₸",
                "discount 30 % in the text is not one the shop gives (it gives 10 %, 5 %)",
                "the text has a link «kaspi.kz/shop/glass»; customers are kept on the marketplace");
        assertThat(GUARD.check(context(), offer, SHOP).reason()).isEqualTo(String.join("; ", problems));
    }

    @Test
    void should_accept_the_bought_items_price_and_the_order_number_when_the_text_quotes_them() {
        // given
        SalesOffer offer = SalesOffer.builder(OfferKind.UPSELL, "Спасибо за заказ №512345678: смартфон за "
                        + "189 990 ₸ уже собираем. К нему подойдёт защитное стекло — 2 490 ₸.")
                .offeredProduct(Fixtures.SCREEN_GLASS)
                .build();

        // when / then
        assertThat(GUARD.problems(context(), offer, SHOP)).isEmpty();
    }

    @Test
    void should_refuse_a_non_positive_length_when_a_guard_is_made() {
        // when / then
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SalesOfferGuard.forPurchases(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max text length must be positive, got 0");
    }

    private static PurchaseContext context() {
        return context(Fixtures.catalog(Fixtures.SHOP_ID));
    }

    private static PurchaseContext context(List<Product> catalog) {
        return new PurchaseContext(SHOP, Fixtures.purchaseEvent(), catalog, List.of(), true, null, List.of());
    }
}
