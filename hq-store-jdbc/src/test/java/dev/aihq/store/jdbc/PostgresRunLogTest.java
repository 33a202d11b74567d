package dev.aihq.store.jdbc;

import dev.aihq.api.store.RunLog;
import dev.aihq.testkit.contract.RunLogContract;

/** The {@link RunLogContract} suite against PostgreSQL, on fresh tables for every test. */
class PostgresRunLogTest extends RunLogContract {

    @Override
    protected RunLog createStore() {
        return TestDatabases.postgresStores().runLog();
    }
}
