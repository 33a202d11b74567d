package dev.aihq.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.channel.ChannelLimits;
import dev.aihq.api.channel.MessageChannel;
import dev.aihq.api.channel.OutboundMessage;
import dev.aihq.api.channel.SendReceipt;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.RateLimitedException;
import dev.aihq.api.error.RequestRejectedException;
import dev.aihq.api.error.ServiceUnavailableException;
import dev.aihq.api.result.RunId;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.pipeline.memory.InMemoryOutbox;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.RecordingChannel;
import dev.aihq.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
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
}
