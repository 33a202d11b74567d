package dev.aihq.store.jdbc;

import dev.aihq.api.store.TokenUsageStore;
import dev.aihq.testkit.contract.TokenUsageStoreContract;

/** The {@link TokenUsageStoreContract} suite against PostgreSQL, on fresh tables for every test. */
class PostgresTokenUsageStoreTest extends TokenUsageStoreContract {

    @Override
    protected TokenUsageStore createStore() {
        return TestDatabases.postgresStores().tokenUsage();
    }
}
