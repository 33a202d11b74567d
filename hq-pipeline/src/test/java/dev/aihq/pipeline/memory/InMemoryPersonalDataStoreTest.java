package dev.aihq.pipeline.memory;

import dev.aihq.api.store.Stores;
import dev.aihq.testkit.contract.PersonalDataStoreContract;

/** The {@link PersonalDataStoreContract} suite against the in-memory stores, read through their APIs. */
class InMemoryPersonalDataStoreTest extends PersonalDataStoreContract {

    @Override
    protected Stores createStore() {
        return InMemoryStores.create();
    }
}
