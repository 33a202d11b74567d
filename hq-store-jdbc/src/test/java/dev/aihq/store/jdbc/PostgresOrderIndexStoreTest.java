package dev.aihq.store.jdbc;

import dev.aihq.api.store.OrderIndexStore;
import dev.aihq.testkit.contract.OrderIndexStoreContract;

/** The {@link OrderIndexStoreContract} suite against PostgreSQL, on fresh tables for every test. */
class PostgresOrderIndexStoreTest extends OrderIndexStoreContract {

    @Override
    protected OrderIndexStore createStore() {
        return TestDatabases.postgresStores().orderIndex();
    }
}
