package dev.aihq.store.jdbc;

import dev.aihq.api.store.LedgerStore;
import dev.aihq.testkit.contract.LedgerStoreContract;

/** The {@link LedgerStoreContract} suite against the embedded H2, on a fresh in-memory database for every test. */
class H2LedgerStoreTest extends LedgerStoreContract {

    @Override
    protected LedgerStore createStore() {
        return TestDatabases.h2Stores().ledger();
    }
}
