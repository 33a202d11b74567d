package dev.aihq.pipeline.web;

import static dev.aihq.pipeline.web.FrontDoorFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.api.web.WebhookRoute;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Routes that connectors and channels contribute: matched by method and exact path, passed the raw request. */
class ContributedRouteTest {

    private final FrontDoorFixture fixture = new FrontDoorFixture();

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void should_pass_the_raw_request_and_return_the_routes_own_response_untouched() {
        // given
        WebhookResponse reply = new WebhookResponse(200, Map.of("Content-Type", "text/plain", "X-Handshake", "1"),
                "challenge-123".getBytes(StandardCharsets.UTF_8));
        TestRoute route = new TestRoute("POST", "/webhooks/whatsapp", request -> reply);
        WebhookFrontDoor frontDoor = fixture.frontDoorBuilder().route(route).build();
        byte[] body = "not json at all \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        WebhookRequest request = WebhookRequest.of("POST", "/webhooks/whatsapp?hub.mode=subscribe",
                Map.of("X-Hub-Signature-256", "sha256=abc", "Content-Type", "application/octet-stream"), body);

        // when
        WebhookResponse response = frontDoor.handle(request);

        // then
        assertThat(response).isSameAs(reply);
        assertThat(route.received).containsExactly(request);
        assertThat(route.received.get(0).body()).isEqualTo(body);
        assertThat(route.received.get(0).query()).isEqualTo("hub.mode=subscribe");
    }

    @Test
    void should_dispatch_by_method_when_two_routes_share_a_path() {
        // given
        TestRoute verify = new TestRoute("GET", "/webhooks/whatsapp", r -> WebhookResponse.text(200, "verified"));
        TestRoute receive = new TestRoute("POST", "/webhooks/whatsapp", r -> WebhookResponse.empty(200));
        WebhookFrontDoor frontDoor = fixture.frontDoorBuilder().routes(List.of(verify, receive)).build();

        // when
        WebhookResponse response = frontDoor.handle(WebhookRequest.of("GET", "/webhooks/whatsapp", Map.of(),
                new byte[0]));

        // then
        assertThat(response.bodyText()).isEqualTo("verified");
        assertThat(verify.received).hasSize(1);
        assertThat(receive.received).isEmpty();
    }

    @Test
    void should_answer_405_with_the_routes_methods_when_the_method_differs() {
        // given
        WebhookFrontDoor frontDoor = fixture.frontDoorBuilder()
                .route(new TestRoute("POST", "/webhooks/ozon", r -> WebhookResponse.empty(200)))
                .route(new TestRoute("GET", "/webhooks/ozon", r -> WebhookResponse.empty(200))).build();

        // when
        WebhookResponse response = frontDoor.handle(WebhookRequest.of("PUT", "/webhooks/ozon", Map.of(), new byte[0]));

        // then
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers()).containsEntry("Allow", "GET, POST");
        assertThat(json(response).get("error").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void should_answer_404_json_when_no_route_has_the_path() {
        // given
        WebhookFrontDoor frontDoor = fixture.frontDoorBuilder()
                .route(new TestRoute("POST", "/webhooks/ozon", r -> WebhookResponse.empty(200))).build();

        // when
        WebhookResponse response = frontDoor.handle(WebhookRequest.of("POST", "/webhooks/ozon/", Map.of(),
                new byte[0]));

        // then
        assertThat(response.status()).isEqualTo(404);
        assertThat(json(response).get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void should_answer_500_without_details_when_a_route_throws() {
        // given
        WebhookFrontDoor frontDoor = fixture.frontDoorBuilder().route(new TestRoute("POST", "/webhooks/broken",
                r -> {
                    throw new IllegalStateException("secret-token-abc leaked?");
                })).build();

        // when
        WebhookResponse response = frontDoor.handle(WebhookRequest.of("POST", "/webhooks/broken", Map.of(),
                new byte[0]));

        // then
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyText()).isEqualTo("{\"error\":\"internal_error\"}");
    }

    @Test
    void should_refuse_to_build_when_two_routes_want_the_same_method_and_path() {
        // given
        WebhookFrontDoor.Builder builder = fixture.frontDoorBuilder()
                .route(new TestRoute("POST", "/webhooks/whatsapp", r -> WebhookResponse.empty(200)))
                .route(new TestRoute("post", "/webhooks/whatsapp", r -> WebhookResponse.empty(204)));

        // when / then
        assertThatThrownBy(builder::build).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("both want POST /webhooks/whatsapp");
    }

    @Test
    void should_refuse_to_build_when_a_route_wants_a_path_of_the_front_door() {
        // given
        WebhookFrontDoor.Builder builder = fixture.frontDoorBuilder()
                .route(new TestRoute("POST", "/legal-event", r -> WebhookResponse.empty(200)))
                .route(new TestRoute("GET", "/runs/all", r -> WebhookResponse.empty(200)));

        // when / then
        assertThatThrownBy(builder::build).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("POST /legal-event, a path the front door serves itself")
                .hasMessageContaining("GET /runs/all, a path the front door serves itself");
    }

    /** A route that records what it receives. */
    private static final class TestRoute implements WebhookRoute {
        final List<WebhookRequest> received = new CopyOnWriteArrayList<>();
        private final String method;
        private final String path;
        private final Function<WebhookRequest, WebhookResponse> reply;

        TestRoute(String method, String path, Function<WebhookRequest, WebhookResponse> reply) {
            this.method = method;
            this.path = path;
            this.reply = reply;
        }

        @Override
        public String method() {
            return method;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public WebhookResponse handle(WebhookRequest request) {
            received.add(request);
            return reply.apply(request);
        }
    }
}
