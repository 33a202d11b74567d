package dev.aihq.pipeline.memory;

import dev.aihq.api.store.CatalogStore;
import dev.aihq.testkit.contract.CatalogStoreContract;

class InMemoryCatalogStoreTest extends CatalogStoreContract {

    @Override
    protected CatalogStore createStore() {
        return new InMemoryCatalogStore();
    }
}
