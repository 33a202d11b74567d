package dev.aihq.store.jdbc;

import dev.aihq.api.store.Outbox;
import dev.aihq.testkit.contract.OutboxContract;

/** The {@link OutboxContract} suite against the embedded H2, on a fresh in-memory database for every test. */
class H2OutboxTest extends OutboxContract {

    @Override
    protected Outbox createStore() {
        return TestDatabases.h2Stores().outbox();
    }
}
