package dev.aihq.store.jdbc;

import dev.aihq.api.store.InteractionStore;
import dev.aihq.testkit.contract.InteractionStoreContract;

/** The {@link InteractionStoreContract} suite against PostgreSQL, on fresh tables for every test. */
class PostgresInteractionStoreTest extends InteractionStoreContract {

    @Override
    protected InteractionStore createStore() {
        return TestDatabases.postgresStores().interactions();
    }
}
