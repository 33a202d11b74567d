package dev.aihq.store.jdbc;

import dev.aihq.api.ShopId;
import dev.aihq.api.store.Stores;
import dev.aihq.testkit.contract.PersonalDataStoreContract;
import java.util.Collection;
import javax.annotation.Nullable;

/**
 * The {@link PersonalDataStoreContract} suite against the embedded H2, on a fresh database for every test, checking every column
 * of every row of the shop for the erased customer.
 */
class H2PersonalDataStoreTest extends PersonalDataStoreContract {

    private @Nullable MigratedDatabase db;

    @Override
    protected Stores createStore() {
        db = MigratedDatabase.h2(builder -> builder.suppressionKey(TestDatabases.SUPPRESSION_KEY));
        return db.stores();
    }

    @Override
    protected Collection<String> storedTexts(Stores stores, ShopId shopId) {
        return StoredTexts.of(java.util.Objects.requireNonNull(db), shopId);
    }
}
