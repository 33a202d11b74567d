package dev.aihq.store.jdbc;

import dev.aihq.api.store.EventJournal;
import dev.aihq.testkit.contract.EventJournalContract;

/** The {@link EventJournalContract} suite against PostgreSQL, on fresh tables for every test. */
class PostgresEventJournalTest extends EventJournalContract {

    @Override
    protected EventJournal createStore() {
        return TestDatabases.postgresStores().journal();
    }
}
