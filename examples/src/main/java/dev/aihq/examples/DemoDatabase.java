package dev.aihq.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aihq.store.jdbc.JdbcStores;
import java.util.concurrent.atomic.AtomicInteger;
import javax.annotation.Nullable;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The examples' database: by default an embedded H2 database in memory (nothing to install); with the
 * system property {@code hq.jdbc.url} (or the environment variable {@code HQ_JDBC_URL}) any PostgreSQL,
 * Supabase included, e.g. {@code jdbc:postgresql://db.<project>.supabase.co:5432/postgres?user=postgres
 * &password=…&sslmode=require}. Through Supabase's pooler in transaction mode (port 6543) add
 * {@code &prepareThreshold=0}.
 */
public final class DemoDatabase {

    /** The system property naming the JDBC URL. */
    public static final String URL_PROPERTY = "hq.jdbc.url";

    private static final AtomicInteger H2_DATABASES = new AtomicInteger();

    private DemoDatabase() {}

    /**
     * Opens the database and creates or upgrades AI HQ's tables.
     *
     * @return the stores, and a description of the database for the console
     */
    public static Opened open() {
        String url = configuredUrl();
        DataSource dataSource;
        String description;
        if (url == null) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:aihq-demo-" + H2_DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
            dataSource = h2;
            description = "H2, embedded, in memory";
        } else {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setMaximumPoolSize(8);
            config.setPoolName("aihq-demo");
            dataSource = new HikariDataSource(config);
            description = url.replaceAll("password=[^&]*", "password=****");
        }
        JdbcStores stores = JdbcStores.builder(dataSource).build();
        stores.migrate();
        return new Opened(stores, description + " (" + stores.dialect() + ", tables " + stores.tablePrefix() + "*)",
                dataSource instanceof AutoCloseable closeable ? closeable : null);
    }

    private static @Nullable String configuredUrl() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null || url.isBlank()) {
            url = System.getenv("HQ_JDBC_URL");
        }
        return url == null || url.isBlank() ? null : url.strip();
    }

    /**
     * An opened database.
     *
     * @param stores the JDBC stores on it
     * @param description what it is, with any password masked
     * @param pool the connection pool to close at the end, or {@code null}
     */
    public record Opened(JdbcStores stores, String description, @Nullable AutoCloseable pool) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            if (pool != null) {
                pool.close();
            }
        }
    }
}
