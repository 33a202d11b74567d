package dev.aihq.store.jdbc;

import dev.aihq.api.store.LegalCaseStore;
import dev.aihq.testkit.contract.LegalCaseStoreContract;

/** The {@link LegalCaseStoreContract} suite against PostgreSQL, on fresh tables for every test. */
class PostgresLegalCaseStoreTest extends LegalCaseStoreContract {

    @Override
    protected LegalCaseStore createStore() {
        return TestDatabases.postgresStores().legalCases();
    }
}
