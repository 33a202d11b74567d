package dev.aihq.pipeline.memory;

import dev.aihq.api.store.InteractionStore;
import dev.aihq.testkit.contract.InteractionStoreContract;

class InMemoryInteractionStoreTest extends InteractionStoreContract {

    @Override
    protected InteractionStore createStore() {
        return new InMemoryInteractionStore();
    }
}
