package dev.aihq.agents.inbox.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.aihq.api.ShopId;
import dev.aihq.api.error.RequestRejectedException;
import dev.aihq.api.inbox.InboxPriority;
import dev.aihq.api.inbox.ManagerNotification;
import dev.aihq.api.inbox.NotificationKind;
import dev.aihq.pipeline.json.SdkJson;
import dev.aihq.testkit.SettableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The manager's webhook against WireMock: a signed JSON notice, retries of 5xx, a clear failure otherwise. */
class WebhookNotifierTest {

    @RegisterExtension
    static WireMockExtension receiver = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String SECRET = "manager-hook-secret-0001";
    private static final Instant NOW = Instant.parse("2026-03-03T08:00:00Z");
    private static final ManagerNotification URGENT = new ManagerNotification("urgent:ozon:chat_message:c1:m1",
            ShopId.of("ozon_1"), NotificationKind.URGENT_MESSAGE, "Срочно: Ozon, чат",
            "Покупатель: «ВЫ ИЗДЕВАЕТЕСЬ?!». Ответить до 03.03 12:00.", "ozon:chat_message:c1", "180550365",
            InboxPriority.CRITICAL, NOW.plusSeconds(3600), NOW);

    private final List<Duration> waits = new ArrayList<>();
    private final List<String> logLines = new ArrayList<>();

    private WebhookNotifier notifier() {
        return WebhookNotifier.builder(URI.create(receiver.baseUrl() + "/hooks/aihq"), SECRET)
                .clock(SettableClock.at(NOW)).sleeper(waits::add).logSink(logLines::add).build();
    }

    @Test
    void should_post_the_notice_as_signed_json_that_the_receiver_can_verify() throws Exception {
        receiver.stubFor(post(urlEqualTo("/hooks/aihq")).willReturn(aResponse().withStatus(204)));

        notifier().send(URGENT);

        LoggedRequest request = receiver.findAll(postRequestedFor(urlEqualTo("/hooks/aihq"))).get(0);
        JsonNode body = SdkJson.mapper().readTree(request.getBody());
        assertThat(body.path("id").asText()).isEqualTo("urgent:ozon:chat_message:c1:m1");
        assertThat(body.path("kind").asText()).isEqualTo("urgent_message");
        assertThat(body.path("priority").asText()).isEqualTo("critical");
        assertThat(body.path("deadline").asText()).isEqualTo("2026-03-03T09:00:00Z");
        assertThat(request.getHeader(WebhookNotifier.ID_HEADER)).isEqualTo(URGENT.id());
        assertThat(request.getHeader(WebhookNotifier.TIMESTAMP_HEADER)).isEqualTo(String.valueOf(NOW.getEpochSecond()));
        assertThat(WebhookNotifier.verify(SECRET, request.getHeader(WebhookNotifier.TIMESTAMP_HEADER),
                request.getBody(), request.getHeader(WebhookNotifier.SIGNATURE_HEADER))).isTrue();
        assertThat(WebhookNotifier.verify("another-secret-000000", request.getHeader(WebhookNotifier.TIMESTAMP_HEADER),
                request.getBody(), request.getHeader(WebhookNotifier.SIGNATURE_HEADER))).isFalse();
        byte[] tampered = new String(request.getBody(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("critical", "normal").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(WebhookNotifier.verify(SECRET, request.getHeader(WebhookNotifier.TIMESTAMP_HEADER), tampered,
                request.getHeader(WebhookNotifier.SIGNATURE_HEADER))).isFalse();
        assertThat(logLines).isNotEmpty().noneMatch(line -> line.contains(SECRET));
    }

    @Test
    void should_retry_a_server_error_and_fail_clearly_on_a_refusal() {
        receiver.stubFor(post(urlEqualTo("/hooks/aihq")).inScenario("flaky").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        receiver.stubFor(post(urlEqualTo("/hooks/aihq")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));

        notifier().send(URGENT);

        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hooks/aihq")))).hasSize(2);
        assertThat(waits).hasSize(1);

        receiver.resetAll();
        receiver.stubFor(post(urlEqualTo("/hooks/aihq")).willReturn(aResponse().withStatus(400).withBody("no")));
        Throwable refused = catchThrowable(() -> notifier().send(URGENT));
        assertThat(refused).isInstanceOf(RequestRejectedException.class).hasMessageNotContaining(SECRET);
    }

    @Test
    void should_refuse_a_short_secret_and_a_relative_url() {
        assertThatThrownBy(() -> WebhookNotifier.builder(URI.create("https://example.kz/hook"), "short"))
                .hasMessageContaining("at least 16");
        assertThatThrownBy(() -> WebhookNotifier.builder(URI.create("/hook"), SECRET))
                .hasMessageContaining("absolute http(s) URL");
    }
}
