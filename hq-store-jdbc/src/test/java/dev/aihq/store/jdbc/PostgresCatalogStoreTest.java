package dev.aihq.store.jdbc;

import dev.aihq.api.store.CatalogStore;
import dev.aihq.testkit.contract.CatalogStoreContract;

/** The {@link CatalogStoreContract} suite against PostgreSQL, on fresh tables for every test. */
class PostgresCatalogStoreTest extends CatalogStoreContract {

    @Override
    protected CatalogStore createStore() {
        return TestDatabases.postgresStores().catalog();
    }
}
