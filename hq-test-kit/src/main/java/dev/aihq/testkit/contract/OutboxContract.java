package dev.aihq.testkit.contract;

import static dev.aihq.testkit.Fixtures.CUSTOMER;
import static dev.aihq.testkit.Fixtures.OTHER_CUSTOMER;
import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.channel.DeliveryState;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.channel.QuickReply;
import dev.aihq.api.shop.FrequencyCap;
import dev.aihq.api.store.Outbox;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.api.store.ScheduleResult;
import dev.aihq.testkit.Concurrency;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Outbox}: scheduling once per stable key; claiming only due pending messages,
 * oldest due first, under a lease that keeps other dispatchers off until it expires; each message to one
 * claimer when dispatchers race; sent, retried and failed messages; the frequency-cap count and the
 * atomic capped schedule, also when schedules to one customer race; listing a shop's messages; cancelling
 * one message or an order's; and shops kept apart. Messages awaiting consent are never claimed but count
 * towards the cap, are released with their consent and cancelled with pending ones; delivery reports move
 * a sent message forward only; a requeued message is pending again without its provider id. The suite passes its own {@code now} to every call, taken from {@link #clock()}. Subclass it
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

    /** The frequency cap the capped-schedule tests use: 3 messages a week. */
    protected static final FrequencyCap WEEKLY_CAP = FrequencyCap.of(3, Duration.ofDays(7));

    /**
     * Returns how many rounds the capped-schedule race runs, each for another customer; lower it for a
     * store whose schedules are slow.
     *
     * @return the rounds, 10 by default
     */
    protected int capRaceRounds() {
        return 10;
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
                now.plus(Duration.ofMinutes(2)), null, null, null, null);

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

    /** The time of the send is kept with the message; an unsent message has none. */
    @Test
    public void should_record_the_sent_time_when_marked_sent() {
        // given
        Instant now = clock().instant();
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, now));
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "m-2", CUSTOMER, now));
        store().claimDue(now, 10, "worker-1", LEASE);
        Instant acceptedAt = now.plusMillis(1_500);

        // when
        store().markSent(SHOP_ID, "m-1", "wamid.1", acceptedAt);

        // then
        assertThat(store().find(SHOP_ID, "m-1").orElseThrow().sentAt()).isEqualTo(acceptedAt);
        assertThat(store().find(SHOP_ID, "m-2").orElseThrow().sentAt()).isNull();
    }

    /** The order key is kept with the message. */
    @Test
    public void should_keep_the_order_key_when_a_message_is_about_an_order() {
        // given
        OutboxMessage message = Fixtures.orderMessage(SHOP_ID, "m-1", "512345678", CUSTOMER, clock().instant());

        // when
        store().schedule(message);

        // then
        assertThat(store().find(SHOP_ID, "m-1")).contains(message);
        assertThat(store().find(SHOP_ID, "m-1").orElseThrow().orderKey()).isEqualTo("512345678");
    }

    /** A listing holds the shop's messages in the given statuses only, soonest due first. */
    @Test
    public void should_list_messages_in_the_given_statuses_soonest_due_first_when_listing() {
        // given
        Instant now = clock().instant();
        Outbox outbox = store();
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "claimed", CUSTOMER, now.minusSeconds(60)));
        outbox.claimDue(now, 10, "worker-1", LEASE);
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "in-2h", CUSTOMER, now.plus(Duration.ofHours(2))));
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "in-1h", OTHER_CUSTOMER, now.plus(Duration.ofHours(1))));
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "in-3h", CUSTOMER, now.plus(Duration.ofHours(3))));
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "cancelled", CUSTOMER, now.plus(Duration.ofMinutes(30))));
        outbox.cancel(SHOP_ID, "cancelled");

        // when
        List<OutboxMessage> pending = outbox.list(SHOP_ID, Set.of(OutboxStatus.PENDING), 10);
        List<OutboxMessage> pendingOrClaimed = outbox.list(SHOP_ID,
                EnumSet.of(OutboxStatus.PENDING, OutboxStatus.CLAIMED), 10);

        // then
        assertThat(pending).extracting(OutboxMessage::id).containsExactly("in-1h", "in-2h", "in-3h");
        assertThat(pending.get(0)).isEqualTo(outbox.find(SHOP_ID, "in-1h").orElseThrow());
        assertThat(pendingOrClaimed).extracting(OutboxMessage::id)
                .containsExactly("claimed", "in-1h", "in-2h", "in-3h");
        assertThat(outbox.list(SHOP_ID, Set.of(OutboxStatus.CANCELLED), 10)).extracting(OutboxMessage::id)
                .containsExactly("cancelled");
        assertThat(outbox.list(SHOP_ID, Set.of(OutboxStatus.SENT), 10)).isEmpty();
        assertThat(outbox.list(SHOP_ID, Set.of(), 10)).isEmpty();
    }

    /** No more than {@code limit} messages are listed: the soonest due. */
    @Test
    public void should_list_at_most_limit_when_more_messages_match() {
        // given
        Instant now = clock().instant();
        for (int i = 5; i >= 1; i--) {
            store().schedule(Fixtures.outboxMessage(SHOP_ID, "m-" + i, CUSTOMER, now.plus(Duration.ofMinutes(i))));
        }

        // when
        List<OutboxMessage> listed = store().list(SHOP_ID, Set.of(OutboxStatus.PENDING), 2);

        // then
        assertThat(listed).extracting(OutboxMessage::id).containsExactly("m-1", "m-2");
    }

    /** Tenant isolation: a shop's listing never holds another shop's messages. */
    @Test
    public void should_list_only_the_shops_own_messages_when_another_shop_has_messages() {
        // given
        Instant now = clock().instant();
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "mine", CUSTOMER, now.plusSeconds(60)));
        store().schedule(Fixtures.outboxMessage(OTHER_SHOP_ID, "theirs", CUSTOMER, now));

        // when
        List<OutboxMessage> mine = store().list(SHOP_ID, Set.of(OutboxStatus.PENDING), 10);

        // then
        assertThat(mine).extracting(OutboxMessage::id).containsExactly("mine");
        assertThat(mine).extracting(OutboxMessage::shopId).containsOnly(SHOP_ID);
    }

    /** A pending message is cancelled and never claimed afterwards, even when due. */
    @Test
    public void should_cancel_and_never_claim_when_the_message_is_pending() {
        // given
        Instant now = clock().instant();
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, now.plus(Duration.ofMinutes(15))));

        // when
        boolean cancelled = store().cancel(SHOP_ID, "m-1");

        // then
        assertThat(cancelled).isTrue();
        assertThat(store().find(SHOP_ID, "m-1").orElseThrow().status()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(store().claimDue(clock().advance(Duration.ofHours(1)), 10, "worker-1", LEASE)).isEmpty();
        assertThat(store().countRecent(SHOP_ID, CUSTOMER, now.minusSeconds(1))).isZero();
        assertThat(store().cancel(SHOP_ID, "m-1")).isFalse();
    }

    /** A claimed message is being sent: it cannot be cancelled and stays claimed. */
    @Test
    public void should_not_cancel_when_the_message_is_claimed() {
        // given
        Instant now = clock().instant();
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, now));
        store().claimDue(now, 10, "worker-1", LEASE);

        // when
        boolean cancelled = store().cancel(SHOP_ID, "m-1");

        // then
        assertThat(cancelled).isFalse();
        OutboxMessage message = store().find(SHOP_ID, "m-1").orElseThrow();
        assertThat(message.status()).isEqualTo(OutboxStatus.CLAIMED);
        assertThat(message.claimedBy()).isEqualTo("worker-1");
    }

    /** Cancelling an unknown message, or another shop's, changes nothing. */
    @Test
    public void should_not_cancel_when_the_shop_has_no_such_message() {
        // given
        store().schedule(Fixtures.outboxMessage(OTHER_SHOP_ID, "m-1", CUSTOMER, clock().instant()));

        // when / then
        assertThat(store().cancel(SHOP_ID, "m-404")).isFalse();
        assertThat(store().cancel(SHOP_ID, "m-1")).isFalse();
        assertThat(store().find(OTHER_SHOP_ID, "m-1").orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
    }

    /**
     * Cancelling an order cancels that order's pending messages in that shop only; its claimed messages,
     * other orders' messages and another shop's message with the same order key stay as they were.
     */
    @Test
    public void should_cancel_only_the_orders_pending_messages_when_cancelling_by_order() {
        // given
        Instant now = clock().instant();
        Outbox outbox = store();
        outbox.schedule(Fixtures.orderMessage(SHOP_ID, "claimed", "512345678", CUSTOMER, now));
        outbox.claimDue(now, 10, "worker-1", LEASE);
        outbox.schedule(Fixtures.orderMessage(SHOP_ID, "offer", "512345678", CUSTOMER, now.plusSeconds(900)));
        outbox.schedule(Fixtures.orderMessage(SHOP_ID, "review", "512345678", CUSTOMER, now.plusSeconds(86_400)));
        outbox.schedule(Fixtures.orderMessage(SHOP_ID, "other-order", "598765432", CUSTOMER, now.plusSeconds(900)));
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "no-order", CUSTOMER, now.plusSeconds(900)));
        outbox.schedule(Fixtures.orderMessage(OTHER_SHOP_ID, "offer", "512345678", CUSTOMER, now.plusSeconds(900)));

        // when
        int cancelled = outbox.cancelByOrder(SHOP_ID, "512345678");

        // then
        assertThat(cancelled).isEqualTo(2);
        assertThat(outbox.find(SHOP_ID, "offer").orElseThrow().status()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(outbox.find(SHOP_ID, "review").orElseThrow().status()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(outbox.find(SHOP_ID, "claimed").orElseThrow().status()).isEqualTo(OutboxStatus.CLAIMED);
        assertThat(outbox.find(SHOP_ID, "other-order").orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(outbox.find(SHOP_ID, "no-order").orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(outbox.find(OTHER_SHOP_ID, "offer").orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(outbox.cancelByOrder(SHOP_ID, "512345678")).isZero();
        assertThat(outbox.cancelByOrder(SHOP_ID, "unknown-order")).isZero();
    }

    /** Below the cap a message is added as it was given. */
    @Test
    public void should_schedule_when_the_customer_is_below_the_cap() {
        // given: two messages this week, cap 3
        Instant now = clock().instant();
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, now.minus(Duration.ofDays(2))));
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "m-2", CUSTOMER, now.minus(Duration.ofDays(1))));
        OutboxMessage message = Fixtures.orderMessage(SHOP_ID, "m-3", "512345678", CUSTOMER, now.plusSeconds(900));

        // when
        ScheduleResult result = store().scheduleWithinCap(message, WEEKLY_CAP, now);

        // then
        assertThat(result).isEqualTo(ScheduleResult.SCHEDULED);
        assertThat(store().find(SHOP_ID, "m-3")).contains(message);
    }

    /** At the cap nothing is added; other customers and other shops have caps of their own. */
    @Test
    public void should_add_nothing_when_the_customer_is_at_the_cap() {
        // given: three messages this week, cap 3
        Instant now = clock().instant();
        for (int i = 1; i <= 3; i++) {
            store().schedule(Fixtures.outboxMessage(SHOP_ID, "m-" + i, CUSTOMER, now.minus(Duration.ofDays(i))));
        }

        // when
        ScheduleResult result = store().scheduleWithinCap(
                Fixtures.outboxMessage(SHOP_ID, "m-4", CUSTOMER, now.plusSeconds(900)), WEEKLY_CAP, now);

        // then
        assertThat(result).isEqualTo(ScheduleResult.CAPPED);
        assertThat(store().find(SHOP_ID, "m-4")).isEmpty();
        assertThat(store().countRecent(SHOP_ID, CUSTOMER, now.minus(WEEKLY_CAP.period()))).isEqualTo(3);
        assertThat(store().scheduleWithinCap(Fixtures.outboxMessage(SHOP_ID, "m-5", OTHER_CUSTOMER, now),
                WEEKLY_CAP, now)).isEqualTo(ScheduleResult.SCHEDULED);
        assertThat(store().scheduleWithinCap(Fixtures.outboxMessage(OTHER_SHOP_ID, "m-4", CUSTOMER, now),
                WEEKLY_CAP, now)).isEqualTo(ScheduleResult.SCHEDULED);
    }

    /** A message whose stable key exists is a duplicate, even when the cap is reached too. */
    @Test
    public void should_report_a_duplicate_when_the_stable_key_exists() {
        // given
        Instant now = clock().instant();
        OutboxMessage first = Fixtures.outboxMessage(SHOP_ID, "m-1", "sales.purchase:512345678", CUSTOMER, now);
        assertThat(store().scheduleWithinCap(first, WEEKLY_CAP, now)).isEqualTo(ScheduleResult.SCHEDULED);
        OutboxMessage again = Fixtures.outboxMessage(SHOP_ID, "m-2", "sales.purchase:512345678", CUSTOMER,
                now.plusSeconds(60));

        // when
        ScheduleResult result = store().scheduleWithinCap(again, WEEKLY_CAP, now);
        ScheduleResult atCap = store().scheduleWithinCap(again, FrequencyCap.of(1, Duration.ofDays(7)), now);

        // then
        assertThat(result).isEqualTo(ScheduleResult.DUPLICATE);
        assertThat(atCap).isEqualTo(ScheduleResult.DUPLICATE);
        assertThat(store().find(SHOP_ID, "m-1")).contains(first);
        assertThat(store().find(SHOP_ID, "m-2")).isEmpty();
    }

    /**
     * Only the customer's pending, claimed and sent messages due within the period count: older ones,
     * failed and cancelled ones do not.
     */
    @Test
    public void should_not_count_old_failed_or_cancelled_messages_when_scheduling_within_the_cap() {
        // given
        Instant now = clock().instant();
        Instant periodStart = now.minus(WEEKLY_CAP.period());
        Outbox outbox = store();
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "old-1", CUSTOMER, periodStart.minusSeconds(1)));
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "old-2", CUSTOMER, periodStart.minus(Duration.ofDays(3))));
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "failed", CUSTOMER, now.minus(Duration.ofDays(1))));
        outbox.claimDue(now, 10, "worker-1", LEASE);
        outbox.markSent(SHOP_ID, "old-1", "wamid.1", periodStart);
        outbox.markFailed(SHOP_ID, "failed", "400 recipient not on WhatsApp", null);
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "cancelled", CUSTOMER, now.plusSeconds(60)));
        outbox.cancel(SHOP_ID, "cancelled");
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "recent-1", CUSTOMER, periodStart));
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "recent-2", CUSTOMER, now.plusSeconds(60)));

        // when
        ScheduleResult third = outbox.scheduleWithinCap(
                Fixtures.outboxMessage(SHOP_ID, "third", CUSTOMER, now.plusSeconds(120)), WEEKLY_CAP, now);
        ScheduleResult fourth = outbox.scheduleWithinCap(
                Fixtures.outboxMessage(SHOP_ID, "fourth", CUSTOMER, now.plusSeconds(180)), WEEKLY_CAP, now);

        // then
        assertThat(third).isEqualTo(ScheduleResult.SCHEDULED);
        assertThat(fourth).isEqualTo(ScheduleResult.CAPPED);
        assertThat(outbox.find(SHOP_ID, "fourth")).isEmpty();
    }

    /**
     * The cap limits marketing only: the customer's utility and service messages (the consent question, an
     * answer in their conversation) are neither counted nor capped by it.
     */
    @Test
    public void should_count_only_marketing_messages_when_scheduling_within_the_cap() {
        // given two utility messages and one service message in the period, and two offers
        Instant now = clock().instant();
        Outbox outbox = store();
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "question", CUSTOMER, now)
                .withPurpose(MessageCategory.UTILITY, null, List.of()));
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "shipped", CUSTOMER, now.plusSeconds(10))
                .withPurpose(MessageCategory.UTILITY, null, List.of()));
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "answer", CUSTOMER, now.plusSeconds(20))
                .withPurpose(MessageCategory.SERVICE, null, List.of()));
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "offer-1", CUSTOMER, now.plusSeconds(30)));
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "offer-2", CUSTOMER, now.plusSeconds(40)).awaitingConsent());

        // when
        long counted = outbox.countRecent(SHOP_ID, CUSTOMER, now.minus(WEEKLY_CAP.period()));
        ScheduleResult third = outbox.scheduleWithinCap(
                Fixtures.outboxMessage(SHOP_ID, "offer-3", CUSTOMER, now.plusSeconds(50)), WEEKLY_CAP, now);
        ScheduleResult utility = outbox.scheduleWithinCap(Fixtures.outboxMessage(SHOP_ID, "delivered", CUSTOMER,
                now.plusSeconds(60)).withPurpose(MessageCategory.UTILITY, null, List.of()), WEEKLY_CAP, now);
        ScheduleResult fourth = outbox.scheduleWithinCap(
                Fixtures.outboxMessage(SHOP_ID, "offer-4", CUSTOMER, now.plusSeconds(70)), WEEKLY_CAP, now);

        // then
        assertThat(counted).isEqualTo(2);
        assertThat(third).isEqualTo(ScheduleResult.SCHEDULED);
        assertThat(utility).as("a utility message is not capped by the marketing cap")
                .isEqualTo(ScheduleResult.SCHEDULED);
        assertThat(fourth).isEqualTo(ScheduleResult.CAPPED);
    }

    /** A message scheduled already claimed (sent at once by its creator) may be scheduled within the cap. */
    @Test
    public void should_schedule_a_claimed_message_when_it_is_below_the_cap() {
        // given
        Instant now = clock().instant();
        OutboxMessage pending = Fixtures.outboxMessage(SHOP_ID, "m-now", CUSTOMER, now);
        OutboxMessage claimed = new OutboxMessage(pending.id(), pending.shopId(), pending.runId(), pending.channel(),
                pending.to(), pending.text(), pending.stableKey(), now, OutboxStatus.CLAIMED, 1, "creator",
                now.plus(Duration.ofMinutes(2)), null, null, "512345678", null);

        // when
        ScheduleResult result = store().scheduleWithinCap(claimed, WEEKLY_CAP, now);

        // then
        assertThat(result).isEqualTo(ScheduleResult.SCHEDULED);
        assertThat(store().find(SHOP_ID, "m-now")).contains(claimed);
    }

    /**
     * Eight threads scheduling eight different messages to one customer under a cap of 3: exactly three
     * are added and five capped. Run in rounds, each for another customer, to give a read-then-write race
     * many chances to show.
     */
    @Test
    public void should_schedule_exactly_the_cap_when_schedules_to_one_customer_race() {
        // given
        Outbox outbox = store();
        Instant now = clock().instant();
        for (int round = 0; round < capRaceRounds(); round++) {
            PhoneNumber customer = new PhoneNumber("+7701555" + String.format("%04d", round));
            String prefix = "round-" + round + "-m-";

            // when
            List<ScheduleResult> results = Concurrency.race(8, t -> outbox.scheduleWithinCap(
                    Fixtures.outboxMessage(SHOP_ID, prefix + t, customer, now.plusSeconds(t)), WEEKLY_CAP, now));

            // then
            assertThat(results).as("results in round %d", round)
                    .filteredOn(r -> r == ScheduleResult.SCHEDULED).hasSize(3);
            assertThat(results).as("results in round %d", round)
                    .filteredOn(r -> r == ScheduleResult.CAPPED).hasSize(5);
            assertThat(outbox.countRecent(SHOP_ID, customer, now.minus(WEEKLY_CAP.period()))).isEqualTo(3);
            for (int t = 0; t < 8; t++) {
                assertThat(outbox.find(SHOP_ID, prefix + t).isPresent())
                        .isEqualTo(results.get(t) == ScheduleResult.SCHEDULED);
            }
        }
    }

    // ------------------------------------------------------------------------------ consent and delivery

    /** The consent under which the suite's released messages go. */
    protected static final String CONSENT = "OPTED_IN by button at 2026-03-02T06:01:00Z";

    /**
     * A message waiting for the customer's consent is never claimed, however late, but counts towards the
     * frequency cap and is listed in its status.
     */
    @Test
    public void should_never_claim_but_count_a_message_when_it_awaits_consent() {
        // given
        Instant now = clock().instant();
        OutboxMessage awaiting = Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, now).awaitingConsent();

        // when
        boolean added = store().schedule(awaiting);

        // then
        assertThat(added).isTrue();
        assertThat(store().find(SHOP_ID, "m-1")).contains(awaiting);
        assertThat(store().claimDue(clock().advance(Duration.ofDays(1)), 10, "worker-1", LEASE)).isEmpty();
        assertThat(store().find(SHOP_ID, "m-1").orElseThrow().status()).isEqualTo(OutboxStatus.AWAITING_CONSENT);
        assertThat(store().countRecent(SHOP_ID, CUSTOMER, now.minusSeconds(1))).isEqualTo(1);
        assertThat(store().scheduleWithinCap(Fixtures.outboxMessage(SHOP_ID, "m-2", CUSTOMER, now),
                FrequencyCap.of(1, Duration.ofDays(7)), now)).isEqualTo(ScheduleResult.CAPPED);
        assertThat(store().list(SHOP_ID, Set.of(OutboxStatus.AWAITING_CONSENT), 10)).containsExactly(awaiting);
        assertThat(store().list(SHOP_ID, Set.of(OutboxStatus.PENDING), 10)).isEmpty();
    }

    /** A message awaiting consent may be scheduled within the cap, and is then counted like any other. */
    @Test
    public void should_schedule_within_the_cap_and_count_when_a_message_awaits_consent() {
        // given
        Instant now = clock().instant();
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, now.minus(Duration.ofDays(1))));
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "m-2", CUSTOMER, now.minus(Duration.ofDays(2))));

        // when
        ScheduleResult third = store().scheduleWithinCap(
                Fixtures.outboxMessage(SHOP_ID, "m-3", CUSTOMER, now).awaitingConsent(), WEEKLY_CAP, now);
        ScheduleResult fourth = store().scheduleWithinCap(
                Fixtures.outboxMessage(SHOP_ID, "m-4", CUSTOMER, now).awaitingConsent(), WEEKLY_CAP, now);

        // then
        assertThat(third).isEqualTo(ScheduleResult.SCHEDULED);
        assertThat(fourth).isEqualTo(ScheduleResult.CAPPED);
        assertThat(store().find(SHOP_ID, "m-3").orElseThrow().status()).isEqualTo(OutboxStatus.AWAITING_CONSENT);
    }

    /**
     * Expiring a shop's unanswered offers cancels the messages awaiting consent due before the cutoff, with the
     * reason, and nothing else: later ones, pending ones and other shops' stay.
     */
    @Test
    public void should_cancel_only_the_shops_messages_awaiting_consent_due_before_the_cutoff_when_they_expire() {
        // given
        Instant now = clock().instant();
        Outbox outbox = store();
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "old", CUSTOMER, now.minus(Duration.ofDays(8)))
                .awaitingConsent());
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "old-other", OTHER_CUSTOMER, now.minus(Duration.ofDays(9)))
                .awaitingConsent());
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "young", CUSTOMER, now.minus(Duration.ofDays(2)))
                .awaitingConsent());
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "pending", CUSTOMER, now.minus(Duration.ofDays(10))));
        outbox.schedule(Fixtures.outboxMessage(OTHER_SHOP_ID, "old", CUSTOMER, now.minus(Duration.ofDays(8)))
                .awaitingConsent());

        // when
        int expired = outbox.expireAwaitingConsent(SHOP_ID, now.minus(Duration.ofDays(7)), "no answer in 7 days");

        // then
        assertThat(expired).isEqualTo(2);
        for (String id : List.of("old", "old-other")) {
            assertThat(outbox.find(SHOP_ID, id).orElseThrow()).satisfies(m -> {
                assertThat(m.status()).isEqualTo(OutboxStatus.CANCELLED);
                assertThat(m.lastError()).isEqualTo("no answer in 7 days");
            });
        }
        assertThat(outbox.find(SHOP_ID, "young").orElseThrow().status()).isEqualTo(OutboxStatus.AWAITING_CONSENT);
        assertThat(outbox.find(SHOP_ID, "pending").orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(outbox.find(OTHER_SHOP_ID, "old").orElseThrow().status()).isEqualTo(OutboxStatus.AWAITING_CONSENT);
        assertThat(outbox.expireAwaitingConsent(SHOP_ID, now.minus(Duration.ofDays(7)), "again")).isZero();
    }

    /**
     * A release makes the customer's messages awaiting consent pending, due at the given time, with the
     * consent they now go under; other customers', other shops' and messages in other statuses stay.
     */
    @Test
    public void should_make_the_customers_awaiting_messages_pending_with_the_consent_when_released() {
        // given
        Instant now = clock().instant();
        Outbox outbox = store();
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "offer", CUSTOMER, now).awaitingConsent());
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "review", CUSTOMER, now.plusSeconds(600)).awaitingConsent());
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "utility", CUSTOMER, now.plusSeconds(30)));
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "other", OTHER_CUSTOMER, now).awaitingConsent());
        outbox.schedule(Fixtures.outboxMessage(OTHER_SHOP_ID, "offer", CUSTOMER, now).awaitingConsent());

        // when
        int released = outbox.releaseAwaitingConsent(SHOP_ID, CUSTOMER, CONSENT);

        // then
        assertThat(released).isEqualTo(2);
        for (String id : List.of("offer", "review")) {
            OutboxMessage message = outbox.find(SHOP_ID, id).orElseThrow();
            assertThat(message.status()).as(id).isEqualTo(OutboxStatus.PENDING);
            assertThat(message.consent()).as(id).isEqualTo(CONSENT);
            assertThat(message.attempts()).as(id).isZero();
            assertThat(message.category()).as(id).isEqualTo(MessageCategory.MARKETING);
        }
        assertThat(outbox.find(SHOP_ID, "utility").orElseThrow().consent()).isNull();
        assertThat(outbox.find(SHOP_ID, "other").orElseThrow().status()).isEqualTo(OutboxStatus.AWAITING_CONSENT);
        assertThat(outbox.find(OTHER_SHOP_ID, "offer").orElseThrow().status())
                .isEqualTo(OutboxStatus.AWAITING_CONSENT);
        // each keeps its own due time: the one planned for later still waits for it
        assertThat(outbox.find(SHOP_ID, "offer").orElseThrow().dueAt()).isEqualTo(now);
        assertThat(outbox.find(SHOP_ID, "review").orElseThrow().dueAt()).isEqualTo(now.plusSeconds(600));
        assertThat(outbox.claimDue(now.plusSeconds(60), 10, "worker-1", LEASE)).extracting(OutboxMessage::id)
                .containsExactlyInAnyOrder("offer", "utility");
        assertThat(outbox.releaseAwaitingConsent(SHOP_ID, CUSTOMER, CONSENT)).isZero();
    }

    /**
     * Cancelling a customer's messages of some categories takes the pending ones and those awaiting consent,
     * with the reason as their last error; claimed messages, other categories, other customers and other
     * shops stay; an empty set of categories cancels nothing.
     */
    @Test
    public void should_cancel_the_customers_open_messages_of_the_categories_when_cancelling_for_a_customer() {
        // given
        Instant now = clock().instant();
        Outbox outbox = store();
        outbox.schedule(purposed(Fixtures.outboxMessage(SHOP_ID, "claimed", CUSTOMER, now), MessageCategory.MARKETING));
        outbox.claimDue(now, 10, "worker-1", LEASE);
        outbox.schedule(purposed(Fixtures.outboxMessage(SHOP_ID, "offer", CUSTOMER, now.plusSeconds(60)),
                MessageCategory.MARKETING));
        outbox.schedule(purposed(Fixtures.outboxMessage(SHOP_ID, "waiting", CUSTOMER, now.plusSeconds(60)),
                MessageCategory.MARKETING).awaitingConsent());
        outbox.schedule(purposed(Fixtures.outboxMessage(SHOP_ID, "delivery", CUSTOMER, now.plusSeconds(60)),
                MessageCategory.UTILITY));
        outbox.schedule(purposed(Fixtures.outboxMessage(SHOP_ID, "answer", CUSTOMER, now.plusSeconds(60)),
                MessageCategory.SERVICE));
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "someone-else", OTHER_CUSTOMER, now.plusSeconds(60)));
        outbox.schedule(Fixtures.outboxMessage(OTHER_SHOP_ID, "offer", CUSTOMER, now.plusSeconds(60)));

        // when
        int none = outbox.cancelForCustomer(SHOP_ID, CUSTOMER, Set.of(), "nothing");
        int marketing = outbox.cancelForCustomer(SHOP_ID, CUSTOMER, Set.of(MessageCategory.MARKETING),
                "customer declined offers");

        // then
        assertThat(none).isZero();
        assertThat(marketing).isEqualTo(2);
        for (String id : List.of("offer", "waiting")) {
            OutboxMessage message = outbox.find(SHOP_ID, id).orElseThrow();
            assertThat(message.status()).as(id).isEqualTo(OutboxStatus.CANCELLED);
            assertThat(message.lastError()).as(id).isEqualTo("customer declined offers");
        }
        assertThat(outbox.find(SHOP_ID, "claimed").orElseThrow().status()).isEqualTo(OutboxStatus.CLAIMED);
        assertThat(outbox.find(SHOP_ID, "delivery").orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(outbox.find(SHOP_ID, "someone-else").orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(outbox.find(OTHER_SHOP_ID, "offer").orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);

        // when: the customer opts out of everything
        int all = outbox.cancelForCustomer(SHOP_ID, CUSTOMER, EnumSet.allOf(MessageCategory.class),
                "customer opted out");

        // then
        assertThat(all).isEqualTo(2);
        assertThat(outbox.find(SHOP_ID, "delivery").orElseThrow().status()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(outbox.find(SHOP_ID, "answer").orElseThrow().lastError()).isEqualTo("customer opted out");
        assertThat(outbox.find(SHOP_ID, "offer").orElseThrow().lastError()).isEqualTo("customer declined offers");
        assertThat(outbox.find(SHOP_ID, "claimed").orElseThrow().status()).isEqualTo(OutboxStatus.CLAIMED);
        assertThat(outbox.countRecent(SHOP_ID, CUSTOMER, now.minusSeconds(1))).isEqualTo(1);
    }

    /** A message awaiting consent is cancelled like a pending one, alone or with its order, and never released. */
    @Test
    public void should_cancel_a_message_when_it_awaits_consent() {
        // given
        Instant now = clock().instant();
        Outbox outbox = store();
        outbox.schedule(Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, now).awaitingConsent());
        outbox.schedule(Fixtures.orderMessage(SHOP_ID, "m-2", "512345678", CUSTOMER, now).awaitingConsent());

        // when
        boolean cancelled = outbox.cancel(SHOP_ID, "m-1");
        int byOrder = outbox.cancelByOrder(SHOP_ID, "512345678");

        // then
        assertThat(cancelled).isTrue();
        assertThat(byOrder).isEqualTo(1);
        assertThat(outbox.find(SHOP_ID, "m-1").orElseThrow().status()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(outbox.find(SHOP_ID, "m-2").orElseThrow().status()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(outbox.releaseAwaitingConsent(SHOP_ID, CUSTOMER, CONSENT)).isZero();
        assertThat(outbox.countRecent(SHOP_ID, CUSTOMER, now.minusSeconds(1))).isZero();
        assertThat(outbox.cancel(SHOP_ID, "m-1")).isFalse();
    }

    /**
     * Delivery reports found by the provider's id move a sent message forward, sent to delivered to read,
     * and keep its status SENT; a report that comes again changes nothing.
     */
    @Test
    public void should_move_the_delivery_state_forward_when_reports_arrive_in_order() {
        // given
        Instant now = clock().instant();
        OutboxMessage sent = sentMessage("m-1", "wamid.A", now);

        // when
        Optional<OutboxMessage> reportedSent = store().recordDelivery(SHOP_ID, "wamid.A", DeliveryState.SENT,
                now.plusSeconds(2), null);
        Optional<OutboxMessage> delivered = store().recordDelivery(SHOP_ID, "wamid.A", DeliveryState.DELIVERED,
                now.plusSeconds(5), null);
        Optional<OutboxMessage> read = store().recordDelivery(SHOP_ID, "wamid.A", DeliveryState.READ,
                now.plusSeconds(60), null);
        Optional<OutboxMessage> readAgain = store().recordDelivery(SHOP_ID, "wamid.A", DeliveryState.READ,
                now.plusSeconds(90), null);

        // then
        assertThat(reportedSent).hasValueSatisfying(m -> {
            assertThat(m.deliveryState()).isEqualTo(DeliveryState.SENT);
            assertThat(m.deliveryAt()).isEqualTo(now.plusSeconds(2));
        });
        assertThat(delivered).hasValueSatisfying(m -> assertThat(m.deliveryState()).isEqualTo(DeliveryState.DELIVERED));
        assertThat(read).hasValueSatisfying(m -> {
            assertThat(m.id()).isEqualTo("m-1");
            assertThat(m.status()).isEqualTo(OutboxStatus.SENT);
            assertThat(m.deliveryState()).isEqualTo(DeliveryState.READ);
            assertThat(m.deliveryAt()).isEqualTo(now.plusSeconds(60));
            assertThat(m.providerMessageId()).isEqualTo("wamid.A");
            assertThat(m.sentAt()).isEqualTo(sent.sentAt());
        });
        assertThat(readAgain).isEqualTo(read);
        assertThat(store().find(SHOP_ID, "m-1")).isEqualTo(read);
    }

    /** A report that arrives out of order never moves the state back: a read before its delivered stays read. */
    @Test
    public void should_keep_read_when_delivered_arrives_after_read() {
        // given
        Instant now = clock().instant();
        sentMessage("m-1", "wamid.A", now);
        OutboxMessage read = store().recordDelivery(SHOP_ID, "wamid.A", DeliveryState.READ, now.plusSeconds(60), null)
                .orElseThrow();

        // when
        Optional<OutboxMessage> delivered = store().recordDelivery(SHOP_ID, "wamid.A", DeliveryState.DELIVERED,
                now.plusSeconds(5), null);
        Optional<OutboxMessage> sentLate = store().recordDelivery(SHOP_ID, "wamid.A", DeliveryState.SENT,
                now.plusSeconds(2), null);
        Optional<OutboxMessage> failedLate = store().recordDelivery(SHOP_ID, "wamid.A", DeliveryState.FAILED,
                now.plusSeconds(3), "131026 message undeliverable");

        // then
        assertThat(delivered).contains(read);
        assertThat(sentLate).contains(read);
        assertThat(failedLate).contains(read);
        assertThat(store().find(SHOP_ID, "m-1")).contains(read);
        assertThat(read.status()).isEqualTo(OutboxStatus.SENT);
    }

    /** A failure report makes a sent message FAILED with the error; a later delivered does not undo it. */
    @Test
    public void should_fail_the_message_with_the_error_when_a_failure_is_reported() {
        // given
        Instant now = clock().instant();
        sentMessage("m-1", "wamid.A", now);
        store().recordDelivery(SHOP_ID, "wamid.A", DeliveryState.SENT, now.plusSeconds(2), null);

        // when
        Optional<OutboxMessage> failed = store().recordDelivery(SHOP_ID, "wamid.A", DeliveryState.FAILED,
                now.plusSeconds(5), "131047 re-engagement message");
        Optional<OutboxMessage> deliveredLate = store().recordDelivery(SHOP_ID, "wamid.A", DeliveryState.DELIVERED,
                now.plusSeconds(6), null);

        // then
        assertThat(failed).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.FAILED);
            assertThat(m.lastError()).isEqualTo("131047 re-engagement message");
            assertThat(m.deliveryState()).isEqualTo(DeliveryState.FAILED);
            assertThat(m.deliveryAt()).isEqualTo(now.plusSeconds(5));
        });
        assertThat(deliveredLate).isEqualTo(failed);
        assertThat(store().find(SHOP_ID, "m-1")).isEqualTo(failed);
        assertThat(store().claimDue(clock().advance(Duration.ofDays(1)), 10, "worker-2", LEASE)).isEmpty();
    }

    /** A report for a provider id the shop does not have, another shop's included, finds nothing and changes nothing. */
    @Test
    public void should_find_nothing_when_the_provider_id_is_unknown_or_another_shops() {
        // given
        Instant now = clock().instant();
        store().schedule(Fixtures.outboxMessage(OTHER_SHOP_ID, "m-1", CUSTOMER, now));
        store().claimDue(now, 10, "worker-1", LEASE);
        store().markSent(OTHER_SHOP_ID, "m-1", "wamid.THEIRS", now.plusSeconds(1));

        // when
        Optional<OutboxMessage> unknown = store().recordDelivery(SHOP_ID, "wamid.404", DeliveryState.DELIVERED,
                now.plusSeconds(5), null);
        Optional<OutboxMessage> theirs = store().recordDelivery(SHOP_ID, "wamid.THEIRS", DeliveryState.FAILED,
                now.plusSeconds(5), "131026 message undeliverable");

        // then
        assertThat(unknown).isEmpty();
        assertThat(theirs).isEmpty();
        OutboxMessage other = store().find(OTHER_SHOP_ID, "m-1").orElseThrow();
        assertThat(other.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(other.deliveryState()).isNull();
    }

    /**
     * A sent message put back to be sent again becomes pending, due at the given time, without its provider
     * id, sent time and delivery report, must go as a template, keeps its key and attempts, and is claimed
     * again when due; its old provider id no longer finds it.
     */
    @Test
    public void should_make_a_sent_message_pending_again_when_requeued() {
        // given
        Instant now = clock().instant();
        OutboxMessage sent = sentMessage("m-1", "wamid.A", now);
        store().recordDelivery(SHOP_ID, "wamid.A", DeliveryState.FAILED, now.plusSeconds(5),
                "131047 re-engagement message");
        Instant dueAt = now.plusSeconds(300);

        // when
        boolean requeued = store().requeue(SHOP_ID, "m-1", dueAt, true, "window closed: again as a template");

        // then
        assertThat(requeued).isTrue();
        OutboxMessage pending = store().find(SHOP_ID, "m-1").orElseThrow();
        assertThat(pending.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(pending.dueAt()).isEqualTo(dueAt);
        assertThat(pending.providerMessageId()).isNull();
        assertThat(pending.sentAt()).isNull();
        assertThat(pending.deliveryState()).isNull();
        assertThat(pending.deliveryAt()).isNull();
        assertThat(pending.claimedBy()).isNull();
        assertThat(pending.leaseUntil()).isNull();
        assertThat(pending.templateRequired()).isTrue();
        assertThat(pending.lastError()).isEqualTo("window closed: again as a template");
        assertThat(pending.stableKey()).isEqualTo(sent.stableKey());
        assertThat(pending.attempts()).isEqualTo(1);
        assertThat(store().recordDelivery(SHOP_ID, "wamid.A", DeliveryState.READ, now.plusSeconds(9), null)).isEmpty();
        assertThat(store().claimDue(dueAt.minusSeconds(1), 10, "worker-2", LEASE)).isEmpty();
        assertThat(store().claimDue(dueAt, 10, "worker-2", LEASE)).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("m-1");
            assertThat(m.attempts()).isEqualTo(2);
            assertThat(m.templateRequired()).isTrue();
        });
    }

    /** Only a sent or failed message is requeued: a pending, claimed or unknown one is not. */
    @Test
    public void should_not_requeue_when_the_message_is_neither_sent_nor_failed() {
        // given
        Instant now = clock().instant();
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "claimed", CUSTOMER, now));
        store().claimDue(now, 10, "worker-1", LEASE);
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "pending", CUSTOMER, now.plusSeconds(60)));
        store().schedule(Fixtures.outboxMessage(SHOP_ID, "failed", CUSTOMER, now.plusSeconds(60)));
        store().markFailed(SHOP_ID, "failed", "400 recipient not on WhatsApp", null);

        // when / then
        assertThat(store().requeue(SHOP_ID, "pending", now, false, "again")).isFalse();
        assertThat(store().requeue(SHOP_ID, "claimed", now, false, "again")).isFalse();
        assertThat(store().requeue(SHOP_ID, "m-404", now, false, "again")).isFalse();
        assertThat(store().requeue(OTHER_SHOP_ID, "failed", now, false, "again")).isFalse();
        assertThat(store().find(SHOP_ID, "claimed").orElseThrow().status()).isEqualTo(OutboxStatus.CLAIMED);
        assertThat(store().requeue(SHOP_ID, "failed", now.plusSeconds(120), false, "rate limited: later")).isTrue();
        OutboxMessage failed = store().find(SHOP_ID, "failed").orElseThrow();
        assertThat(failed.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(failed.templateRequired()).isFalse();
        assertThat(failed.dueAt()).isEqualTo(now.plusSeconds(120));
    }

    /**
     * Category, consent, quick replies, the template flag and a delivery report are kept as they were given,
     * through schedule, find, list and claim.
     */
    @Test
    public void should_keep_category_consent_quick_replies_and_flags_when_scheduled() {
        // given
        Instant now = clock().instant();
        OutboxMessage base = Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, now);
        List<QuickReply> buttons = List.of(new QuickReply("consent:yes", "Да, присылайте"),
                new QuickReply("consent:no", "Нет, спасибо \"ок\""));
        OutboxMessage message = new OutboxMessage(base.id(), base.shopId(), base.runId(), base.channel(), base.to(),
                "Можно присылать вам предложения?", base.stableKey(), now, OutboxStatus.PENDING, 0, null, null, null,
                null, "512345678", null, MessageCategory.UTILITY, "not needed: UTILITY", buttons, true, null, null);
        OutboxMessage reported = new OutboxMessage("m-2", SHOP_ID, base.runId(), base.channel(), OTHER_CUSTOMER,
                "Отзыв?", "key:m-2", now.plusSeconds(60), OutboxStatus.PENDING, 0, null, null, null, null, null,
                null, MessageCategory.SERVICE, null, List.of(), false, DeliveryState.DELIVERED, now.minusSeconds(5));

        // when
        store().schedule(message);
        store().schedule(reported);

        // then
        assertThat(store().find(SHOP_ID, "m-1")).contains(message);
        assertThat(store().find(SHOP_ID, "m-2")).contains(reported);
        assertThat(store().list(SHOP_ID, Set.of(OutboxStatus.PENDING), 10)).containsExactly(message, reported);
        assertThat(store().claimDue(now, 10, "worker-1", LEASE)).singleElement().satisfies(m -> {
            assertThat(m.category()).isEqualTo(MessageCategory.UTILITY);
            assertThat(m.consent()).isEqualTo("not needed: UTILITY");
            assertThat(m.quickReplies()).isEqualTo(buttons);
            assertThat(m.templateRequired()).isTrue();
            assertThat(m.orderKey()).isEqualTo("512345678");
        });
    }

    /** A message built without a purpose is a marketing message without buttons, and reads back so. */
    @Test
    public void should_read_a_plain_message_as_marketing_without_quick_replies() {
        // given
        OutboxMessage message = Fixtures.outboxMessage(SHOP_ID, "m-1", CUSTOMER, clock().instant());

        // when
        store().schedule(message);

        // then
        OutboxMessage found = store().find(SHOP_ID, "m-1").orElseThrow();
        assertThat(found.category()).isEqualTo(MessageCategory.MARKETING);
        assertThat(found.quickReplies()).isEmpty();
        assertThat(found.consent()).isNull();
        assertThat(found.templateRequired()).isFalse();
        assertThat(found.deliveryState()).isNull();
    }

    /** Schedules, claims and marks sent a message to {@link dev.aihq.testkit.Fixtures#CUSTOMER}; returns it as stored. */
    private OutboxMessage sentMessage(String id, String providerMessageId, Instant now) {
        store().schedule(Fixtures.outboxMessage(SHOP_ID, id, CUSTOMER, now));
        store().claimDue(now, 10, "worker-1", LEASE);
        store().markSent(SHOP_ID, id, providerMessageId, now.plusSeconds(1));
        return store().find(SHOP_ID, id).orElseThrow();
    }

    private static OutboxMessage purposed(OutboxMessage message, MessageCategory category) {
        return message.withPurpose(category, null, List.of());
    }
}
