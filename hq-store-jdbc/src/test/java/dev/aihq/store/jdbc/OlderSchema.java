package dev.aihq.store.jdbc;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.sql.DataSource;

/**
 * Installs the schema as an older SDK left it, for migration tests: versions 1 to n applied and recorded in
 * the schema history exactly as {@link SchemaMigrator} records them (script name, checksum of the script
 * with LF line ends, time), so that a newer migrator applies only what came after.
 */
final class OlderSchema {

    private OlderSchema() {}

    /**
     * Applies and records versions 1 to {@code version}.
     *
     * @param dataSource the database
     * @param dialect its dialect
     * @param prefix the table prefix
     * @param version the last version to apply
     * @param installedAt the time recorded in the history
     * @throws Exception when the database or a script fails
     */
    static void install(DataSource dataSource, Dialect dialect, String prefix, int version, Instant installedAt)
            throws Exception {
        new SchemaMigrator(dataSource, dialect, prefix).currentVersion();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (int v = 1; v <= version; v++) {
                String name = SchemaMigrator.SCRIPTS.get(v - 1);
                String script;
                try (InputStream in = OlderSchema.class.getClassLoader()
                        .getResourceAsStream(dialect.schemaLocation() + "/" + name)) {
                    script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                for (String statement : SchemaMigrator.statements(script.replace("${prefix}", prefix))) {
                    s.execute(statement);
                }
                try (PreparedStatement history = c.prepareStatement("INSERT INTO " + prefix + "schema_history"
                        + " (version, script, checksum, installed_at) VALUES (?, ?, ?, ?)")) {
                    history.setInt(1, v);
                    history.setString(2, name);
                    history.setString(3, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(script.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8))));
                    history.setObject(4, installedAt.atOffset(ZoneOffset.UTC));
                    history.executeUpdate();
                }
            }
        }
    }
}
