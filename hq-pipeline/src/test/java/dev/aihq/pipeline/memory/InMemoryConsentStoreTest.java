package dev.aihq.pipeline.memory;

import dev.aihq.api.store.ConsentStore;
import dev.aihq.testkit.contract.ConsentStoreContract;

/** The {@link ConsentStoreContract} suite against {@link InMemoryConsentStore}. */
class InMemoryConsentStoreTest extends ConsentStoreContract {

    @Override
    protected ConsentStore createStore() {
        return new InMemoryConsentStore();
    }
}
