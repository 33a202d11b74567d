package dev.aihq.store.jdbc;

import dev.aihq.api.store.RunLog;
import dev.aihq.testkit.contract.RunLogContract;

/** The {@link RunLogContract} suite against the embedded H2, on a fresh in-memory database for every test. */
class H2RunLogTest extends RunLogContract {

    @Override
    protected RunLog createStore() {
        return TestDatabases.h2Stores().runLog();
    }
}
