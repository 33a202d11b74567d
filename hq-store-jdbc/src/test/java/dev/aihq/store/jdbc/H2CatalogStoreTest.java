package dev.aihq.store.jdbc;

import dev.aihq.api.store.CatalogStore;
import dev.aihq.testkit.contract.CatalogStoreContract;

/** The {@link CatalogStoreContract} suite against the embedded H2, on a fresh in-memory database for every test. */
class H2CatalogStoreTest extends CatalogStoreContract {

    @Override
    protected CatalogStore createStore() {
        return TestDatabases.h2Stores().catalog();
    }
}
