package dev.aihq.store.jdbc;

import dev.aihq.api.store.ConsentStore;
import dev.aihq.testkit.contract.ConsentStoreContract;

/** The {@link ConsentStoreContract} suite against the embedded H2, on a fresh in-memory database for every test. */
class H2ConsentStoreTest extends ConsentStoreContract {

    @Override
    protected ConsentStore createStore() {
        return TestDatabases.h2Stores().consents();
    }
}
