package dev.aihq.examples.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aihq.agents.finance.ProfitCalculator;
import dev.aihq.agents.finance.ProfitReport;
import dev.aihq.agents.finance.agent.FinanceContext;
import dev.aihq.agents.finance.agent.FinancePipelines;
import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.FinanceEvent;
import dev.aihq.api.event.FinanceEventType;
import dev.aihq.api.event.ReportingPeriod;
import dev.aihq.api.result.FinanceReport;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerEntryKind;
import dev.aihq.api.store.LedgerStore;
import dev.aihq.api.store.LedgerTotal;
import dev.aihq.api.store.Product;
import dev.aihq.api.store.RunRecord;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.store.jdbc.JdbcStores;
import dev.aihq.testkit.DemoCatalog;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.ForwardingLedgerStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The accountant's month close on PostgreSQL: one shop with a 2,000-product catalog and a million sales
 * in the closed month (plus returns, commissions, costs of goods and other expenses, and a previous month
 * with a fifth of the lines), then the three parts of the close, each warmed up and measured N times:
 *
 * <ol>
 *   <li>{@link LedgerStore#totals} of the month alone: the one {@code GROUP BY} the database adds up;
 *   <li>{@link ProfitCalculator#report}: the P&amp;L of the month and the previous one, the loss-making
 *       products and the recommendations;
 *   <li>the whole accountant run through {@link FinancePipelines} ({@code monthly_report}, no model): the
 *       report above, the year-to-date and previous-year sales for the tax thresholds, the tax engine for
 *       both months, the journal and the run log.
 * </ol>
 *
 * Prints p50, p99 and max of each, the load rate, the rows aggregated, the heap used and the plan of the
 * totals query ({@code EXPLAIN (ANALYZE, BUFFERS)}). Run it with {@code ./mvnw -q -Pbench-close -DskipTests
 * verify}; arguments: sale lines of the month (default 1,000,000), measured runs (default 10), warm-up runs
 * (default 3).
 */
public final class MonthCloseBenchmark {

    private static final ShopId SHOP = ShopId.of("kaspi_close");
    private static final ReportingPeriod MONTH = ReportingPeriod.parse("2026-03");
    private static final int PRODUCTS = 2_000;
    /** Entries per {@link LedgerStore#recordAll} call: one transaction each. */
    private static final int BATCH = 10_000;

    private MonthCloseBenchmark() {}

    /**
     * Runs the benchmark and prints its figures.
     *
     * @param args sale lines of the month, measured runs, warm-up runs
     * @throws Exception when the database cannot start or a run fails
     */
    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        PrintStream out = System.out;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                HikariDataSource pool = pool(postgres)) {
            JdbcStores stores = JdbcStores.builder(pool).build();
            stores.migrate();
            out.println("PostgreSQL " + serverVersion(pool) + " (embedded), HikariCP pool of "
                    + pool.getMaximumPoolSize() + ", " + Runtime.getRuntime().availableProcessors() + " processors");

            Shop shop = Fixtures.kaspiShop(SHOP).settings(DemoCatalog.shopSettings()).build();
            stores.shops().save(shop);
            List<Product> catalog = SelectionBenchmark.catalog(SHOP, PRODUCTS);
            catalog.forEach(stores.catalog()::save);

            String table = stores.tablePrefix() + "ledger_entries";
            // The previous month through the SDK's own batch write, the closed month through COPY: recordAll
            // alone would take minutes for a million entries, and the load is not what is measured.
            long recordStart = System.nanoTime();
            RecordAllSink recordAll = new RecordAllSink(stores.ledger());
            generate(shop, MONTH.previous(), lines / 5, catalog, 2, recordAll);
            int recorded = recordAll.flush();
            double recordSeconds = (System.nanoTime() - recordStart) / 1e9;
            long copyStart = System.nanoTime();
            long copied;
            try (CopySink copy = new CopySink(pool, table)) {
                generate(shop, MONTH, lines, catalog, 1, copy);
                copied = copy.finish();
            }
            double copySeconds = (System.nanoTime() - copyStart) / 1e9;
            long analyzeStart = System.nanoTime();
            // What autovacuum does to an insert-only table soon after a load: statistics for the planner and a
            // visibility map, without which no scan can skip reading the table's pages.
            execute(pool, "VACUUM ANALYZE " + table);
            out.printf("loaded %s: %,d entries (%,d sales) through recordAll in batches of %,d in %.1f s, %,.0f"
                    + " entries/s%n", MONTH.previous().label(), recorded, lines / 5, BATCH, recordSeconds,
                    recorded / recordSeconds);
            out.printf("loaded %s: %,d entries (%,d sales) through COPY in %.1f s, %,.0f entries/s; VACUUM ANALYZE"
                    + " %.1f s%n", MONTH.label(), copied, lines, copySeconds, copied / copySeconds,
                    (System.nanoTime() - analyzeStart) / 1e9);
            out.println(explain(pool, stores.tablePrefix(), shop, MONTH));

            Instant from = MONTH.startIn(shop.zone());
            Instant to = MONTH.endIn(shop.zone());
            List<LedgerTotal> totals = stores.ledger().totals(SHOP, from, to);
            long rows = totals.stream().mapToLong(LedgerTotal::entries).sum();
            out.printf("the month: %,d entries added up into %,d totals%n", rows, totals.size());

            ProfitCalculator calculator = ProfitCalculator.create();
            measure("(a) LedgerStore.totals, the month", warmup, runs, out,
                    () -> stores.ledger().totals(SHOP, from, to).size());
            measure("(b) ProfitCalculator.report, month + previous", warmup, runs, out,
                    () -> calculator.report(shop, MONTH, stores.ledger(), stores.catalog()).current().lines().size());
            printReport(calculator.report(shop, MONTH, stores.ledger(), stores.catalog()), out);

            ExecutorService executor = Executors.newFixedThreadPool(2);
            TimedLedger timedLedger = new TimedLedger(stores.ledger());
            try (AgentPipeline<FinanceEvent, FinanceContext, FinanceReport> finance = FinancePipelines.builder()
                    .shops(stores.shops()).journal(stores.journal()).runLog(stores.runLog())
                    .transactions(stores.transactions()).ledger(timedLedger).catalog(stores.catalog())
                    .purchases(stores.purchases()).tokenUsage(stores.tokenUsage()).executor(executor)
                    .build().pipeline().start()) {
                int[] next = {0};
                RunRecord first = monthlyReport(finance, next[0]++);
                out.println("accountant run: " + first.outcome() + " (" + first.reason() + ")");
                if (first.outcome() != RunOutcome.COMPLETED) {
                    throw new IllegalStateException("the month close did not complete: " + first.reason());
                }
                measure("(c) accountant run, monthly_report", warmup, runs, out, () -> {
                    RunRecord run = monthlyReport(finance, next[0]++);
                    if (run.outcome() != RunOutcome.COMPLETED) {
                        throw new IllegalStateException("run " + run.runId() + " " + run.outcome() + ": "
                                + run.reason());
                    }
                    return run.resultJson() == null ? 0 : run.resultJson().length();
                });
                out.printf("    of which LedgerStore.totals: %.1f calls per run, %,.0f ms per run on average%n",
                        timedLedger.calls() / (double) (runs + warmup + 1),
                        timedLedger.nanos() / 1e6 / (runs + warmup + 1));
            } finally {
                executor.shutdownNow();
            }
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            out.printf("heap used after GC: %.0f MiB (max %.0f MiB)%n",
                    (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0, runtime.maxMemory() / 1048576.0);
        }
    }

    private static RunRecord monthlyReport(AgentPipeline<FinanceEvent, FinanceContext, FinanceReport> finance,
            int run) {
        // A key per run: the same monthly_report twice would be a duplicate, answered from the journal.
        return finance.submit(FinanceEvent.of(SHOP, MONTH, FinanceEventType.MONTHLY_REPORT, null, Instant.now(),
                "finance.bench:" + MONTH.label() + ":" + run)).join();
    }

    /**
     * Makes a period's entries: {@code sales} SALE lines of 1–3 units spread evenly over the period, a RETURN
     * for one sale in 50, a per-product COMMISSION for one sale in 20, a COST_OF_GOODS for every other product
     * (the rest are costed from the catalog) and 100 shop-wide OTHER_EXPENSE entries.
     */
    private static void generate(Shop shop, ReportingPeriod period, int sales, List<Product> catalog, long seed,
            EntrySink sink) throws SQLException {
        Instant start = period.startIn(shop.zone());
        long span = period.endIn(shop.zone()).getEpochSecond() - start.getEpochSecond();
        Random random = new Random(seed);
        String label = period.label();
        BigDecimal commissionRate = new BigDecimal("0.12");
        for (int i = 0; i < sales; i++) {
            Product product = catalog.get(random.nextInt(catalog.size()));
            Instant at = start.plusSeconds(span * i / sales);
            OrderId order = OrderId.of(label + "-" + i);
            BigDecimal units = BigDecimal.valueOf(1 + random.nextInt(3));
            Money amount = product.price().times(units);
            sink.accept(new LedgerEntry(SHOP, "sale:" + order.value() + ":" + product.sku().value(),
                    LedgerEntryKind.SALE, at, product.sku(), order, units, amount, "bench"));
            if (i % 50 == 49) {
                sink.accept(new LedgerEntry(SHOP, "return:" + order.value() + ":" + product.sku().value(),
                        LedgerEntryKind.RETURN, at.plusSeconds(60), product.sku(), order, units, amount, "bench"));
            }
            if (i % 20 == 7) {
                sink.accept(new LedgerEntry(SHOP, "commission:" + order.value(), LedgerEntryKind.COMMISSION, at,
                        product.sku(), order, BigDecimal.ZERO,
                        amount.times(commissionRate).rounded(RoundingMode.HALF_UP), "bench"));
            }
        }
        for (int p = 0; p < catalog.size(); p += 2) {
            Product product = catalog.get(p);
            Money cost = product.costPrice() == null ? product.price() : product.costPrice();
            sink.accept(new LedgerEntry(SHOP, "cogs:" + label + ":" + product.sku().value(),
                    LedgerEntryKind.COST_OF_GOODS, start.plusSeconds(span - 3600), product.sku(), null,
                    BigDecimal.valueOf(100), cost.times(BigDecimal.valueOf(100)), "import:bench-costs.csv"));
        }
        for (int e = 0; e < 100; e++) {
            sink.accept(new LedgerEntry(SHOP, "expense:" + label + ":" + e, LedgerEntryKind.OTHER_EXPENSE,
                    start.plusSeconds(span * e / 100), null, null, BigDecimal.ZERO, Money.kzt(25_000 + e),
                    "import:bench-expenses.csv"));
        }
    }

    /** The ledger with the calls to {@link #totals} and the time spent in them counted: the database's share. */
    private static final class TimedLedger extends ForwardingLedgerStore {
        private final AtomicLong calls = new AtomicLong();
        private final AtomicLong nanos = new AtomicLong();

        TimedLedger(LedgerStore ledger) {
            super(ledger);
        }

        long calls() {
            return calls.get();
        }

        long nanos() {
            return nanos.get();
        }

        @Override
        public List<LedgerTotal> totals(ShopId shopId, Instant from, Instant to) {
            long start = System.nanoTime();
            try {
                return super.totals(shopId, from, to);
            } finally {
                nanos.addAndGet(System.nanoTime() - start);
                calls.incrementAndGet();
            }
        }
    }

    /** Where generated entries go. */
    private interface EntrySink {
        void accept(LedgerEntry entry) throws SQLException;
    }

    /** Records entries through {@link LedgerStore#recordAll}, {@value #BATCH} per call (one transaction each). */
    private static final class RecordAllSink implements EntrySink {
        private final LedgerStore ledger;
        private final List<LedgerEntry> batch = new ArrayList<>(BATCH);
        private int recorded;

        RecordAllSink(LedgerStore ledger) {
            this.ledger = ledger;
        }

        @Override
        public void accept(LedgerEntry entry) {
            batch.add(entry);
            if (batch.size() >= BATCH) {
                flush();
            }
        }

        int flush() {
            recorded += ledger.recordAll(batch);
            batch.clear();
            return recorded;
        }
    }

    /** Streams entries into the table with PostgreSQL's {@code COPY ... FROM STDIN} (CSV; an empty field is NULL). */
    private static final class CopySink implements EntrySink, AutoCloseable {
        private final Connection connection;
        private final CopyIn copy;
        private final StringBuilder chunk = new StringBuilder(1 << 20);

        CopySink(DataSource database, String table) throws SQLException {
            this.connection = database.getConnection();
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (shop_id,"
                    + " entry_key, kind, occurred_at, sku, order_id, quantity, amount, currency, source) FROM STDIN"
                    + " WITH (FORMAT csv)");
        }

        @Override
        public void accept(LedgerEntry entry) throws SQLException {
            chunk.append(entry.shopId().value()).append(',').append(entry.key()).append(',')
                    .append(entry.kind().name()).append(',').append(entry.occurredAt()).append(',')
                    .append(entry.sku() == null ? "" : entry.sku().value()).append(',')
                    .append(entry.orderId() == null ? "" : entry.orderId().value()).append(',')
                    .append(entry.quantity().toPlainString()).append(',')
                    .append(entry.amount().amount().toPlainString()).append(',')
                    .append(entry.amount().currency().getCurrencyCode()).append(',').append(entry.source())
                    .append('\n');
            if (chunk.length() > (1 << 20) - 512) {
                send();
            }
        }

        private void send() throws SQLException {
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            chunk.setLength(0);
        }

        long finish() throws SQLException {
            send();
            return copy.endCopy();
        }

        @Override
        public void close() throws SQLException {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            connection.close();
        }
    }

    private static void printReport(ProfitReport report, PrintStream out) {
        var totals = report.current().totals();
        out.printf("report %s: %,d product lines, revenue %s, profit %s; previous %s: %,d lines; %d loss-makers,"
                + " %d recommendations%n", report.current().period().label(), report.current().lines().size(),
                totals.revenue(), totals.profit(), report.comparison().previous().period().label(),
                report.comparison().previous().lines().size(), report.lossMakers().size(),
                report.recommendations().size());
    }

    /** Runs the work {@code warmup} times unmeasured, then {@code runs} times measured, and prints the spread. */
    private static void measure(String name, int warmup, int runs, PrintStream out, Callable<Integer> work)
            throws Exception {
        long checksum = 0;
        for (int i = 0; i < warmup; i++) {
            checksum += work.call();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            checksum += work.call();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        out.printf("%-48s %d runs after %d warm-up: p50 %,.0f ms, p99 %,.0f ms, max %,.0f ms (checksum %d)%n", name,
                runs, warmup, millis(nanos, 0.50), millis(nanos, 0.99), nanos[nanos.length - 1] / 1e6, checksum);
    }

    private static double millis(long[] sorted, double quantile) {
        int at = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(at, 0)] / 1e6;
    }

    /** The totals query's plan as PostgreSQL ran it, with the pages it read. */
    private static String explain(DataSource database, String prefix, Shop shop, ReportingPeriod period)
            throws SQLException {
        String sql = "EXPLAIN (ANALYZE, BUFFERS) SELECT sku, kind, currency, SUM(quantity), SUM(amount), COUNT(*)"
                + " FROM " + prefix + "ledger_entries WHERE shop_id = '" + shop.id().value() + "' AND occurred_at >= '"
                + period.startIn(shop.zone()) + "' AND occurred_at < '" + period.endIn(shop.zone())
                + "' GROUP BY sku, kind, currency";
        StringBuilder plan = new StringBuilder("plan of the month's totals:\n");
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                plan.append("  ").append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString().stripTrailing();
    }

    private static String serverVersion(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return connection.getMetaData().getDatabaseProductVersion();
        }
    }

    private static void execute(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static HikariDataSource pool(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        // reWriteBatchedInserts: the driver sends a JDBC batch of inserts as multi-row INSERTs, which is what
        // makes loading a million entries through recordAll take seconds rather than minutes.
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
        config.setMaximumPoolSize(8);
        config.setPoolName("aihq-close");
        return new HikariDataSource(config);
    }
}
