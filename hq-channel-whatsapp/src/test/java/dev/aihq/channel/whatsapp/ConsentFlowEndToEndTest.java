package dev.aihq.channel.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.channel.DeliveryState;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.result.OfferKind;
import dev.aihq.api.result.RunId;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.ConsentEvent;
import dev.aihq.api.store.ConsentRecord;
import dev.aihq.api.store.ConsentStatus;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.api.web.WebhookRoute;
import dev.aihq.channel.whatsapp.webhook.WhatsAppSignature;
import dev.aihq.http.HqJson;
import dev.aihq.http.RetryPolicy;
import dev.aihq.pipeline.DeliveryRequest;
import dev.aihq.pipeline.DeliveryResult;
import dev.aihq.pipeline.delivery.MessageDelivery;
import dev.aihq.pipeline.delivery.OutboxDispatcher;
import dev.aihq.pipeline.inbound.ChannelTrafficRecorder;
import dev.aihq.pipeline.memory.InMemoryStores;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.SettableClock;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The consent-first flow over WhatsApp end to end: delivery, outbox, signed webhooks, recorder, on WireMock. */
class ConsentFlowEndToEndTest {

    private static final ShopId SHOP = Fixtures.SHOP_ID;
    private static final PhoneNumber CUSTOMER = PhoneNumber.parse("+77071234567");
    private static final String NUMBER_ID = "106540352242922";
    private static final String DISPLAY_NUMBER = "77273550101";
    private static final String SEND_PATH = "/v25.0/" + NUMBER_ID + "/messages";
    private static final String TOKEN = "EAAJe2eTOKEN1234567890secret";
    private static final String APP_SECRET = "e2e-app-secret-91b3";
    private static final String VERIFY_TOKEN = "e2e-verify-token";
    private static final String WEBHOOK_PATH = "/webhooks/whatsapp";
    /** 12:00 in Almaty. */
    private static final Instant START = Instant.parse("2026-03-02T07:00:00Z");
    private static final String OFFER_TEXT = "К вашему смартфону подойдёт чехол со скидкой 10%";
    private static final String ACCEPTING = "accepting-whatsapp";

    /** One send request WhatsApp accepted: when by the test's clock, the wamid it answered, the request body. */
    private record Send(Instant at, String wamid, JsonNode body) {
        String type() {
            return body.path("type").asText();
        }

        String stableKey() {
            return body.path("biz_opaque_callback_data").asText();
        }

        String templateName() {
            return body.path("template").path("name").asText();
        }

        String templateBodyText() {
            for (JsonNode component : body.path("template").path("components")) {
                if (component.path("type").asText().equals("body")) {
                    return component.path("parameters").path(0).path("text").asText();
                }
            }
            throw new AssertionError("no body component in " + body);
        }

        List<String> buttonPayloads() {
            List<String> payloads = new ArrayList<>();
            for (JsonNode component : body.path("template").path("components")) {
                if (component.path("sub_type").asText().equals("quick_reply")) {
                    assertThat(component.path("index").asText()).isEqualTo(String.valueOf(payloads.size()));
                    payloads.add(component.path("parameters").path(0).path("payload").asText());
                }
            }
            return payloads;
        }
    }

    private final SettableClock clock = SettableClock.at(START);
    private final List<Send> sends = new CopyOnWriteArrayList<>();
    private final AtomicInteger wamids = new AtomicInteger();

    /** Answers a send as the Cloud API does, with a new wamid, and records it with the clock's time. */
    private final class AcceptingWhatsApp implements ResponseDefinitionTransformerV2 {
        @Override
        public String getName() {
            return ACCEPTING;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            JsonNode body = readTree(serveEvent.getRequest().getBodyAsString());
            String wamid = "wamid.HBgLNzcwNzEyMzQ1NjcVAgARGBJF" + wamids.incrementAndGet();
            sends.add(new Send(clock.instant(), wamid, body));
            String to = body.path("to").asText();
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("""
                            {"messaging_product":"whatsapp","contacts":[{"input":"%s","wa_id":"%s"}],\
                            "messages":[{"id":"%s"}]}""".formatted(to, to.replace("+", ""), wamid))
                    .build();
        }
    }

    @RegisterExtension
    final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(new AcceptingWhatsApp()))
            .build();

    private final InMemoryStores stores = InMemoryStores.create();
    private final List<CustomerReplyEvent> otherReplies = new CopyOnWriteArrayList<>();
    private final Shop shop = Fixtures.kaspiShop().settings(ShopSettings.builder().sendDelay(Duration.ZERO)
            .quietHours(null).frequencyCap(null).build()).build();
    private CloudApiChannel channel;
    private WebhookRoute webhook;
    private OutboxDispatcher dispatcher;

    @BeforeEach
    void wire() {
        server.stubFor(post(urlPathEqualTo(SEND_PATH)).willReturn(aResponse().withTransformers(ACCEPTING)));
        WhatsAppCloudConfig config = WhatsAppCloudConfig.builder()
                .baseUrl(server.baseUrl())
                .phoneNumberId(NUMBER_ID)
                .accessToken(TOKEN)
                .retryPolicy(RetryPolicy.none())
                .build();
        WhatsAppTemplates templates = WhatsAppTemplates.builder()
                .marketing("aihq_offer_v1", "ru")
                .utility("aihq_order_update_v1", "ru")
                .consentQuestion("aihq_consent_v1", "ru")
                .build();
        channel = CloudApiChannel.builder()
                .accounts(WhatsAppAccounts.of(List.of(new WhatsAppAccount(SHOP, config, templates))))
                .clock(clock)
                .sleeper(wait -> {
                    throw new AssertionError("no sleeping, asked for " + wait);
                })
                .httpLogSink(line -> { })
                .appSecret(APP_SECRET)
                .verifyToken(VERIFY_TOKEN)
                .build();
        ChannelTrafficRecorder recorder = ChannelTrafficRecorder.builder()
                .outbox(stores.outbox())
                .consents(stores.consents())
                .suppressions(stores.suppressions())
                .conversations(stores.conversations())
                .replies(otherReplies::add)
                .clock(clock)
                .build();
        webhook = channel.webhookRoutes(recorder).stream().filter(route -> route.method().equals("POST"))
                .findFirst().orElseThrow();
        dispatcher = OutboxDispatcher.builder()
                .outbox(stores.outbox())
                .channel(channel)
                .clock(clock)
                .worker("e2e")
                .consents(stores.consents())
                .conversations(stores.conversations())
                .suppressions(stores.suppressions())
                .build();
    }

    // ------------------------------------------------------------------ helpers

    private MessageDelivery<PurchaseEvent, String, SalesOffer> delivery(MessageCategory category) {
        return MessageDelivery.<PurchaseEvent, String, SalesOffer>builder()
                .channel(channel)
                .outbox(stores.outbox())
                .recipient(request -> request.event().customerContact())
                .text(SalesOffer::text)
                .category(category)
                .consents(stores.consents())
                .conversations(stores.conversations())
                .suppressions(stores.suppressions())
                .worker("e2e")
                .build();
    }

    private DeliveryResult deliver(MessageCategory category, String run, String text) {
        PurchaseEvent event = Fixtures.purchaseEvent().toBuilder().customer(CUSTOMER).build();
        return delivery(category).deliver(new DeliveryRequest<>(event, "context",
                SalesOffer.builder(OfferKind.UPSELL, text).build(), shop, RunId.of(run), clock.instant()));
    }

    private void schedule(String id, MessageCategory category, Instant dueAt) {
        assertThat(stores.outbox().schedule(OutboxMessage.pending(id, SHOP, RunId.of(id), CloudApiChannel.NAME,
                CUSTOMER, OFFER_TEXT + " (" + id + ")", "run:" + id, dueAt).withPurpose(category, null, List.of())))
                .isTrue();
    }

    private OutboxMessage outbox(String id) {
        return stores.outbox().find(SHOP, id).orElseThrow();
    }

    private ConsentRecord consent() {
        return stores.consents().get(SHOP, CUSTOMER);
    }

    private void optedInEarlier() {
        stores.consents().apply(SHOP, CUSTOMER, ConsentEvent.GRANTED, START.minus(Duration.ofDays(30)),
                "whatsapp:button");
    }

    private WebhookResponse deliverWebhook(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return webhook.handle(WebhookRequest.of("POST", WEBHOOK_PATH, Map.of("Content-Type", "application/json",
                WhatsAppSignature.HEADER, WhatsAppSignature.sign(APP_SECRET, body)), body));
    }

    private void webhookAccepted(String json) {
        assertThat(deliverWebhook(json).status()).as("webhook answer").isEqualTo(200);
    }

    private static String envelope(String field, String value) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[\
                {"value":{"messaging_product":"whatsapp",\
                "metadata":{"display_phone_number":"%s","phone_number_id":"%s"},%s},"field":"%s"}]}]}\
                """.formatted(DISPLAY_NUMBER, NUMBER_ID, value, field);
    }

    private static String contacts() {
        return "\"contacts\":[{\"profile\":{\"name\":\"Айгерим\"},\"wa_id\":\"" + CUSTOMER.digits() + "\"}]";
    }

    /** A tapped quick-reply button of a template, §5.4 of the reference. */
    private String templateButton(String wamid, String templateWamid, String payload, String title) {
        return envelope("messages", """
                %s,"messages":[{"context":{"from":"%s","id":"%s"},"from":"%s","id":"%s","timestamp":"%d",\
                "type":"button","button":{"payload":"%s","text":"%s"}}]""".formatted(contacts(), DISPLAY_NUMBER,
                templateWamid, CUSTOMER.digits(), wamid, clock.instant().getEpochSecond(), payload, title));
    }

    private String text(String wamid, String body) {
        return envelope("messages", """
                %s,"messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":%s}}]\
                """.formatted(contacts(), CUSTOMER.digits(), wamid, clock.instant().getEpochSecond(), json(body)));
    }

    private String status(Send sent, String status, Instant at, String extra) {
        return envelope("messages", """
                "statuses":[{"id":"%s","status":"%s","timestamp":"%d","recipient_id":"%s",\
                "biz_opaque_callback_data":"%s"%s}]""".formatted(sent.wamid(), status, at.getEpochSecond(),
                CUSTOMER.digits(), sent.stableKey(), extra));
    }

    private String marketingPreference(String value, String detail) {
        return envelope("user_preferences", """
                %s,"user_preferences":[{"wa_id":"%s","detail":"%s","category":"marketing_messages",\
                "value":"%s","timestamp":%d}]""".formatted(contacts(), CUSTOMER.digits(), detail, value,
                clock.instant().getEpochSecond()));
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

    /** Delivers an offer to a customer who never wrote and returns the consent question WhatsApp received. */
    private Send offerAwaitingConsent(String run) {
        DeliveryResult result = deliver(MessageCategory.MARKETING, run, OFFER_TEXT);
        assertThat(result.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(outbox(run).status()).isEqualTo(OutboxStatus.AWAITING_CONSENT);
        assertThat(sends).hasSize(1);
        return sends.get(0);
    }

    private void assertOptedOutForGood(String awaitingOffer) {
        assertThat(consent().status()).isEqualTo(ConsentStatus.OPTED_OUT);
        assertThat(stores.suppressions().isSuppressed(SHOP, CUSTOMER)).isTrue();
        assertThat(outbox(awaitingOffer).status()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(otherReplies).as("a consent answer is not handed to the reply agent").isEmpty();
        int before = sends.size();
        clock.advance(Duration.ofMinutes(5));
        DeliveryResult next = deliver(MessageCategory.UTILITY, "run-after-stop", "Заказ 512345678 доставлен");
        assertThat(next.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(next.reason()).contains("opted out");
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(sends).hasSize(before);
    }

    // ------------------------------------------------------------------ a. consent first, end to end

    @Test
    void should_ask_by_consent_template_then_send_the_released_offer_as_free_text_and_record_its_statuses() {
        // when: an offer to a customer who never wrote (window closed)
        Send question = offerAwaitingConsent("run-a");

        // then: the consent question went as the shop's consent template with the three payloads
        assertThat(question.type()).isEqualTo("template");
        assertThat(question.templateName()).isEqualTo("aihq_consent_v1");
        assertThat(question.buttonPayloads()).containsExactly("consent:yes", "consent:no", "consent:stop");
        assertThat(question.body().path("to").asText()).isEqualTo(CUSTOMER.e164());
        assertThat(question.stableKey()).isEqualTo("consent:run-a");
        OutboxMessage asked = outbox("run-a-consent");
        assertThat(asked.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(asked.providerMessageId()).isEqualTo(question.wamid());
        assertThat(consent().status()).isEqualTo(ConsentStatus.ASKED);
        assertThat(dispatcher.dispatchDue()).as("the offer is not due while it waits").isZero();

        // when: two minutes later the customer taps "yes" on the template (signed webhook)
        clock.advance(Duration.ofMinutes(2));
        webhookAccepted(templateButton("wamid.IN-YES-1", question.wamid(), "consent:yes", "Иә / Да"));

        // then: consent granted, the offer released
        assertThat(consent().status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(consent().allowsMarketing()).isTrue();
        assertThat(outbox("run-a").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(otherReplies).isEmpty();

        // when
        int sent = dispatcher.dispatchDue();

        // then: the customer just wrote, so the offer goes as free text with the outbox's stable key
        assertThat(sent).isEqualTo(1);
        assertThat(sends).hasSize(2);
        Send offer = sends.get(1);
        OutboxMessage sentOffer = outbox("run-a");
        assertThat(offer.type()).isEqualTo("text");
        assertThat(offer.body().path("text").path("body").asText()).isEqualTo(OFFER_TEXT);
        assertThat(offer.stableKey()).isEqualTo(sentOffer.stableKey()).isEqualTo("run:run-a");
        assertThat(sentOffer.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sentOffer.providerMessageId()).isEqualTo(offer.wamid());

        // when: WhatsApp reports it delivered, then read
        Instant deliveredAt = clock.instant().plusSeconds(2);
        Instant readAt = clock.instant().plusSeconds(40);
        webhookAccepted(status(offer, "delivered", deliveredAt, """
                ,"conversation":{"id":"CONV-1","origin":{"type":"service"}},\
                "pricing":{"billable":false,"pricing_model":"PMP","type":"free_customer_service","category":"service"}\
                """));
        OutboxMessage delivered = outbox("run-a");
        webhookAccepted(status(offer, "read", readAt, ""));
        OutboxMessage read = outbox("run-a");

        // then
        assertThat(delivered.deliveryState()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivered.deliveryAt()).isEqualTo(deliveredAt);
        assertThat(read.deliveryState()).isEqualTo(DeliveryState.READ);
        assertThat(read.deliveryAt()).isEqualTo(readAt);
        assertThat(read.status()).isEqualTo(OutboxStatus.SENT);
    }

    // ------------------------------------------------------------------ b. opt-out paths

    @Test
    void should_opt_out_for_good_when_the_customer_taps_the_stop_button() {
        // given
        Send question = offerAwaitingConsent("run-b1");

        // when
        clock.advance(Duration.ofMinutes(1));
        webhookAccepted(templateButton("wamid.IN-STOP-1", question.wamid(), "consent:stop", "Не писать / Тоқтату"));

        // then
        assertOptedOutForGood("run-b1");
    }

    @ParameterizedTest(name = "typed \"{0}\"")
    @ValueSource(strings = {"СТОП", "тоқтату"})
    void should_opt_out_for_good_when_the_customer_types_a_stop_word(String word) {
        // given
        offerAwaitingConsent("run-b2");

        // when
        clock.advance(Duration.ofMinutes(1));
        webhookAccepted(text("wamid.IN-TYPED-STOP", word));

        // then
        assertOptedOutForGood("run-b2");
    }

    @Test
    void should_pause_only_marketing_when_the_customer_stops_it_in_whatsapp_and_send_offers_again_on_resume() {
        // given: an opted-in customer with an offer and an order update scheduled
        optedInEarlier();
        schedule("offer-b3", MessageCategory.MARKETING, START.plus(Duration.ofMinutes(10)));
        schedule("update-b3", MessageCategory.UTILITY, START.plus(Duration.ofMinutes(10)));

        // when: WhatsApp reports that the customer stopped marketing messages
        webhookAccepted(marketingPreference("stop", "User requested to stop marketing messages"));

        // then: marketing paused, offers cancelled, other messages still allowed
        assertThat(consent().marketingPaused()).isTrue();
        assertThat(consent().allowsMarketing()).isFalse();
        assertThat(consent().allowsMessages()).isTrue();
        assertThat(outbox("offer-b3").status()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(outbox("update-b3").status()).isEqualTo(OutboxStatus.PENDING);
        DeliveryResult refused = deliver(MessageCategory.MARKETING, "run-b3-offer", OFFER_TEXT);
        assertThat(refused.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(refused.reason()).contains("stopped marketing");

        // when: the update falls due
        clock.advance(Duration.ofMinutes(10));
        int sent = dispatcher.dispatchDue();

        // then: the utility message went, as the utility template (the customer never wrote)
        assertThat(sent).isEqualTo(1);
        assertThat(sends).singleElement().satisfies(update -> {
            assertThat(update.type()).isEqualTo("template");
            assertThat(update.templateName()).isEqualTo("aihq_order_update_v1");
            assertThat(update.stableKey()).isEqualTo("run:update-b3");
        });
        assertThat(outbox("update-b3").status()).isEqualTo(OutboxStatus.SENT);

        // when: the customer resumes marketing messages
        clock.advance(Duration.ofMinutes(1));
        webhookAccepted(marketingPreference("resume", "User requested to resume marketing messages"));
        DeliveryResult offer = deliver(MessageCategory.MARKETING, "run-b3-again", OFFER_TEXT);

        // then: offers go again, as the marketing template
        assertThat(consent().marketingPaused()).isFalse();
        assertThat(offer.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(sends).hasSize(2);
        assertThat(sends.get(1).templateName()).isEqualTo("aihq_offer_v1");
        assertThat(sends.get(1).templateBodyText()).isEqualTo(OFFER_TEXT);
        assertThat(outbox("offer-b3").status()).as("a cancelled offer stays cancelled")
                .isEqualTo(OutboxStatus.CANCELLED);
    }

    // ------------------------------------------------------------------ c. window closed after sending

    @Test
    void should_send_the_template_next_when_whatsapp_reports_131047_for_free_text_it_accepted() {
        // given: an opted-in customer who wrote a minute ago, and an offer due now
        optedInEarlier();
        webhookAccepted(text("wamid.IN-HELLO", "Здравствуйте, чехол есть?"));
        assertThat(otherReplies).hasSize(1);
        clock.advance(Duration.ofMinutes(1));
        schedule("offer-c", MessageCategory.MARKETING, clock.instant());
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        Send freeText = sends.get(0);
        assertThat(freeText.type()).isEqualTo("text");

        // when: WhatsApp reports it failed, the window having closed
        clock.advance(Duration.ofSeconds(3));
        webhookAccepted(status(freeText, "failed", clock.instant(), """
                ,"errors":[{"code":131047,"title":"Re-engagement message","message":"Re-engagement message",\
                "error_data":{"details":"Message failed to send because more than 24 hours have passed since the \
                customer last replied to this number."},\
                "href":"https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"}]"""));

        // then: requeued, to go as a template
        OutboxMessage requeued = outbox("offer-c");
        assertThat(requeued.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(requeued.templateRequired()).isTrue();
        assertThat(requeued.providerMessageId()).isNull();

        // when
        clock.advance(Duration.ofSeconds(10));
        int sent = dispatcher.dispatchDue();

        // then: the marketing template, with the same stable key
        assertThat(sent).isEqualTo(1);
        assertThat(sends).hasSize(2);
        Send template = sends.get(1);
        assertThat(template.type()).isEqualTo("template");
        assertThat(template.templateName()).isEqualTo("aihq_offer_v1");
        assertThat(template.templateBodyText()).isEqualTo(OFFER_TEXT + " (offer-c)");
        assertThat(template.stableKey()).isEqualTo(freeText.stableKey()).isEqualTo("run:offer-c");
        OutboxMessage resent = outbox("offer-c");
        assertThat(resent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(resent.providerMessageId()).isEqualTo(template.wamid());
        assertThat(resent.attempts()).isEqualTo(2);
    }

    // ------------------------------------------------------------------ d. marketing refused by WhatsApp

    @Test
    void should_pause_marketing_and_fail_the_message_when_whatsapp_refuses_it_with_131050() {
        // given
        optedInEarlier();
        server.stubFor(post(urlPathEqualTo(SEND_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error":{"message":"(#131050) Unable to deliver the message. This recipient has chosen to \
                        stop receiving marketing messages on WhatsApp from your business","type":"OAuthException",\
                        "code":131050,"error_data":{"messaging_product":"whatsapp","details":"Unable to deliver the \
                        message. This recipient has chosen to stop receiving marketing messages on WhatsApp from \
                        your business"},"fbtrace_id":"AbCdEf131050"}}""")));
        schedule("offer-d", MessageCategory.MARKETING, START);

        // when
        int sent = dispatcher.dispatchDue();

        // then
        assertThat(sent).isZero();
        server.verify(1, postRequestedFor(urlPathEqualTo(SEND_PATH)));
        OutboxMessage failed = outbox("offer-d");
        assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.lastError()).contains("MARKETING_STOPPED");
        ConsentRecord consent = consent();
        assertThat(consent.status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(consent.marketingPaused()).isTrue();
        assertThat(consent.allowsMessages()).isTrue();
        assertThat(consent.source()).isEqualTo("channel:marketing-refused");

        // and: the next offer is not even tried
        DeliveryResult next = deliver(MessageCategory.MARKETING, "run-d-next", OFFER_TEXT);
        assertThat(next.outcome()).isEqualTo(RunOutcome.COMPLETED);
        server.verify(1, postRequestedFor(urlPathEqualTo(SEND_PATH)));
    }

    // ------------------------------------------------------------------ e. pacing under a burst

    @Test
    void should_send_a_burst_of_fifty_offers_to_one_customer_six_seconds_apart_each_once() {
        // given: fifty offers to one opted-in customer, all due now
        optedInEarlier();
        webhookAccepted(text("wamid.IN-BURST", "Покажите все чехлы"));
        for (int n = 0; n < 50; n++) {
            schedule("burst-" + n, MessageCategory.MARKETING, START);
        }

        // when: the dispatcher runs every second of the test's clock until all are sent
        int sent = dispatcher.dispatchDue();
        for (int tick = 0; sent < 50 && tick < 600; tick++) {
            clock.advance(Duration.ofSeconds(1));
            sent += dispatcher.dispatchDue();
        }

        // then: each reached WhatsApp exactly once, six seconds or more after the previous one
        assertThat(sent).isEqualTo(50);
        assertThat(sends).hasSize(50);
        server.verify(50, postRequestedFor(urlPathEqualTo(SEND_PATH)));
        assertThat(sends).extracting(Send::stableKey).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 50)
                        .mapToObj(n -> "run:burst-" + n).toList());
        for (int i = 1; i < sends.size(); i++) {
            assertThat(Duration.between(sends.get(i - 1).at(), sends.get(i).at()))
                    .as("gap before send %d", i).isGreaterThanOrEqualTo(Duration.ofSeconds(6));
        }
        List<OutboxMessage> messages = stores.outbox().list(SHOP, EnumSet.allOf(OutboxStatus.class), 100);
        assertThat(messages).hasSize(50).allSatisfy(message -> {
            assertThat(message.status()).isEqualTo(OutboxStatus.SENT);
            assertThat(message.attempts()).as("attempts of %s", message.id()).isBetween(1, 2);
        });
    }
}
