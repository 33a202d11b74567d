package dev.aihq.store.jdbc;

import dev.aihq.api.store.ConsentStore;
import dev.aihq.testkit.contract.ConsentStoreContract;

/** The {@link ConsentStoreContract} suite against PostgreSQL, on fresh tables for every test. */
class PostgresConsentStoreTest extends ConsentStoreContract {

    @Override
    protected ConsentStore createStore() {
        return TestDatabases.postgresStores().consents();
    }
}
