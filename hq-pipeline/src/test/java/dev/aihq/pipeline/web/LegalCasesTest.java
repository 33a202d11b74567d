package dev.aihq.pipeline.web;

import static dev.aihq.pipeline.web.FrontDoorFixture.CASE_SECRET;
import static dev.aihq.pipeline.web.FrontDoorFixture.bearer;
import static dev.aihq.pipeline.web.FrontDoorFixture.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.EventDate;
import dev.aihq.api.event.LegalDelivery;
import dev.aihq.api.event.LegalDocument;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.event.LegalEventType;
import dev.aihq.api.event.LegalMeasure;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.web.WebhookResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worked cases P1–P4 of the legal reference, decoded into typed legal events. */
class LegalCasesTest {

    private final FrontDoorFixture fixture = new FrontDoorFixture();
    private final WebhookFrontDoor frontDoor = fixture.frontDoor();

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void should_decode_a_disconnection_with_measure_stats_and_a_moment_when_case_p1_is_sent() {
        // when
        LegalEvent event = send("legal-p1.json");

        // then
        assertThat(event.shopId()).isEqualTo(ShopId.of("kaspi_1001"));
        assertThat(event.marketplace()).isEqualTo(Marketplace.KASPI);
        assertThat(event.country()).isEqualTo("KZ");
        assertThat(event.businessType()).isEqualTo(LegalForm.IP);
        assertThat(event.eventType()).isEqualTo(LegalEventType.FINE);
        assertThat(event.orderId()).isNull();
        assertThat(event.productName()).isNull();
        assertThat(event.fineReason()).startsWith("Доля отмен 6%");
        assertThat(event.amount()).isNull();
        assertThat(event.measure()).isEqualTo(new LegalMeasure("disconnection", 7, LocalDate.of(2026, 3, 10),
                LocalDate.of(2026, 3, 17)));
        assertThat(event.stats()).containsOnlyKeys("orders_30d", "cancelled_as_seller_fault", "prior_violations_90d");
        assertThat(event.stats().get("orders_30d")).isEqualByComparingTo("100");
        assertThat(event.stats().get("cancelled_as_seller_fault")).isEqualByComparingTo("6");
        assertThat(event.stats().get("prior_violations_90d")).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(event.dates()).containsExactlyEntriesOf(java.util.Map.of("notice_at",
                EventDate.of(OffsetDateTime.parse("2026-03-10T09:00+05:00"))));
        assertThat(event.documents()).hasSize(3);
        assertThat(event.documents().get(1)).isEqualTo(new LegalDocument("chat_orders_3.png",
                "3 покупателя сами попросили отменить заказы 512, 518, 533 до сборки"));
        assertThat(event.idempotencyKey()).startsWith("legal.fine:-:");
    }

    @Test
    void should_decode_a_damaged_return_with_amount_object_and_delivery_when_case_p2_is_sent() {
        // when
        LegalEvent event = send("legal-p2.json");

        // then
        assertThat(event.businessType()).isEqualTo(LegalForm.TOO);
        assertThat(event.eventType()).isEqualTo(LegalEventType.RETURN);
        assertThat(event.orderId()).isEqualTo(OrderId.of("KSP-778812"));
        assertThat(event.productName()).isEqualTo("Телевизор 55\" 4K");
        assertThat(event.amount()).isEqualTo(Money.kzt(289_990));
        assertThat(event.delivery()).isEqualTo(new LegalDelivery("city", false));
        assertThat(event.dates()).containsOnlyKeys("received_by_seller_at", "damage_found_at");
        assertThat(event.dates().get("damage_found_at").dateTime())
                .isEqualTo(OffsetDateTime.parse("2026-03-03T18:30+05:00"));
        assertThat(event.documents()).extracting(LegalDocument::name).containsExactly("return_act.pdf",
                "photos_2026-03-03.zip", "packing_photos_2026-02-20.zip");
    }

    @Test
    void should_decode_calendar_days_as_dates_without_a_moment_when_case_p3_is_sent() {
        // when
        LegalEvent event = send("legal-p3.json");

        // then
        assertThat(event.eventType()).isEqualTo(LegalEventType.CUSTOMER_DISPUTE);
        assertThat(event.amount()).isEqualTo(Money.kzt(154_990));
        assertThat(event.dates()).containsEntry("ordered_at", EventDate.of(LocalDate.of(2026, 2, 18)))
                .containsEntry("received_by_buyer_at", EventDate.of(LocalDate.of(2026, 2, 20)))
                .containsEntry("claim_received_at", EventDate.of(LocalDate.of(2026, 3, 2)));
        assertThat(event.dates().get("claim_received_at").dateTime()).isNull();
        assertThat(event.documents()).containsExactly(new LegalDocument("return_request.txt",
                "Причина: не подошёл по ощущениям, коробка вскрыта, пользовался 2 дня"));
    }

    @Test
    void should_decode_an_ozon_block_in_roubles_when_case_p4_is_sent() {
        // when
        LegalEvent event = send("legal-p4.json");

        // then
        assertThat(event.shopId()).isEqualTo(ShopId.of("ozon_4004"));
        assertThat(event.marketplace()).isEqualTo(Marketplace.OZON);
        assertThat(event.country()).isEqualTo("RU");
        assertThat(event.businessType()).isEqualTo(LegalForm.OOO);
        assertThat(event.eventType()).isEqualTo(LegalEventType.PRODUCT_BLOCK);
        assertThat(event.orderId()).isNull();
        assertThat(event.amount()).isEqualTo(Money.rub(1000));
        assertThat(event.dates().get("notice_at").dateTime()).isEqualTo(OffsetDateTime.parse("2026-02-16T11:00+03:00"));
        assertThat(event.documents()).hasSize(3);
    }

    @Test
    void should_accept_mixed_documents_and_read_blank_texts_as_absent_when_a_manual_request_is_sent() {
        // given
        String body = "{\"shop_id\":\"kaspi_1001\",\"event_type\":\"manual_request\",\"amount\":\"1500.50\","
                + "\"order_id\":\"\",\"product_name\":\" \","
                + "\"documents\":[\"offer.pdf\",{\"name\":\"chat.txt\",\"text\":\"переписка\"}]}";

        // when
        WebhookResponse response = frontDoor.handle(bearer("POST", "/legal-event",
                FrontDoorFixture.utf8(body), CASE_SECRET));

        // then
        assertThat(response.status()).isEqualTo(202);
        LegalEvent event = (LegalEvent) fixture.recorded.get(0);
        assertThat(event.documents()).containsExactly(new LegalDocument("offer.pdf", null),
                new LegalDocument("chat.txt", "переписка"));
        assertThat(event.amount()).isEqualTo(Money.of("1500.50", Money.KZT));
        assertThat(event.orderId()).isNull();
        assertThat(event.productName()).isNull();
        assertThat(event.idempotencyKey()).startsWith("legal.manual_request:");
    }

    private LegalEvent send(String resource) {
        WebhookResponse response = frontDoor.handle(bearer("POST", "/legal-event", resource(resource), CASE_SECRET));
        assertThat(response.status()).as(response.bodyText()).isEqualTo(202);
        assertThat(fixture.recorded).hasSize(1);
        return (LegalEvent) fixture.recorded.get(0);
    }
}
