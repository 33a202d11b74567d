package dev.aihq.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.channel.ChannelFailure;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.channel.OutboundMessage;
import dev.aihq.api.error.NonRetriableMarketplaceException;
import dev.aihq.api.error.RetriableMarketplaceException;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.result.OfferKind;
import dev.aihq.api.result.RunId;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.SalesSettings;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.ConsentEvent;
import dev.aihq.api.store.ConsentRecord;
import dev.aihq.api.store.ConsentStatus;
import dev.aihq.api.store.ConversationMessage;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.pipeline.DeferredWrites;
import dev.aihq.pipeline.DeliveryRequest;
import dev.aihq.pipeline.DeliveryResult;
import dev.aihq.pipeline.consent.ConsentQuestion;
import dev.aihq.pipeline.memory.InMemoryConsentStore;
import dev.aihq.pipeline.memory.InMemoryConversationStore;
import dev.aihq.pipeline.memory.InMemoryOutbox;
import dev.aihq.pipeline.memory.InMemoryStores;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.RecordingChannel;
import dev.aihq.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessageDeliveryConsentTest {

    // 12:00 in Almaty: outside the default quiet hours
    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T07:00:00Z"));
    private final InMemoryStores stores = InMemoryStores.create();
    private final InMemoryOutbox outbox = stores.outbox();
    private final InMemoryConsentStore consents = stores.consents();
    private final InMemoryConversationStore conversations = stores.conversations();
    private final RecordingChannel channel = new RecordingChannel(clock);
    private final ConsentQuestion question = ConsentQuestion.defaults();

    private MessageDelivery<PurchaseEvent, String, SalesOffer> delivery(MessageCategory category) {
        return MessageDelivery.<PurchaseEvent, String, SalesOffer>builder().channel(channel).outbox(outbox)
                .recipient(r -> r.event().customerContact()).text(SalesOffer::text).category(category)
                .consents(consents).conversations(conversations).retryDelay(Duration.ofMinutes(1)).build();
    }

    private MessageDelivery<PurchaseEvent, String, SalesOffer> offers() {
        return delivery(MessageCategory.MARKETING);
    }

    private DeliveryRequest<PurchaseEvent, String, SalesOffer> request(String run) {
        return request(run, Duration.ZERO, DeferredWrites.IMMEDIATE);
    }

    private DeliveryRequest<PurchaseEvent, String, SalesOffer> request(String run, Duration sendDelay,
            DeferredWrites writes) {
        // No frequency cap: the outbox counts the consent question towards it (see the cap test below)
        Shop shop = Fixtures.kaspiShop().settings(ShopSettings.builder().sendDelay(sendDelay).frequencyCap(null)
                .build()).build();
        PurchaseEvent event = Fixtures.purchaseEvent().toBuilder().customer(Fixtures.CUSTOMER).build();
        return new DeliveryRequest<>(event, "ctx", SalesOffer.builder(OfferKind.UPSELL, "Чехол со скидкой 10%").build(),
                shop, RunId.of(run), clock.instant(), writes);
    }

    private ConsentRecord record(ConsentEvent... events) {
        for (ConsentEvent event : events) {
            consents.apply(Fixtures.SHOP_ID, Fixtures.CUSTOMER, event, clock.instant(), "test");
        }
        return consents.get(Fixtures.SHOP_ID, Fixtures.CUSTOMER);
    }

    private OutboxMessage stored(String id) {
        return outbox.find(Fixtures.SHOP_ID, id).orElseThrow();
    }

    private List<OutboxMessage> all() {
        return outbox.list(Fixtures.SHOP_ID, EnumSet.allOf(OutboxStatus.class), 100);
    }

    // --- consent-first: unknown customer ---

    @Test
    void should_park_an_offer_to_an_unknown_customer_and_send_the_consent_question_first() {
        // when
        DeliveryResult result = offers().deliver(request("run-1"));

        // then: the offer waits, the question went
        OutboxMessage offer = stored("run-1");
        assertThat(offer.status()).isEqualTo(OutboxStatus.AWAITING_CONSENT);
        assertThat(offer.category()).isEqualTo(MessageCategory.MARKETING);
        assertThat(offer.consent()).isEqualTo(MessageDelivery.AWAITING_CONSENT);
        assertThat(offer.text()).isEqualTo("Чехол со скидкой 10%");
        assertThat(channel.sent()).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo(question.text());
            assertThat(m.category()).isEqualTo(MessageCategory.UTILITY);
            assertThat(m.quickReplies()).hasSize(3).containsExactlyElementsOf(question.buttons());
            assertThat(m.stableKey()).isEqualTo("consent:run-1");
            assertThat(m.to()).isEqualTo(Fixtures.CUSTOMER);
        });
        OutboxMessage asked = stored("run-1-consent");
        assertThat(asked.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(asked.category()).isEqualTo(MessageCategory.UTILITY);
        assertThat(asked.quickReplies()).containsExactlyElementsOf(question.buttons());
        assertThat(result.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(result.reason()).contains("waits for the customer's consent");
        ConsentRecord consent = consents.get(Fixtures.SHOP_ID, Fixtures.CUSTOMER);
        assertThat(consent.status()).isEqualTo(ConsentStatus.ASKED);
        assertThat(consent.askedAt()).isEqualTo(clock.instant());
        assertThat(consent.source()).startsWith(MessageDelivery.QUESTION_SOURCE + ":");
    }

    @Test
    void should_ask_only_once_when_two_offers_go_to_the_same_unknown_customer() {
        // when
        DeliveryResult first = offers().deliver(request("run-1"));
        clock.advance(Duration.ofMinutes(5));
        DeliveryResult second = offers().deliver(request("run-2"));

        // then
        assertThat(outbox.list(Fixtures.SHOP_ID, Set.of(OutboxStatus.AWAITING_CONSENT), 10))
                .extracting(OutboxMessage::id).containsExactlyInAnyOrder("run-1", "run-2");
        assertThat(all()).filteredOn(m -> m.category() == MessageCategory.UTILITY).hasSize(1);
        assertThat(channel.sent()).hasSize(1);
        assertThat(first.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(second.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(second.reason()).startsWith("held until the customer answers the consent question")
                .contains(clock.instant().minus(Duration.ofMinutes(5)).toString());
    }

    @Test
    void should_count_parked_offers_but_not_the_question_towards_the_frequency_cap() {
        // given: at most 3 marketing messages a week
        DeliveryRequest<PurchaseEvent, String, SalesOffer> template = request("run-0");
        Shop capped = Fixtures.kaspiShop().settings(ShopSettings.builder().sendDelay(Duration.ZERO)
                .frequencyCap(dev.aihq.api.shop.FrequencyCap.of(3, Duration.ofDays(7))).build()).build();

        // when: four offers to a customer who was never asked
        List<DeliveryResult> results = new ArrayList<>();
        for (String run : List.of("run-1", "run-2", "run-3", "run-4")) {
            results.add(offers().deliver(new DeliveryRequest<>(template.event(), "ctx", template.result(), capped,
                    RunId.of(run), clock.instant())));
        }

        // then: three parked, one question (a utility message, outside the cap), the fourth capped
        assertThat(outbox.list(Fixtures.SHOP_ID, Set.of(OutboxStatus.AWAITING_CONSENT), 10)).hasSize(3);
        assertThat(channel.sent()).hasSize(1);
        assertThat(results.get(3).reason()).startsWith("not sent: frequency cap reached");
    }

    @Test
    void should_ask_when_a_resumed_run_finds_its_offer_parked_but_no_question_sent() {
        // given: the run parked its offer and recorded the question, then its process died before asking
        DeliveryResult first = offers().deliver(request("run-1"));
        assertThat(first.outcome()).isEqualTo(RunOutcome.SENT);
        OutboxMessage question = stored("run-1-consent");
        outbox.cancel(Fixtures.SHOP_ID, "run-1-consent");
        InMemoryOutbox lost = new InMemoryOutbox();
        lost.schedule(stored("run-1"));
        MessageDelivery<PurchaseEvent, String, SalesOffer> resumed = MessageDelivery
                .<PurchaseEvent, String, SalesOffer>builder().channel(channel).outbox(lost)
                .recipient(request -> Optional.of(Fixtures.CUSTOMER)).text(SalesOffer::text).consents(consents)
                .build();

        // when: the run is resumed (same run id) and delivers again
        DeliveryResult again = resumed.deliver(request("run-1"));

        // then: the question it had recorded goes out, once
        assertThat(again.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(again.reason()).contains("waits for the customer's consent");
        assertThat(channel.sent()).hasSize(2);
        assertThat(channel.sent().get(1).stableKey()).isEqualTo(question.stableKey());
        // and a third delivery of that run finds the question there and sends nothing more
        assertThat(resumed.deliver(request("run-1")).reason()).contains("consent question not sent again");
        assertThat(channel.sent()).hasSize(2);
    }

    @Test
    void should_not_ask_again_when_another_run_asked_and_this_one_resumes() {
        // given: run-1 asked; run-2 parked its offer and died
        offers().deliver(request("run-1"));
        offers().deliver(request("run-2"));

        // when: run-2 resumes
        DeliveryResult again = offers().deliver(request("run-2"));

        // then
        assertThat(again.reason()).startsWith("not sent again");
        assertThat(channel.sent()).hasSize(1);
    }

    @Test
    void should_schedule_the_consent_question_with_the_offer_when_a_delay_is_set() {
        // when
        DeliveryResult result = offers().deliver(request("run-1", Duration.ofMinutes(15), DeferredWrites.IMMEDIATE));

        // then
        Instant due = clock.instant().plus(Duration.ofMinutes(15));
        assertThat(result.outcome()).isEqualTo(RunOutcome.SCHEDULED);
        assertThat(result.scheduledFor()).isEqualTo(due);
        assertThat(channel.sent()).isEmpty();
        OutboxMessage asking = stored("run-1-consent");
        assertThat(asking.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(asking.dueAt()).isEqualTo(due);
        assertThat(asking.stableKey()).isEqualTo("consent:run-1");
        assertThat(asking.category()).isEqualTo(MessageCategory.UTILITY);
        assertThat(asking.quickReplies()).hasSize(3);
        assertThat(stored("run-1").status()).isEqualTo(OutboxStatus.AWAITING_CONSENT);
        assertThat(stored("run-1").dueAt()).isEqualTo(due);
        // and the dispatcher sends the question, never the parked offer
        clock.advance(Duration.ofMinutes(15));
        OutboxDispatcher dispatcher = OutboxDispatcher.builder().outbox(outbox).channel(channel).clock(clock)
                .consents(consents).build();
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(channel.sent()).singleElement().satisfies(m -> {
            assertThat(m.stableKey()).isEqualTo("consent:run-1");
            assertThat(m.quickReplies()).containsExactlyElementsOf(question.buttons());
        });
        assertThat(stored("run-1").status()).isEqualTo(OutboxStatus.AWAITING_CONSENT);
    }

    @Test
    void should_park_without_asking_again_while_the_question_waits_for_an_answer() {
        // given: asked six days ago (within the seven-day wait)
        record(ConsentEvent.ASKED);
        clock.advance(Duration.ofDays(6));

        // when
        DeliveryResult result = offers().deliver(request("run-1"));

        // then
        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(result.reason()).startsWith("held until the customer answers");
        assertThat(stored("run-1").status()).isEqualTo(OutboxStatus.AWAITING_CONSENT);
        assertThat(outbox.find(Fixtures.SHOP_ID, "run-1-consent")).isEmpty();
        assertThat(channel.sent()).isEmpty();
    }

    @Test
    void should_not_send_when_the_question_was_asked_longer_ago_than_the_consent_wait() {
        // given
        record(ConsentEvent.ASKED);
        Instant askedAt = clock.instant();
        clock.advance(Duration.ofDays(7).plusSeconds(1));

        // when
        DeliveryResult result = offers().deliver(request("run-1"));

        // then
        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(result.reason()).isEqualTo(
                "not sent: the customer has not answered the consent question asked at " + askedAt);
        assertThat(all()).isEmpty();
        assertThat(channel.sent()).isEmpty();
    }

    @Test
    void should_cancel_the_parked_offers_when_the_consent_question_goes_unanswered_past_the_wait() {
        // given: an offer parked with its question, never answered
        offers().deliver(request("run-1"));
        clock.advance(Duration.ofDays(8));

        // when: the next offer comes
        DeliveryResult result = offers().deliver(request("run-2"));

        // then: neither is kept waiting
        assertThat(result.reason()).startsWith("not sent: the customer has not answered the consent question");
        assertThat(stored("run-1").status()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(stored("run-1").lastError()).startsWith("cancelled: the customer has not answered");
        assertThat(outbox.list(Fixtures.SHOP_ID, Set.of(OutboxStatus.AWAITING_CONSENT), 10)).isEmpty();
    }

    @Test
    void should_follow_the_shops_consent_expiry_when_no_wait_is_set() {
        // given a shop whose offers wait two days for consent, asked three days ago
        record(ConsentEvent.ASKED);
        clock.advance(Duration.ofDays(3));
        DeliveryRequest<PurchaseEvent, String, SalesOffer> template = request("run-1");
        Shop patient2days = Fixtures.kaspiShop().settings(ShopSettings.builder().sendDelay(Duration.ZERO)
                .frequencyCap(null).sales(SalesSettings.builder().consentExpiry(Duration.ofDays(2)).build()).build())
                .build();

        // when
        DeliveryResult result = offers().deliver(new DeliveryRequest<>(template.event(), "ctx", template.result(),
                patient2days, RunId.of("run-1"), clock.instant()));

        // then; the shipped default (7 days) would still hold it
        assertThat(result.reason()).startsWith("not sent: the customer has not answered");
        assertThat(offers().deliver(request("run-2")).reason()).startsWith("held until the customer answers");
    }

    @Test
    void should_follow_a_shorter_consent_wait_when_one_is_set() {
        record(ConsentEvent.ASKED);
        clock.advance(Duration.ofHours(25));
        MessageDelivery<PurchaseEvent, String, SalesOffer> impatient = MessageDelivery
                .<PurchaseEvent, String, SalesOffer>builder().channel(channel).outbox(outbox)
                .recipient(r -> r.event().customerContact()).text(SalesOffer::text).consents(consents)
                .consentWait(Duration.ofDays(1)).build();

        assertThat(impatient.deliver(request("run-1")).reason()).startsWith("not sent: the customer has not answered");
        assertThat(offers().deliver(request("run-2")).reason()).startsWith("held until the customer answers");
    }

    @Test
    void should_ask_with_a_question_of_the_shops_own_wording() {
        MessageDelivery<PurchaseEvent, String, SalesOffer> own = MessageDelivery
                .<PurchaseEvent, String, SalesOffer>builder().channel(channel).outbox(outbox)
                .recipient(r -> r.event().customerContact()).text(SalesOffer::text).consents(consents)
                .consentQuestion(question.withText("Прислать вам скидки нашего магазина?")).build();

        own.deliver(request("run-1"));

        assertThat(channel.sent()).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("Прислать вам скидки нашего магазина?");
            assertThat(m.quickReplies()).containsExactlyElementsOf(question.buttons());
        });
    }

    // --- answered customers ---

    @Test
    void should_send_an_offer_to_an_opted_in_customer_with_the_consent_recorded() {
        // given
        ConsentRecord consent = record(ConsentEvent.GRANTED);

        // when
        DeliveryResult result = offers().deliver(request("run-1"));

        // then
        assertThat(result.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(result.reason()).contains("consent: " + consent.describe());
        assertThat(channel.sent()).singleElement().satisfies(m -> {
            assertThat(m.stableKey()).isEqualTo("run:run-1");
            assertThat(m.category()).isEqualTo(MessageCategory.MARKETING);
            assertThat(m.quickReplies()).isEmpty();
        });
        OutboxMessage sent = stored("run-1");
        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.consent()).isEqualTo(consent.describe()).startsWith("OPTED_IN by test at");
        assertThat(outbox.find(Fixtures.SHOP_ID, "run-1-consent")).isEmpty();
    }

    @Test
    void should_schedule_an_offer_to_an_opted_in_customer_with_the_consent_in_the_reason() {
        ConsentRecord consent = record(ConsentEvent.GRANTED);

        DeliveryResult result = offers().deliver(request("run-1", Duration.ofMinutes(15), DeferredWrites.IMMEDIATE));

        assertThat(result.outcome()).isEqualTo(RunOutcome.SCHEDULED);
        assertThat(result.reason()).contains("consent: " + consent.describe());
        assertThat(stored("run-1").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(stored("run-1").consent()).isEqualTo(consent.describe());
    }

    @Test
    void should_not_send_an_offer_to_a_customer_who_declined() {
        ConsentRecord consent = record(ConsentEvent.ASKED, ConsentEvent.DECLINED);

        DeliveryResult result = offers().deliver(request("run-1"));

        assertThat(result).isEqualTo(DeliveryResult.completed(
                "not sent: the customer declined offers (" + consent.describe() + ")"));
        assertThat(all()).isEmpty();
        assertThat(channel.sent()).isEmpty();
    }

    @Test
    void should_not_send_an_offer_to_a_customer_who_stopped_marketing_even_when_opted_in() {
        record(ConsentEvent.GRANTED, ConsentEvent.MARKETING_STOPPED);

        DeliveryResult result = offers().deliver(request("run-1"));

        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(result.reason()).startsWith("not sent: the customer stopped marketing messages");
        assertThat(all()).isEmpty();
        assertThat(channel.sent()).isEmpty();
    }

    @Test
    void should_not_ask_a_customer_who_stopped_marketing_before_ever_being_asked() {
        record(ConsentEvent.MARKETING_STOPPED);

        DeliveryResult result = offers().deliver(request("run-1"));

        assertThat(result.reason()).startsWith("not sent: the customer stopped marketing messages");
        assertThat(all()).isEmpty();
        assertThat(consents.get(Fixtures.SHOP_ID, Fixtures.CUSTOMER).status()).isEqualTo(ConsentStatus.UNKNOWN);
    }

    @ParameterizedTest
    @EnumSource(MessageCategory.class)
    void should_send_nothing_to_a_customer_who_opted_out(MessageCategory category) {
        ConsentRecord consent = record(ConsentEvent.GRANTED, ConsentEvent.OPTED_OUT);

        DeliveryResult result = delivery(category).deliver(request("run-1"));

        assertThat(result).isEqualTo(DeliveryResult.completed(
                "not sent: the customer opted out (" + consent.describe() + ")"));
        assertThat(all()).isEmpty();
        assertThat(channel.sent()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = MessageCategory.class, names = {"UTILITY", "SERVICE"})
    void should_send_utility_and_service_messages_without_marketing_consent(MessageCategory category) {
        // given: a customer who never said yes, declined offers and stopped marketing
        record(ConsentEvent.ASKED, ConsentEvent.DECLINED, ConsentEvent.MARKETING_STOPPED);

        // when
        DeliveryResult result = delivery(category).deliver(request("run-1"));

        // then
        assertThat(result.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(result.reason()).contains("not needed for " + category);
        assertThat(channel.sent()).singleElement().satisfies(m -> assertThat(m.category()).isEqualTo(category));
        assertThat(stored("run-1").consent()).isEqualTo("not needed for " + category);
        assertThat(outbox.find(Fixtures.SHOP_ID, "run-1-consent")).isEmpty();
    }

    @Test
    void should_send_a_utility_message_to_an_unknown_customer_without_asking() {
        DeliveryResult result = delivery(MessageCategory.UTILITY).deliver(request("run-1"));

        assertThat(result.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(channel.sent()).singleElement().satisfies(m -> assertThat(m.quickReplies()).isEmpty());
        assertThat(consents.find(Fixtures.SHOP_ID, Fixtures.CUSTOMER)).isEmpty();
    }

    @Test
    void should_send_without_consent_checks_when_no_consent_store_is_set() {
        MessageDelivery<PurchaseEvent, String, SalesOffer> unchecked = MessageDelivery
                .<PurchaseEvent, String, SalesOffer>builder().channel(channel).outbox(outbox)
                .recipient(r -> r.event().customerContact()).text(SalesOffer::text).build();

        DeliveryResult result = unchecked.deliver(request("run-1"));

        assertThat(result.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(stored("run-1").consent()).isNull();
        assertThat(consents.find(Fixtures.SHOP_ID, Fixtures.CUSTOMER)).isEmpty();
    }

    // --- channel failures by kind ---

    @Test
    void should_pause_marketing_and_fail_the_message_when_the_channel_says_the_customer_stopped_marketing() {
        // given
        record(ConsentEvent.GRANTED);
        channel.failNext(new Refused(FailureKind.MARKETING_STOPPED, "131050 user stopped marketing messages"));

        // when
        DeliveryResult result = offers().deliver(request("run-1"));

        // then
        assertThat(result.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(result.reason()).contains("MARKETING_STOPPED");
        OutboxMessage failed = stored("run-1");
        assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.lastError()).startsWith("MARKETING_STOPPED: ");
        ConsentRecord consent = consents.get(Fixtures.SHOP_ID, Fixtures.CUSTOMER);
        assertThat(consent.marketingPaused()).isTrue();
        assertThat(consent.status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(consent.source()).isEqualTo(ChannelSends.MARKETING_REFUSED_SOURCE);
        // and the next offer is not even tried
        assertThat(offers().deliver(request("run-2")).reason())
                .startsWith("not sent: the customer stopped marketing messages");
    }

    @Test
    void should_retry_when_the_provider_asks_after_a_retriable_failure() {
        // given
        record(ConsentEvent.GRANTED);
        channel.failNext(new Throttled(FailureKind.RECIPIENT_RATE_LIMITED, Duration.ofSeconds(30)));

        // when
        DeliveryResult result = offers().deliver(request("run-1"));

        // then
        Instant retryAt = clock.instant().plusSeconds(30);
        assertThat(result.outcome()).isEqualTo(RunOutcome.SCHEDULED);
        assertThat(result.scheduledFor()).isEqualTo(retryAt);
        assertThat(result.reason()).contains("RECIPIENT_RATE_LIMITED");
        OutboxMessage pending = stored("run-1");
        assertThat(pending.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(pending.dueAt()).isEqualTo(retryAt);
        assertThat(pending.lastError()).startsWith("RECIPIENT_RATE_LIMITED: ");
        assertThat(consents.get(Fixtures.SHOP_ID, Fixtures.CUSTOMER).marketingPaused()).isFalse();
    }

    @Test
    void should_retry_after_the_configured_delay_when_the_provider_gives_no_wait() {
        record(ConsentEvent.GRANTED);
        channel.failNext(new Throttled(FailureKind.TEMPORARY, null));

        DeliveryResult result = offers().deliver(request("run-1"));

        assertThat(result.scheduledFor()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(stored("run-1").dueAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
    }

    @Test
    void should_not_pause_marketing_for_another_refusal() {
        record(ConsentEvent.GRANTED);
        channel.failNext(new Refused(FailureKind.RECIPIENT_UNREACHABLE, "not on WhatsApp"));

        DeliveryResult result = offers().deliver(request("run-1"));

        assertThat(result.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(stored("run-1").lastError()).startsWith("RECIPIENT_UNREACHABLE: ");
        assertThat(consents.get(Fixtures.SHOP_ID, Fixtures.CUSTOMER).marketingPaused()).isFalse();
    }

    // --- conversations ---

    @Test
    void should_tell_the_channel_when_the_customer_last_wrote() {
        // given
        record(ConsentEvent.GRANTED);
        Instant wrote = clock.instant().minus(Duration.ofHours(2));
        conversations.append(new ConversationMessage(Fixtures.SHOP_ID, Fixtures.CUSTOMER,
                ConversationMessage.Direction.INBOUND, "Здравствуйте", wrote, "in:recording:wamid.1"));
        conversations.append(new ConversationMessage(Fixtures.SHOP_ID, Fixtures.CUSTOMER,
                ConversationMessage.Direction.OUTBOUND, "Добрый день!", wrote.plusSeconds(60), "out:recording:x"));

        // when
        offers().deliver(request("run-1"));

        // then
        assertThat(channel.sent()).singleElement().extracting(OutboundMessage::customerLastWroteAt).isEqualTo(wrote);
    }

    @Test
    void should_tell_the_channel_the_customer_never_wrote() {
        record(ConsentEvent.GRANTED);

        offers().deliver(request("run-1"));

        assertThat(channel.sent()).singleElement().satisfies(m -> {
            assertThat(m.customerLastWroteAt()).isNull();
            assertThat(m.templateRequired()).isFalse();
        });
    }

    @Test
    void should_keep_the_sent_message_in_the_conversation_once_the_deferred_writes_run() {
        // given
        record(ConsentEvent.GRANTED);
        List<Runnable> deferred = new ArrayList<>();

        // when
        DeliveryResult result = offers().deliver(request("run-1", Duration.ZERO, deferred::add));

        // then: nothing recorded until the run's final record is written
        assertThat(result.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(stored("run-1").status()).isEqualTo(OutboxStatus.CLAIMED);
        assertThat(conversations.recent(Fixtures.SHOP_ID, Fixtures.CUSTOMER, 10)).isEmpty();
        deferred.forEach(Runnable::run);
        assertThat(stored("run-1").status()).isEqualTo(OutboxStatus.SENT);
        assertThat(conversations.recent(Fixtures.SHOP_ID, Fixtures.CUSTOMER, 10)).singleElement().satisfies(m -> {
            assertThat(m.direction()).isEqualTo(ConversationMessage.Direction.OUTBOUND);
            assertThat(m.text()).isEqualTo("Чехол со скидкой 10%");
            assertThat(m.at()).isEqualTo(clock.instant());
            assertThat(m.messageKey()).isEqualTo("out:recording:run:run-1");
        });
        assertThat(conversations.lastInboundAt(Fixtures.SHOP_ID, Fixtures.CUSTOMER)).isEmpty();
    }

    @Test
    void should_keep_the_consent_question_in_the_conversation() {
        offers().deliver(request("run-1"));

        assertThat(conversations.recent(Fixtures.SHOP_ID, Fixtures.CUSTOMER, 10)).singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo(question.text()));
    }

    /** A channel's refusal that says what it means. */
    private static final class Refused extends NonRetriableMarketplaceException implements ChannelFailure {
        private static final long serialVersionUID = 1L;
        private final FailureKind kind;

        Refused(FailureKind kind, String message) {
            super("whatsapp", 400, message, null);
            this.kind = kind;
        }

        @Override
        public FailureKind failureKind() {
            return kind;
        }
    }

    /** A channel's passing failure that says what it means and, maybe, how long to wait. */
    private static final class Throttled extends RetriableMarketplaceException implements ChannelFailure {
        private static final long serialVersionUID = 1L;
        private final FailureKind kind;

        Throttled(FailureKind kind, @Nullable Duration retryAfter) {
            super("whatsapp", 429, "too many messages to this customer", retryAfter, null);
            this.kind = kind;
        }

        @Override
        public FailureKind failureKind() {
            return kind;
        }
    }
}
