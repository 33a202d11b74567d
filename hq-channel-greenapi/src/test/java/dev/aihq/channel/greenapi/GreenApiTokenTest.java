package dev.aihq.channel.greenapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.channel.OutboundMessage;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.http.RetryPolicy;
import dev.aihq.testkit.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Green-API's token sits in the URL path: nothing the SDK writes (hq-http's request and response lines, the
 * channel's SLF4J lines at DEBUG, exception messages and stack traces, toString) may show it, nor the
 * webhook token.
 */
class GreenApiTokenTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final PhoneNumber CUSTOMER = PhoneNumber.parse("+77071234567");

    private final List<String> httpLines = new CopyOnWriteArrayList<>();

    private GreenApiChannel channel(GreenApiConfig config) {
        return GreenApiChannel.builder(GreenApiAccounts.of(Fixtures.SHOP_ID, config))
                .sleeper(duration -> { })
                .logSink(httpLines::add)
                .build();
    }

    private static String trace(Throwable thrown) {
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static OutboundMessage message() {
        return OutboundMessage.text(Fixtures.SHOP_ID, CUSTOMER, "Здравствуйте!", "order-1:review",
                MessageCategory.SERVICE);
    }

    @Test
    void should_send_the_token_in_the_path_but_never_write_it_anywhere_when_sends_succeed_and_fail() {
        // given
        GreenApiChannel channel = channel(Payloads.config(SERVER.baseUrl())
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).jitter(0).build())
                .requestTimeout(Duration.ofMillis(100))
                .build());
        List<String> written = new ArrayList<>();

        // when
        try (LogCapture logs = new LogCapture()) {
            SERVER.stubFor(post(urlPathEqualTo(Payloads.SEND_PATH)).willReturn(okJson("{\"idMessage\":\"A1\"}")));
            channel.send(message());
            for (var failure : List.of(
                    aResponse().withStatus(401).withBody("{\"error\":\"bad token " + Payloads.API_TOKEN + "\"}"),
                    aResponse().withStatus(429).withHeader("Retry-After", "1"),
                    aResponse().withStatus(500),
                    aResponse().withStatus(400).withBody("{\"message\":\"bad chatId\"}"),
                    okJson("{\"idMessage\":\"late\"}").withFixedDelay(1_000),
                    aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                    okJson("{}"))) {
                SERVER.stubFor(post(urlPathEqualTo(Payloads.SEND_PATH)).willReturn(failure));
                try {
                    channel.send(message());
                } catch (RuntimeException e) {
                    written.add(e.getMessage());
                    written.add(trace(e));
                }
            }
            written.add(logs.text());
        }
        written.addAll(httpLines);
        written.add(channel.toString());

        // then
        assertThat(written).hasSizeGreaterThan(10);
        assertThat(httpLines).as("hq-http wrote its lines").isNotEmpty()
                .anySatisfy(line -> assertThat(line).contains("/sendMessage/****"));
        assertThat(String.join("\n", written)).doesNotContain(Payloads.API_TOKEN, Payloads.WEBHOOK_TOKEN,
                "77071234567");
        SERVER.verify(postRequestedFor(urlPathEqualTo(Payloads.SEND_PATH)));
    }

    @Test
    void should_mask_both_tokens_when_the_config_is_printed_or_refused() {
        // given
        GreenApiConfig config = Payloads.config("https://7105.api.greenapi.com").build();

        // when
        String text = config + " " + GreenApiClient.create(config) + " "
                + GreenApiAccounts.of(Fixtures.SHOP_ID, config);
        ConfigurationException refused = null;
        try {
            Payloads.config("https://7105.api.greenapi.com/waInstance1101/sendMessage/" + Payloads.API_TOKEN).build();
        } catch (ConfigurationException e) {
            refused = e;
        }

        // then
        assertThat(text).contains("apiTokenInstance=****", "webhookToken=****")
                .doesNotContain(Payloads.API_TOKEN, Payloads.WEBHOOK_TOKEN);
        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).contains("apiUrl").doesNotContain(Payloads.API_TOKEN);
    }

    @Test
    void should_not_log_the_webhook_token_when_a_delivery_is_refused_or_accepted() {
        // given
        GreenApiChannel channel = channel(Payloads.config(SERVER.baseUrl()).build());
        var route = channel.webhookRoutes(traffic -> { }).get(0);
        String body = Payloads.incoming(Payloads.CHAT, "BAE5F4886F6F2D05", 1_763_805_600L,
                Payloads.textMessage("Иә"));

        // when
        WebhookResponse refused;
        WebhookResponse accepted;
        String logged;
        try (LogCapture logs = new LogCapture()) {
            refused = route.handle(Payloads.post(body, "Bearer " + Payloads.WEBHOOK_TOKEN + "x"));
            accepted = route.handle(Payloads.post(body, "Bearer " + Payloads.WEBHOOK_TOKEN));
            logged = logs.text();
        }

        // then
        assertThat(refused.status()).isEqualTo(401);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(logged).contains("refused").doesNotContain(Payloads.WEBHOOK_TOKEN, "77071234567");
    }
}
