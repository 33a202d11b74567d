package dev.aihq.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

    private static final List<String> TABLES = List.of("shops", "event_journal", "purchases", "products", "runs",
            "outbox", "token_usage", "poll_cursors", "ledger_entries", "legal_cases", "legal_case_answers",
            "order_index", "inbox_interactions", "inbox_messages");

    private static List<String> tables(DataSource dataSource, String prefix) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT LOWER(table_name) FROM information_schema.tables"
                        + " WHERE LOWER(table_name) LIKE '" + prefix + "%'")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1).substring(prefix.length()));
            }
            return names;
        }
    }

    @Test
    void should_create_every_table_once_when_migrating_postgresql_twice() throws SQLException {
        // given
        DataSource postgres = TestDatabases.postgres();
        SchemaMigrator migrator = new SchemaMigrator(postgres, Dialect.POSTGRESQL, "mig1_");

        // when
        List<String> first = migrator.migrate();
        List<String> second = migrator.migrate();

        // then
        assertThat(first).containsExactlyElementsOf(SchemaMigrator.SCRIPTS);
        assertThat(second).isEmpty();
        assertThat(migrator.currentVersion()).isEqualTo(SchemaMigrator.latestVersion());
        assertThat(tables(postgres, "mig1_")).containsAll(TABLES).contains("schema_history");
    }

    @Test
    void should_create_every_table_when_migrating_h2() throws SQLException {
        DataSource h2 = TestDatabases.h2();
        SchemaMigrator migrator = new SchemaMigrator(h2, Dialect.H2, "hq_");

        assertThat(migrator.migrate()).containsExactlyElementsOf(SchemaMigrator.SCRIPTS);
        assertThat(migrator.migrate()).isEmpty();
        assertThat(tables(h2, "hq_")).containsAll(TABLES);
    }

    @Test
    void should_apply_the_schema_once_when_instances_start_together() throws Exception {
        DataSource postgres = TestDatabases.postgres();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> new SchemaMigrator(postgres, Dialect.POSTGRESQL, "race_").migrate()));
            }
            int applied = 0;
            for (Future<List<String>> r : results) {
                applied += r.get().size();
            }
            assertThat(applied).isEqualTo(SchemaMigrator.SCRIPTS.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_refuse_to_continue_when_an_applied_file_has_changed() throws SQLException {
        DataSource h2 = TestDatabases.h2();
        new SchemaMigrator(h2, Dialect.H2, "hq_").migrate();
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE hq_schema_history SET checksum = 'edited' WHERE version = 1");
        }

        assertThatThrownBy(() -> new SchemaMigrator(h2, Dialect.H2, "hq_").migrate())
                .isInstanceOf(StoreException.class).hasMessageContaining("V1__core.sql differs");
    }

    @Test
    void should_refuse_a_prefix_that_is_not_a_plain_identifier() {
        assertThatThrownBy(() -> new SchemaMigrator(TestDatabases.h2(), Dialect.H2, "hq; DROP TABLE x; --"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("table prefix");
    }

    /** The number of a file {@code V<n>__name.sql}, so that V10 sorts after V9. */
    private static int version(String file) {
        return Integer.parseInt(file.substring(1, file.indexOf("__")));
    }

    @Test
    void should_list_every_schema_file_of_both_dialects_in_the_migrator() throws IOException {
        for (Dialect dialect : Dialect.values()) {
            Path folder = Path.of("src/main/resources", dialect.schemaLocation());
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.map(p -> p.getFileName().toString())
                        .sorted(Comparator.comparingInt(SchemaMigratorTest::version)).collect(Collectors.toList()))
                        .as(dialect + " schema files").containsExactlyElementsOf(SchemaMigrator.SCRIPTS);
            }
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(dialect.schemaLocation()
                    + "/V1__core.sql")) {
                assertThat(in).as("packaged " + dialect + " schema").isNotNull();
            }
        }
    }

    @Test
    void should_split_statements_at_line_ending_semicolons_and_drop_comments() {
        assertThat(SchemaMigrator.statements("-- a comment\nCREATE TABLE a (x INT);\n\nCREATE INDEX i\n ON a (x);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i\n ON a (x)");
    }
}
