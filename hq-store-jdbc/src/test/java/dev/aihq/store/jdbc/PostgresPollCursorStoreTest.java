package dev.aihq.store.jdbc;

import dev.aihq.api.store.PollCursorStore;
import dev.aihq.testkit.contract.PollCursorStoreContract;

/** The {@link PollCursorStoreContract} suite against PostgreSQL, on fresh tables for every test. */
class PostgresPollCursorStoreTest extends PollCursorStoreContract {

    @Override
    protected PollCursorStore createStore() {
        return TestDatabases.postgresStores().cursors();
    }
}
