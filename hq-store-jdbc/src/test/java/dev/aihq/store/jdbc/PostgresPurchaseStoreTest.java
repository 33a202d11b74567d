package dev.aihq.store.jdbc;

import dev.aihq.api.store.PurchaseStore;
import dev.aihq.testkit.contract.PurchaseStoreContract;

/** The {@link PurchaseStoreContract} suite against PostgreSQL, on fresh tables for every test. */
class PostgresPurchaseStoreTest extends PurchaseStoreContract {

    @Override
    protected PurchaseStore createStore() {
        return TestDatabases.postgresStores().purchases();
    }
}
