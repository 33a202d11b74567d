package dev.aihq.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.result.RunId;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.api.store.RunRecord;
import dev.aihq.examples.bench.PipelineBenchmark.AcceptingChannel;
import dev.aihq.examples.bench.PipelineBenchmark.BenchStores;
import dev.aihq.examples.bench.PipelineBenchmark.Context;
import dev.aihq.examples.bench.PipelineBenchmark.ZeroLatencyModel;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.pipeline.Submission;
import dev.aihq.pipeline.delivery.OutboxDispatcher;
import dev.aihq.store.jdbc.JdbcStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The whole purchase pipeline on the JDBC stores over a real PostgreSQL: the same events sent by eight
 * callers at once are run once each and send one message each; and four outbox dispatchers draining one
 * outbox send each message once.
 */
class PipelineOnPostgresTest {

    @Test
    void should_run_and_send_each_event_once_when_eight_callers_submit_the_same_events() throws Exception {
        int events = 1_000;
        int callers = 8;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start();
                HikariDataSource pool = pool(postgres)) {
            // given
            JdbcStores stores = JdbcStores.builder(pool).build();
            stores.migrate();
            Clock clock = Clock.systemUTC();
            AcceptingChannel channel = new AcceptingChannel(clock);
            ExecutorService runs = Executors.newFixedThreadPool(16);
            ExecutorService senders = Executors.newFixedThreadPool(callers);
            AgentPipeline<PurchaseEvent, Context, SalesOffer> pipeline = PipelineBenchmark.pipeline(
                    BenchStores.of(stores, stores.shops()),
                    clock, runs, new ZeroLatencyModel(), channel).start();
            PurchaseEvent[] sameEvents = PipelineBenchmark.events(0, events);
            CyclicBarrier together = new CyclicBarrier(callers);
            try {
                // when
                List<Future<List<Submission>>> sent = new ArrayList<>();
                for (int c = 0; c < callers; c++) {
                    sent.add(senders.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        List<Submission> mine = new ArrayList<>(events);
                        for (PurchaseEvent event : sameEvents) {
                            mine.add(pipeline.submit(event));
                        }
                        return mine;
                    }));
                }
                List<Submission> all = new ArrayList<>();
                for (Future<List<Submission>> f : sent) {
                    all.addAll(f.get(5, TimeUnit.MINUTES));
                }
                Set<String> runIds = new HashSet<>();
                for (Submission submission : all) {
                    RunRecord done = submission.completion().get(2, TimeUnit.MINUTES);
                    assertThat(done.outcome()).isEqualTo(RunOutcome.SENT);
                    runIds.add(done.runId().value());
                }

                // then
                assertThat(all).filteredOn(s -> s.kind() == Submission.Kind.ACCEPTED).hasSize(events);
                assertThat(all).filteredOn(s -> s.kind() == Submission.Kind.DUPLICATE)
                        .hasSize(events * (callers - 1));
                assertThat(runIds).hasSize(events);
                assertThat(channel.sentCount()).isEqualTo(events);
                assertThat(channel.duplicates()).isZero();
            } finally {
                pipeline.close();
                runs.shutdownNow();
                senders.shutdownNow();
            }
        }
    }

    @Test
    void should_send_each_message_once_when_four_dispatchers_drain_the_same_outbox() throws Exception {
        int messages = 5_000;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start();
                HikariDataSource pool = pool(postgres)) {
            // given: 5,000 due messages on one database
            JdbcStores stores = JdbcStores.builder(pool).build();
            stores.migrate();
            Clock clock = Clock.systemUTC();
            Instant now = clock.instant();
            for (int i = 0; i < messages; i++) {
                assertThat(stores.outbox().schedule(OutboxMessage.pending("m-" + i, ShopId.of("kaspi_123"),
                        RunId.random(), "accepting", PhoneNumber.parse("+7702" + String.format("%07d", i)),
                        "Напоминание", "drain:" + i, null, now.minusSeconds(i % 600)))).isTrue();
            }
            AcceptingChannel channel = new AcceptingChannel(clock);
            ExecutorService workers = Executors.newFixedThreadPool(4);
            CyclicBarrier together = new CyclicBarrier(4);
            try {
                // when: four dispatchers, as on four instances, drain it at once
                List<Future<Integer>> sent = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    OutboxDispatcher dispatcher = OutboxDispatcher.builder().outbox(stores.outbox()).channel(channel)
                            .clock(clock).worker("instance-" + w).batchSize(50).build();
                    sent.add(workers.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        return dispatcher.dispatchDue();
                    }));
                }
                int total = 0;
                for (Future<Integer> f : sent) {
                    total += f.get(5, TimeUnit.MINUTES);
                }

                // then
                assertThat(total).isEqualTo(messages);
                assertThat(channel.sentCount()).isEqualTo(messages);
                assertThat(channel.duplicates()).isZero();
                assertThat(stores.outbox().claimDue(clock.instant(), 10, "late", Duration.ofMinutes(1))).isEmpty();
                assertThat(stores.outbox().list(ShopId.of("kaspi_123"), Set.of(OutboxStatus.SENT), messages + 1))
                        .hasSize(messages);
            } finally {
                workers.shutdownNow();
            }
        }
    }

    private static HikariDataSource pool(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(32);
        return new HikariDataSource(config);
    }
}
