package dev.aihq.testkit.contract;

import static dev.aihq.testkit.Fixtures.CUSTOMER;
import static dev.aihq.testkit.Fixtures.LEASE;
import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.result.RunId;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.JournalEntry;
import dev.aihq.api.store.JournalResult;
import dev.aihq.api.store.RunLease;
import dev.aihq.testkit.Concurrency;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link EventJournal}: a new key is appended; a repeated (shop, key) is not, and the
 * answer carries the first entry with the first run id, also when threads race; the same key in another
 * shop is a different event. Runs are leased: an unfinished entry whose lease has expired is claimed by
 * exactly one caller, also when threads race, oldest first, over every shop, filtered by event type
 * prefix; a finished entry is never claimed; only the holder renews a lease. Subclass it and return a new
 * empty journal from {@link #createStore()}.
 */
public abstract class EventJournalContract extends StoreContract<EventJournal> {

    private final SettableClock clock = SettableClock.at(Fixtures.NOW, Fixtures.ALMATY);

    /** Creates the suite. */
    protected EventJournalContract() {}

    /**
     * Returns the clock the suite takes receive times from; override to share one with the store.
     *
     * @return the clock
     */
    protected SettableClock clock() {
        return clock;
    }

    private static final Set<String> PURCHASES = Set.of(PurchaseEvent.TYPE);
    private static final Duration CLAIM_LEASE = Duration.ofMinutes(5);

    /** Appends a purchase entry received at {@code at}, leased by {@code worker} for {@link Fixtures#LEASE}. */
    private JournalEntry appendAt(String orderId, String runId, String worker, Instant at) {
        JournalEntry entry = Fixtures.journalEntry(SHOP_ID, orderId, RunId.of(runId), at);
        JournalResult result = store().append(entry, Fixtures.lease(worker, at));
        assertThat(result.appended()).as("appended %s", orderId).isTrue();
        return result.entry();
    }

    private static List<String> keys(List<JournalEntry> entries) {
        return entries.stream().map(JournalEntry::idempotencyKey).toList();
    }

    /**
     * Returns how many rounds the concurrency test runs; lower it for a store whose appends are slow.
     *
     * @return the rounds, 20 by default
     */
    protected int raceRounds() {
        return 20;
    }

    /** A new key is appended and found, with its event. */
    @Test
    public void should_append_entry_when_key_is_new() {
        // given
        JournalEntry entry = Fixtures.journalEntry(SHOP_ID, "512345678", RunId.of("run-1"), clock().instant());

        // when
        JournalResult result = store().append(entry, Fixtures.lease("worker-1", entry.receivedAt()));

        // then
        assertThat(result.appended()).isTrue();
        assertThat(result.entry()).isEqualTo(entry);
        assertThat(store().find(SHOP_ID, entry.idempotencyKey())).contains(entry);
    }

    /** A repeated key is not appended, and the answer is the first entry with the first run id. */
    @Test
    public void should_return_first_entry_when_same_key_is_appended_again() {
        // given
        JournalEntry first = Fixtures.journalEntry(SHOP_ID, "512345678", RunId.of("run-1"), clock().instant());
        store().append(first, Fixtures.lease("worker-1", first.receivedAt()));
        JournalEntry again = Fixtures.journalEntry(SHOP_ID, "512345678", RunId.of("run-2"),
                clock().advance(Duration.ofMinutes(3)));

        // when
        JournalResult result = store().append(again, Fixtures.lease("worker-2", again.receivedAt()));

        // then
        assertThat(result.appended()).isFalse();
        assertThat(result.entry()).isEqualTo(first);
        assertThat(result.entry().runId()).isEqualTo(RunId.of("run-1"));
        assertThat(store().find(SHOP_ID, first.idempotencyKey())).contains(first);
    }

    /** An unknown key is empty. */
    @Test
    public void should_return_empty_when_key_is_unknown() {
        // given
        store().append(Fixtures.journalEntry(SHOP_ID, "512345678", RunId.of("run-1"), clock().instant()),
                Fixtures.lease("worker-1", clock().instant()));

        // when / then
        assertThat(store().find(SHOP_ID, "purchase:999999999:order_accepted")).isEmpty();
    }

    /** Tenant isolation: the same key in two shops is two events, each found only in its own shop. */
    @Test
    public void should_append_independently_when_same_key_arrives_for_another_shop() {
        // given
        JournalEntry mine = Fixtures.journalEntry(SHOP_ID, "512345678", RunId.of("run-a"), clock().instant());
        JournalEntry theirs = Fixtures.journalEntry(OTHER_SHOP_ID, "512345678", RunId.of("run-b"),
                clock().instant());
        store().append(mine, Fixtures.lease("worker-1", mine.receivedAt()));

        // when
        JournalResult result = store().append(theirs, Fixtures.lease("worker-1", theirs.receivedAt()));

        // then
        assertThat(theirs.idempotencyKey()).isEqualTo(mine.idempotencyKey());
        assertThat(result.appended()).isTrue();
        assertThat(result.entry().runId()).isEqualTo(RunId.of("run-b"));
        assertThat(store().find(SHOP_ID, mine.idempotencyKey())).contains(mine);
        assertThat(store().find(OTHER_SHOP_ID, theirs.idempotencyKey())).contains(theirs);
    }

    /** Tenant isolation: a key journaled for one shop is not found for another. */
    @Test
    public void should_not_find_entry_when_asked_for_another_shop() {
        // given
        JournalEntry mine = Fixtures.journalEntry(SHOP_ID, "512345678", RunId.of("run-a"), clock().instant());
        store().append(mine, Fixtures.lease("worker-1", mine.receivedAt()));

        // when / then
        assertThat(store().find(OTHER_SHOP_ID, mine.idempotencyKey())).isEmpty();
    }

    /**
     * Of 8 threads appending one key at once, exactly one appends and all see its run id. The race is run
     * in several rounds, each on a new key, to give a non-atomic append many chances to show.
     */
    @Test
    public void should_append_exactly_once_when_threads_race_on_same_key() {
        // given
        EventJournal journal = store();
        int threads = 8;
        for (int round = 0; round < raceRounds(); round++) {
            String orderId = "5123456" + round;

            // when
            List<JournalResult> results = Concurrency.race(threads, i -> journal.append(
                    Fixtures.journalEntry(SHOP_ID, orderId, RunId.of("run-" + i), clock().instant()),
                    Fixtures.lease("worker-" + i, clock().instant())));

            // then
            List<JournalResult> appended = results.stream().filter(JournalResult::appended).toList();
            assertThat(appended).as("appended in round %d", round).hasSize(1);
            RunId winner = appended.get(0).entry().runId();
            assertThat(results).extracting(r -> r.entry().runId()).containsOnly(winner);
            assertThat(journal.find(SHOP_ID, "purchase:" + orderId + ":order_accepted"))
                    .map(JournalEntry::runId).contains(winner);
        }
    }

    /** A lease that has not expired keeps its entry; at its expiry time the entry can be claimed. */
    @Test
    public void should_claim_entry_only_when_its_lease_has_expired() {
        // given
        Instant now = clock().instant();
        JournalEntry entry = appendAt("512345678", "run-1", "worker-1", now);

        // when
        List<JournalEntry> early = store().claimExpired(now.plus(LEASE).minusSeconds(1), 10, "worker-2", CLAIM_LEASE,
                PURCHASES);
        List<JournalEntry> onTime = store().claimExpired(now.plus(LEASE), 10, "worker-2", CLAIM_LEASE, PURCHASES);

        // then
        assertThat(early).isEmpty();
        assertThat(onTime).containsExactly(entry.claimedAgain());
    }

    /** A claim moves the lease to the claimer: nobody else claims the entry until that lease expires. */
    @Test
    public void should_move_the_lease_to_the_claimer_when_an_entry_is_claimed() {
        // given
        Instant now = clock().instant();
        JournalEntry entry = appendAt("512345678", "run-1", "worker-1", now);
        Instant expired = now.plus(LEASE).plusSeconds(1);

        // when
        List<JournalEntry> first = store().claimExpired(expired, 10, "worker-2", CLAIM_LEASE, PURCHASES);
        List<JournalEntry> again = store().claimExpired(expired, 10, "worker-3", CLAIM_LEASE, PURCHASES);
        List<JournalEntry> stillHeld = store().claimExpired(expired.plus(CLAIM_LEASE).minusSeconds(1), 10,
                "worker-3", CLAIM_LEASE, PURCHASES);
        List<JournalEntry> afterClaimExpired = store().claimExpired(expired.plus(CLAIM_LEASE), 10, "worker-3",
                CLAIM_LEASE, PURCHASES);

        // then
        assertThat(first).containsExactly(entry.claimedAgain());
        assertThat(again).isEmpty();
        assertThat(stillHeld).isEmpty();
        assertThat(afterClaimExpired).containsExactly(entry.claimedAgain().claimedAgain());
        assertThat(afterClaimExpired.get(0).runId()).isEqualTo(RunId.of("run-1"));
    }

    /** A finished entry is never claimed, however old its lease; finishing again or an unknown key is harmless. */
    @Test
    public void should_never_claim_entry_when_its_run_finished() {
        // given
        Instant now = clock().instant();
        JournalEntry finished = appendAt("512345678", "run-1", "worker-1", now);
        JournalEntry lost = appendAt("512345679", "run-2", "worker-1", now);

        // when
        store().markFinished(SHOP_ID, finished.idempotencyKey(), now.plusSeconds(2));
        store().markFinished(SHOP_ID, finished.idempotencyKey(), now.plusSeconds(3));
        store().markFinished(SHOP_ID, "purchase:000000000:order_accepted", now.plusSeconds(3));
        List<JournalEntry> claimed = store().claimExpired(now.plus(Duration.ofDays(30)), 10, "worker-2", CLAIM_LEASE,
                PURCHASES);

        // then
        assertThat(claimed).containsExactly(lost.claimedAgain());
        assertThat(store().find(SHOP_ID, finished.idempotencyKey())).contains(finished);
    }

    /** Only entries whose event type starts with one of the prefixes are claimed; no prefix claims nothing. */
    @Test
    public void should_claim_only_matching_event_types_when_prefixes_are_given() {
        // given
        Instant now = clock().instant();
        JournalEntry purchase = appendAt("512345678", "run-1", "worker-1", now);
        CustomerReplyEvent reply = CustomerReplyEvent.of(SHOP_ID, "whatsapp", CUSTOMER, "Спасибо, беру стекло",
                "wamid.reply-1", now);
        JournalEntry replyEntry = store().append(JournalEntry.of(reply, RunId.of("run-2"), now),
                Fixtures.lease("worker-1", now)).entry();
        Instant expired = now.plus(LEASE);

        // when
        List<JournalEntry> none = store().claimExpired(expired, 10, "worker-2", CLAIM_LEASE, List.of());
        List<JournalEntry> unknown = store().claimExpired(expired, 10, "worker-2", CLAIM_LEASE, List.of("legal."));
        List<JournalEntry> replies = store().claimExpired(expired, 10, "worker-2", CLAIM_LEASE,
                List.of("customer_", "legal."));
        List<JournalEntry> purchases = store().claimExpired(expired, 10, "worker-2", CLAIM_LEASE, List.of("purch"));

        // then
        assertThat(none).isEmpty();
        assertThat(unknown).isEmpty();
        assertThat(replies).containsExactly(replyEntry.claimedAgain());
        assertThat(purchases).containsExactly(purchase.claimedAgain());
    }

    /** Claims take the oldest received entries first, at most {@code max}, and return them oldest first. */
    @Test
    public void should_claim_oldest_first_when_more_entries_expired_than_max() {
        // given: received out of order
        Instant now = clock().instant();
        JournalEntry third = appendAt("51234563", "run-3", "worker-1", now.plusSeconds(30));
        JournalEntry first = appendAt("51234561", "run-1", "worker-1", now.plusSeconds(10));
        JournalEntry fourth = appendAt("51234564", "run-4", "worker-1", now.plusSeconds(40));
        JournalEntry second = appendAt("51234562", "run-2", "worker-1", now.plusSeconds(20));
        Instant expired = now.plus(LEASE).plusSeconds(40);

        // when
        List<JournalEntry> batch = store().claimExpired(expired, 3, "worker-2", CLAIM_LEASE, PURCHASES);
        List<JournalEntry> rest = store().claimExpired(expired, 3, "worker-2", CLAIM_LEASE, PURCHASES);

        // then
        assertThat(batch).containsExactly(first.claimedAgain(), second.claimedAgain(), third.claimedAgain());
        assertThat(rest).containsExactly(fourth.claimedAgain());
    }

    /** Claims serve the instances, not a tenant: every shop's entries are claimed, each once. */
    @Test
    public void should_claim_entries_of_every_shop_once_when_the_same_key_is_in_two_shops() {
        // given
        Instant now = clock().instant();
        JournalEntry mine = Fixtures.journalEntry(SHOP_ID, "512345678", RunId.of("run-a"), now);
        JournalEntry theirs = Fixtures.journalEntry(OTHER_SHOP_ID, "512345678", RunId.of("run-b"), now.plusSeconds(1));
        store().append(mine, Fixtures.lease("worker-1", now));
        store().append(theirs, Fixtures.lease("worker-1", now));
        Instant expired = now.plus(LEASE);

        // when
        List<JournalEntry> claimed = store().claimExpired(expired, 10, "worker-2", CLAIM_LEASE, PURCHASES);
        List<JournalEntry> again = store().claimExpired(expired, 10, "worker-3", CLAIM_LEASE, PURCHASES);

        // then
        assertThat(claimed).containsExactly(mine.claimedAgain(), theirs.claimedAgain());
        assertThat(again).isEmpty();
    }

    /** A repeated append does not touch the first entry's lease. */
    @Test
    public void should_keep_the_first_lease_when_same_key_is_appended_again() {
        // given
        Instant now = clock().instant();
        JournalEntry first = appendAt("512345678", "run-1", "worker-1", now);

        // when
        JournalResult again = store().append(Fixtures.journalEntry(SHOP_ID, "512345678", RunId.of("run-2"),
                now.plusSeconds(60)), Fixtures.lease("worker-2", now.plusSeconds(60)));
        List<JournalEntry> claimed = store().claimExpired(now.plus(LEASE), 10, "worker-3", CLAIM_LEASE, PURCHASES);

        // then
        assertThat(again.appended()).isFalse();
        assertThat(claimed).containsExactly(first.claimedAgain());
    }

    /** Only the holder renews a lease, and only while the entry is unfinished; a renewed lease holds. */
    @Test
    public void should_renew_lease_only_when_the_holder_asks_and_the_run_is_unfinished() {
        // given
        Instant now = clock().instant();
        JournalEntry entry = appendAt("512345678", "run-1", "worker-1", now);
        JournalEntry other = appendAt("512345679", "run-2", "worker-1", now);
        Instant later = now.plus(LEASE).plus(LEASE);

        // when
        boolean byHolder = store().renewLease(SHOP_ID, entry.idempotencyKey(), new RunLease("worker-1", later));
        boolean byStranger = store().renewLease(SHOP_ID, other.idempotencyKey(), new RunLease("worker-9", later));
        boolean unknown = store().renewLease(SHOP_ID, "purchase:000000000:order_accepted",
                new RunLease("worker-1", later));
        List<JournalEntry> beforeRenewedExpiry = store().claimExpired(later.minusSeconds(1), 10, "worker-2",
                CLAIM_LEASE, PURCHASES);
        store().markFinished(SHOP_ID, entry.idempotencyKey(), later);
        boolean afterFinish = store().renewLease(SHOP_ID, entry.idempotencyKey(),
                new RunLease("worker-1", later.plus(LEASE)));

        // then
        assertThat(byHolder).isTrue();
        assertThat(byStranger).isFalse();
        assertThat(unknown).isFalse();
        assertThat(beforeRenewedExpiry).containsExactly(other.claimedAgain());
        assertThat(afterFinish).isFalse();
        assertThat(store().claimExpired(later.plus(LEASE), 10, "worker-2", CLAIM_LEASE, PURCHASES))
                .as("the finished entry is not claimed; the other one's claim has expired")
                .containsExactly(other.claimedAgain().claimedAgain());
    }

    /** A claim of nothing, or with a lease that is not positive, is refused. */
    @Test
    public void should_refuse_claim_when_max_or_lease_is_not_positive() {
        Instant now = clock().instant();
        assertThatThrownBy(() -> store().claimExpired(now, 0, "worker-2", CLAIM_LEASE, PURCHASES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().claimExpired(now, 10, "worker-2", Duration.ZERO, PURCHASES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Of 4 threads claiming 200 expired entries in batches of 20 until none is left, each entry goes to
     * exactly one thread, and every batch is oldest first. A thread stops early once it has claimed more
     * than there are entries, so that a journal handing entries out twice fails instead of looping.
     */
    @Test
    public void should_claim_each_entry_exactly_once_when_threads_race_to_claim() {
        // given
        EventJournal journal = store();
        Instant now = clock().instant();
        int entries = 200;
        for (int i = 0; i < entries; i++) {
            Instant at = now.plusMillis(i % 37);
            journal.append(Fixtures.journalEntry(i % 2 == 0 ? SHOP_ID : OTHER_SHOP_ID, "7000" + i,
                    RunId.of("run-" + i), at), Fixtures.lease("worker-dead", at));
        }
        Instant expired = now.plus(LEASE).plusSeconds(1);

        // when
        List<List<JournalEntry>> perThread = Concurrency.race(4, t -> {
            List<JournalEntry> mine = new ArrayList<>();
            List<JournalEntry> batch;
            do {
                batch = journal.claimExpired(expired, 20, "worker-" + t, CLAIM_LEASE, PURCHASES);
                assertThat(batch).hasSizeLessThanOrEqualTo(20)
                        .isSortedAccordingTo(Comparator.comparing(JournalEntry::receivedAt));
                mine.addAll(batch);
            } while (!batch.isEmpty() && mine.size() <= entries);
            return mine;
        });

        // then
        List<String> claimed = perThread.stream().flatMap(List::stream)
                .map(e -> e.shopId().value() + "/" + e.runId().value()).toList();
        assertThat(claimed).hasSize(entries).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, entries)
                        .mapToObj(i -> (i % 2 == 0 ? SHOP_ID : OTHER_SHOP_ID).value() + "/run-" + i).toList());
        assertThat(journal.claimExpired(expired, 20, "worker-late", CLAIM_LEASE, PURCHASES)).isEmpty();
    }

    /** Each claim counts one attempt more, which the claim returns and reading the entry shows. */
    @Test
    public void should_count_an_attempt_for_every_claim_of_an_entry() {
        // given
        Instant now = clock().instant();
        JournalEntry entry = appendAt("512345678", "run-1", "worker-1", now);

        // when
        List<JournalEntry> first = store().claimExpired(now.plus(LEASE), 10, "worker-2", CLAIM_LEASE, PURCHASES);
        List<JournalEntry> second = store().claimExpired(now.plus(LEASE).plus(CLAIM_LEASE), 10, "worker-3",
                CLAIM_LEASE, PURCHASES);

        // then
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(first).extracting(JournalEntry::attempts).containsExactly(2);
        assertThat(second).extracting(JournalEntry::attempts).containsExactly(3);
        assertThat(store().find(SHOP_ID, entry.idempotencyKey())).map(JournalEntry::attempts).contains(3);
    }
}
