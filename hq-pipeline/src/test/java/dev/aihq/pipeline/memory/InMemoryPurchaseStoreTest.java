package dev.aihq.pipeline.memory;

import dev.aihq.api.store.PurchaseStore;
import dev.aihq.testkit.contract.PurchaseStoreContract;

class InMemoryPurchaseStoreTest extends PurchaseStoreContract {

    @Override
    protected PurchaseStore createStore() {
        return new InMemoryPurchaseStore();
    }
}
