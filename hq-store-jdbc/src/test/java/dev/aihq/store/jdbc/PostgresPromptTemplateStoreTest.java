package dev.aihq.store.jdbc;

import dev.aihq.api.store.PromptTemplateStore;
import dev.aihq.testkit.contract.PromptTemplateStoreContract;

/** The {@link PromptTemplateStoreContract} suite against PostgreSQL, on fresh tables for every test. */
class PostgresPromptTemplateStoreTest extends PromptTemplateStoreContract {

    @Override
    protected PromptTemplateStore createStore() {
        return TestDatabases.postgresStores().promptTemplates();
    }
}
