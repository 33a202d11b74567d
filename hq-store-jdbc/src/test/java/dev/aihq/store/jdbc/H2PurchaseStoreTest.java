package dev.aihq.store.jdbc;

import dev.aihq.api.store.PurchaseStore;
import dev.aihq.testkit.contract.PurchaseStoreContract;

/** The {@link PurchaseStoreContract} suite against the embedded H2, on a fresh in-memory database for every test. */
class H2PurchaseStoreTest extends PurchaseStoreContract {

    @Override
    protected PurchaseStore createStore() {
        return TestDatabases.h2Stores().purchases();
    }
}
