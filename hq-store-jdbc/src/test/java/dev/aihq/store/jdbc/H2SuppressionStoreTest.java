package dev.aihq.store.jdbc;

import dev.aihq.api.store.SuppressionStore;
import dev.aihq.testkit.contract.SuppressionStoreContract;

/** The {@link SuppressionStoreContract} suite against the embedded H2, on a fresh database for every test. */
class H2SuppressionStoreTest extends SuppressionStoreContract {

    @Override
    protected SuppressionStore createStore() {
        return TestDatabases.h2Stores().suppressions();
    }
}
