package dev.aihq.store.jdbc;

import dev.aihq.api.store.PollCursorStore;
import dev.aihq.testkit.contract.PollCursorStoreContract;

/** The {@link PollCursorStoreContract} suite against the embedded H2, on a fresh in-memory database for every test. */
class H2PollCursorStoreTest extends PollCursorStoreContract {

    @Override
    protected PollCursorStore createStore() {
        return TestDatabases.h2Stores().cursors();
    }
}
