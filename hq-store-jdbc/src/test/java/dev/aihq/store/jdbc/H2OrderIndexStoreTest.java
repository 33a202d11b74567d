package dev.aihq.store.jdbc;

import dev.aihq.api.store.OrderIndexStore;
import dev.aihq.testkit.contract.OrderIndexStoreContract;

/** The {@link OrderIndexStoreContract} suite against the embedded H2, on a fresh in-memory database for every test. */
class H2OrderIndexStoreTest extends OrderIndexStoreContract {

    @Override
    protected OrderIndexStore createStore() {
        return TestDatabases.h2Stores().orderIndex();
    }
}
