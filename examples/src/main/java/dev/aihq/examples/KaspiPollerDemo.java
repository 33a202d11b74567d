package dev.aihq.examples;

import dev.aihq.agents.AiHq;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.api.store.PollCursor;
import dev.aihq.api.store.RunRecord;
import dev.aihq.connectors.kaspi.KaspiClient;
import dev.aihq.connectors.kaspi.KaspiConfig;
import dev.aihq.connectors.kaspi.KaspiConnector;
import dev.aihq.connectors.kaspi.KaspiCredentialsProvider;
import dev.aihq.connectors.kaspi.KaspiOrderPoller;
import dev.aihq.connectors.kaspi.KaspiPollReport;
import dev.aihq.pipeline.web.WebhookSecretProvider;
import dev.aihq.store.jdbc.JdbcStores;
import dev.aihq.testkit.kaspi.FakeKaspiApi;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Kaspi orders flowing into the sales agent through the order poller, without a real token: a
 * {@link FakeKaspiApi} on a local port holds two accepted orders (a shampoo and a washing powder, both
 * in the demo catalog); the poller turns them into {@code order_accepted} events (each first-time buyer gets
 * the consent question, the offer waits for the answer); then one order is completed (Kaspi masks its phone;
 * the poller takes the phone it kept) and the other cancelled (its waiting offer is cancelled); a last poll
 * finds nothing new. AI HQ runs on the JDBC stores over an embedded H2 with the {@link ConsoleChannel}.
 *
 * <p>Run it with {@code ./mvnw -q -Pdemo-kaspi -DskipTests verify}. With a token
 * ({@code -Dhq.kaspi.token=…} or the {@code KASPI_TOKEN} environment variable) it polls the real Kaspi
 * Merchant API once instead, read-only, for shop {@code kaspi_123}, printing the report (optionally through
 * {@code -Dhq.kaspi.proxy=host:port}, since Kaspi is reported to answer Kazakh addresses only); messages
 * still go to the console only.
 */
public final class KaspiPollerDemo {

    /** The token the local fake accepts. */
    public static final String FAKE_TOKEN = "demo-kaspi-token";

    /** The shampoo order. */
    public static final String SHAMPOO_ORDER = "612345001";
    /** The washing powder order. */
    public static final String POWDER_ORDER = "612345002";

    private KaspiPollerDemo() {}

    /**
     * What the demo's polls did.
     *
     * @param reports each poll's report, in order
     * @param messages the texts the channel sent
     * @param runs the shop's runs, newest first
     * @param cancelled the outbox messages cancelled
     */
    public record Result(List<KaspiPollReport> reports, List<String> messages, List<RunRecord> runs,
            List<OutboxMessage> cancelled) {}

    /**
     * Runs the demo on standard output.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        String token = System.getProperty("hq.kaspi.token", System.getenv("KASPI_TOKEN"));
        if (token != null && !token.isBlank()) {
            pollRealApi(System.out, token.strip(), System.getProperty("hq.kaspi.proxy"));
        } else {
            run(System.out);
        }
    }

    /**
     * Runs the demo against the local fake.
     *
     * @param out where to print
     * @return what the polls did
     */
    public static Result run(PrintStream out) {
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant();
        DemoDatabase.Opened database = DemoDatabase.open();
        JdbcStores stores = database.stores();
        DemoShop.load(stores);
        ConsoleChannel channel = new ConsoleChannel(out, clock);
        List<KaspiPollReport> reports = new ArrayList<>();
        try (FakeKaspiApi kaspi = FakeKaspiApi.start(FAKE_TOKEN);
                AiHq hq = AiHq.builder().stores(stores).chatModel(DemoModel.open()).channel(channel)
                        .secrets(WebhookSecretProvider.of(DemoShop.secrets())).clock(clock).build().start()) {
            kaspi.put(FakeKaspiApi.order(SHAMPOO_ORDER, "ACCEPTED_BY_MERCHANT", now.minus(Duration.ofHours(2)))
                    .withPhone("7011234567")
                    .withEntries(List.of(new FakeKaspiApi.Entry("118225883", "Шампунь Head & Shoulders Men Ultra Old"
                            + " Spice 400 мл", 2, 3_590, "SH-HS-MEN-400"))));
            kaspi.put(FakeKaspiApi.order(POWDER_ORDER, "ACCEPTED_BY_MERCHANT", now.minus(Duration.ofHours(1)))
                    .withPhone("7027654321")
                    .withEntries(List.of(new FakeKaspiApi.Entry("104455667", "Стиральный порошок Persil Color"
                            + " автомат 3 кг", 1, 5_290, "DT-PRS-3KG"))));
            KaspiConfig config = KaspiConfig.builder().baseUrl(kaspi.baseUrl())
                    .requestInterval(Duration.ofMillis(20)).build(); // the real API: keep the default 500 ms
            KaspiConnector connector = KaspiConnector.of(KaspiClient.create(config,
                    KaspiCredentialsProvider.of(DemoShop.SHOP_ID, FAKE_TOKEN)));
            KaspiOrderPoller poller = KaspiOrderPoller.builder(connector, hq.events(), stores.cursors())
                    .purchases(stores.purchases()).clock(clock).build();
            out.println("AI HQ · Kaspi order poller against a local fake of the Merchant API at " + kaspi.baseUrl());
            out.println("  database: " + database.description() + " · rules: accepted, delivered, cancelled,"
                    + " returned");

            reports.add(poll(out, hq, stores, poller, 1, "two orders accepted by the seller"));
            kaspi.move(SHAMPOO_ORDER, "ARCHIVE", "COMPLETED");
            kaspi.move(POWDER_ORDER, "ARCHIVE", "CANCELLED");
            out.println();
            out.println("  Kaspi: order " + SHAMPOO_ORDER + " completed (its phone is now masked: "
                    + FakeKaspiApi.MASKED_PHONE + "), order " + POWDER_ORDER + " cancelled");
            reports.add(poll(out, hq, stores, poller, 2, "one order completed, one cancelled"));
            reports.add(poll(out, hq, stores, poller, 3, "nothing changed"));

            out.println();
            out.println("Cursors saved after the events were journaled:");
            for (PollCursor cursor : stores.cursors().list(DemoShop.SHOP_ID)) {
                out.println("  " + cursor.stream() + " = " + cursor.position());
            }
            out.println("Requests to Kaspi: " + kaspi.listingRequests() + " listings, " + kaspi.entriesRequests()
                    + " entries, " + kaspi.productRequests() + " seller-SKU lookups");
            List<RunRecord> runs = stores.runLog().recent(DemoShop.SHOP_ID, 20);
            List<OutboxMessage> cancelled = stores.outbox().list(DemoShop.SHOP_ID, EnumSet.of(OutboxStatus.CANCELLED), 20);
            out.println("Messages cancelled in the outbox:");
            for (OutboxMessage message : cancelled) {
                out.println("  " + message.category() + " to " + message.to().masked() + " (order " + message.orderKey()
                        + ")");
            }
            List<String> messages = channel.sent().stream().map(s -> s.message().text()).toList();
            return new Result(reports, messages, runs, cancelled);
        } finally {
            try {
                database.close();
            } catch (Exception e) {
                out.println("  (closing the database failed: " + e.getMessage() + ")");
            }
        }
    }

    private static KaspiPollReport poll(PrintStream out, AiHq hq, JdbcStores stores, KaspiOrderPoller poller,
            int number, String title) {
        out.println();
        out.println("━━ Poll " + number + " · " + title);
        Instant started = Instant.now();
        KaspiPollReport report = poller.poll(DemoShop.SHOP_ID);
        try {
            hq.purchases().awaitDrained(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        hq.dispatcher().dispatchDue();
        print(out, report);
        List<RunRecord> runs = new ArrayList<>(stores.runLog().recent(DemoShop.SHOP_ID, 50));
        Collections.reverse(runs);
        for (RunRecord run : runs) {
            if (!run.startedAt().isBefore(started)) {
                out.println("  run " + run.idempotencyKey() + " → " + run.outcome() + " · " + run.reason());
            }
        }
        return report;
    }

    private static void print(PrintStream out, KaspiPollReport report) {
        for (KaspiPollReport.TriggerReport t : report.triggers()) {
            out.println("  " + t.trigger() + ": " + t.matched() + " matched, " + t.accepted() + " new events, "
                    + t.known() + " already journaled" + (t.cursorSaved() ? ", cursor saved" : ", cursor kept")
                    + (t.failure() == null ? "" : " · " + t.failure())
                    + (t.problems().isEmpty() ? "" : " · " + t.problems()));
        }
    }

    /**
     * Polls the real Kaspi Merchant API once for the demo shop, read-only, and prints the report.
     *
     * @param out where to print
     * @param token the shop's Kaspi token
     * @param proxy {@code host:port} of an HTTP proxy, or {@code null}
     */
    static void pollRealApi(PrintStream out, String token, @Nullable String proxy) {
        KaspiConfig.Builder config = KaspiConfig.builder();
        if (proxy != null && !proxy.isBlank()) {
            String[] hostPort = proxy.strip().split(":", 2);
            config.proxy(ProxySelector.of(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]))));
        }
        DemoDatabase.Opened database = DemoDatabase.open();
        JdbcStores stores = database.stores();
        DemoShop.load(stores);
        Clock clock = Clock.systemUTC();
        ConsoleChannel channel = new ConsoleChannel(out, clock);
        try (AiHq hq = AiHq.builder().stores(stores).chatModel(DemoModel.open()).channel(channel)
                .secrets(WebhookSecretProvider.of(DemoShop.secrets())).clock(clock).build().start()) {
            KaspiConnector connector = KaspiConnector.of(KaspiClient.create(config.build(),
                    KaspiCredentialsProvider.of(DemoShop.SHOP_ID, token)));
            KaspiOrderPoller poller = KaspiOrderPoller.builder(connector, hq.events(), stores.cursors())
                    .purchases(stores.purchases()).clock(clock).build();
            out.println("AI HQ · Kaspi order poller against the real Merchant API (read-only; messages go to the"
                    + " console only)");
            poll(out, hq, stores, poller, 1, "the last 30 days of the shop's orders");
        } finally {
            try {
                database.close();
            } catch (Exception e) {
                out.println("  (closing the database failed: " + e.getMessage() + ")");
            }
        }
    }

    /**
     * Returns the demo's first buyer, whose phone the poller keeps from the accepted order.
     *
     * @return the number
     */
    public static PhoneNumber shampooBuyer() {
        return PhoneNumber.parse("+77011234567");
    }
}
