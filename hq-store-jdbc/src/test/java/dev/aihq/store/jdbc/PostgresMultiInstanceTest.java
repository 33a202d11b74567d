package dev.aihq.store.jdbc;

import static dev.aihq.testkit.Fixtures.CUSTOMER;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.result.RunId;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.JournalEntry;
import dev.aihq.api.store.JournalResult;
import dev.aihq.api.store.Outbox;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.RunLease;
import dev.aihq.testkit.Fixtures;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two application instances (two {@link JdbcStores} objects, as two JVMs would build them) over the same
 * PostgreSQL tables: the database alone keeps a due message to one claimer and an event to one run.
 */
class PostgresMultiInstanceTest {

    private static final Instant NOW = Fixtures.NOW;
    private static final Duration RACE_LIMIT = Duration.ofMinutes(3);

    /** The stores of a second instance on the tables of the first. */
    private static JdbcStores secondInstance(JdbcStores first) {
        return JdbcStores.builder(TestDatabases.postgres()).tablePrefix(first.tablePrefix()).build();
    }

    /**
     * Starts threads together and collects what each returned, like the test kit's race but with a longer
     * limit: every call here opens a connection (the test data source has no pool), which adds up to
     * seconds on a small machine.
     */
    private static <T> List<T> race(int threads, IntFunction<T> task) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(executor.submit(() -> {
                    start.await();
                    return task.apply(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    results.add(future.get(RACE_LIMIT.toSeconds(), TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = TestDatabases.postgres().getConnection(); Statement s = c.createStatement();
                ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void should_claim_every_message_exactly_once_when_two_instances_poll_the_same_outbox() throws Exception {
        // given: 2,000 due messages
        JdbcStores first = TestDatabases.postgresStores();
        JdbcStores second = secondInstance(first);
        int messages = 2_000;
        IntStream.range(0, messages).parallel().forEach(i -> assertThat(first.outbox().schedule(
                Fixtures.outboxMessage(SHOP_ID, "m-" + i, CUSTOMER, NOW.minusSeconds(i % 600)))).isTrue());

        // when: two dispatchers per instance claim batches of 50 until nothing is left
        List<List<OutboxMessage>> batchesPerWorker = race(4, w -> {
            Outbox outbox = (w % 2 == 0 ? first : second).outbox();
            String worker = "instance-" + (w % 2 + 1) + "-dispatcher-" + w;
            List<OutboxMessage> mine = new ArrayList<>();
            List<OutboxMessage> batch;
            do {
                batch = outbox.claimDue(NOW, 50, worker, Duration.ofMinutes(5));
                assertThat(batch).hasSizeLessThanOrEqualTo(50).isSortedAccordingTo(
                        Comparator.comparing(OutboxMessage::dueAt));
                assertThat(batch).allSatisfy(m -> assertThat(m.claimedBy()).isEqualTo(worker));
                mine.addAll(batch);
            } while (!batch.isEmpty());
            return mine;
        });

        // then
        List<String> claimed = batchesPerWorker.stream().flatMap(List::stream).map(OutboxMessage::id).toList();
        assertThat(claimed).hasSize(messages).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, messages).mapToObj(i -> "m-" + i).toList());
        assertThat(batchesPerWorker).allSatisfy(mine -> assertThat(mine).allSatisfy(m -> assertThat(m.attempts())
                .isEqualTo(1)));
        String table = first.tablePrefix() + "outbox";
        assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE status = 'CLAIMED' AND attempts = 1"))
                .isEqualTo(messages);
        assertThat(first.outbox().claimDue(NOW, 50, "late", Duration.ofMinutes(5))).isEmpty();
        assertThat(second.outbox().claimDue(NOW, 50, "late", Duration.ofMinutes(5))).isEmpty();
    }

    @Test
    void should_append_each_key_once_when_two_instances_journal_the_same_events() throws Exception {
        // given: 8 threads, 4 per instance, each appending the same 200 events under its own run ids
        JdbcStores first = TestDatabases.postgresStores();
        JdbcStores second = secondInstance(first);
        int keys = 200;

        // when
        List<List<JournalResult>> perThread = race(8, t -> {
            EventJournal journal = (t < 4 ? first : second).journal();
            List<JournalResult> results = new ArrayList<>(keys);
            for (int k = 0; k < keys; k++) {
                results.add(journal.append(Fixtures.journalEntry(SHOP_ID, "6000" + k, RunId.of("run-" + t + "-" + k),
                        NOW), Fixtures.lease("instance-" + (t < 4 ? 1 : 2), NOW)));
            }
            return results;
        });

        // then: one append per key, and every answer for a key carries the first run id
        List<JournalResult> all = perThread.stream().flatMap(List::stream).toList();
        assertThat(all.stream().filter(JournalResult::appended)).hasSize(keys);
        Map<String, List<JournalResult>> byKey = all.stream()
                .collect(Collectors.groupingBy(r -> r.entry().idempotencyKey()));
        assertThat(byKey).hasSize(keys);
        Map<String, RunId> winners = all.stream().filter(JournalResult::appended)
                .collect(Collectors.toMap(r -> r.entry().idempotencyKey(), r -> r.entry().runId()));
        assertThat(winners).hasSize(keys);
        byKey.forEach((key, results) -> {
            assertThat(results).as(key).hasSize(8);
            assertThat(results).as(key).extracting(r -> r.entry().runId()).containsOnly(winners.get(key));
            assertThat(second.journal().find(SHOP_ID, key)).map(JournalEntry::runId).contains(winners.get(key));
        });
        assertThat(count("SELECT COUNT(*) FROM " + first.tablePrefix() + "event_journal")).isEqualTo(keys);
        assertThat(byKey.keySet()).allSatisfy(key -> assertThat(key).startsWith("purchase:6000"));
        assertThat(winners.values().stream().map(RunId::value).collect(Collectors.toSet())).hasSize(keys)
                .allMatch(v -> v.startsWith("run-"));
    }

    @Test
    void should_resume_a_run_once_when_its_instance_died_and_two_instances_claim_it() throws Exception {
        // given: the first instance journals 50 runs under a 1-minute lease and dies before finishing 40
        JdbcStores first = TestDatabases.postgresStores();
        JdbcStores second = secondInstance(first);
        JdbcStores third = secondInstance(first);
        Duration lease = Duration.ofMinutes(1);
        List<JournalEntry> journaled = new ArrayList<>();
        for (int k = 0; k < 50; k++) {
            journaled.add(first.journal().append(Fixtures.journalEntry(SHOP_ID, "8000" + k, RunId.of("run-" + k),
                    NOW.plusMillis(k)), new RunLease("instance-1", NOW.plus(lease))).entry());
        }
        for (JournalEntry finished : journaled.subList(0, 10)) {
            first.journal().markFinished(SHOP_ID, finished.idempotencyKey(), NOW.plusSeconds(2));
        }
        List<String> types = List.of(PurchaseEvent.TYPE);

        // when: before the lease expires nothing is taken; after it, two instances claim at once
        List<JournalEntry> early = second.journal().claimExpired(NOW.plus(lease).minusMillis(1), 100, "instance-2",
                lease, types);
        Instant later = NOW.plus(lease).plusSeconds(1);
        List<List<JournalEntry>> claims = race(2, i -> (i == 0 ? second : third).journal().claimExpired(later, 100,
                "instance-" + (i + 2), lease, types));

        // then: the 40 unfinished runs, each to one instance, with their first run ids
        assertThat(early).isEmpty();
        List<JournalEntry> claimed = claims.stream().flatMap(List::stream).toList();
        assertThat(claimed).containsExactlyInAnyOrderElementsOf(journaled.subList(10, 50).stream()
                .map(JournalEntry::claimedAgain).toList());
        String table = first.tablePrefix() + "event_journal";
        assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE lease_worker IN ('instance-2', 'instance-3')"
                + " AND finished_at IS NULL")).isEqualTo(40);
        assertThat(first.journal().renewLease(SHOP_ID, journaled.get(10).idempotencyKey(),
                new RunLease("instance-1", later.plus(lease)))).as("the dead instance's lease is gone").isFalse();
        assertThat(first.journal().claimExpired(later, 100, "instance-1", lease, types)).isEmpty();
    }
}
