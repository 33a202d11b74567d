package dev.aihq.examples.crash;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.result.RunId;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.store.jdbc.JdbcStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Measures the outbox's one duplicate window on real processes: a worker JVM sending due messages to a
 * provider is killed with SIGKILL {@code crash.kills} times (default 5) while it sends, restarted each
 * time, and the last one drains the outbox. The provider (WireMock) counts deliveries per stable key.
 *
 * <p>The bound: a dispatcher sends its claimed batch one message at a time and starts no send after half
 * its lease, so at the moment of a kill each dispatcher has at most one message between the provider's
 * acceptance and the outbox's sent mark; only that message can be sent again (after its lease). A worker
 * runs {@value #DISPATCHERS} dispatchers, so {@code duplicates <= kills × } {@value #DISPATCHERS}.
 *
 * <p>A longer measurement: {@code ./mvnw -B -pl examples -am verify -Dtest='Crash*'
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcrash.kills=20} (and {@code -Dcrash.messages} for more messages).
 */
class CrashOutboxTest {

    /** How many times the worker is killed. */
    static final int KILLS = Integer.getInteger("crash.kills", 5);
    /** How many messages are due. */
    static final int MESSAGES = Integer.getInteger("crash.messages", 2_000);
    /** Dispatchers per worker process. */
    static final int DISPATCHERS = 2;
    /** The claim lease: long enough that half of it covers a batch, short enough to keep the test quick. */
    static final Duration LEASE = Duration.ofSeconds(3);
    static final int BATCH = 20;

    private static final ShopId SHOP = ShopId.of("kaspi_crash");
    private static final Path LOGS = Path.of("target", "crash");

    @RegisterExtension
    static WireMockExtension provider = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().containerThreads(16)).build();

    private EmbeddedPostgres postgres;
    private HikariDataSource pool;
    private ChildJvm worker;

    @BeforeEach
    void startDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl());
        config.setMaximumPoolSize(4);
        pool = new HikariDataSource(config);
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            if (worker != null) {
                worker.close();
            }
        } finally {
            try {
                if (pool != null) {
                    pool.close();
                }
            } finally {
                if (postgres != null) {
                    postgres.close();
                }
            }
        }
    }

    @Test
    void should_deliver_every_message_and_resend_at_most_one_per_dispatcher_per_kill_when_workers_are_killed()
            throws Exception {
        // given: due messages in the outbox and a provider that accepts everything
        JdbcStores stores = JdbcStores.builder(pool).build();
        stores.migrate();
        Instant due = Instant.now().minusSeconds(1);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < MESSAGES; i++) {
            String id = "m" + i;
            stores.outbox().schedule(OutboxMessage.pending(id, SHOP, RunId.of("run-" + id), ProviderChannel.NAME,
                    PhoneNumber.parse("+7701" + String.format("%07d", i)), "Сообщение " + i, "run:" + id, due));
            keys.add("run:" + id);
        }
        provider.stubFor(post(urlEqualTo(ProviderChannel.PATH)).willReturn(okJson("{\"id\": \"accepted\"}")));
        int step = Math.max(20, MESSAGES / (2 * (KILLS + 1)));

        // when: a worker is killed while sending, KILLS times, and a last one drains the outbox
        List<Integer> sentAtKill = new ArrayList<>();
        List<Long> millisAtKill = new ArrayList<>();
        long start = System.nanoTime();
        for (int kill = 1; kill <= KILLS; kill++) {
            worker = launch(kill);
            int target = deliveries() + step;
            ChildJvm running = worker;
            int reached = ChildJvm.await("worker " + kill + " to send " + step + " messages", Duration.ofSeconds(30),
                    () -> {
                        running.requireAlive();
                        int now = deliveries();
                        return now >= target ? Optional.of(now) : Optional.empty();
                    });
            worker.kill();
            sentAtKill.add(reached);
            millisAtKill.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
        }
        worker = launch(KILLS + 1);
        ChildJvm last = worker;
        ChildJvm.await("the last worker to drain the outbox", Duration.ofSeconds(60), () -> {
            last.requireAlive();
            return unsent() == 0 ? Optional.of(true) : Optional.empty();
        });
        worker.kill();
        long drainedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();

        // then
        Map<String, Long> perKey = provider.findAll(postRequestedFor(urlEqualTo(ProviderChannel.PATH))).stream()
                .map(request -> request.getHeader(ProviderChannel.IDEMPOTENCY_KEY))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long duplicates = perKey.values().stream().mapToLong(n -> n - 1).sum();
        long bound = (long) KILLS * DISPATCHERS;
        System.out.printf("Outbox crash test: %d messages, %d kills of a worker with %d dispatchers (lease %s,"
                + " batch %d); deliveries at each kill %s at %s ms, drained at %d ms; duplicates/N = %d/%d (bound %d)%n",
                MESSAGES, KILLS, DISPATCHERS, LEASE, BATCH, sentAtKill, millisAtKill, drainedMillis, duplicates, KILLS,
                bound);
        assertThat(perKey.keySet()).as("every message delivered at least once").isEqualTo(keys);
        assertThat(duplicates).as("duplicates after %d kills", KILLS).isLessThanOrEqualTo(bound);
    }

    private ChildJvm launch(int number) {
        return ChildJvm.launch(OutboxWorker.class, LOGS.resolve("outbox-worker-" + number + ".log"),
                List.of(jdbcUrl(), provider.baseUrl(), String.valueOf(DISPATCHERS), String.valueOf(LEASE.toMillis()),
                        String.valueOf(BATCH)));
    }

    private String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    private int deliveries() {
        List<LoggedRequest> requests = provider.findAll(postRequestedFor(urlEqualTo(ProviderChannel.PATH)));
        return requests.size();
    }

    private long unsent() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM hq_outbox WHERE status <> 'SENT'")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError("cannot count unsent messages", e);
        }
    }
}
