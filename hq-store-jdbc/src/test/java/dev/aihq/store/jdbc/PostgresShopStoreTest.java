package dev.aihq.store.jdbc;

import dev.aihq.api.store.ShopStore;
import dev.aihq.testkit.contract.ShopStoreContract;

/** The {@link ShopStoreContract} suite against PostgreSQL, on fresh tables for every test. */
class PostgresShopStoreTest extends ShopStoreContract {

    @Override
    protected ShopStore createStore() {
        return TestDatabases.postgresStores().shops();
    }
}
