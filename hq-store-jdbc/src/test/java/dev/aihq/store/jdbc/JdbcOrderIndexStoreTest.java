package dev.aihq.store.jdbc;

import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Marketplace;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.store.IndexedOrder;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the JDBC order index adds to its contract, on both databases: a batch the database refuses midway writes
 * nothing (neither its new orders nor its updates), orders recorded inside a unit of work go with it, and a row
 * the SDK cannot read is reported naming the table and the order.
 */
class JdbcOrderIndexStoreTest {

    private static final Instant CREATED = Instant.parse("2026-03-10T10:15:30.123456Z");
    private static final Instant SEEN = Instant.parse("2026-03-10T10:20:00Z");

    static Object[] databases() {
        return MigratedDatabase.both().toArray();
    }

    private static IndexedOrder order(String orderId, String status, Instant seenAt) {
        return new IndexedOrder(SHOP_ID, Marketplace.WILDBERRIES, orderId, "rid-" + orderId, "basket-1", null,
                null, null, null, "fbs", status, CREATED, seenAt);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void should_write_nothing_when_database_refuses_the_last_order_of_a_batch(Supplier<MigratedDatabase> database)
            throws Exception {
        // given
        MigratedDatabase db = database.get();
        db.execute("ALTER TABLE " + db.table("order_index") + " ADD CONSTRAINT " + db.table("no_broken")
                + " CHECK (status <> 'broken')");
        IndexedOrder known = order("1", "new", SEEN);
        db.stores().orderIndex().upsert(known);
        List<IndexedOrder> batch = List.of(order("1", "complete", SEEN.plusSeconds(60)),
                order("2", "new", SEEN), order("3", "broken", SEEN));

        // when / then
        assertThatThrownBy(() -> db.stores().orderIndex().upsertAll(batch)).isInstanceOf(StoreException.class)
                .hasMessageContaining("order_index");
        assertThat(db.queryValue("SELECT COUNT(*) FROM " + db.table("order_index"))).isEqualTo(1L);
        assertThat(db.stores().orderIndex().find(SHOP_ID, Marketplace.WILDBERRIES, "1")).contains(known);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void should_go_with_the_unit_of_work_when_recorded_inside_one(Supplier<MigratedDatabase> database) {
        // given
        JdbcStores stores = database.get().stores();
        IndexedOrder kept = order("1", "new", SEEN);
        IndexedOrder undone = order("2", "new", SEEN);
        IllegalStateException failure = new IllegalStateException("the step after the index broke");

        // when
        int added = stores.transactions().inTransaction(() -> stores.orderIndex().upsertAll(List.of(kept)));
        assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
            stores.orderIndex().upsert(undone);
            stores.orderIndex().upsertAll(List.of(order("1", "complete", SEEN.plusSeconds(60)), undone));
            throw failure;
        })).isSameAs(failure);

        // then
        assertThat(added).isEqualTo(1);
        assertThat(stores.orderIndex().find(SHOP_ID, Marketplace.WILDBERRIES, "1")).contains(kept);
        assertThat(stores.orderIndex().find(SHOP_ID, Marketplace.WILDBERRIES, "2")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void should_name_table_and_order_when_a_row_cannot_be_read(Supplier<MigratedDatabase> database)
            throws Exception {
        // given
        MigratedDatabase db = database.get();
        db.stores().orderIndex().upsert(order("4512345678", "new", SEEN));
        db.execute("UPDATE " + db.table("order_index") + " SET scheme = 'F B S'");

        // when / then
        assertThatThrownBy(() -> db.stores().orderIndex().lookup(SHOP_ID, Marketplace.WILDBERRIES, "basket-1", 10))
                .isInstanceOf(StoreException.class).hasMessageContaining("order_index")
                .hasMessageContaining("4512345678").hasMessageContaining("scheme");
    }
}
