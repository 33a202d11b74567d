package dev.aihq.store.jdbc;

import dev.aihq.api.ShopId;
import dev.aihq.api.store.Stores;
import dev.aihq.testkit.contract.PersonalDataStoreContract;
import java.util.Collection;
import javax.annotation.Nullable;

/**
 * The {@link PersonalDataStoreContract} suite against PostgreSQL, on fresh tables for every test, checking every column
 * of every row of the shop for the erased customer.
 */
class PostgresPersonalDataStoreTest extends PersonalDataStoreContract {

    private @Nullable MigratedDatabase db;

    @Override
    protected Stores createStore() {
        db = MigratedDatabase.postgres(builder -> builder.suppressionKey(TestDatabases.SUPPRESSION_KEY));
        return db.stores();
    }

    @Override
    protected Collection<String> storedTexts(Stores stores, ShopId shopId) {
        return StoredTexts.of(java.util.Objects.requireNonNull(db), shopId);
    }
}
