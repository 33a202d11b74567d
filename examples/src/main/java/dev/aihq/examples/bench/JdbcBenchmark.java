package dev.aihq.examples.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aihq.api.Money;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.result.RunId;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.store.JournalEntry;
import dev.aihq.api.store.Outbox;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.api.store.Purchase;
import dev.aihq.api.store.RunLease;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.store.Transactions;
import dev.aihq.examples.bench.PipelineBenchmark.AcceptingChannel;
import dev.aihq.examples.bench.PipelineBenchmark.BenchStores;
import dev.aihq.pipeline.delivery.OutboxDispatcher;
import dev.aihq.pipeline.memory.CachingShopStore;
import dev.aihq.store.jdbc.JdbcStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pipeline benchmark on the JDBC stores over a real PostgreSQL started in-process with durable
 * commits ({@code fsync=on}, {@code synchronous_commit=on}; the embedded server turns both off unless
 * told), through a HikariCP pool, plus the outbox drain rate with four dispatchers. Run it with
 * {@code ./mvnw -q -Pbench-jdbc -DskipTests verify}; arguments: measured events (default 20000), warm-up
 * events (default 5000), events in flight (default 64), outbox messages (default 10000). Events come from
 * 16 caller threads and run on 32 threads: the work waits on the database, not on the CPU.
 */
public final class JdbcBenchmark {

    private JdbcBenchmark() {}

    /**
     * Runs the benchmark and prints its figures.
     *
     * @param args measured events, warm-up events, concurrency, outbox messages
     * @throws Exception when the database cannot start or a run fails
     */
    public static void main(String[] args) throws Exception {
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int messages = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        PrintStream out = System.out;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100")
                // Group commit: a committing transaction waits up to this many microseconds for others to
                // flush the write-ahead log together (still one durable fsync per group).
                .setServerConfig("commit_delay", System.getProperty("bench.commitDelay", "0"))
                .setServerConfig("commit_siblings", "5")
                .start();
                HikariDataSource pool = pool(postgres)) {
            JdbcStores stores = JdbcStores.builder(pool).build();
            stores.migrate();
            out.println("PostgreSQL (embedded, fsync=on, synchronous_commit=on, commit_delay="
                    + System.getProperty("bench.commitDelay", "0") + " us), HikariCP pool of "
                    + pool.getMaximumPoolSize());
            // Shops are reused for 5 s, as AiHq.Builder#cacheShops does: a shop read per event is avoidable.
            // -Dbench.transactions=false writes each store call on its own, for comparison.
            boolean units = Boolean.parseBoolean(System.getProperty("bench.transactions", "true"));
            BenchStores bench = BenchStores.of(stores,
                    new CachingShopStore(stores.shops(), Duration.ofSeconds(5), Clock.systemUTC()));
            if (!units) {
                bench = new BenchStores(bench.shops(), bench.journal(), bench.purchases(), bench.catalog(),
                        bench.runLog(), bench.outbox(), bench.tokenUsage(), Transactions.NONE);
            }
            out.println("Units of work: " + (units ? "journal + purchase + in-progress record in one commit, final"
                    + " record + finished mark in another" : "none, every write commits on its own"));
            PipelineBenchmark.run("JDBC stores on PostgreSQL", bench,
                    measured, warmup, new PipelineBenchmark.Load(16, 32, concurrency), out);
            storesAlone(stores, bench.transactions(), measured, 32, out);
            drain(stores.outbox(), messages, out);
        }
    }

    /**
     * The database's share: the store calls of one event made directly, without the pipeline, on as many
     * threads as the pipeline runs events, grouped into the same units of work. The gap to the pipeline's
     * figure is what the pipeline itself costs on top of the database.
     */
    private static void storesAlone(JdbcStores stores, Transactions units, int events, int threads, PrintStream out)
            throws Exception {
        ShopId shop = ShopId.of("bench_shop");
        RunRecord template = stores.runLog().recent(shop, 1).get(0);
        PurchaseEvent[] batch = PipelineBenchmark.events(10_000_000, events);
        AtomicInteger next = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                done.add(workers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < batch.length; i = next.getAndIncrement()) {
                        storeCalls(stores, units, batch[i], template);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf("store calls alone:     %,.0f events/s (%d events on %d threads, %.2f s: the same reads,"
                    + " writes and commits per event without the pipeline)%n", events / seconds, events, threads,
                    seconds);
        } finally {
            workers.shutdownNow();
        }
    }

    private static void storeCalls(JdbcStores stores, Transactions units, PurchaseEvent event, RunRecord template) {
        Instant now = Instant.now();
        RunId run = RunId.random();
        RunRecord started = new RunRecord(run, event.shopId(), template.pipeline(), event.type(),
                event.idempotencyKey(), now, null, null, "", template.stages().subList(0, 2), null, null, null, null);
        units.inTransaction(() -> {
            stores.journal().append(JournalEntry.of(event, run, now), new RunLease("alone", now.plusSeconds(600)));
            stores.purchases().save(Purchase.of(event));
            stores.runLog().save(started);
            return null;
        });
        stores.catalog().list(event.shopId());
        PhoneNumber customer = event.customerContact().orElseThrow();
        stores.purchases().findByCustomer(event.shopId(), customer, 50);
        stores.outbox().schedule(new OutboxMessage(run.value(), event.shopId(), run, "accepting", customer,
                "Спасибо за покупку!", "run:" + run.value(), now, OutboxStatus.CLAIMED, 1, "alone",
                now.plusSeconds(120), null, null, event.orderId().value(), null));
        RunRecord finished = new RunRecord(run, event.shopId(), template.pipeline(), event.type(),
                event.idempotencyKey(), now, Instant.now(), RunOutcome.SENT, template.reason(), template.stages(),
                template.agent(), template.resultJson(), null, "accepted-" + run.value());
        units.inTransaction(() -> {
            stores.tokenUsage().add(event.shopId(), LocalDate.now(), 220);
            stores.outbox().markSent(event.shopId(), run.value(), "accepted-" + run.value(), Instant.now());
            stores.runLog().save(finished);
            stores.journal().markFinished(event.shopId(), event.idempotencyKey(), Instant.now());
            return null;
        });
    }

    private static HikariDataSource pool(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(Integer.getInteger("bench.pool", 48));
        config.setPoolName("aihq-bench");
        return new HikariDataSource(config);
    }

    /** Schedules messages due now and lets four dispatchers, each with its own worker name, drain them. */
    private static void drain(Outbox outbox, int messages, PrintStream out) throws Exception {
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant();
        for (int i = 0; i < messages; i++) {
            outbox.schedule(OutboxMessage.pending("drain-" + i, dev.aihq.api.ShopId.of("bench_shop"),
                    RunId.random(), "accepting", PhoneNumber.parse("+7702" + String.format("%07d", i)),
                    "Напоминание " + Money.kzt(i), "drain:" + i, now));
        }
        AcceptingChannel channel = new AcceptingChannel(clock);
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> sent = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                OutboxDispatcher dispatcher = OutboxDispatcher.builder().outbox(outbox).channel(channel).clock(clock)
                        .worker("bench-worker-" + w).batchSize(50).build();
                sent.add(workers.submit(dispatcher::dispatchDue));
            }
            int total = 0;
            for (Future<Integer> f : sent) {
                total += f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf("outbox drain, 4 workers: %,.0f messages/s (%d sent of %d scheduled in %.2f s; %d sent twice)%n",
                    total / seconds, total, messages, seconds, channel.duplicates());
        } finally {
            workers.shutdownNow();
        }
    }
}
