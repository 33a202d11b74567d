package dev.aihq.pipeline.memory;

import dev.aihq.api.store.TokenUsageStore;
import dev.aihq.testkit.contract.TokenUsageStoreContract;

class InMemoryTokenUsageStoreTest extends TokenUsageStoreContract {

    @Override
    protected TokenUsageStore createStore() {
        return new InMemoryTokenUsageStore();
    }
}
