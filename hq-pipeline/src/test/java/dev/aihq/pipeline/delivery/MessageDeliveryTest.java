package dev.aihq.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.error.AuthenticationException;
import dev.aihq.api.error.ServiceUnavailableException;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.result.OfferKind;
import dev.aihq.api.result.RunId;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.shop.FrequencyCap;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.pipeline.DeliveryRequest;
import dev.aihq.pipeline.DeliveryResult;
import dev.aihq.pipeline.memory.InMemoryOutbox;
import dev.aihq.pipeline.memory.InMemorySuppressionStore;
import dev.aihq.testkit.Concurrency;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.RecordingChannel;
import dev.aihq.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;

class MessageDeliveryTest {

    // 12:00 in Almaty: outside the default quiet hours
    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T07:00:00Z"));
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final RecordingChannel channel = new RecordingChannel(clock);
    private final RunId runId = RunId.of("run-42");

    private MessageDelivery<PurchaseEvent, String, SalesOffer> delivery() {
        return MessageDelivery.<PurchaseEvent, String, SalesOffer>builder().channel(channel).outbox(outbox)
                .recipient(r -> r.event().customerContact()).text(SalesOffer::text).build();
    }

    private DeliveryRequest<PurchaseEvent, String, SalesOffer> request(Duration sendDelay, @Nullable PhoneNumber to,
            String text) {
        return request(sendDelay, null, to, text, runId);
    }

    private DeliveryRequest<PurchaseEvent, String, SalesOffer> request(Duration sendDelay, @Nullable FrequencyCap cap,
            @Nullable PhoneNumber to, String text, RunId run) {
        Shop shop = Fixtures.kaspiShop().settings(ShopSettings.builder().sendDelay(sendDelay).frequencyCap(cap)
                .build()).build();
        PurchaseEvent event = Fixtures.purchaseEvent().toBuilder().customer(to).build();
        return new DeliveryRequest<>(event, "ctx", SalesOffer.builder(OfferKind.UPSELL, text).build(), shop, run,
                clock.instant());
    }

    /** Schedules messages to the customer, due within the last week. */
    private void alreadySent(int messages) {
        for (int i = 0; i < messages; i++) {
            outbox.schedule(OutboxMessage.pending("earlier-" + i, Fixtures.SHOP_ID, RunId.of("earlier-" + i),
                    "whatsapp", Fixtures.CUSTOMER, "hi", "earlier:" + i, clock.instant().minus(Duration.ofDays(i + 1))));
        }
    }

    @Test
    void should_send_at_once_and_record_it_in_the_outbox_when_no_delay_is_set() {
        // when
        DeliveryResult result = delivery().deliver(request(Duration.ZERO, Fixtures.CUSTOMER, "Спасибо за покупку!"));

        // then
        assertThat(result.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(result.providerMessageId()).isEqualTo("rec-1");
        assertThat(channel.sent()).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo(Fixtures.CUSTOMER);
            assertThat(m.stableKey()).isEqualTo("run:run-42");
        });
        OutboxMessage stored = outbox.find(Fixtures.SHOP_ID, "run-42").orElseThrow();
        assertThat(stored.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(stored.providerMessageId()).isEqualTo("rec-1");
    }

    @Test
    void should_schedule_a_follow_up_under_its_own_identity_planned_from_its_earliest_time() {
        // given a follow-up that may not go before tomorrow 12:00 in Almaty, with a 15-minute send delay
        Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
        MessageDelivery<PurchaseEvent, String, SalesOffer> followUp = MessageDelivery
                .<PurchaseEvent, String, SalesOffer>builder().channel(channel).outbox(outbox)
                .recipient(r -> r.event().customerContact()).text(SalesOffer::text)
                .identity(r -> new MessageIdentity("rv-512345678", "review:512345678"))
                .notBefore(r -> Optional.of(tomorrow)).build();

        // when
        DeliveryResult result = followUp.deliver(request(Duration.ofMinutes(15), Fixtures.CUSTOMER, "Оцените!"));
        DeliveryResult again = followUp.deliver(request(Duration.ofMinutes(15), null, Fixtures.CUSTOMER, "Оцените!",
                RunId.of("run-43")));

        // then: planned from tomorrow plus the delay, known by its own id and key; a second run finds it
        assertThat(result.outcome()).isEqualTo(RunOutcome.SCHEDULED);
        assertThat(result.scheduledFor()).isEqualTo(tomorrow.plus(Duration.ofMinutes(15)));
        OutboxMessage stored = outbox.find(Fixtures.SHOP_ID, "rv-512345678").orElseThrow();
        assertThat(stored.stableKey()).isEqualTo("review:512345678");
        assertThat(stored.dueAt()).isEqualTo(tomorrow.plus(Duration.ofMinutes(15)));
        assertThat(outbox.find(Fixtures.SHOP_ID, "run-42")).isEmpty();
        assertThat(again.reason()).isEqualTo("not sent again: message review:512345678 is already in the outbox");
    }

    @Test
    void should_plan_from_now_when_the_earliest_time_has_passed() {
        // given
        MessageDelivery<PurchaseEvent, String, SalesOffer> followUp = MessageDelivery
                .<PurchaseEvent, String, SalesOffer>builder().channel(channel).outbox(outbox)
                .recipient(r -> r.event().customerContact()).text(SalesOffer::text)
                .notBefore(r -> Optional.of(clock.instant().minus(Duration.ofDays(3)))).build();

        // when
        DeliveryResult result = followUp.deliver(request(Duration.ZERO, Fixtures.CUSTOMER, "Оцените!"));

        // then
        assertThat(result.outcome()).isEqualTo(RunOutcome.SENT);
    }

    @Test
    void should_schedule_without_sending_when_a_delay_is_set() {
        DeliveryResult result = delivery().deliver(request(Duration.ofMinutes(15), Fixtures.CUSTOMER, "Скидка!"));

        assertThat(result.outcome()).isEqualTo(RunOutcome.SCHEDULED);
        assertThat(result.scheduledFor()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(channel.sent()).isEmpty();
        assertThat(outbox.find(Fixtures.SHOP_ID, "run-42").orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
    }

    @Test
    void should_complete_without_sending_or_recording_when_the_customer_opted_out() {
        // given
        InMemorySuppressionStore suppressions = InMemorySuppressionStore.withRandomKey();
        suppressions.suppress(Fixtures.SHOP_ID, Fixtures.CUSTOMER, "opted-out", clock.instant());
        MessageDelivery<PurchaseEvent, String, SalesOffer> delivery = MessageDelivery
                .<PurchaseEvent, String, SalesOffer>builder().channel(channel).outbox(outbox)
                .recipient(r -> r.event().customerContact()).text(SalesOffer::text).suppressions(suppressions)
                .build();

        // when
        DeliveryResult result = delivery.deliver(request(Duration.ZERO, Fixtures.CUSTOMER, "Скидка!"));

        // then
        assertThat(result).isEqualTo(DeliveryResult.completed("not sent: the customer opted out"));
        assertThat(channel.sent()).isEmpty();
        assertThat(outbox.find(Fixtures.SHOP_ID, "run-42")).isEmpty();
        assertThat(outbox.countRecent(Fixtures.SHOP_ID, Fixtures.CUSTOMER, clock.instant().minus(Duration.ofDays(30))))
                .isZero();
    }

    @Test
    void should_send_when_the_customer_opted_in_again() {
        // given
        InMemorySuppressionStore suppressions = InMemorySuppressionStore.withRandomKey();
        suppressions.suppress(Fixtures.SHOP_ID, Fixtures.CUSTOMER, "opted-out", clock.instant());
        suppressions.lift(Fixtures.SHOP_ID, Fixtures.CUSTOMER);
        MessageDelivery<PurchaseEvent, String, SalesOffer> delivery = MessageDelivery
                .<PurchaseEvent, String, SalesOffer>builder().channel(channel).outbox(outbox)
                .recipient(r -> r.event().customerContact()).text(SalesOffer::text).suppressions(suppressions)
                .build();

        // when
        DeliveryResult result = delivery.deliver(request(Duration.ZERO, Fixtures.CUSTOMER, "Скидка!"));

        // then
        assertThat(result.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(channel.sent()).hasSize(1);
    }

    @Test
    void should_reject_when_the_customer_has_no_contact() {
        DeliveryResult result = delivery().deliver(request(Duration.ZERO, null, "text"));

        assertThat(result.outcome()).isEqualTo(RunOutcome.REJECTED);
        assertThat(result.reason()).contains("no customer contact");
        assertThat(outbox.find(Fixtures.SHOP_ID, "run-42")).isEmpty();
    }

    @Test
    void should_fail_without_sending_when_the_text_is_longer_than_the_channel_allows() {
        DeliveryResult result = delivery().deliver(request(Duration.ZERO, Fixtures.CUSTOMER, "я".repeat(4097)));

        assertThat(result.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(result.reason()).isEqualTo("message is 4097 characters, recording allows 4096");
        assertThat(channel.sent()).isEmpty();
    }

    @Test
    void should_leave_a_retry_to_the_outbox_when_the_provider_is_unavailable() {
        channel.failNext(new ServiceUnavailableException("whatsapp", 503, "try later", null, null));

        DeliveryResult result = delivery().deliver(request(Duration.ZERO, Fixtures.CUSTOMER, "text"));

        assertThat(result.outcome()).isEqualTo(RunOutcome.SCHEDULED);
        assertThat(result.scheduledFor()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        OutboxMessage stored = outbox.find(Fixtures.SHOP_ID, "run-42").orElseThrow();
        assertThat(stored.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(stored.lastError()).contains("503");
    }

    @Test
    void should_fail_and_give_up_when_the_provider_refuses_the_credentials() {
        channel.failNext(new AuthenticationException("whatsapp", 401, "invalid token", null));

        DeliveryResult result = delivery().deliver(request(Duration.ZERO, Fixtures.CUSTOMER, "text"));

        assertThat(result.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(outbox.find(Fixtures.SHOP_ID, "run-42").orElseThrow().status()).isEqualTo(OutboxStatus.FAILED);
    }

    @Test
    void should_not_send_twice_when_the_same_run_delivers_again() {
        delivery().deliver(request(Duration.ZERO, Fixtures.CUSTOMER, "text"));

        DeliveryResult again = delivery().deliver(request(Duration.ZERO, Fixtures.CUSTOMER, "text"));

        assertThat(again.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(again.reason()).contains("already in the outbox");
        assertThat(channel.sent()).hasSize(1);
    }

    @Test
    void should_not_let_a_dispatcher_send_a_message_that_is_being_sent_at_once() {
        // given: a send that dies between recording the claim and calling the provider
        channel.failNext(new IllegalStateException("process killed"));
        OutboxDispatcher dispatcher = OutboxDispatcher.builder().outbox(outbox).channel(channel).clock(clock).build();
        try {
            delivery().deliver(request(Duration.ZERO, Fixtures.CUSTOMER, "text"));
        } catch (IllegalStateException expected) {
            // the pipeline turns this into FAILED; the outbox still holds the claimed message
        }

        // when / then: within the lease nobody else sends it
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(channel.sent()).isEmpty();

        // when the lease has expired, a dispatcher sends it exactly once
        clock.advance(Duration.ofMinutes(3));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(channel.sent()).hasSize(1);
        assertThat(outbox.find(Fixtures.SHOP_ID, "run-42").map(OutboxMessage::status)).contains(OutboxStatus.SENT);
    }

    @Test
    void should_name_every_missing_part_when_built_incomplete() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MessageDelivery.builder().build())
                .hasMessageContaining("channel, outbox, recipient, text");
    }

    @Test
    void should_use_the_recipient_function_when_it_yields_a_number() {
        PhoneNumber other = Fixtures.OTHER_CUSTOMER;
        MessageDelivery<PurchaseEvent, String, SalesOffer> toOther = MessageDelivery
                .<PurchaseEvent, String, SalesOffer>builder().channel(channel).outbox(outbox)
                .recipient(r -> Optional.of(other)).text(SalesOffer::text).build();

        toOther.deliver(request(Duration.ZERO, Fixtures.CUSTOMER, "text"));

        assertThat(channel.sent()).singleElement().extracting(m -> m.to()).isEqualTo(other);
    }

    @Test
    void should_complete_without_sending_or_recording_when_the_frequency_cap_is_reached() {
        // given: two messages in the last week, cap 2 per 7 days
        alreadySent(2);
        FrequencyCap cap = FrequencyCap.of(2, Duration.ofDays(7));

        // when
        DeliveryResult result = delivery().deliver(request(Duration.ZERO, cap, Fixtures.CUSTOMER, "text", runId));

        // then
        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(result.reason()).isEqualTo(
                "not sent: frequency cap reached: 2 message(s) to this customer in 7 d, at most 2 allowed");
        assertThat(channel.sent()).isEmpty();
        assertThat(outbox.find(Fixtures.SHOP_ID, "run-42")).isEmpty();
    }

    @Test
    void should_send_when_the_customer_is_below_the_frequency_cap() {
        // given
        alreadySent(1);

        // when
        DeliveryResult result = delivery().deliver(request(Duration.ofMinutes(15),
                FrequencyCap.of(2, Duration.ofDays(7)), Fixtures.CUSTOMER, "text", runId));

        // then
        assertThat(result.outcome()).isEqualTo(RunOutcome.SCHEDULED);
        assertThat(outbox.find(Fixtures.SHOP_ID, "run-42").orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
    }

    @Test
    void should_answer_already_in_the_outbox_when_a_capped_run_delivers_again() {
        // given
        FrequencyCap cap = FrequencyCap.of(1, Duration.ofDays(7));
        delivery().deliver(request(Duration.ZERO, cap, Fixtures.CUSTOMER, "text", runId));

        // when
        DeliveryResult again = delivery().deliver(request(Duration.ZERO, cap, Fixtures.CUSTOMER, "text", runId));

        // then
        assertThat(again.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(again.reason()).contains("already in the outbox");
        assertThat(channel.sent()).hasSize(1);
    }

    @Test
    void should_not_apply_the_cap_when_the_policy_is_immediate() {
        // given: a reply the customer is waiting for, though the cap is reached
        alreadySent(2);
        MessageDelivery<PurchaseEvent, String, SalesOffer> replies = MessageDelivery
                .<PurchaseEvent, String, SalesOffer>builder().channel(channel).outbox(outbox)
                .policy(DeliveryPolicy.immediate()).recipient(r -> r.event().customerContact())
                .text(SalesOffer::text).build();

        // when
        DeliveryResult result = replies.deliver(request(Duration.ZERO, FrequencyCap.of(2, Duration.ofDays(7)),
                Fixtures.CUSTOMER, "text", runId));

        // then
        assertThat(result.outcome()).isEqualTo(RunOutcome.SENT);
    }

    @Test
    void should_send_no_more_than_the_cap_when_runs_for_one_customer_deliver_at_once() {
        // given: 8 runs for the same customer, cap 3
        FrequencyCap cap = FrequencyCap.of(3, Duration.ofDays(7));

        // when
        List<DeliveryResult> results = Concurrency.race(8, t -> delivery().deliver(request(Duration.ofMinutes(15),
                cap, Fixtures.CUSTOMER, "text", RunId.of("run-" + t))));

        // then
        assertThat(results).filteredOn(r -> r.outcome() == RunOutcome.SCHEDULED).hasSize(3);
        assertThat(results).filteredOn(r -> r.outcome() == RunOutcome.COMPLETED).hasSize(5)
                .allSatisfy(r -> assertThat(r.reason()).startsWith("not sent: frequency cap reached"));
        assertThat(outbox.list(Fixtures.SHOP_ID, Set.of(OutboxStatus.PENDING), 10)).hasSize(3);
    }

    @Test
    void should_keep_the_order_key_so_that_the_order_cancels_the_message_when_one_is_given() {
        // given
        MessageDelivery<PurchaseEvent, String, SalesOffer> byOrder = MessageDelivery
                .<PurchaseEvent, String, SalesOffer>builder().channel(channel).outbox(outbox)
                .recipient(r -> r.event().customerContact()).text(SalesOffer::text)
                .orderKey(r -> Optional.of(r.event().orderId().value())).build();
        DeliveryRequest<PurchaseEvent, String, SalesOffer> request = request(Duration.ofMinutes(15),
                Fixtures.CUSTOMER, "text");

        // when
        byOrder.deliver(request);
        int cancelled = outbox.cancelByOrder(Fixtures.SHOP_ID, request.event().orderId().value());

        // then: the dispatcher never sends it
        OutboxMessage stored = outbox.find(Fixtures.SHOP_ID, "run-42").orElseThrow();
        assertThat(cancelled).isEqualTo(1);
        assertThat(stored.orderKey()).isEqualTo(request.event().orderId().value());
        assertThat(stored.status()).isEqualTo(OutboxStatus.CANCELLED);
        clock.advance(Duration.ofHours(1));
        assertThat(OutboxDispatcher.builder().outbox(outbox).channel(channel).clock(clock).build().dispatchDue())
                .isZero();
        assertThat(channel.sent()).isEmpty();
    }
}
