package dev.aihq.channel.whatsapp.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SendPacerTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration SIX_SECONDS = Duration.ofSeconds(6);
    private static final String ALIYA = "shop-1:+77071234567";
    private static final String BORIS = "shop-1:+77017654321";

    private final SettableClock clock = SettableClock.at(NOW);
    private final SendPacer pacer = SendPacer.create(PacingConfig.defaults(), clock);

    @Test
    void should_let_the_first_message_go_now() {
        // when
        Instant slot = pacer.reserve(ALIYA);

        // then
        assertThat(slot).isEqualTo(NOW);
    }

    @Test
    void should_space_a_burst_of_50_messages_to_one_customer_by_the_pair_interval() {
        // when
        List<Instant> slots = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            slots.add(pacer.reserve(ALIYA));
        }

        // then: 50 distinct slots, the first now, each exactly 6 s after the one before
        assertThat(slots).doesNotHaveDuplicates().hasSize(50);
        for (int i = 0; i < 50; i++) {
            assertThat(slots.get(i)).isEqualTo(NOW.plus(SIX_SECONDS.multipliedBy(i)));
        }
    }

    @Test
    void should_give_each_customer_their_own_spacing_when_interleaved() {
        // when
        List<Instant> aliya = new ArrayList<>();
        List<Instant> boris = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            aliya.add(pacer.reserve(ALIYA));
            boris.add(pacer.reserve(BORIS));
        }

        // then: Boris is not held behind Aliya's burst; he only waits one number spacing behind her
        Duration spacing = PacingConfig.defaults().numberSpacing();
        for (int i = 0; i < 5; i++) {
            assertThat(aliya.get(i)).isEqualTo(NOW.plus(SIX_SECONDS.multipliedBy(i)));
            assertThat(boris.get(i)).isEqualTo(NOW.plus(SIX_SECONDS.multipliedBy(i)).plus(spacing));
        }
    }

    @Test
    void should_not_hold_another_customer_behind_a_long_burst() {
        // given: Aliya's burst reaches five minutes into the future
        for (int i = 0; i < 50; i++) {
            pacer.reserve(ALIYA);
        }
        clock.advance(Duration.ofSeconds(1));

        // when
        Instant boris = pacer.reserve(BORIS);

        // then
        assertThat(boris).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void should_keep_the_numbers_rate_across_200_customers_at_one_instant() {
        // when
        List<Instant> slots = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            slots.add(pacer.reserve("shop-1:+7701" + String.format("%07d", i)));
        }

        // then: 12.5 ms apart, so 2.5 s in all, and no window [t, t + 1 s) holds more than 80
        assertThat(slots).doesNotHaveDuplicates().isSorted();
        assertThat(slots.get(0)).isEqualTo(NOW);
        assertThat(slots.get(199)).isEqualTo(NOW.plus(Duration.ofNanos(12_500_000L * 199)));
        assertThat(maxInAnySecond(slots)).isEqualTo(80);
    }

    @Test
    void should_keep_the_coexistence_rate() {
        // given
        SendPacer shared = SendPacer.create(PacingConfig.coexistence(), clock);

        // when
        List<Instant> slots = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            slots.add(shared.reserve("customer-" + i));
        }

        // then
        assertThat(maxInAnySecond(slots)).isEqualTo(20);
        assertThat(slots.get(99)).isEqualTo(NOW.plus(Duration.ofMillis(50L * 99)));
    }

    @Test
    void should_fill_a_gap_between_reserved_slots() {
        // given: Aliya at now, now + 6 s; Boris at now + 12.5 ms
        pacer.reserve(ALIYA);
        pacer.reserve(ALIYA);
        pacer.reserve(BORIS);
        clock.advance(Duration.ofSeconds(3));

        // when: a third customer three seconds later, between the held slots
        Instant slot = pacer.reserve("shop-1:+77770000000");

        // then
        assertThat(slot).isEqualTo(NOW.plusSeconds(3));
    }

    @Test
    void should_move_a_slot_off_a_neighbour_that_is_too_close() {
        // given: Aliya's next slot is now + 6 s
        pacer.reserve(ALIYA);
        pacer.reserve(ALIYA);
        clock.advance(SIX_SECONDS.minusMillis(5));

        // when: Boris 5 ms before it is too close, so he goes one spacing after it
        Instant slot = pacer.reserve(BORIS);

        // then
        assertThat(slot).isEqualTo(NOW.plus(SIX_SECONDS).plusNanos(12_500_000));
    }

    @Test
    void should_let_a_customer_write_again_once_the_interval_has_passed() {
        // given
        pacer.reserve(ALIYA);
        clock.advance(Duration.ofSeconds(10));

        // when
        Instant slot = pacer.reserve(ALIYA);

        // then
        assertThat(slot).isEqualTo(NOW.plusSeconds(10));
    }

    @Test
    void should_wait_for_the_rest_of_the_interval_when_writing_again_too_soon() {
        // given
        pacer.reserve(ALIYA);
        clock.advance(Duration.ofSeconds(2));

        // when
        Duration delay = pacer.delayFor(ALIYA);

        // then
        assertThat(delay).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void should_report_the_delay_of_each_reserved_slot() {
        // when
        Duration first = pacer.delayFor(ALIYA);
        Duration second = pacer.delayFor(ALIYA);
        Duration third = pacer.delayFor(ALIYA);

        // then
        assertThat(first).isZero();
        assertThat(second).isEqualTo(SIX_SECONDS);
        assertThat(third).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void should_peek_at_the_next_slot_without_reserving_it() {
        // given
        pacer.reserve(ALIYA);

        // when
        Instant peeked = pacer.nextSlot(ALIYA);
        Instant peekedAgain = pacer.nextSlot(ALIYA);
        Instant reserved = pacer.reserve(ALIYA);

        // then
        assertThat(peeked).isEqualTo(NOW.plus(SIX_SECONDS)).isEqualTo(peekedAgain).isEqualTo(reserved);
        assertThat(pacer.nextSlot(ALIYA)).isEqualTo(NOW.plus(SIX_SECONDS.multipliedBy(2)));
        assertThat(pacer.nextSlot(BORIS)).isEqualTo(NOW.plusNanos(12_500_000));
    }

    @Test
    void should_give_800_distinct_slots_spaced_by_the_interval_to_8_threads_writing_to_one_customer()
            throws Exception {
        // given
        int threads = 8;
        int perThread = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<List<Instant>>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tasks.add(() -> {
                start.await();
                List<Instant> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(pacer.reserve(ALIYA));
                }
                return mine;
            });
        }

        // when
        List<Future<List<Instant>>> futures = new ArrayList<>();
        for (Callable<List<Instant>> task : tasks) {
            futures.add(pool.submit(task));
        }
        start.countDown();
        List<Instant> all = new ArrayList<>();
        try {
            for (Future<List<Instant>> future : futures) {
                all.addAll(future.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        // then: every slot of the schedule handed out exactly once
        Set<Instant> expected = new HashSet<>();
        for (int i = 0; i < threads * perThread; i++) {
            expected.add(NOW.plus(SIX_SECONDS.multipliedBy(i)));
        }
        assertThat(all).hasSize(800).doesNotHaveDuplicates();
        assertThat(new HashSet<>(all)).isEqualTo(expected);
    }

    @Test
    void should_forget_idle_recipients_once_the_interval_has_passed() {
        // given
        for (int i = 0; i < 100; i++) {
            pacer.reserve("customer-" + i);
        }
        assertThat(pacer.trackedRecipients()).isEqualTo(100);
        assertThat(pacer.heldSlots()).isEqualTo(100);

        // when: the slots were 12.5 ms apart from now on; six seconds later only the first is 6 s old
        clock.advance(SIX_SECONDS);

        // then: the first is forgotten, the others still constrain their next message
        assertThat(pacer.trackedRecipients()).isEqualTo(99);
        assertThat(pacer.heldSlots()).isZero();

        // when
        clock.advance(Duration.ofSeconds(2));

        // then
        assertThat(pacer.trackedRecipients()).isZero();
    }

    @Test
    void should_keep_a_recipient_with_future_slots() {
        // given: a burst reaching 54 s ahead
        for (int i = 0; i < 10; i++) {
            pacer.reserve(ALIYA);
        }

        // when
        clock.advance(Duration.ofSeconds(30));

        // then
        assertThat(pacer.trackedRecipients()).isEqualTo(1);
        assertThat(pacer.heldSlots()).isEqualTo(5);
        assertThat(pacer.reserve(ALIYA)).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void should_forget_idle_recipients_while_reserving_for_others() {
        // given: one reservation per second for a minute, each to a new customer
        for (int i = 0; i < 60; i++) {
            pacer.reserve("customer-" + i);
            clock.advance(Duration.ofSeconds(1));
        }

        // when
        int tracked = pacer.trackedRecipients();

        // then: only those of the last 6 seconds remain
        assertThat(tracked).isEqualTo(5);
        assertThat(pacer.toString()).contains("recipients=5").doesNotContain("customer-");
    }

    @Test
    void should_not_reveal_recipients_in_its_description() {
        // given
        pacer.reserve(ALIYA);

        // when
        String text = pacer.toString();

        // then
        assertThat(text).doesNotContain("7707").contains("messagesPerSecond=80").contains("recipients=1");
    }

    @Test
    void should_reject_a_blank_key_without_reserving() {
        assertThatThrownBy(() -> pacer.reserve(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recipientKey must not be blank");
        assertThat(pacer.heldSlots()).isZero();
    }

    /** The most slots in any half-open window [t, t + 1 s), with t at each slot (where a maximum starts). */
    private static int maxInAnySecond(List<Instant> slots) {
        List<Instant> sorted = new ArrayList<>(slots);
        sorted.sort(null);
        int max = 0;
        int end = 0;
        for (int start = 0; start < sorted.size(); start++) {
            Instant limit = sorted.get(start).plusSeconds(1);
            while (end < sorted.size() && sorted.get(end).isBefore(limit)) {
                end++;
            }
            max = Math.max(max, end - start);
        }
        return max;
    }
}
