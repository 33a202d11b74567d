package dev.aihq.pipeline.memory;

import dev.aihq.api.store.PromptTemplateStore;
import dev.aihq.testkit.contract.PromptTemplateStoreContract;

class InMemoryPromptTemplateStoreTest extends PromptTemplateStoreContract {

    @Override
    protected PromptTemplateStore createStore() {
        return new InMemoryPromptTemplateStore();
    }
}
