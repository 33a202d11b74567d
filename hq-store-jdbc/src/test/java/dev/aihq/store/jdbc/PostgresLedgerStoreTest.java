package dev.aihq.store.jdbc;

import dev.aihq.api.store.LedgerStore;
import dev.aihq.testkit.contract.LedgerStoreContract;

/** The {@link LedgerStoreContract} suite against PostgreSQL, on fresh tables for every test. */
class PostgresLedgerStoreTest extends LedgerStoreContract {

    @Override
    protected LedgerStore createStore() {
        return TestDatabases.postgresStores().ledger();
    }
}
