package dev.aihq.testkit.contract;

import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.result.RunId;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.JournalEntry;
import dev.aihq.api.store.JournalResult;
import dev.aihq.testkit.Concurrency;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.SettableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link EventJournal}: a new key is appended; a repeated (shop, key) is not, and the
 * answer carries the first entry with the first run id, also when threads race; the same key in another
 * shop is a different event. Subclass it and return a new empty journal from {@link #createStore()}.
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
        JournalResult result = store().append(entry);

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
        store().append(first);
        JournalEntry again = Fixtures.journalEntry(SHOP_ID, "512345678", RunId.of("run-2"),
                clock().advance(Duration.ofMinutes(3)));

        // when
        JournalResult result = store().append(again);

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
        store().append(Fixtures.journalEntry(SHOP_ID, "512345678", RunId.of("run-1"), clock().instant()));

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
        store().append(mine);

        // when
        JournalResult result = store().append(theirs);

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
        store().append(mine);

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
                    Fixtures.journalEntry(SHOP_ID, orderId, RunId.of("run-" + i), clock().instant())));

            // then
            List<JournalResult> appended = results.stream().filter(JournalResult::appended).toList();
            assertThat(appended).as("appended in round %d", round).hasSize(1);
            RunId winner = appended.get(0).entry().runId();
            assertThat(results).extracting(r -> r.entry().runId()).containsOnly(winner);
            assertThat(journal.find(SHOP_ID, "purchase:" + orderId + ":order_accepted"))
                    .map(JournalEntry::runId).contains(winner);
        }
    }
}
