package dev.aihq.store.jdbc;

import dev.aihq.api.store.LegalCaseStore;
import dev.aihq.testkit.contract.LegalCaseStoreContract;

/** The {@link LegalCaseStoreContract} suite against the embedded H2, on a fresh in-memory database for every test. */
class H2LegalCaseStoreTest extends LegalCaseStoreContract {

    @Override
    protected LegalCaseStore createStore() {
        return TestDatabases.h2Stores().legalCases();
    }
}
