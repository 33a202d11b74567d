package dev.aihq.store.jdbc;

import dev.aihq.api.store.EventJournal;
import dev.aihq.testkit.contract.EventJournalContract;

/** The {@link EventJournalContract} suite against the embedded H2, on a fresh in-memory database for every test. */
class H2EventJournalTest extends EventJournalContract {

    @Override
    protected EventJournal createStore() {
        return TestDatabases.h2Stores().journal();
    }
}
