package dev.aihq.channel.greenapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.channel.DeliveryState;
import dev.aihq.api.channel.MessageChannel;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.http.JsonCodec;
import dev.aihq.http.RetryPolicy;
import dev.aihq.testkit.contract.MessageChannelContract;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Green-API channel against the channel contract, on WireMock. */
class GreenApiChannelContractTest extends MessageChannelContract {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @BeforeEach
    void resetServer() {
        SERVER.resetAll();
    }

    @Override
    protected MessageChannel createChannel() {
        GreenApiConfig config = Payloads.config(SERVER.baseUrl())
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).jitter(0).build())
                .build();
        return GreenApiChannel.builder(GreenApiAccounts.of(shopId(), config))
                .sleeper(duration -> { })
                .build();
    }

    @Override
    protected void providerAcceptsNextSend(String providerMessageId) {
        SERVER.stubFor(post(urlPathEqualTo(Payloads.SEND_PATH))
                .willReturn(okJson("{\"idMessage\":\"" + providerMessageId + "\"}")));
    }

    @Override
    protected void providerRefusesSends(Refusal refusal) {
        SERVER.stubFor(post(urlPathEqualTo(Payloads.SEND_PATH)).willReturn(switch (refusal) {
            case RATE_LIMITED -> aResponse().withStatus(429).withHeader("Retry-After", "1");
            case AUTHENTICATION -> aResponse().withStatus(401);
            case SERVER_ERROR -> aResponse().withStatus(500).withBody("Internal Server Error");
        }));
    }

    @Override
    protected List<ProviderSend> providerSends() {
        return SERVER.findAll(postRequestedFor(urlPathEqualTo(Payloads.SEND_PATH))).stream()
                .map(request -> {
                    JsonNode body = JsonCodec.defaults().readTree(request.getBody());
                    String chatId = body.path("chatId").asText();
                    return new ProviderSend(new PhoneNumber("+" + chatId.substring(0, chatId.indexOf('@'))),
                            body.path("message").asText(), null, List.of());
                })
                .toList();
    }

    @Override
    protected boolean providerCarriesStableKey() {
        return false;
    }

    @Override
    protected WebhookRequest inboundReply(String providerMessageId, String text, Instant sentAt) {
        return Payloads.post(Payloads.incoming(customer().digits() + "@c.us", providerMessageId,
                sentAt.getEpochSecond(), Payloads.textMessage(text)));
    }

    @Override
    protected WebhookRequest inboundStatus(String providerMessageId, DeliveryState state, Instant at) {
        return Payloads.post(Payloads.status(providerMessageId, state == DeliveryState.FAILED ? "failed" : "delivered",
                at.getEpochSecond()));
    }

    @Override
    protected WebhookRequest unauthenticated(WebhookRequest authenticated) {
        return Payloads.post(new String(authenticated.body(), StandardCharsets.UTF_8), "Bearer not-the-token");
    }
}
