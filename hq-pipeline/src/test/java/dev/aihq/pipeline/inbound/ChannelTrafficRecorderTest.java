package dev.aihq.pipeline.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.channel.DeliveryState;
import dev.aihq.api.channel.DeliveryStatus;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.channel.InboundTraffic;
import dev.aihq.api.channel.MarketingPreference;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.channel.OutboundMessage;
import dev.aihq.api.error.FieldError;
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
import dev.aihq.api.store.ConversationMessage;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.pipeline.DeliveryRequest;
import dev.aihq.pipeline.DeliveryResult;
import dev.aihq.pipeline.delivery.MessageDelivery;
import dev.aihq.pipeline.delivery.OutboxDispatcher;
import dev.aihq.pipeline.memory.InMemoryConsentStore;
import dev.aihq.pipeline.memory.InMemoryConversationStore;
import dev.aihq.pipeline.memory.InMemoryOutbox;
import dev.aihq.pipeline.memory.InMemoryStores;
import dev.aihq.pipeline.memory.InMemorySuppressionStore;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.RecordingChannel;
import dev.aihq.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelTrafficRecorderTest {

    private static final String CHANNEL = "recording";
    private static final PhoneNumber CUSTOMER = Fixtures.CUSTOMER;
    private static final Duration RETRY_DELAY = Duration.ofMinutes(5);

    // 12:00 in Almaty: outside the default quiet hours
    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T07:00:00Z"));
    private final InMemoryStores stores = InMemoryStores.create();
    private final InMemoryOutbox outbox = stores.outbox();
    private final InMemoryConsentStore consents = stores.consents();
    private final InMemoryConversationStore conversations = stores.conversations();
    private final InMemorySuppressionStore suppressions = stores.suppressions();
    private final RecordingChannel channel = new RecordingChannel(clock);
    private final List<CustomerReplyEvent> forwarded = new CopyOnWriteArrayList<>();
    private final ChannelTrafficRecorder recorder = recorder(3);
    private final OutboxDispatcher dispatcher = OutboxDispatcher.builder().outbox(outbox).channel(channel)
            .clock(clock).worker("test").maxAttempts(3).consents(consents).conversations(conversations)
            .suppressions(suppressions).build();
    private int replies;

    private ChannelTrafficRecorder recorder(int maxAttempts) {
        return ChannelTrafficRecorder.builder().outbox(outbox).consents(consents).suppressions(suppressions)
                .conversations(conversations).replies(forwarded::add).clock(clock).retryDelay(RETRY_DELAY)
                .maxAttempts(maxAttempts).build();
    }

    private MessageDelivery<PurchaseEvent, String, SalesOffer> delivery(MessageCategory category) {
        return MessageDelivery.<PurchaseEvent, String, SalesOffer>builder().channel(channel).outbox(outbox)
                .recipient(r -> r.event().customerContact()).text(SalesOffer::text).category(category)
                .consents(consents).conversations(conversations).suppressions(suppressions).build();
    }

    private DeliveryResult deliver(MessageCategory category, String run, Duration sendDelay) {
        // No frequency cap: the outbox would count the consent question and utility messages towards it
        Shop shop = Fixtures.kaspiShop().settings(ShopSettings.builder().sendDelay(sendDelay).frequencyCap(null)
                .build()).build();
        PurchaseEvent event = Fixtures.purchaseEvent().toBuilder().customer(CUSTOMER).build();
        String text = category == MessageCategory.MARKETING ? "Чехол со скидкой 10% — " + run : "Заказ в пути — " + run;
        return delivery(category).deliver(new DeliveryRequest<>(event, "ctx",
                SalesOffer.builder(OfferKind.UPSELL, text).build(), shop, RunId.of(run), clock.instant()));
    }

    private DeliveryResult offer(String run) {
        return deliver(MessageCategory.MARKETING, run, Duration.ZERO);
    }

    private CustomerReplyEvent reply(String text, @Nullable String buttonId) {
        String id = "wamid.in-" + (++replies);
        return new CustomerReplyEvent(Fixtures.SHOP_ID, CHANNEL, CUSTOMER, null, text, buttonId, id, clock.instant(),
                CustomerReplyEvent.keyFor(CHANNEL, id));
    }

    private void receive(CustomerReplyEvent... replies) {
        recorder.receive(new InboundTraffic(List.of(replies), List.of(), List.of(), List.of()));
    }

    private void receive(DeliveryStatus... statuses) {
        recorder.receive(new InboundTraffic(List.of(), List.of(statuses), List.of(), List.of()));
    }

    private void receive(MarketingPreference preference) {
        recorder.receive(new InboundTraffic(List.of(), List.of(), List.of(preference), List.of()));
    }

    private DeliveryStatus status(String providerId, DeliveryState state) {
        return new DeliveryStatus(Fixtures.SHOP_ID, CHANNEL, providerId, null, state, clock.instant(), null, null, null);
    }

    private DeliveryStatus failed(String providerId, FailureKind failure) {
        return new DeliveryStatus(Fixtures.SHOP_ID, CHANNEL, providerId, null, DeliveryState.FAILED, clock.instant(),
                failure, "131047", "Re-engagement message");
    }

    private OutboxMessage stored(String id) {
        return outbox.find(Fixtures.SHOP_ID, id).orElseThrow();
    }

    private ConsentRecord consent() {
        return consents.get(Fixtures.SHOP_ID, CUSTOMER);
    }

    private List<ConversationMessage> conversation() {
        return conversations.recent(Fixtures.SHOP_ID, CUSTOMER, 50);
    }

    /** An offer parked for consent, with its question sent (provider id rec-1). */
    private void offerParkedAndAsked() {
        offer("run-1");
        assertThat(stored("run-1").status()).isEqualTo(OutboxStatus.AWAITING_CONSENT);
        assertThat(channel.sent()).singleElement().satisfies(m -> {
            assertThat(m.stableKey()).isEqualTo("consent:run-1");
            assertThat(m.quickReplies()).hasSize(3);
        });
        assertThat(consent().status()).isEqualTo(ConsentStatus.ASKED);
    }

    // --- consent answers ---

    @ParameterizedTest
    @CsvSource({
        "'Иә / Да', consent:yes, recording:button",
        "Иә, , recording:text",
        "'Да, покажите', , recording:text"
    })
    void should_release_the_parked_offer_and_send_it_when_the_customer_says_yes(String text,
            @Nullable String buttonId, String source) {
        // given
        offerParkedAndAsked();
        clock.advance(Duration.ofMinutes(3));
        CustomerReplyEvent yes = reply(text, buttonId);

        // when
        receive(yes);

        // then: opted in, the offer released under that consent, the answer not forwarded
        ConsentRecord consent = consent();
        assertThat(consent.status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(consent.source()).isEqualTo(source);
        OutboxMessage released = stored("run-1");
        assertThat(released.status()).isEqualTo(OutboxStatus.PENDING);
        // its own due time, already passed: it goes at once
        assertThat(released.dueAt()).isBefore(clock.instant());
        assertThat(released.consent()).isEqualTo(consent.describe());
        assertThat(forwarded).isEmpty();

        // and the dispatcher sends it, in the window the answer opened
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(channel.sent()).hasSize(2).last().satisfies(m -> {
            assertThat(m.stableKey()).isEqualTo("run:run-1");
            assertThat(m.category()).isEqualTo(MessageCategory.MARKETING);
            assertThat(m.customerLastWroteAt()).isEqualTo(yes.occurredAt());
        });
        OutboxMessage sent = stored("run-1");
        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.consent()).startsWith("OPTED_IN by " + source);
        assertThat(conversation()).extracting(ConversationMessage::direction).containsExactly(
                ConversationMessage.Direction.OUTBOUND, ConversationMessage.Direction.INBOUND,
                ConversationMessage.Direction.OUTBOUND);
    }

    @Test
    void should_send_later_offers_at_once_once_the_customer_said_yes() {
        offerParkedAndAsked();
        receive(reply("да", null));
        dispatcher.dispatchDue();

        DeliveryResult next = offer("run-2");

        assertThat(next.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(channel.sent()).hasSize(3);
    }

    @ParameterizedTest
    @CsvSource({"нет, ", "жоқ, ", "'Жоқ / Нет', consent:no", "не надо, "})
    void should_cancel_the_parked_offer_when_the_customer_says_no(String text, @Nullable String buttonId) {
        // given
        offerParkedAndAsked();

        // when
        receive(reply(text, buttonId));

        // then
        assertThat(consent().status()).isEqualTo(ConsentStatus.DECLINED);
        OutboxMessage cancelled = stored("run-1");
        assertThat(cancelled.status()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(cancelled.lastError()).isEqualTo("cancelled: the customer declined offers");
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(channel.sent()).hasSize(1);
        assertThat(forwarded).isEmpty();
        // and later offers are not sent, while utility messages still go
        assertThat(offer("run-2").reason()).startsWith("not sent: the customer declined offers");
        assertThat(deliver(MessageCategory.UTILITY, "run-3", Duration.ZERO).outcome()).isEqualTo(RunOutcome.SENT);
    }

    @ParameterizedTest
    @CsvSource({"СТОП, ", "тоқтату, ", "'Не писать / Тоқтату', consent:stop", "Маған жазбаңыз, "})
    void should_opt_the_customer_out_and_cancel_everything_pending_on_a_stop(String text,
            @Nullable String buttonId) {
        // given: a parked offer, its question sent, and an order update due later
        offerParkedAndAsked();
        deliver(MessageCategory.UTILITY, "run-2", Duration.ofHours(1));
        assertThat(stored("run-2").status()).isEqualTo(OutboxStatus.PENDING);

        // when
        receive(reply(text, buttonId));

        // then
        assertThat(consent().status()).isEqualTo(ConsentStatus.OPTED_OUT);
        assertThat(suppressions.isSuppressed(Fixtures.SHOP_ID, CUSTOMER)).isTrue();
        assertThat(stored("run-1").status()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(stored("run-2").status()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(stored("run-2").lastError()).isEqualTo("cancelled: the customer opted out");
        assertThat(forwarded).isEmpty();
        // and nothing goes to the customer any more
        clock.advance(Duration.ofHours(2));
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(offer("run-3").outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(deliver(MessageCategory.UTILITY, "run-4", Duration.ZERO).outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(channel.sent()).hasSize(1);
    }

    @Test
    void should_keep_an_opt_out_when_the_customer_later_taps_yes() {
        offerParkedAndAsked();
        receive(reply("СТОП", null));

        receive(reply("Иә / Да", "consent:yes"));

        assertThat(consent().status()).isEqualTo(ConsentStatus.OPTED_OUT);
        assertThat(stored("run-1").status()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(dispatcher.dispatchDue()).isZero();
    }

    // --- ordinary replies ---

    @Test
    void should_forward_an_ordinary_reply_and_keep_it_in_the_conversation() {
        // given
        CustomerReplyEvent question = reply("Когда будет доставка?", null);

        // when
        receive(question);

        // then
        assertThat(forwarded).containsExactly(question);
        assertThat(conversation()).singleElement().satisfies(m -> {
            assertThat(m.direction()).isEqualTo(ConversationMessage.Direction.INBOUND);
            assertThat(m.text()).isEqualTo("Когда будет доставка?");
            assertThat(m.at()).isEqualTo(question.occurredAt());
            assertThat(m.messageKey()).isEqualTo("in:recording:" + question.providerMessageId());
        });
        assertThat(conversations.lastInboundAt(Fixtures.SHOP_ID, CUSTOMER)).contains(question.occurredAt());
        assertThat(consents.find(Fixtures.SHOP_ID, CUSTOMER)).isEmpty();
    }

    @Test
    void should_forward_a_typed_yes_when_no_question_is_pending() {
        CustomerReplyEvent yes = reply("да", null);

        receive(yes);

        assertThat(forwarded).containsExactly(yes);
        assertThat(consents.find(Fixtures.SHOP_ID, CUSTOMER)).isEmpty();
    }

    @Test
    void should_forward_a_reply_that_is_no_answer_while_the_question_is_pending() {
        offerParkedAndAsked();
        CustomerReplyEvent question = reply("А какого цвета чехол?", null);

        receive(question);

        assertThat(forwarded).containsExactly(question);
        assertThat(consent().status()).isEqualTo(ConsentStatus.ASKED);
        assertThat(stored("run-1").status()).isEqualTo(OutboxStatus.AWAITING_CONSENT);
    }

    @Test
    void should_keep_a_redelivered_reply_once_in_the_conversation() {
        CustomerReplyEvent question = reply("Когда будет доставка?", null);

        receive(question);
        receive(question);

        assertThat(conversation()).hasSize(1);
    }

    @Test
    void should_forward_a_reply_without_a_number_as_it_is_and_touch_nothing_else() {
        // given: a parked offer, and a reply known only by the messenger's user id
        offerParkedAndAsked();
        CustomerReplyEvent anonymous = new CustomerReplyEvent(Fixtures.SHOP_ID, CHANNEL, null, "KZ.1a2b3c4d5e6f",
                "СТОП", null, "wamid.anon", clock.instant(), CustomerReplyEvent.keyFor(CHANNEL, "wamid.anon"));
        ConsentRecord before = consent();
        List<OutboxMessage> outboxBefore = outbox.list(Fixtures.SHOP_ID, EnumSet.allOf(OutboxStatus.class), 50);
        List<ConversationMessage> conversationBefore = conversation();

        // when
        receive(anonymous);

        // then
        assertThat(forwarded).containsExactly(anonymous);
        assertThat(consent()).isEqualTo(before);
        assertThat(outbox.list(Fixtures.SHOP_ID, EnumSet.allOf(OutboxStatus.class), 50)).isEqualTo(outboxBefore);
        assertThat(conversation()).isEqualTo(conversationBefore);
        assertThat(suppressions.isSuppressed(Fixtures.SHOP_ID, CUSTOMER)).isFalse();
    }

    // --- delivery statuses ---

    /** An order update sent at once: provider id rec-1. */
    private OutboxMessage utilitySent() {
        assertThat(deliver(MessageCategory.UTILITY, "run-1", Duration.ZERO).outcome()).isEqualTo(RunOutcome.SENT);
        OutboxMessage sent = stored("run-1");
        assertThat(sent.providerMessageId()).isEqualTo("rec-1");
        return sent;
    }

    @Test
    void should_record_sent_delivered_and_read() {
        utilitySent();

        receive(status("rec-1", DeliveryState.SENT));
        assertThat(stored("run-1").deliveryState()).isEqualTo(DeliveryState.SENT);
        clock.advance(Duration.ofSeconds(5));
        receive(status("rec-1", DeliveryState.DELIVERED));
        assertThat(stored("run-1").deliveryState()).isEqualTo(DeliveryState.DELIVERED);
        clock.advance(Duration.ofSeconds(5));
        receive(status("rec-1", DeliveryState.READ));

        OutboxMessage read = stored("run-1");
        assertThat(read.deliveryState()).isEqualTo(DeliveryState.READ);
        assertThat(read.deliveryAt()).isEqualTo(clock.instant());
        assertThat(read.status()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void should_keep_read_when_delivered_arrives_after_it() {
        utilitySent();
        Instant readAt = clock.instant();

        receive(status("rec-1", DeliveryState.READ));
        clock.advance(Duration.ofSeconds(5));
        receive(status("rec-1", DeliveryState.DELIVERED), status("rec-1", DeliveryState.SENT));

        assertThat(stored("run-1").deliveryState()).isEqualTo(DeliveryState.READ);
        assertThat(stored("run-1").deliveryAt()).isEqualTo(readAt);
    }

    @Test
    void should_send_again_as_a_template_when_the_window_was_closed() {
        // given
        utilitySent();

        // when
        receive(failed("rec-1", FailureKind.WINDOW_CLOSED));

        // then
        OutboxMessage requeued = stored("run-1");
        assertThat(requeued.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(requeued.templateRequired()).isTrue();
        assertThat(requeued.providerMessageId()).isNull();
        assertThat(requeued.dueAt()).isEqualTo(clock.instant());
        assertThat(requeued.lastError()).contains("window closed");
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(channel.sent()).hasSize(2).last().satisfies(m -> {
            assertThat(m.templateRequired()).isTrue();
            assertThat(m.stableKey()).isEqualTo("run:run-1");
        });
        assertThat(channel.sent().get(0).templateRequired()).isFalse();
        assertThat(stored("run-1").status()).isEqualTo(OutboxStatus.SENT);
        assertThat(stored("run-1").providerMessageId()).isEqualTo("rec-2");
        // a redelivery of the old failure changes nothing
        receive(failed("rec-1", FailureKind.WINDOW_CLOSED));
        assertThat(stored("run-1").status()).isEqualTo(OutboxStatus.SENT);
        assertThat(dispatcher.dispatchDue()).isZero();
    }

    @Test
    void should_send_again_later_when_the_customer_was_rate_limited() {
        utilitySent();

        receive(failed("rec-1", FailureKind.RECIPIENT_RATE_LIMITED));

        OutboxMessage requeued = stored("run-1");
        assertThat(requeued.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(requeued.dueAt()).isEqualTo(clock.instant().plus(RETRY_DELAY));
        assertThat(requeued.templateRequired()).isFalse();
        assertThat(requeued.lastError()).contains("RECIPIENT_RATE_LIMITED");
        assertThat(dispatcher.dispatchDue()).isZero();
        clock.advance(RETRY_DELAY);
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(channel.sent()).hasSize(2);
    }

    @Test
    void should_pause_marketing_when_a_status_says_the_customer_stopped_it() {
        // given: an offer sent to an opted-in customer
        consents.apply(Fixtures.SHOP_ID, CUSTOMER, ConsentEvent.GRANTED, clock.instant(), "test");
        assertThat(offer("run-1").outcome()).isEqualTo(RunOutcome.SENT);

        // when
        receive(failed("rec-1", FailureKind.MARKETING_STOPPED));

        // then
        assertThat(consent().marketingPaused()).isTrue();
        assertThat(consent().status()).isEqualTo(ConsentStatus.OPTED_IN);
        OutboxMessage failedOffer = stored("run-1");
        assertThat(failedOffer.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failedOffer.lastError()).startsWith("MARKETING_STOPPED");
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(offer("run-2").reason()).startsWith("not sent: the customer stopped marketing messages");
    }

    @Test
    void should_leave_a_message_failed_when_it_used_its_attempts() {
        // given: a recorder that allows one attempt, and a message sent once
        utilitySent();

        // when
        recorder(1).receive(new InboundTraffic(List.of(), List.of(failed("rec-1", FailureKind.WINDOW_CLOSED)),
                List.of(), List.of()));

        // then
        OutboxMessage given = stored("run-1");
        assertThat(given.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(given.deliveryState()).isEqualTo(DeliveryState.FAILED);
        assertThat(given.lastError()).isEqualTo("WINDOW_CLOSED 131047 Re-engagement message");
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(channel.sent()).hasSize(1);
    }

    @Test
    void should_leave_a_message_failed_for_a_failure_another_try_cannot_overcome() {
        utilitySent();

        receive(failed("rec-1", FailureKind.RECIPIENT_UNREACHABLE));

        assertThat(stored("run-1").status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(dispatcher.dispatchDue()).isZero();
    }

    @Test
    void should_not_send_a_read_message_again_when_a_late_failure_arrives() {
        // given: the customer read the message
        utilitySent();
        receive(status("rec-1", DeliveryState.READ));

        // when: a failure report arrives after it
        receive(failed("rec-1", FailureKind.WINDOW_CLOSED));

        // then: the read stands and nothing is sent again
        OutboxMessage read = stored("run-1");
        assertThat(read.deliveryState()).isEqualTo(DeliveryState.READ);
        assertThat(read.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(channel.sent()).hasSize(1);
    }

    @Test
    void should_ignore_a_status_of_a_message_it_does_not_know() {
        utilitySent();

        receive(status("rec-999", DeliveryState.READ), failed("rec-998", FailureKind.MARKETING_STOPPED));

        assertThat(stored("run-1").deliveryState()).isNull();
        assertThat(consents.find(Fixtures.SHOP_ID, CUSTOMER)).isEmpty();
        assertThat(dispatcher.dispatchDue()).isZero();
    }

    // --- marketing preferences ---

    @Test
    void should_pause_marketing_and_cancel_pending_offers_when_the_customer_stops_marketing() {
        // given: an opted-in customer with an offer and an order update due later
        consents.apply(Fixtures.SHOP_ID, CUSTOMER, ConsentEvent.GRANTED, clock.instant(), "test");
        deliver(MessageCategory.MARKETING, "run-1", Duration.ofHours(1));
        deliver(MessageCategory.UTILITY, "run-2", Duration.ofHours(1));

        // when
        receive(new MarketingPreference(Fixtures.SHOP_ID, CHANNEL, CUSTOMER, true, clock.instant()));

        // then
        assertThat(consent().marketingPaused()).isTrue();
        assertThat(consent().source()).isEqualTo("recording:preferences");
        assertThat(stored("run-1").status()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(stored("run-2").status()).isEqualTo(OutboxStatus.PENDING);
        clock.advance(Duration.ofHours(1));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(channel.sent()).singleElement().satisfies(m -> assertThat(m.category())
                .isEqualTo(MessageCategory.UTILITY));
        assertThat(deliver(MessageCategory.UTILITY, "run-3", Duration.ZERO).outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(offer("run-4").reason()).startsWith("not sent: the customer stopped marketing messages");
    }

    @Test
    void should_resume_marketing_when_the_customer_resumes_it() {
        consents.apply(Fixtures.SHOP_ID, CUSTOMER, ConsentEvent.GRANTED, clock.instant(), "test");
        receive(new MarketingPreference(Fixtures.SHOP_ID, CHANNEL, CUSTOMER, true, clock.instant()));
        clock.advance(Duration.ofDays(1));

        receive(new MarketingPreference(Fixtures.SHOP_ID, CHANNEL, CUSTOMER, false, clock.instant()));

        assertThat(consent().marketingPaused()).isFalse();
        assertThat(consent().status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(offer("run-1").outcome()).isEqualTo(RunOutcome.SENT);
    }

    @Test
    void should_record_the_readable_items_beside_the_unreadable_ones() {
        CustomerReplyEvent question = reply("Когда будет доставка?", null);

        recorder.receive(new InboundTraffic(List.of(question), List.of(), List.of(),
                List.of(new FieldError("entry[0].changes[0].value.messages[1]", "unsupported message type"))));

        assertThat(forwarded).containsExactly(question);
    }
}
