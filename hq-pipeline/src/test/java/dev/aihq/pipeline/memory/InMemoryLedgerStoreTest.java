package dev.aihq.pipeline.memory;

import dev.aihq.api.store.LedgerStore;
import dev.aihq.testkit.contract.LedgerStoreContract;

class InMemoryLedgerStoreTest extends LedgerStoreContract {

    @Override
    protected LedgerStore createStore() {
        return new InMemoryLedgerStore();
    }
}
