package dev.aihq.channel.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.channel.DeliveryState;
import dev.aihq.api.channel.MessageChannel;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.channel.whatsapp.webhook.WhatsAppSignature;
import dev.aihq.channel.whatsapp.webhook.WhatsAppWebhookRoute;
import dev.aihq.http.HqJson;
import dev.aihq.http.RetryPolicy;
import dev.aihq.testkit.contract.MessageChannelContract;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The WhatsApp Cloud API channel against the channel contract, on WireMock with the API's own bodies. */
class CloudApiChannelContractTest extends MessageChannelContract {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String NUMBER_ID = "106540352242922";
    private static final String DISPLAY_NUMBER = "77273550101";
    private static final String SEND_PATH = "/v25.0/" + NUMBER_ID + "/messages";
    private static final String TOKEN = "EAAJcontractTOKEN1234567890secret";
    private static final String APP_SECRET = "contract-app-secret-7a1d";
    private static final String VERIFY_TOKEN = "contract-verify-token";

    @BeforeEach
    void resetServer() {
        SERVER.resetAll();
    }

    @Override
    protected MessageChannel createChannel() {
        WhatsAppCloudConfig config = WhatsAppCloudConfig.builder()
                .baseUrl(SERVER.baseUrl())
                .phoneNumberId(NUMBER_ID)
                .accessToken(TOKEN)
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).jitter(0).build())
                .build();
        WhatsAppTemplates templates = WhatsAppTemplates.builder()
                .marketing("aihq_offer_v1", "ru")
                .utility("aihq_order_update_v1", "ru")
                .consentQuestion("aihq_consent_v1", "ru")
                .build();
        return CloudApiChannel.builder()
                .accounts(WhatsAppAccounts.of(List.of(new WhatsAppAccount(shopId(), config, templates))))
                .sleeper(wait -> { })
                .httpLogSink(line -> { })
                .appSecret(APP_SECRET)
                .verifyToken(VERIFY_TOKEN)
                .build();
    }

    @Override
    protected void providerAcceptsNextSend(String providerMessageId) {
        SERVER.stubFor(post(urlPathEqualTo(SEND_PATH)).willReturn(okJson("""
                {"messaging_product":"whatsapp",\
                "contacts":[{"input":"%s","wa_id":"%s"}],\
                "messages":[{"id":"%s"}]}""".formatted(customer().e164(), customer().digits(), providerMessageId))));
    }

    @Override
    protected void providerRefusesSends(Refusal refusal) {
        SERVER.stubFor(post(urlPathEqualTo(SEND_PATH)).willReturn(switch (refusal) {
            // Throughput: Meta answers 130429 with HTTP 400 (some BSPs see 429); the code decides.
            case RATE_LIMITED -> graphError(400, 130429, "Rate limit hit",
                    "Cloud API message throughput has been reached.");
            case AUTHENTICATION -> graphError(401, 190, "Error validating access token",
                    "Error validating access token: Session has expired.");
            case SERVER_ERROR -> graphError(500, 131000, "Something went wrong",
                    "Message failed to send due to an unknown error.");
        }));
    }

    private static ResponseDefinitionBuilder graphError(int status, int code, String title, String details) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error":{"message":"(#%d) %s","type":"OAuthException","code":%d,\
                        "error_data":{"messaging_product":"whatsapp","details":"%s"},\
                        "fbtrace_id":"AbCdEfGhIjK123"}}""".formatted(code, title, code, details));
    }

    @Override
    protected List<ProviderSend> providerSends() {
        return SERVER.findAll(postRequestedFor(urlPathEqualTo(SEND_PATH))).stream()
                .map(request -> toProviderSend(readTree(request.getBodyAsString())))
                .toList();
    }

    private static ProviderSend toProviderSend(JsonNode body) {
        PhoneNumber to = PhoneNumber.parse(body.path("to").asText());
        String stableKey = body.hasNonNull("biz_opaque_callback_data")
                ? body.path("biz_opaque_callback_data").asText() : null;
        String type = body.path("type").asText();
        List<String> buttons = new ArrayList<>();
        String text;
        switch (type) {
            case "text" -> text = body.path("text").path("body").asText();
            case "interactive" -> {
                JsonNode interactive = body.path("interactive");
                text = interactive.path("body").path("text").asText();
                interactive.path("action").path("buttons")
                        .forEach(button -> buttons.add(button.path("reply").path("title").asText()));
            }
            case "template" -> {
                text = "";
                for (JsonNode component : body.path("template").path("components")) {
                    if (component.path("type").asText().equals("body")) {
                        text = component.path("parameters").path(0).path("text").asText();
                    } else if (component.path("sub_type").asText().equals("quick_reply")) {
                        buttons.add(component.path("parameters").path(0).path("payload").asText());
                    }
                }
            }
            default -> throw new AssertionError("unexpected message type '" + type + "' in " + body);
        }
        return new ProviderSend(to, text, stableKey, buttons);
    }

    @Override
    protected boolean providerCarriesStableKey() {
        return true;
    }

    @Override
    protected WebhookRequest inboundReply(String providerMessageId, String text, Instant sentAt) {
        return signed("""
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{\
                "messaging_product":"whatsapp",\
                "metadata":{"display_phone_number":"%s","phone_number_id":"%s"},\
                "contacts":[{"profile":{"name":"Айгерим"},"wa_id":"%s"}],\
                "messages":[{"from":"%s","id":%s,"timestamp":"%d","type":"text","text":{"body":%s}}]},\
                "field":"messages"}]}]}""".formatted(DISPLAY_NUMBER, NUMBER_ID, customer().digits(),
                customer().digits(), json(providerMessageId), sentAt.getEpochSecond(), json(text)));
    }

    @Override
    protected WebhookRequest inboundStatus(String providerMessageId, DeliveryState state, Instant at) {
        String status = switch (state) {
            case SENT -> "sent";
            case DELIVERED -> "delivered";
            case READ -> "read";
            case FAILED -> "failed";
        };
        String errors = state != DeliveryState.FAILED ? "" : """
                ,"errors":[{"code":131026,"title":"Message undeliverable","message":"Message undeliverable",\
                "error_data":{"details":"Message failed to send because the recipient is not on WhatsApp."},\
                "href":"https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"}]""";
        return signed("""
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{\
                "messaging_product":"whatsapp",\
                "metadata":{"display_phone_number":"%s","phone_number_id":"%s"},\
                "statuses":[{"id":%s,"status":"%s","timestamp":"%d","recipient_id":"%s",\
                "biz_opaque_callback_data":"order-8812:review"%s}]},\
                "field":"messages"}]}]}""".formatted(DISPLAY_NUMBER, NUMBER_ID, json(providerMessageId), status,
                at.getEpochSecond(), customer().digits(), errors));
    }

    @Override
    protected WebhookRequest unauthenticated(WebhookRequest authenticated) {
        return WebhookRequest.of("POST", authenticated.path(), Map.of("Content-Type", "application/json",
                WhatsAppSignature.HEADER, WhatsAppSignature.sign("not-the-app-secret", authenticated.body())),
                authenticated.body());
    }

    private static WebhookRequest signed(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return WebhookRequest.of("POST", WhatsAppWebhookRoute.DEFAULT_PATH, Map.of("Content-Type", "application/json",
                WhatsAppSignature.HEADER, WhatsAppSignature.sign(APP_SECRET, body)), body);
    }

    private static String json(String value) {
        try {
            return HqJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return HqJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
