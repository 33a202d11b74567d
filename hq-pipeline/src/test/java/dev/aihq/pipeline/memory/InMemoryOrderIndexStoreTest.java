package dev.aihq.pipeline.memory;

import dev.aihq.api.store.OrderIndexStore;
import dev.aihq.testkit.contract.OrderIndexStoreContract;

class InMemoryOrderIndexStoreTest extends OrderIndexStoreContract {

    @Override
    protected OrderIndexStore createStore() {
        return new InMemoryOrderIndexStore();
    }
}
