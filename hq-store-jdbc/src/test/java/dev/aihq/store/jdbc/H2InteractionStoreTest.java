package dev.aihq.store.jdbc;

import dev.aihq.api.store.InteractionStore;
import dev.aihq.testkit.contract.InteractionStoreContract;

/** The {@link InteractionStoreContract} suite against the embedded H2, on a fresh in-memory database for every test. */
class H2InteractionStoreTest extends InteractionStoreContract {

    @Override
    protected InteractionStore createStore() {
        return TestDatabases.h2Stores().interactions();
    }
}
