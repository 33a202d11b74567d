package dev.aihq.store.jdbc;

import dev.aihq.api.store.ConversationStore;
import dev.aihq.testkit.contract.ConversationStoreContract;

/** The {@link ConversationStoreContract} suite against PostgreSQL, on fresh tables for every test. */
class PostgresConversationStoreTest extends ConversationStoreContract {

    @Override
    protected ConversationStore createStore() {
        return TestDatabases.postgresStores().conversations();
    }
}
