package dev.aihq.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.channel.ChannelFailure;
import dev.aihq.api.channel.ChannelLimits;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.channel.MessageChannel;
import dev.aihq.api.channel.OutboundMessage;
import dev.aihq.api.channel.SendReceipt;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.NonRetriableMarketplaceException;
import dev.aihq.api.error.RateLimitedException;
import dev.aihq.api.error.RequestRejectedException;
import dev.aihq.api.error.RetriableMarketplaceException;
import dev.aihq.api.error.ServiceUnavailableException;
import dev.aihq.api.result.RunId;
import dev.aihq.api.store.ConsentEvent;
import dev.aihq.api.store.ConsentRecord;
import dev.aihq.api.store.ConversationMessage;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.pipeline.memory.InMemoryConsentStore;
import dev.aihq.pipeline.memory.InMemoryConversationStore;
import dev.aihq.pipeline.memory.InMemoryOutbox;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.RecordingChannel;
import dev.aihq.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutboxDispatcherTest {

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T07:00:00Z"));
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final RecordingChannel channel = new RecordingChannel(clock);
    private final OutboxDispatcher dispatcher = OutboxDispatcher.builder().outbox(outbox).channel(channel)
            .clock(clock).worker("test").maxAttempts(3).retryBase(Duration.ofMinutes(1)).build();

    private void schedule(String id, Duration in) {
        outbox.schedule(OutboxMessage.pending(id, Fixtures.SHOP_ID, RunId.of("run-" + id), "recording",
                Fixtures.CUSTOMER, "Напоминание " + id, "run:" + id, clock.instant().plus(in)));
    }

    private OutboxMessage stored(String id) {
        return outbox.find(Fixtures.SHOP_ID, id).orElseThrow();
    }

    @Test
    void should_send_a_message_only_when_it_falls_due() {
        // given
        schedule("a", Duration.ofMinutes(15));

        // when / then
        assertThat(dispatcher.dispatchDue()).isZero();
        clock.advance(Duration.ofMinutes(15));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(channel.sent()).singleElement().satisfies(m -> assertThat(m.stableKey()).isEqualTo("run:a"));
        assertThat(stored("a").status()).isEqualTo(OutboxStatus.SENT);
        assertThat(dispatcher.dispatchDue()).isZero();
    }

    @Test
    void should_give_up_a_message_its_send_check_vetoes_and_send_the_others() {
        // given a check that refuses one message
        OutboxDispatcher checking = OutboxDispatcher.builder().outbox(outbox).channel(channel).clock(clock)
                .sendCheck((message, now) -> message.id().equals("m-1")
                        ? Optional.of("offered product ACC-1 is out of stock") : Optional.empty())
                .build();
        outbox.schedule(OutboxMessage.pending("m-1", Fixtures.SHOP_ID, RunId.of("r-1"), "recording", Fixtures.CUSTOMER,
                "Чехол за 4 990 ₸", "run:r-1", clock.instant()));
        outbox.schedule(OutboxMessage.pending("m-2", Fixtures.SHOP_ID, RunId.of("r-2"), "recording",
                Fixtures.OTHER_CUSTOMER, "Стекло за 2 490 ₸", "run:r-2", clock.instant()));

        // when
        int sent = checking.dispatchDue();

        // then
        assertThat(sent).isEqualTo(1);
        assertThat(channel.sent()).singleElement().satisfies(m -> assertThat(m.stableKey()).isEqualTo("run:r-2"));
        OutboxMessage vetoed = outbox.find(Fixtures.SHOP_ID, "m-1").orElseThrow();
        assertThat(vetoed.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(vetoed.lastError()).isEqualTo("not sent: offered product ACC-1 is out of stock");
    }

    @Test
    void should_send_every_due_message_when_there_are_more_than_one_batch() {
        OutboxDispatcher small = OutboxDispatcher.builder().outbox(outbox).channel(channel).clock(clock)
                .batchSize(7).build();
        for (int i = 0; i < 30; i++) {
            schedule("m" + i, Duration.ZERO);
        }

        assertThat(small.dispatchDue()).isEqualTo(30);
        assertThat(channel.sent()).hasSize(30);
    }

    @Test
    void should_retry_with_growing_delays_and_give_up_after_max_attempts() {
        // given
        schedule("a", Duration.ZERO);
        for (int i = 0; i < 3; i++) {
            channel.failNext(new ServiceUnavailableException("whatsapp", 503, "down", null, null));
        }

        // when / then: attempt 1 fails → retry in 1 min
        dispatcher.dispatchDue();
        assertThat(stored("a").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(stored("a").dueAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        // attempt 2 fails → retry in 2 min
        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        assertThat(stored("a").dueAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
        // attempt 3 fails → max attempts reached
        clock.advance(Duration.ofMinutes(2));
        dispatcher.dispatchDue();
        assertThat(stored("a").status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(stored("a").lastError()).contains("503");
        assertThat(channel.sent()).isEmpty();
    }

    @Test
    void should_wait_as_long_as_the_provider_asks_when_rate_limited() {
        schedule("a", Duration.ZERO);
        channel.failNext(new RateLimitedException("whatsapp", 429, "slow down", Duration.ofSeconds(30), null));

        dispatcher.dispatchDue();

        assertThat(stored("a").dueAt()).isEqualTo(clock.instant().plus(Duration.ofSeconds(30)));
    }

    @Test
    void should_fail_at_once_when_the_provider_rejects_the_message() {
        schedule("a", Duration.ZERO);
        channel.failNext(new RequestRejectedException("whatsapp", 400, "recipient not on WhatsApp", null));

        dispatcher.dispatchDue();

        assertThat(stored("a").status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(stored("a").attempts()).isEqualTo(1);
    }

    @Test
    void should_fail_the_message_when_its_channel_is_not_configured() {
        outbox.schedule(OutboxMessage.pending("x", Fixtures.SHOP_ID, RunId.of("run-x"), "telegram",
                Fixtures.CUSTOMER, "hi", "run:x", clock.instant()));

        dispatcher.dispatchDue();

        assertThat(stored("x").status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(stored("x").lastError()).isEqualTo("no channel named 'telegram' is configured");
    }

    @Test
    void should_give_up_a_scheduled_message_when_the_customer_opted_out_meanwhile() {
        // given: a message scheduled for later, then the customer opts out
        dev.aihq.pipeline.memory.InMemorySuppressionStore suppressions =
                dev.aihq.pipeline.memory.InMemorySuppressionStore.withRandomKey();
        OutboxDispatcher guarded = OutboxDispatcher.builder().outbox(outbox).channel(channel).clock(clock)
                .suppressions(suppressions).build();
        schedule("a", Duration.ofMinutes(15));
        suppressions.suppress(Fixtures.SHOP_ID, Fixtures.CUSTOMER, "replied STOP", clock.instant());

        // when
        clock.advance(Duration.ofMinutes(15));
        int sent = guarded.dispatchDue();

        // then
        assertThat(sent).isZero();
        assertThat(channel.sent()).isEmpty();
        assertThat(stored("a").status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(stored("a").lastError()).isEqualTo("not sent: the customer opted out");
    }

    @Test
    void should_leave_the_rest_of_a_batch_alone_when_its_lease_ran_out_while_sending() {
        // given: two dispatchers on one outbox with a 10 s lease. A claims both due messages; its first send
        // takes 11 s (a slow provider, a long pause), during which B claims both expired claims and sends them
        schedule("a", Duration.ZERO);
        schedule("b", Duration.ZERO);
        RecordingChannel sentByB = new RecordingChannel(clock);
        OutboxDispatcher b = OutboxDispatcher.builder().outbox(outbox).channel(sentByB).clock(clock).worker("b")
                .lease(Duration.ofSeconds(10)).build();
        MessageChannel slowForA = new MessageChannel() {
            @Override
            public String name() {
                return channel.name();
            }

            @Override
            public ChannelLimits limits() {
                return channel.limits();
            }

            @Override
            public SendReceipt send(OutboundMessage message) {
                if (message.stableKey().equals("run:a")) {
                    clock.advance(Duration.ofSeconds(11));
                    b.dispatchDue();
                }
                return channel.send(message);
            }
        };
        OutboxDispatcher a = OutboxDispatcher.builder().outbox(outbox).channel(slowForA).clock(clock).worker("a")
                .lease(Duration.ofSeconds(10)).batchSize(2).build();

        // when
        a.dispatchDue();

        // then: "a" was in flight at A when its lease ran out, so it went twice (the send outlasted the
        // lease); "b" had not been started by A and must not be sent by A after B sent it
        assertThat(sentByB.sent()).extracting(OutboundMessage::stableKey).containsExactly("run:a", "run:b");
        assertThat(channel.sent()).extracting(OutboundMessage::stableKey).containsExactly("run:a");
        assertThat(stored("b").status()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void should_list_every_problem_when_built_incomplete() {
        assertThatThrownBy(() -> OutboxDispatcher.builder().batchSize(0).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("outbox is missing")
                .hasMessageContaining("at least one channel").hasMessageContaining("batch size");
    }

    // --- consent, failure kinds and conversations ---

    private final InMemoryConsentStore consents = new InMemoryConsentStore();
    private final InMemoryConversationStore conversations = new InMemoryConversationStore();
    private final OutboxDispatcher consenting = OutboxDispatcher.builder().outbox(outbox).channel(channel)
            .clock(clock).worker("consenting").maxAttempts(3).retryBase(Duration.ofMinutes(1)).consents(consents)
            .conversations(conversations).build();

    private void schedule(String id, Duration in, MessageCategory category) {
        outbox.schedule(OutboxMessage.pending(id, Fixtures.SHOP_ID, RunId.of("run-" + id), "recording",
                Fixtures.CUSTOMER, "Напоминание " + id, "run:" + id, clock.instant().plus(in))
                .withPurpose(category, category == MessageCategory.MARKETING ? "OPTED_IN by test"
                        : "not needed for " + category, List.of()));
    }

    private ConsentRecord consent(ConsentEvent event) {
        return consents.apply(Fixtures.SHOP_ID, Fixtures.CUSTOMER, event, clock.instant(), "test").after();
    }

    @Test
    void should_give_up_a_marketing_message_when_the_customer_declined_after_it_was_scheduled() {
        // given
        consent(ConsentEvent.GRANTED);
        schedule("a", Duration.ofMinutes(15), MessageCategory.MARKETING);
        clock.advance(Duration.ofMinutes(5));
        ConsentRecord declined = consent(ConsentEvent.DECLINED);

        // when
        clock.advance(Duration.ofMinutes(10));
        int sent = consenting.dispatchDue();

        // then
        assertThat(sent).isZero();
        assertThat(channel.sent()).isEmpty();
        assertThat(stored("a").status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(stored("a").lastError()).isEqualTo("not sent: consent is " + declined.describe());
        assertThat(consenting.dispatchDue()).isZero();
    }

    @Test
    void should_give_up_any_message_when_the_customer_opted_out_after_it_was_scheduled() {
        consent(ConsentEvent.GRANTED);
        schedule("a", Duration.ZERO, MessageCategory.UTILITY);
        consent(ConsentEvent.OPTED_OUT);

        assertThat(consenting.dispatchDue()).isZero();

        assertThat(channel.sent()).isEmpty();
        assertThat(stored("a").status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(stored("a").lastError()).startsWith("not sent: consent is OPTED_OUT");
    }

    @Test
    void should_still_send_a_utility_message_to_a_customer_who_stopped_marketing() {
        // given
        consent(ConsentEvent.GRANTED);
        consent(ConsentEvent.MARKETING_STOPPED);
        schedule("update", Duration.ZERO, MessageCategory.UTILITY);
        schedule("offer", Duration.ZERO, MessageCategory.MARKETING);

        // when
        int sent = consenting.dispatchDue();

        // then
        assertThat(sent).isEqualTo(1);
        assertThat(channel.sent()).singleElement().satisfies(m -> {
            assertThat(m.stableKey()).isEqualTo("run:update");
            assertThat(m.category()).isEqualTo(MessageCategory.UTILITY);
        });
        assertThat(stored("update").status()).isEqualTo(OutboxStatus.SENT);
        assertThat(stored("offer").status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(stored("offer").lastError()).contains("marketing paused by the customer");
    }

    @Test
    void should_send_a_marketing_message_to_an_opted_in_customer_after_the_consent_check() {
        consent(ConsentEvent.GRANTED);
        schedule("a", Duration.ZERO, MessageCategory.MARKETING);

        assertThat(consenting.dispatchDue()).isEqualTo(1);

        assertThat(stored("a").status()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void should_wait_as_long_as_a_channel_failure_asks_rather_than_the_growing_delay() {
        // given: the provider asks for 10 minutes; the first growing delay would be 1 minute
        consent(ConsentEvent.GRANTED);
        schedule("a", Duration.ZERO, MessageCategory.MARKETING);
        channel.failNext(new Throttled(FailureKind.RECIPIENT_RATE_LIMITED, Duration.ofMinutes(10)));

        // when
        consenting.dispatchDue();

        // then
        OutboxMessage retrying = stored("a");
        assertThat(retrying.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(retrying.dueAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(retrying.lastError()).startsWith("RECIPIENT_RATE_LIMITED: ");
        clock.advance(Duration.ofMinutes(9));
        assertThat(consenting.dispatchDue()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(consenting.dispatchDue()).isEqualTo(1);
    }

    @Test
    void should_keep_the_failure_kind_in_the_last_error() {
        schedule("unreachable", Duration.ZERO, MessageCategory.UTILITY);
        channel.failNext(new Refused(FailureKind.RECIPIENT_UNREACHABLE, "recipient not on WhatsApp"));
        consenting.dispatchDue();
        assertThat(stored("unreachable").status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(stored("unreachable").lastError())
                .isEqualTo("RECIPIENT_UNREACHABLE: whatsapp answered HTTP 400: recipient not on WhatsApp");

        // a channel that does not say: by retriability
        schedule("down", Duration.ZERO, MessageCategory.UTILITY);
        channel.failNext(new ServiceUnavailableException("whatsapp", 503, "down", null, null));
        consenting.dispatchDue();
        assertThat(stored("down").lastError()).startsWith("TEMPORARY: ").contains("503");

        schedule("rejected", Duration.ZERO, MessageCategory.UTILITY);
        channel.failNext(new RequestRejectedException("whatsapp", 400, "bad parameter", null));
        consenting.dispatchDue();
        assertThat(stored("rejected").lastError()).startsWith("UNKNOWN: ");
    }

    @Test
    void should_pause_marketing_when_the_channel_says_the_customer_stopped_it() {
        consent(ConsentEvent.GRANTED);
        schedule("a", Duration.ZERO, MessageCategory.MARKETING);
        schedule("b", Duration.ofMinutes(5), MessageCategory.MARKETING);
        channel.failNext(new Refused(FailureKind.MARKETING_STOPPED, "user stopped marketing messages"));

        consenting.dispatchDue();

        assertThat(stored("a").status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(stored("a").lastError()).startsWith("MARKETING_STOPPED: ");
        ConsentRecord paused = consents.get(Fixtures.SHOP_ID, Fixtures.CUSTOMER);
        assertThat(paused.marketingPaused()).isTrue();
        assertThat(paused.source()).isEqualTo(ChannelSends.MARKETING_REFUSED_SOURCE);
        // the next offer is given up without trying the channel
        clock.advance(Duration.ofMinutes(5));
        assertThat(consenting.dispatchDue()).isZero();
        assertThat(stored("b").status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(channel.sent()).isEmpty();
    }

    @Test
    void should_tell_the_channel_when_the_customer_last_wrote_and_keep_the_sent_message() {
        // given
        Instant wrote = clock.instant().minus(Duration.ofHours(3));
        conversations.append(new ConversationMessage(Fixtures.SHOP_ID, Fixtures.CUSTOMER,
                ConversationMessage.Direction.INBOUND, "Здравствуйте", wrote, "in:recording:wamid.1"));
        schedule("a", Duration.ZERO, MessageCategory.UTILITY);

        // when
        consenting.dispatchDue();

        // then
        assertThat(channel.sent()).singleElement().satisfies(m -> {
            assertThat(m.customerLastWroteAt()).isEqualTo(wrote);
            assertThat(m.templateRequired()).isFalse();
        });
        assertThat(conversations.recent(Fixtures.SHOP_ID, Fixtures.CUSTOMER, 10)).hasSize(2).last()
                .satisfies(m -> {
                    assertThat(m.direction()).isEqualTo(ConversationMessage.Direction.OUTBOUND);
                    assertThat(m.text()).isEqualTo("Напоминание a");
                    assertThat(m.messageKey()).isEqualTo("out:recording:run:a");
                });
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

    /** A channel's passing failure that says what it means and how long to wait. */
    private static final class Throttled extends RetriableMarketplaceException implements ChannelFailure {
        private static final long serialVersionUID = 1L;
        private final FailureKind kind;

        Throttled(FailureKind kind, Duration retryAfter) {
            super("whatsapp", 429, "too many messages to this customer", retryAfter, null);
            this.kind = kind;
        }

        @Override
        public FailureKind failureKind() {
            return kind;
        }
    }
}
