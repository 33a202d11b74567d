package dev.aihq.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The databases store tests run against: one real PostgreSQL started in-process for the whole test run
 * (fresh tables per store through a unique table prefix), and a fresh in-memory H2 database per store.
 * When PostgreSQL cannot start, the tests that need it fail: they are never skipped.
 */
final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static HikariDataSource pool;

    private TestDatabases() {}

    /**
     * The shared PostgreSQL server, started on first use and stopped when the JVM exits, behind a
     * connection pool as every real deployment has one (opening a connection per call would make the
     * concurrency tests measure connection set-up).
     */
    static synchronized DataSource postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
            }
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            config.setMaximumPoolSize(20);
            config.setPoolName("aihq-test");
            pool = new HikariDataSource(config);
            EmbeddedPostgres started = postgres;
            HikariDataSource startedPool = pool;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                startedPool.close();
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is going away; nothing to keep
                }
            }));
        }
        return pool;
    }

    /** A new, empty in-memory H2 database that lives until the JVM exits. */
    static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:hq" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    /** The suppression key the test stores hash phone numbers with. */
    static final byte[] SUPPRESSION_KEY = "test-suppression-key-0123456789".getBytes(StandardCharsets.US_ASCII);

    /** JDBC stores on a fresh set of PostgreSQL tables, migrated. */
    static JdbcStores postgresStores() {
        JdbcStores stores = JdbcStores.builder(postgres()).tablePrefix("t" + COUNTER.incrementAndGet() + "_")
                .suppressionKey(SUPPRESSION_KEY).build();
        stores.migrate();
        return stores;
    }

    /** JDBC stores on a fresh H2 database, migrated. */
    static JdbcStores h2Stores() {
        JdbcStores stores = JdbcStores.builder(h2()).suppressionKey(SUPPRESSION_KEY).build();
        stores.migrate();
        return stores;
    }
}
