package dev.aihq.store.jdbc;

import dev.aihq.api.store.ConversationStore;
import dev.aihq.testkit.contract.ConversationStoreContract;

/**
 * The {@link ConversationStoreContract} suite against the embedded H2, on a fresh in-memory database for every
 * test.
 */
class H2ConversationStoreTest extends ConversationStoreContract {

    @Override
    protected ConversationStore createStore() {
        return TestDatabases.h2Stores().conversations();
    }
}
