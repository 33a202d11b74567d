package dev.aihq.pipeline.web;

import static dev.aihq.pipeline.web.FrontDoorFixture.OTHER_SECRET;
import static dev.aihq.pipeline.web.FrontDoorFixture.OTHER_SHOP;
import static dev.aihq.pipeline.web.FrontDoorFixture.SECRET;
import static dev.aihq.pipeline.web.FrontDoorFixture.SHOP;
import static dev.aihq.pipeline.web.FrontDoorFixture.json;
import static dev.aihq.pipeline.web.FrontDoorFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /runs/{id}}: a shop reads its own runs, and only its own. */
class RunStatusEndpointTest {

    private static final byte[] NO_BODY = new byte[0];

    private final FrontDoorFixture fixture = new FrontDoorFixture();
    private final WebhookFrontDoor frontDoor = fixture.frontDoor();
    private String runId = "";

    @BeforeEach
    void submitOneRun() throws Exception {
        String body = "{\"shop_id\":\"kaspi_123\",\"event_type\":\"fine\",\"order_id\":\"KSP-1\"}";
        runId = json(frontDoor.handle(post("/legal-event", body))).get("run_id").asText();
        fixture.awaitRuns();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void should_answer_the_run_with_its_stages_when_its_own_shop_asks_with_a_signature() {
        // given
        WebhookRequest request = WebhookRequest.of("GET", "/runs/" + runId, Map.of(WebhookFrontDoor.SHOP_HEADER,
                SHOP.value(), WebhookSignature.HEADER, WebhookSignature.sign(SECRET, NO_BODY)), NO_BODY);

        // when
        WebhookResponse response = frontDoor.handle(request);

        // then
        assertThat(response.status()).isEqualTo(200);
        JsonNode run = json(response);
        assertThat(run.get("run_id").asText()).isEqualTo(runId);
        assertThat(run.get("shop_id").asText()).isEqualTo(SHOP.value());
        assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(run.get("started_at").asText()).isEqualTo("2026-03-02T06:00:00Z");
        assertThat(run.get("stages")).isNotEmpty().allSatisfy(stage -> {
            assertThat(stage.get("duration_ms").isNumber()).isTrue();
            assertThat(stage.get("status").asText()).isEqualTo("OK");
        });
        assertThat(run.get("result").get("recommendation").asText()).isEqualTo("Отправить в Kaspi в течение 3 дней");
    }

    @Test
    void should_accept_the_shop_in_the_query_with_a_bearer_token() {
        // when
        WebhookResponse response = frontDoor.handle(FrontDoorFixture.bearer("GET", "/runs/" + runId
                + "?shop_id=kaspi_123", NO_BODY, SECRET));

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).get("run_id").asText()).isEqualTo(runId);
    }

    @Test
    void should_answer_404_when_another_shop_asks_for_the_run() {
        // when
        WebhookResponse response = frontDoor.handle(FrontDoorFixture.bearer("GET", "/runs/" + runId, NO_BODY,
                OTHER_SECRET, WebhookFrontDoor.SHOP_HEADER, OTHER_SHOP.value()));

        // then
        assertThat(response.status()).isEqualTo(404);
        assertThat(json(response).get("error").asText()).isEqualTo("run_not_found");
        assertThat(response.bodyText()).doesNotContain("KSP-1");
    }

    @Test
    void should_answer_401_when_the_request_is_not_authenticated() {
        // when
        WebhookResponse response = frontDoor.handle(WebhookRequest.of("GET", "/runs/" + runId,
                Map.of(WebhookFrontDoor.SHOP_HEADER, SHOP.value()), NO_BODY));

        // then
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers()).containsKey("WWW-Authenticate");
        assertThat(response.bodyText()).doesNotContain(runId);
    }

    @Test
    void should_answer_401_when_a_shop_uses_another_shops_secret() {
        // when
        WebhookResponse response = frontDoor.handle(FrontDoorFixture.bearer("GET", "/runs/" + runId, NO_BODY,
                OTHER_SECRET, WebhookFrontDoor.SHOP_HEADER, SHOP.value()));

        // then
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void should_answer_404_when_the_run_is_unknown_or_its_id_malformed() {
        // when
        WebhookResponse unknown = frontDoor.handle(FrontDoorFixture.bearer("GET", "/runs/no-such-run", NO_BODY,
                SECRET, WebhookFrontDoor.SHOP_HEADER, SHOP.value()));
        WebhookResponse malformed = frontDoor.handle(FrontDoorFixture.bearer("GET", "/runs/%2E%2E", NO_BODY,
                SECRET, WebhookFrontDoor.SHOP_HEADER, SHOP.value()));

        // then
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(malformed.status()).isEqualTo(404);
    }

    @Test
    void should_answer_400_when_no_shop_is_named() {
        // when
        WebhookResponse response = frontDoor.handle(FrontDoorFixture.bearer("GET", "/runs/" + runId, NO_BODY, SECRET));

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).contains(WebhookFrontDoor.SHOP_HEADER);
    }

    @Test
    void should_answer_405_with_allow_when_runs_are_posted_to() {
        // when
        WebhookResponse response = frontDoor.handle(post("/runs/" + runId, "{}"));

        // then
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers()).containsEntry("Allow", "GET");
    }
}
