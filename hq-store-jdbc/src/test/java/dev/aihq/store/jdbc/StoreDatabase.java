package dev.aihq.store.jdbc;

import java.util.function.UnaryOperator;

/**
 * The two databases as a JUnit parameter ({@code @EnumSource(StoreDatabase.class)}), for store tests that
 * run the same checks on both; {@link #freshTables()} gives a {@link MigratedDatabase}.
 */
enum StoreDatabase {

    /** The embedded H2, a fresh in-memory database each time. */
    H2,

    /** The shared in-process PostgreSQL, fresh tables each time. */
    POSTGRESQL;

    /** Migrated stores on tables of their own. */
    MigratedDatabase freshTables() {
        return freshTables(builder -> builder);
    }

    /** Migrated stores on tables of their own, built with extra settings. */
    MigratedDatabase freshTables(UnaryOperator<JdbcStores.Builder> settings) {
        return this == H2 ? MigratedDatabase.h2(settings) : MigratedDatabase.postgres(settings);
    }
}
