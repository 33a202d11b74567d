package dev.aihq.pipeline.web;

import static dev.aihq.pipeline.web.FrontDoorFixture.SECRET;
import static dev.aihq.pipeline.web.FrontDoorFixture.json;
import static dev.aihq.pipeline.web.FrontDoorFixture.post;
import static dev.aihq.pipeline.web.FrontDoorFixture.resource;
import static dev.aihq.pipeline.web.FrontDoorFixture.signed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.web.WebhookResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A redelivered event is answered with the first run and runs nothing again. */
class IdempotencyTest {

    private final FrontDoorFixture fixture = new FrontDoorFixture();
    private final WebhookFrontDoor frontDoor = fixture.frontDoor();

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void should_answer_200_duplicate_with_the_first_run_when_the_same_event_is_posted_again() throws Exception {
        // given
        byte[] body = resource("seed-legal-event.json");
        String firstRunId = json(frontDoor.handle(signed("/legal-event", body, SECRET))).get("run_id").asText();
        fixture.awaitRuns();

        // when
        WebhookResponse second = frontDoor.handle(signed("/legal-event", body, SECRET));

        // then
        assertThat(second.status()).isEqualTo(200);
        JsonNode answer = json(second);
        assertThat(answer.get("duplicate").asBoolean()).isTrue();
        assertThat(answer.get("run_id").asText()).isEqualTo(firstRunId);
        assertThat(answer.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(answer.get("result").get("analysis").asText()).startsWith("Штраф можно оспорить");
        fixture.awaitRuns();
        assertThat(fixture.agentRuns).hasValue(1);
        assertThat(fixture.stores.journal().size()).isEqualTo(1);
    }

    @Test
    void should_say_in_progress_when_a_duplicate_waits_and_the_first_run_is_still_going() throws Exception {
        // given
        fixture.hold();
        byte[] body = resource("seed-finance-event.json");
        String firstRunId = json(frontDoor.handle(signed("/finance-event", body, SECRET))).get("run_id").asText();

        // when
        WebhookResponse second = frontDoor.handle(signed("/finance-event", body, SECRET, "Prefer", "wait=1"));
        fixture.release();

        // then
        assertThat(second.status()).isEqualTo(200);
        JsonNode answer = json(second);
        assertThat(answer.get("duplicate").asBoolean()).isTrue();
        assertThat(answer.get("run_id").asText()).isEqualTo(firstRunId);
        assertThat(answer.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(answer.get("outcome").isNull()).isTrue();
        fixture.awaitRuns();
        assertThat(fixture.agentRuns).hasValue(1);
    }

    @Test
    void should_wait_for_the_first_run_when_a_duplicate_asks_to_wait_long_enough() throws Exception {
        // given
        fixture.hold();
        byte[] body = resource("seed-finance-event.json");
        String firstRunId = json(frontDoor.handle(signed("/finance-event", body, SECRET))).get("run_id").asText();
        fixture.release();

        // when
        WebhookResponse second = frontDoor.handle(signed("/finance-event", body, SECRET, "Prefer", "wait=10"));

        // then
        JsonNode answer = json(second);
        assertThat(second.status()).isEqualTo(200);
        assertThat(answer.get("run_id").asText()).isEqualTo(firstRunId);
        assertThat(answer.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(answer.get("duplicate").asBoolean()).isTrue();
    }

    @Test
    void should_treat_different_bodies_as_one_event_when_they_share_the_idempotency_key_header() throws Exception {
        // given
        String first = "{\"shop_id\":\"kaspi_123\",\"event_type\":\"manual_request\",\"fine_reason\":\"вопрос 1\"}";
        String second = "{\"shop_id\":\"kaspi_123\",\"event_type\":\"manual_request\",\"fine_reason\":\"вопрос 2\"}";
        String firstRunId = json(frontDoor.handle(post("/legal-event", first, "Idempotency-Key", "ask-42")))
                .get("run_id").asText();

        // when
        WebhookResponse answer = frontDoor.handle(post("/legal-event", second, "Idempotency-Key", "ask-42"));

        // then
        assertThat(json(answer).get("run_id").asText()).isEqualTo(firstRunId);
        assertThat(json(answer).get("duplicate").asBoolean()).isTrue();
        fixture.awaitRuns();
        assertThat(fixture.agentRuns).hasValue(1);
    }

    @Test
    void should_run_again_when_an_unkeyed_manual_request_is_sent_twice() throws Exception {
        // given
        String body = "{\"shop_id\":\"kaspi_123\",\"event_type\":\"manual_request\",\"fine_reason\":\"вопрос\"}";
        WebhookResponse first = frontDoor.handle(post("/legal-event", body));

        // when
        WebhookResponse second = frontDoor.handle(post("/legal-event", body));

        // then
        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        assertThat(json(second).get("run_id").asText()).isNotEqualTo(json(first).get("run_id").asText());
        fixture.awaitRuns();
        assertThat(fixture.agentRuns).hasValue(2);
    }

    @Test
    void should_accept_the_same_key_in_header_and_field_when_both_are_equal() {
        // given
        String body = "{\"shop_id\":\"kaspi_123\",\"event_type\":\"fine\",\"idempotency_key\":\"fine-7\"}";

        // when
        WebhookResponse answer = frontDoor.handle(post("/legal-event", body, "Idempotency-Key", "fine-7"));

        // then
        assertThat(answer.status()).isEqualTo(202);
        assertThat(fixture.stores.journal().find(FrontDoorFixture.SHOP, "fine-7")).isPresent();
    }
}
