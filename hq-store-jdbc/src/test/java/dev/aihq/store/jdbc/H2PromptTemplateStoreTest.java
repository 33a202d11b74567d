package dev.aihq.store.jdbc;

import dev.aihq.api.store.PromptTemplateStore;
import dev.aihq.testkit.contract.PromptTemplateStoreContract;

/**
 * The {@link PromptTemplateStoreContract} suite against the embedded H2, on a fresh in-memory database for every
 * test.
 */
class H2PromptTemplateStoreTest extends PromptTemplateStoreContract {

    @Override
    protected PromptTemplateStore createStore() {
        return TestDatabases.h2Stores().promptTemplates();
    }
}
