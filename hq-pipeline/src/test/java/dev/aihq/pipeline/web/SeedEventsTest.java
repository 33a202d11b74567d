package dev.aihq.pipeline.web;

import static dev.aihq.pipeline.web.FrontDoorFixture.SECRET;
import static dev.aihq.pipeline.web.FrontDoorFixture.SHOP;
import static dev.aihq.pipeline.web.FrontDoorFixture.json;
import static dev.aihq.pipeline.web.FrontDoorFixture.resource;
import static dev.aihq.pipeline.web.FrontDoorFixture.signed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.OrderId;
import dev.aihq.api.event.FinanceEvent;
import dev.aihq.api.event.FinanceEventType;
import dev.aihq.api.event.LegalDocument;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.event.LegalEventType;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The seed's own example bodies, sent byte for byte as the seed writes them. */
class SeedEventsTest {

    private final FrontDoorFixture fixture = new FrontDoorFixture();
    private final WebhookFrontDoor frontDoor = fixture.frontDoor();

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void should_accept_and_complete_the_seed_legal_event_when_sent_byte_for_byte() throws Exception {
        // given
        byte[] body = resource("seed-legal-event.json");

        // when
        WebhookResponse response = frontDoor.handle(signed("/legal-event", body, SECRET));

        // then
        assertThat(response.status()).isEqualTo(202);
        JsonNode accepted = json(response);
        String runId = accepted.get("run_id").asText();
        assertThat(accepted.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(accepted.get("status_url").asText()).isEqualTo("/runs/" + runId);
        assertThat(response.headers()).containsEntry("Location", "/runs/" + runId);

        LegalEvent event = (LegalEvent) fixture.recorded.get(0);
        assertThat(event.shopId()).isEqualTo(SHOP);
        assertThat(event.eventType()).isEqualTo(LegalEventType.FINE);
        assertThat(event.orderId()).isEqualTo(OrderId.of("KSP-556677"));
        assertThat(event.productName()).isEqualTo("Мужской шампунь");
        assertThat(event.fineReason()).isEqualTo("Нарушение сроков доставки");
        assertThat(event.documents()).containsExactly(new LegalDocument("fine_notice.pdf", null),
                new LegalDocument("kaspi_message.txt", null));

        fixture.awaitRuns();
        JsonNode run = json(frontDoor.handle(statusRequest(runId)));
        assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(run.get("result").get("risk_level").asText()).isEqualTo("medium");
    }

    @Test
    void should_accept_and_complete_the_seed_finance_event_when_sent_byte_for_byte() throws Exception {
        // given
        byte[] body = resource("seed-finance-event.json");

        // when
        WebhookResponse response = frontDoor.handle(signed("/finance-event", body, SECRET));

        // then
        assertThat(response.status()).isEqualTo(202);
        String runId = json(response).get("run_id").asText();
        FinanceEvent event = (FinanceEvent) fixture.recorded.get(0);
        assertThat(event.eventType()).isEqualTo(FinanceEventType.MONTHLY_REPORT);
        assertThat(event.period().label()).isEqualTo("2026-01");
        assertThat(event.period().start()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(event.period().end()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(event.orderId()).isNull();
        assertThat(event.taxMode()).isNull();

        fixture.awaitRuns();
        JsonNode run = json(frontDoor.handle(statusRequest(runId)));
        assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
        // The seed's shape: plain numbers, the currency beside them.
        assertThat(run.get("result").get("revenue").decimalValue()).isEqualByComparingTo("1250000");
        assertThat(run.get("result").get("tax_due").decimalValue()).isEqualByComparingTo("63000");
        assertThat(run.get("result").get("currency").asText()).isEqualTo("RUB");
        assertThat(run.get("result").get("loss_products").get(0).get("product").asText()).isEqualTo("Чехол iPhone");
        assertThat(run.get("result").get("tax").get("rule_id").asText()).isEqualTo("RU-2026-USN");
    }

    @Test
    void should_carry_the_seeds_tax_mode_as_written_for_the_accountant_to_resolve() throws Exception {
        // given: the seed's "Prepare AI Data" names the tax mode
        byte[] body = "{\"shop_id\": \"kaspi_123\", \"period\": \"2026-01\", \"event_type\": \"monthly_report\",\n"
                .concat(" \"tax_mode\": \"IP_USN\"}").getBytes(StandardCharsets.UTF_8);

        // when
        WebhookResponse response = frontDoor.handle(signed("/finance-event", body, SECRET));

        // then
        assertThat(response.status()).isEqualTo(202);
        assertThat(((FinanceEvent) fixture.recorded.get(0)).taxMode()).isEqualTo("IP_USN");
    }

    private static WebhookRequest statusRequest(String runId) {
        return WebhookRequest.of("GET", "/runs/" + runId,
                Map.of("Authorization", "Bearer " + SECRET, WebhookFrontDoor.SHOP_HEADER, SHOP.value()), new byte[0]);
    }
}
