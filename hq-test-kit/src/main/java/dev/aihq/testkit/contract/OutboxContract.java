package dev.aihq.testkit.contract;

import static dev.aihq.testkit.Fixtures.CUSTOMER;
import static dev.aihq.testkit.Fixtures.OTHER_CUSTOMER;
import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.store.Outbox;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.testkit.Concurrency;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Outbox}: scheduling once per stable key; claiming only due pending messages,
 * oldest due first, under a lease that keeps other dispatchers off until it expires; each message to one
 * claimer when dispatchers race; sent, retried and failed messages; the frequency-cap count; and shops
 * kept apart. The suite passes its own {@code now} to every call, taken from {@link #clock()}. Subclass it
 * and return a new empty outbox from {@link #createStore()}.
 */
public abstract class OutboxContract extends StoreContract<Outbox> {

    /** The lease the suite claims with. */
    protected static final Duration LEASE = Duration.ofSeconds(30);

    private final SettableClock clock = SettableClock.at(Fixtures.NOW, Fixtures.ALMATY);

    /** Creates the suite. */
    protected OutboxContract() {}

    /**
     * Returns the clock the suite takes {@code now} from; tests move it to expire leases.
     *
     * @return the clock
     */
    protected SettableClock clock() {
        return clock;
    }

    /**
     * Returns how many rounds the concurrency test runs; lower it for a store whose claims are slow.
     *
     * @return the rounds, 20 by default
     */
    protected int raceRounds() {
        return 20;
    }

    /** A message with a new stable key is added as it was given. */
    @Test
    public void should_schedule_message_when_stable_key_is_new() {
        // given
        OutboxMessage message = Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, clock().instant());

        // when
        boolean added = store().schedule(message);

        // then
        assertThat(added).isTrue();
        assertThat(store().find(SHOP_ID, "m-1")).contains(message);
    }

    /** A second message with the same stable key is refused and the first stays as it was. */
    @Test
    public void should_keep_a_message_claimed_until_its_lease_expires_when_it_is_scheduled_already_claimed() {
        // given: its creator sends it at once and holds it under a lease
        Instant now = clock().instant();
        OutboxMessage pending = Fixtures.outboxMessage(SHOP_ID, "m-now", CUSTOMER, now);
        OutboxMessage claimed = new OutboxMessage(pending.id(), pending.shopId(), pending.runId(), pending.channel(),
                pending.to(), pending.text(), pending.stableKey(), now, OutboxStatus.CLAIMED, 1, "creator",
                now.plus(Duration.ofMinutes(2)), null, null);

        // when
        boolean added = store().schedule(claimed);

        // then: no dispatcher takes it within the lease; after the lease it is claimable again
        assertThat(added).isTrue();
        assertThat(store().claimDue(now.plusSeconds(60), 10, "dispatcher", Duration.ofMinutes(1))).isEmpty();
        assertThat(store().countRecent(SHOP_ID, CUSTOMER, now.minusSeconds(1))).isEqualTo(1);
        List<OutboxMessage> later = store().claimDue(now.plus(Duration.ofMinutes(3)), 10, "dispatcher",
                Duration.ofMinutes(1));
        assertThat(later).singleElement().satisfies(m -> {
            assertThat(m.claimedBy()).isEqualTo("dispatcher");
            assertThat(m.attempts()).isEqualTo(2);
        });
    }

    @Test
    public void should_not_schedule_when_stable_key_already_exists() {
        // given
        OutboxMessage first = Fixtures.outboxMessage(SHOP_ID, "m-1", "sales.purchase:512345678", CUSTOMER,
                clock().instant());
        store().schedule(first);
        OutboxMessage duplicate = Fixtures.outboxMessage(SHOP_ID, "m-2", "sales.purchase:512345678", CUSTOMER,
                clock().instant().plusSeconds(60));

        // when
        boolean added = store().schedule(duplicate);

        // then
        assertThat(added).isFalse();
        assertThat(store().find(SHOP_ID, "m-1")).contains(first);
        assertThat(store().find(SHOP_ID, "m-2")).isEmpty();
    }

    /** An unknown message is empty. */
    @Test
    public void should_return_empty_when_message_is_unknown() {
        // given
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, clock().instant()));

        // when / then
        assertThat(store().find(SHOP_ID, "m-404")).isEmpty();
    }

    /** Only pending messages due at or before now are claimed, oldest due first, and marked claimed. */
    @Test
    public void should_claim_only_due_messages_in_due_order_when_claiming() {
        // given
        Instant now = clock().instant();
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "due-1m-ago", CUSTOMER, now.minusSeconds(60)));
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "due-now", CUSTOMER, now));
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "due-later", CUSTOMER, now.plusSeconds(60)));
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "due-5m-ago", CUSTOMER, now.minusSeconds(300)));

        // when
        List<OutboxMessage> claimed = store().claimDue(now, 10, "worker-1", LEASE);

        // then
        assertThat(claimed).extracting(OutboxMessage::id).containsExactly("due-5m-ago", "due-1m-ago", "due-now");
        assertThat(claimed).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.CLAIMED);
            assertThat(m.attempts()).isEqualTo(1);
            assertThat(m.claimedBy()).isEqualTo("worker-1");
            assertThat(m.leaseUntil()).isEqualTo(now.plus(LEASE));
        });
        assertThat(store().find(SHOP_ID, "due-now")).contains(claimed.get(2));
        OutboxMessage later = store().find(SHOP_ID, "due-later").orElseThrow();
        assertThat(later.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(later.attempts()).isZero();
    }

    /** No more than {@code max} messages are claimed at once: the oldest due. */
    @Test
    public void should_claim_at_most_max_when_more_messages_are_due() {
        // given
        Instant now = clock().instant();
        for (int i = 1; i <= 5; i++) {
            store().schedule(Fixtures.outboxMessage(SHOP_ID, "m-" + i, CUSTOMER, now.minusSeconds(100 - i)));
        }

        // when
        List<OutboxMessage> claimed = store().claimDue(now, 2, "worker-1", LEASE);

        // then
        assertThat(claimed).extracting(OutboxMessage::id).containsExactly("m-1", "m-2");
        assertThat(store().find(SHOP_ID, "m-3").orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
    }

    /** A claimed message is not claimed again while its lease holds. */
    @Test
    public void should_not_claim_again_when_lease_has_not_expired() {
        // given
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, clock().instant()));
        store().claimDue(clock().instant(), 10, "worker-1", LEASE);
        clock().advance(LEASE.minusSeconds(1));

        // when
        List<OutboxMessage> claimed = store().claimDue(clock().instant(), 10, "worker-2", LEASE);

        // then
        assertThat(claimed).isEmpty();
        assertThat(store().find(SHOP_ID, "m-1").orElseThrow().claimedBy()).isEqualTo("worker-1");
    }

    /** A message whose lease expired (its dispatcher died) is claimed again, with one more attempt. */
    @Test
    public void should_claim_again_when_lease_has_expired() {
        // given
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, clock().instant()));
        store().claimDue(clock().instant(), 10, "worker-1", LEASE);
        Instant later = clock().advance(LEASE.plusSeconds(1));

        // when
        List<OutboxMessage> claimed = store().claimDue(later, 10, "worker-2", LEASE);

        // then
        assertThat(claimed).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("m-1");
            assertThat(m.status()).isEqualTo(OutboxStatus.CLAIMED);
            assertThat(m.attempts()).isEqualTo(2);
            assertThat(m.claimedBy()).isEqualTo("worker-2");
            assertThat(m.leaseUntil()).isEqualTo(later.plus(LEASE));
        });
    }

    /** Expired claims and due pending messages are claimed together, oldest due first. */
    @Test
    public void should_claim_expired_and_pending_in_due_order_when_both_are_due() {
        // given
        Instant start = clock().instant();
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "abandoned", CUSTOMER, start));
        store().claimDue(start, 10, "worker-crashed", LEASE);
        Instant now = clock().advance(Duration.ofMinutes(10));
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "newer", CUSTOMER, now.minusSeconds(60)));
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "older", CUSTOMER, start.minusSeconds(60)));

        // when
        List<OutboxMessage> first = store().claimDue(now, 2, "worker-2", LEASE);
        List<OutboxMessage> rest = store().claimDue(now, 2, "worker-2", LEASE);

        // then
        assertThat(first).extracting(OutboxMessage::id).containsExactly("older", "abandoned");
        assertThat(rest).extracting(OutboxMessage::id).containsExactly("newer");
        assertThat(first.get(1).attempts()).isEqualTo(2);
    }

    /**
     * Four dispatchers racing over 50 due messages claim each exactly once. The race is run in several
     * rounds, each on 50 new messages, to give a non-atomic claim many chances to show.
     */
    @Test
    public void should_claim_each_message_once_when_dispatchers_race() {
        // given
        Outbox outbox = store();
        Instant now = clock().instant();
        for (int round = 0; round < raceRounds(); round++) {
            String prefix = "round-" + round + "-m-";
            for (int i = 0; i < 50; i++) {
                outbox.schedule(Fixtures.outboxMessage(SHOP_ID, prefix + i, CUSTOMER, now.minusSeconds(i)));
            }

            // when
            List<List<String>> perWorker = Concurrency.race(4, w -> {
                List<String> mine = new ArrayList<>();
                List<OutboxMessage> batch;
                do {
                    batch = outbox.claimDue(now, 3, "worker-" + w, Duration.ofMinutes(5));
                    batch.forEach(m -> mine.add(m.id()));
                } while (!batch.isEmpty());
                return mine;
            });

            // then
            List<String> all = perWorker.stream().flatMap(List::stream).toList();
            assertThat(all).as("messages claimed in round %d", round)
                    .hasSize(50).doesNotHaveDuplicates().allMatch(id -> id.startsWith(prefix));
            assertThat(outbox.claimDue(now, 50, "worker-late", LEASE)).isEmpty();
            assertThat(outbox.find(SHOP_ID, prefix + "7").orElseThrow().attempts()).isEqualTo(1);
        }
    }

    /** A sent message records the provider's id and is never claimed again. */
    @Test
    public void should_mark_sent_with_provider_id_when_provider_accepted() {
        // given
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, clock().instant()));
        store().claimDue(clock().instant(), 10, "worker-1", LEASE);

        // when
        store().markSent(SHOP_ID, "m-1", "wamid.HBgLNzcwMTEyMzQ1NjcVAgARGBI", clock().instant().plusSeconds(1));

        // then
        OutboxMessage sent = store().find(SHOP_ID, "m-1").orElseThrow();
        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.providerMessageId()).isEqualTo("wamid.HBgLNzcwMTEyMzQ1NjcVAgARGBI");
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(store().claimDue(clock().advance(Duration.ofHours(1)), 10, "worker-2", LEASE)).isEmpty();
    }

    /** A failure with a retry time puts the message back to pending, due at that time, with the error. */
    @Test
    public void should_reschedule_when_failed_with_retry_time() {
        // given
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, clock().instant()));
        store().claimDue(clock().instant(), 10, "worker-1", LEASE);
        Instant retryAt = clock().instant().plus(Duration.ofMinutes(5));

        // when
        store().markFailed(SHOP_ID, "m-1", "503 Service Unavailable", retryAt);

        // then
        OutboxMessage failed = store().find(SHOP_ID, "m-1").orElseThrow();
        assertThat(failed.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(failed.dueAt()).isEqualTo(retryAt);
        assertThat(failed.lastError()).isEqualTo("503 Service Unavailable");
        assertThat(store().claimDue(retryAt.minusSeconds(1), 10, "worker-2", LEASE)).isEmpty();
        assertThat(store().claimDue(retryAt, 10, "worker-2", LEASE)).singleElement()
                .satisfies(m -> assertThat(m.attempts()).isEqualTo(2));
    }

    /** A failure without a retry time gives the message up for good. */
    @Test
    public void should_give_up_when_failed_without_retry_time() {
        // given
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, clock().instant()));
        store().claimDue(clock().instant(), 10, "worker-1", LEASE);

        // when
        store().markFailed(SHOP_ID, "m-1", "400 recipient not on WhatsApp", null);

        // then
        OutboxMessage failed = store().find(SHOP_ID, "m-1").orElseThrow();
        assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.lastError()).isEqualTo("400 recipient not on WhatsApp");
        assertThat(store().claimDue(clock().advance(Duration.ofDays(1)), 10, "worker-2", LEASE)).isEmpty();
    }

    /**
     * The frequency-cap count includes the customer's pending, claimed and sent messages due since the
     * given time, in that shop only; failed ones, older ones and other customers' are not counted.
     */
    @Test
    public void should_count_pending_claimed_and_sent_when_counting_recent_messages() {
        // given
        Instant now = clock().instant();
        Instant since = now.minus(Duration.ofDays(7));
        Outbox outbox = store();
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "sent", CUSTOMER, now.minus(Duration.ofDays(2))));
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "claimed", CUSTOMER, now.minus(Duration.ofDays(1))));
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "failed", CUSTOMER, now.minus(Duration.ofDays(3))));
        outbox.claimDue(now.minus(Duration.ofDays(2)), 10, "worker-1", LEASE);
        outbox.markSent(SHOP_ID, "sent", "wamid.1", now.minus(Duration.ofDays(2)));
        outbox.markFailed(SHOP_ID, "failed", "400 recipient not on WhatsApp", null);
        outbox.claimDue(now, 10, "worker-1", LEASE);
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "pending", CUSTOMER, now.plus(Duration.ofMinutes(20))));
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "at-since", CUSTOMER, since));
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "too-old", CUSTOMER, since.minusSeconds(1)));
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "other-customer", OTHER_CUSTOMER, now));
        outbox.schedule(Fixtures.outboxMessage(OTHER_SHOP_ID, "other-shop", CUSTOMER, now));

        // when
        long count = outbox.countRecent(SHOP_ID, CUSTOMER, since);

        // then
        assertThat(outbox.find(SHOP_ID, "claimed").orElseThrow().status()).isEqualTo(OutboxStatus.CLAIMED);
        assertThat(count).isEqualTo(4);
        assertThat(outbox.countRecent(SHOP_ID, OTHER_CUSTOMER, since)).isEqualTo(1);
        assertThat(outbox.countRecent(OTHER_SHOP_ID, CUSTOMER, since)).isEqualTo(1);
    }

    /**
     * Tenant isolation: the same id and stable key in two shops are two messages; claiming, sending and
     * finding one leaves the other as it was.
     */
    @Test
    public void should_keep_shops_apart_when_same_id_and_key_exist_in_two_shops() {
        // given
        Instant now = clock().instant();
        OutboxMessage mine = Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, now);
        OutboxMessage theirs = Fixtures.outboxMessage(OTHER_SHOP_ID, "m-1", CUSTOMER, now.plusSeconds(600));
        store().schedule(mine);

        // when
        boolean added = store().schedule(theirs);
        List<OutboxMessage> claimed = store().claimDue(now, 10, "worker-1", LEASE);
        store().markSent(SHOP_ID, "m-1", "wamid.1", now);

        // then
        assertThat(added).isTrue();
        assertThat(claimed).extracting(OutboxMessage::shopId).containsExactly(SHOP_ID);
        assertThat(store().find(SHOP_ID, "m-1").orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
        assertThat(store().find(OTHER_SHOP_ID, "m-1")).contains(theirs);
    }
}
