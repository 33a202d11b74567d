package dev.aihq.store.jdbc;

import dev.aihq.api.error.StoreException;
import dev.aihq.http.JsonCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.annotation.Nullable;
import javax.sql.DataSource;

/**
 * What every JDBC store shares: the data source, the dialect, the table prefix and the storage JSON
 * codec, plus small helpers that turn {@link SQLException}s into {@link StoreException}s naming the
 * operation. Package-private: stores are built through {@link JdbcStores}.
 */
final class Jdbc {

    /** Binds the parameters of a statement. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Work on one connection. */
    @FunctionalInterface
    interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    final DataSource dataSource;
    final Dialect dialect;
    final String prefix;
    final JsonCodec json;
    /** The connection of the unit of work open on this thread, if any ({@link #unitOfWork}). */
    private final ThreadLocal<Connection> unit = new ThreadLocal<>();

    Jdbc(DataSource dataSource, Dialect dialect, String prefix, JsonCodec json) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.prefix = prefix;
        this.json = json;
    }

    /** Returns a table's name with the configured prefix. */
    String table(String name) {
        return prefix + name;
    }

    /**
     * Runs work on a connection in auto-commit mode, or on the connection of the unit of work open on
     * this thread.
     */
    <T> T withConnection(String operation, ConnectionWork<T> work) {
        Connection joined = unit.get();
        if (joined != null) {
            try {
                return work.run(joined);
            } catch (SQLException e) {
                throw new StoreException(operation + " failed: " + describe(e), e);
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(operation + " failed: " + describe(e), e);
        }
    }

    /**
     * Runs work in one transaction, committed when it returns and rolled back when it throws. Inside a
     * unit of work the work joins the unit's transaction under a savepoint, so that its failure undoes
     * only its own statements.
     */
    <T> T inTransaction(String operation, ConnectionWork<T> work) {
        Connection joined = unit.get();
        if (joined != null) {
            try {
                Savepoint savepoint = joined.setSavepoint();
                try {
                    T result = work.run(joined);
                    joined.releaseSavepoint(savepoint);
                    return result;
                } catch (SQLException | RuntimeException e) {
                    joined.rollback(savepoint);
                    throw e;
                }
            } catch (SQLException e) {
                throw new StoreException(operation + " failed: " + describe(e), e);
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException(operation + " failed: " + describe(e), e);
        }
    }

    /**
     * Runs work as one unit of work: every statement of these stores on this thread, until the work
     * returns, runs on one connection in one transaction, committed at the end or rolled back when the
     * work throws. A unit already open on this thread is joined.
     */
    <T> T unitOfWork(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (unit.get() != null) {
            return work.get();
        }
        Connection connection;
        boolean autoCommit;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new StoreException("beginning a transaction failed: " + describe(e), e);
        }
        try {
            autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw new StoreException("beginning a transaction failed: " + describe(e), e);
        }
        unit.set(connection);
        try {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw new StoreException("committing a transaction failed: " + describe(e), e);
            }
            return result;
        } finally {
            unit.remove();
            try {
                connection.setAutoCommit(autoCommit);
                connection.close();
            } catch (SQLException e) {
                // The unit's outcome stands; the pool discards a connection it cannot reset.
                closeQuietly(connection, e);
            }
        }
    }

    private static void closeQuietly(Connection connection, SQLException cause) {
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Executes an update and returns its count. */
    int update(String operation, String sql, Binder binder) {
        return withConnection(operation, c -> update(c, sql, binder));
    }

    static int update(Connection connection, String sql, Binder binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        }
    }

    /**
     * Runs an insert that must not duplicate a row: a unique-key violation means the row is there already.
     *
     * @param connection the connection
     * @param sql the insert
     * @param binder binds its parameters
     * @return {@code true} when a row was inserted, {@code false} when its key existed
     * @throws SQLException any other failure
     */
    boolean insertOnce(Connection connection, String sql, Binder binder) throws SQLException {
        try {
            return update(connection, sql, binder) == 1;
        } catch (SQLException e) {
            if (dialect.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Runs a query and maps every row. */
    <T> List<T> query(String operation, String sql, Binder binder, RowMapper<T> mapper) {
        return withConnection(operation, c -> query(c, sql, binder, mapper));
    }

    static <T> List<T> query(Connection connection, String sql, Binder binder, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        }
    }

    /** Runs a query expected to return at most one row. */
    <T> Optional<T> queryOne(String operation, String sql, Binder binder, RowMapper<T> mapper) {
        List<T> rows = query(operation, sql, binder, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Converts an instant for a {@code TIMESTAMP WITH TIME ZONE} column (bind it with {@code setObject}).
     * Instants are stored with
     * microsecond precision, PostgreSQL's; the nanoseconds beyond are dropped on both databases so that
     * they behave alike.
     */
    static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /** Reads a {@code TIMESTAMP WITH TIME ZONE} column. */
    static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String describe(SQLException e) {
        String message = e.getMessage();
        return (message == null ? e.getClass().getSimpleName() : message.strip())
                + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")");
    }
}
