package dev.aihq.store.jdbc;

import dev.aihq.api.store.TokenUsageStore;
import dev.aihq.testkit.contract.TokenUsageStoreContract;

/** The {@link TokenUsageStoreContract} suite against the embedded H2, on a fresh in-memory database for every test. */
class H2TokenUsageStoreTest extends TokenUsageStoreContract {

    @Override
    protected TokenUsageStore createStore() {
        return TestDatabases.h2Stores().tokenUsage();
    }
}
