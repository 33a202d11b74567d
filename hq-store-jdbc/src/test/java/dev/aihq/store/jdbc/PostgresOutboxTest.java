package dev.aihq.store.jdbc;

import dev.aihq.api.store.Outbox;
import dev.aihq.testkit.contract.OutboxContract;

/** The {@link OutboxContract} suite against PostgreSQL, on fresh tables for every test. */
class PostgresOutboxTest extends OutboxContract {

    @Override
    protected Outbox createStore() {
        return TestDatabases.postgresStores().outbox();
    }
}
