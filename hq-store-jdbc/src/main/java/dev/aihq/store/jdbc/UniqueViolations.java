package dev.aihq.store.jdbc;

import java.sql.SQLException;

/**
 * Runs a write that may lose a race for a new key and is right when simply run again.
 *
 * <p>H2 writes {@code MERGE} as an update followed, when no row matched, by an insert; two sessions
 * creating the same key at once make the later insert fail with a unique violation, although a second
 * try finds the row and updates it. PostgreSQL's {@code ON CONFLICT} never fails that way, so there the
 * work runs once.
 */
final class UniqueViolations {

    /** How often the work runs before the unique violation is reported. */
    static final int ATTEMPTS = 5;

    private UniqueViolations() {}

    /**
     * Runs the work on one connection in auto-commit mode, again after a unique violation.
     *
     * @param jdbc the database
     * @param operation what the work does, for the error message
     * @param work one statement, or several that are right to repeat
     * @param <T> what the work returns
     * @return what the work returned
     */
    static <T> T retry(Jdbc jdbc, String operation, Jdbc.ConnectionWork<T> work) {
        return jdbc.withConnection(operation, connection -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    return work.run(connection);
                } catch (SQLException e) {
                    if (attempt >= ATTEMPTS || !jdbc.dialect.isUniqueViolation(e)) {
                        throw e;
                    }
                }
            }
        });
    }
}
