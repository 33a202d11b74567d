package dev.aihq.pipeline.web;

import static dev.aihq.pipeline.web.FrontDoorFixture.SHOP;
import static dev.aihq.pipeline.web.FrontDoorFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.Sku;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.event.PurchaseTrigger;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.testkit.Fixtures;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /purchase-event}: the full form and the seed's one-product form. */
class PurchaseEndpointTest {

    private final FrontDoorFixture fixture = new FrontDoorFixture();

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void should_decode_every_field_exactly_when_the_full_form_is_sent() {
        // given
        String body = "{\"shop_id\":\"kaspi_123\",\"order_id\":512345678,\"currency\":\"KZT\","
                + "\"items\":[{\"sku\":\"PHN-A55-256\",\"name\":\"Смартфон\",\"price\":189990,\"quantity\":1},"
                + "{\"sku\":4011,\"name\":\"Чехол\",\"price\":\"4990.50\",\"quantity\":2,\"currency\":\"KZT\"}],"
                + "\"customer_whatsapp\":\"8 (701) 123-45-67\",\"occurred_at\":\"2026-03-02T11:00:00+05:00\","
                + "\"trigger\":\"order_delivered\"}";

        // when
        WebhookResponse response = fixture.frontDoor().handle(post("/purchase-event", body));

        // then
        assertThat(response.status()).as(response.bodyText()).isEqualTo(202);
        PurchaseEvent event = (PurchaseEvent) fixture.recorded.get(0);
        assertThat(event.shopId()).isEqualTo(SHOP);
        assertThat(event.orderId()).isEqualTo(OrderId.of("512345678"));
        assertThat(event.items()).containsExactly(
                new PurchaseItem(Sku.of("PHN-A55-256"), "Смартфон", Money.kzt(189_990), 1),
                new PurchaseItem(Sku.of("4011"), "Чехол", Money.of(new BigDecimal("4990.50"), Money.KZT), 2));
        assertThat(event.total()).isEqualTo(Money.of(new BigDecimal("199971.00"), Money.KZT));
        assertThat(event.customer()).isEqualTo(PhoneNumber.parse("+77011234567"));
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-03-02T06:00:00Z"));
        assertThat(event.trigger()).isEqualTo(PurchaseTrigger.ORDER_DELIVERED);
        assertThat(event.idempotencyKey()).isEqualTo("purchase:512345678:order_delivered");
        assertThat(event.contactForDeliveryOnly()).isFalse();
    }

    @Test
    void should_mark_the_contact_for_delivery_only_when_the_source_says_so_and_refuse_a_flag_that_is_not_boolean() {
        // given
        String proxied = "{\"shop_id\":\"kaspi_123\",\"order_id\":\"WB-1\",\"customer_whatsapp\":\"+77011234567\","
                + "\"items\":[{\"sku\":\"A\",\"name\":\"Наушники\",\"price\":39990,\"quantity\":1}],"
                + "\"contact_for_delivery_only\":true}";
        String wrong = proxied.replace("\"contact_for_delivery_only\":true", "\"contact_for_delivery_only\":\"yes\"");

        // when
        WebhookResponse accepted = fixture.frontDoor().handle(post("/purchase-event", proxied));
        WebhookResponse refused = fixture.frontDoor().handle(post("/purchase-event", wrong));

        // then
        assertThat(accepted.status()).as(accepted.bodyText()).isEqualTo(202);
        assertThat(((PurchaseEvent) fixture.recorded.get(0)).contactForDeliveryOnly()).isTrue();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.bodyText()).contains("contact_for_delivery_only", "must be true or false");
    }

    @Test
    void should_take_the_shop_currency_and_the_received_time_and_no_contact_when_optional_fields_are_left_out() {
        // given
        fixture.clock.set(Instant.parse("2026-03-05T08:30:00Z"));
        String body = "{\"shop_id\":\"kaspi_123\",\"order_id\":\"KSP-1\",\"customer_whatsapp\":\"+0(000)-000-00-00\","
                + "\"items\":[{\"sku\":\"A\",\"name\":\"Наушники\",\"price\":39990.0,\"quantity\":\"3\"}],"
                + "\"trigger\":\"order_cancelled_by_buyer\"}";

        // when
        WebhookResponse response = fixture.frontDoor().handle(post("/purchase-event", body));

        // then
        assertThat(response.status()).as(response.bodyText()).isEqualTo(202);
        PurchaseEvent event = (PurchaseEvent) fixture.recorded.get(0);
        assertThat(event.currency()).isEqualTo(Money.KZT);
        assertThat(event.items().get(0).quantity()).isEqualTo(3);
        assertThat(event.customer()).isNull();
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-03-05T08:30:00Z"));
        assertThat(event.trigger()).isEqualTo(PurchaseTrigger.of("order_cancelled_by_buyer"));
    }

    @Test
    void should_make_one_line_with_a_name_derived_sku_when_the_one_product_form_is_sent_without_a_catalog()
            throws Exception {
        // given
        String body = "{\"shop_id\":\"kaspi_123\",\"product\":\"Мужской шампунь\",\"price\":4990,"
                + "\"order_number\":\"KSP-556677\",\"whatsapp\":\"87011234567\"}";

        // when
        WebhookResponse response = fixture.frontDoor().handle(post("/purchase-event", body));

        // then
        assertThat(response.status()).as(response.bodyText()).isEqualTo(202);
        PurchaseEvent event = (PurchaseEvent) fixture.recorded.get(0);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("Мужской шампунь".getBytes(StandardCharsets.UTF_8));
        Sku expectedSku = Sku.of("name:" + HexFormat.of().formatHex(digest).substring(0, 16));
        assertThat(event.items()).containsExactly(new PurchaseItem(expectedSku, "Мужской шампунь", Money.kzt(4990), 1));
        assertThat(event.orderId()).isEqualTo(OrderId.of("KSP-556677"));
        assertThat(event.currency()).isEqualTo(Money.KZT);
        assertThat(event.customer()).isEqualTo(PhoneNumber.parse("+77011234567"));
        assertThat(event.trigger()).isEqualTo(PurchaseTrigger.ORDER_ACCEPTED);
        assertThat(event.idempotencyKey()).isEqualTo("purchase:KSP-556677:order_accepted");
    }

    @Test
    void should_take_the_catalog_sku_when_the_one_product_form_names_a_catalog_product() {
        // given
        Fixtures.catalog(SHOP).forEach(fixture.stores.catalog()::save);
        WebhookFrontDoor frontDoor = fixture.frontDoorBuilder().catalog(fixture.stores.catalog()).build();
        String body = "{\"shop_id\":\"kaspi_123\",\"product\":\"Защитное стекло для Galaxy A55\",\"price\":\"2490\","
                + "\"order_number\":77001,\"whatsapp\":null}";

        // when
        WebhookResponse response = frontDoor.handle(post("/purchase-event", body));

        // then
        assertThat(response.status()).as(response.bodyText()).isEqualTo(202);
        PurchaseEvent event = (PurchaseEvent) fixture.recorded.get(0);
        assertThat(event.items().get(0).sku()).isEqualTo(Fixtures.SCREEN_GLASS);
        assertThat(event.orderId()).isEqualTo(OrderId.of("77001"));
        assertThat(event.customer()).isNull();
    }

    @Test
    void should_fall_back_to_the_name_derived_sku_when_the_catalog_has_no_product_of_that_name() {
        // given
        Fixtures.catalog(SHOP).forEach(fixture.stores.catalog()::save);
        WebhookFrontDoor frontDoor = fixture.frontDoorBuilder().catalog(fixture.stores.catalog()).build();
        String body = "{\"shop_id\":\"kaspi_123\",\"product\":\"защитное стекло для galaxy a55\",\"price\":2490,"
                + "\"order_number\":\"77002\"}";

        // when
        frontDoor.handle(post("/purchase-event", body));

        // then
        PurchaseEvent event = (PurchaseEvent) fixture.recorded.get(0);
        assertThat(event.items().get(0).sku()).isEqualTo(PurchaseEventDecoder.syntheticSku(
                "защитное стекло для galaxy a55"));
        assertThat(event.items().get(0).sku().value()).startsWith("name:").hasSize(21);
    }

    @Test
    void should_use_the_given_sku_when_the_one_product_form_carries_one() {
        // given
        String body = "{\"shop_id\":\"kaspi_123\",\"product\":\"Шампунь\",\"price\":4990,\"order_number\":\"K-9\","
                + "\"sku\":\"SHMP-1\"}";

        // when
        fixture.frontDoor().handle(post("/purchase-event", body));

        // then
        PurchaseEvent event = (PurchaseEvent) fixture.recorded.get(0);
        assertThat(event.items().get(0).sku()).isEqualTo(Sku.of("SHMP-1"));
    }
}
