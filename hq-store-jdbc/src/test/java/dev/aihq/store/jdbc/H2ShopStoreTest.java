package dev.aihq.store.jdbc;

import dev.aihq.api.store.ShopStore;
import dev.aihq.testkit.contract.ShopStoreContract;

/** The {@link ShopStoreContract} suite against the embedded H2, on a fresh in-memory database for every test. */
class H2ShopStoreTest extends ShopStoreContract {

    @Override
    protected ShopStore createStore() {
        return TestDatabases.h2Stores().shops();
    }
}
