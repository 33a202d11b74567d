package dev.aihq.pipeline.web;

import static dev.aihq.pipeline.web.FrontDoorFixture.CASE_SECRET;
import static dev.aihq.pipeline.web.FrontDoorFixture.INACTIVE_SHOP;
import static dev.aihq.pipeline.web.FrontDoorFixture.SHOP;
import static dev.aihq.pipeline.web.FrontDoorFixture.json;
import static dev.aihq.pipeline.web.FrontDoorFixture.resource;
import static dev.aihq.pipeline.web.FrontDoorFixture.signed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.result.LegalAssessment;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.pipeline.AgentPipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Events the pipeline's gate refuses, and endpoints without a pipeline. */
class RejectionTest {

    private final FrontDoorFixture fixture = new FrontDoorFixture();

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void should_answer_422_rejected_with_the_reason_when_the_shop_is_inactive() {
        // given
        String body = "{\"shop_id\":\"kaspi_789\",\"period\":\"2026-01\",\"event_type\":\"monthly_report\"}";

        // when
        WebhookResponse response = fixture.frontDoor().handle(signed("/finance-event", body, CASE_SECRET));

        // then
        assertThat(response.status()).isEqualTo(422);
        JsonNode run = json(response);
        assertThat(run.get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(run.get("status").asText()).isEqualTo("REJECTED");
        assertThat(run.get("reason").asText()).isEqualTo("shop 'kaspi_789' is inactive");
        assertThat(run.get("shop_id").asText()).isEqualTo(INACTIVE_SHOP.value());
        assertThat(fixture.agentRuns).hasValue(0);
        assertThat(fixture.stores.journal().size()).isZero();
    }

    @Test
    void should_answer_422_without_a_run_when_no_pipeline_is_configured_for_the_endpoint() {
        // given
        WebhookFrontDoor frontDoor = WebhookFrontDoor.builder().shops(fixture.stores.shops())
                .runLog(fixture.stores.runLog()).secrets(WebhookSecretProvider.of(fixture.secrets))
                .purchases(fixture.purchases).build();

        // when
        WebhookResponse response = frontDoor.handle(signed("/legal-event", resource("seed-legal-event.json"),
                FrontDoorFixture.SECRET));

        // then
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.bodyText())
                .isEqualTo("{\"outcome\":\"REJECTED\",\"reason\":\"no pipeline is configured for legal events\"}");
        assertThat(fixture.stores.journal().size()).isZero();
        assertThat(fixture.stores.runLog().recent(SHOP, 10)).isEmpty();
    }

    @Test
    void should_answer_422_with_the_pipeline_reason_when_its_agent_is_not_available() {
        // given
        AgentPipeline<LegalEvent, Object, LegalAssessment> unavailable = fixture.started(
                AgentPipeline.<LegalEvent, Object, LegalAssessment>builder("legal")
                        .shops(fixture.stores.shops()).journal(fixture.stores.journal())
                        .runLog(fixture.stores.runLog()).executor(fixture.executor)
                        .unavailable("the legal agent is not available yet").build());
        WebhookFrontDoor frontDoor = fixture.frontDoorBuilder().legal(unavailable).build();

        // when
        WebhookResponse response = frontDoor.handle(signed("/legal-event", resource("seed-legal-event.json"),
                FrontDoorFixture.SECRET));

        // then
        assertThat(response.status()).isEqualTo(422);
        assertThat(json(response).get("reason").asText()).isEqualTo("the legal agent is not available yet");
        assertThat(fixture.stores.journal().size()).isZero();
    }

    @Test
    void should_answer_503_with_retry_after_when_the_pipeline_is_stopped() {
        // given
        fixture.legal.stop();

        // when
        WebhookResponse response = fixture.frontDoor().handle(signed("/legal-event",
                resource("seed-legal-event.json"), FrontDoorFixture.SECRET));

        // then
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers()).containsEntry("Retry-After", "5");
        assertThat(json(response).get("message").asText()).contains("legal pipeline is not running");
        assertThat(fixture.stores.journal().size()).isZero();
    }
}
