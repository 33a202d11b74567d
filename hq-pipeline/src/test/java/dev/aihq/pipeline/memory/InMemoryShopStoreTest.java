package dev.aihq.pipeline.memory;

import dev.aihq.api.store.ShopStore;
import dev.aihq.testkit.contract.ShopStoreContract;

class InMemoryShopStoreTest extends ShopStoreContract {

    @Override
    protected ShopStore createStore() {
        return new InMemoryShopStore();
    }
}
