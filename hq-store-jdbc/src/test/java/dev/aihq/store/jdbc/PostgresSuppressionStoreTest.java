package dev.aihq.store.jdbc;

import dev.aihq.api.store.SuppressionStore;
import dev.aihq.testkit.contract.SuppressionStoreContract;

/** The {@link SuppressionStoreContract} suite against PostgreSQL, on fresh tables for every test. */
class PostgresSuppressionStoreTest extends SuppressionStoreContract {

    @Override
    protected SuppressionStore createStore() {
        return TestDatabases.postgresStores().suppressions();
    }
}
