package dev.aihq.pipeline.memory;

import dev.aihq.api.store.ConversationStore;
import dev.aihq.testkit.contract.ConversationStoreContract;

class InMemoryConversationStoreTest extends ConversationStoreContract {

    @Override
    protected ConversationStore createStore() {
        return new InMemoryConversationStore();
    }
}
