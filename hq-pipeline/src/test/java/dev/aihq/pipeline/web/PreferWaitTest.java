package dev.aihq.pipeline.web;

import static dev.aihq.pipeline.web.FrontDoorFixture.json;
import static dev.aihq.pipeline.web.FrontDoorFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.web.WebhookResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code Prefer: wait=N}: the outcome in the answer when the run ends in time, else 202. */
class PreferWaitTest {

    private static final String FINE = "{\"shop_id\":\"kaspi_123\",\"event_type\":\"fine\",\"order_id\":\"KSP-1\"}";

    private final FrontDoorFixture fixture = new FrontDoorFixture();
    private final WebhookFrontDoor frontDoor = fixture.frontDoor();

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void should_answer_200_with_the_outcome_and_the_result_when_the_run_ends_within_the_wait() {
        // when
        WebhookResponse response = frontDoor.handle(post("/legal-event", FINE, "Prefer", "wait=5"));

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Preference-Applied", "wait=5");
        JsonNode run = json(response);
        assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(run.get("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(run.get("reason").asText()).isEqualTo("result produced");
        assertThat(run.get("pipeline").asText()).isEqualTo("legal");
        assertThat(run.get("event_type").asText()).isEqualTo("legal.fine");
        assertThat(run.get("result").get("risk_level").asText()).isEqualTo("medium");
        assertThat(run.get("result").get("document").asText()).isEqualTo("Текст возражения...");
        assertThat(run.get("agent").get("path").asText()).isEqualTo("FALLBACK");
        assertThat(run.get("stages")).extracting(s -> s.get("name").asText())
                .containsExactly("decode", "shop_gate", "journal", "gather_context", "prepare", "agent", "guard",
                        "deliver");
        assertThat(run.has("duplicate")).isFalse();
    }

    @Test
    void should_answer_202_with_a_location_when_the_caller_does_not_ask_to_wait() {
        // when
        WebhookResponse response = frontDoor.handle(post("/legal-event", FINE));

        // then
        assertThat(response.status()).isEqualTo(202);
        JsonNode body = json(response);
        assertThat(body.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(response.headers().get("Location")).isEqualTo(body.get("status_url").asText())
                .isEqualTo("/runs/" + body.get("run_id").asText());
    }

    @Test
    void should_answer_202_when_the_run_outlasts_the_wait() {
        // given
        fixture.hold();

        // when
        WebhookResponse response = frontDoor.handle(post("/legal-event", FINE, "Prefer", "wait=1"));
        fixture.release();

        // then
        assertThat(response.status()).isEqualTo(202);
        assertThat(json(response).get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(response.headers()).containsKey("Location");
    }

    @Test
    void should_ignore_the_preference_when_the_wait_value_is_malformed() {
        // given
        fixture.hold();

        // when
        WebhookResponse response = frontDoor.handle(post("/legal-event", FINE, "Prefer", "wait=soon"));
        fixture.release();

        // then
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.headers()).doesNotContainKey("Preference-Applied");
    }

    @Test
    void should_prefix_the_status_url_when_a_base_path_is_configured() {
        // given
        WebhookFrontDoor mounted = fixture.frontDoorBuilder().basePath("/hq").build();

        // when
        WebhookResponse response = mounted.handle(post("/legal-event", FINE));

        // then
        assertThat(json(response).get("status_url").asText()).startsWith("/hq/runs/");
        assertThat(response.headers().get("Location")).startsWith("/hq/runs/");
    }

    @Test
    void should_read_the_wait_when_other_preferences_come_with_it() {
        // when
        var inOneHeader = PreferWait.requested(List.of("respond-async, wait=10"), Duration.ofSeconds(60));
        var inSecondHeader = PreferWait.requested(List.of("handling=lenient", "wait=\"3\"; foo=bar"),
                Duration.ofSeconds(60));

        // then
        assertThat(inOneHeader).contains(Duration.ofSeconds(10));
        assertThat(inSecondHeader).contains(Duration.ofSeconds(3));
    }

    @Test
    void should_cap_the_wait_at_the_maximum_when_the_caller_asks_for_more() {
        // when
        var wait = PreferWait.requested(List.of("wait=600"), Duration.ofSeconds(60));

        // then
        assertThat(wait).contains(Duration.ofSeconds(60));
    }

    @Test
    void should_ignore_the_wait_when_it_is_malformed_zero_or_waiting_is_off() {
        // when
        var malformed = PreferWait.requested(List.of("wait=-1", "wait=1.5", "wait", "wait=abc"), Duration.ofSeconds(60));
        var zero = PreferWait.requested(List.of("wait=0"), Duration.ofSeconds(60));
        var off = PreferWait.requested(List.of("wait=5"), Duration.ZERO);

        // then
        assertThat(malformed).isEmpty();
        assertThat(zero).isEmpty();
        assertThat(off).isEmpty();
    }
}
