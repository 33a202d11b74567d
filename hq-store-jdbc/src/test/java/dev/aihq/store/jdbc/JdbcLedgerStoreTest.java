package dev.aihq.store.jdbc;

import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.Sku;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerEntryKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the JDBC ledger adds to its contract, on both databases: a batch the database refuses midway writes
 * nothing, amounts and quantities beyond {@code NUMERIC(19,4)} are refused rather than rounded, entries
 * recorded inside a unit of work go with it, and amounts are stored exactly.
 */
class JdbcLedgerStoreTest {

    private static final Instant AT = Instant.parse("2026-03-10T10:15:30.123456Z");
    private static final Sku PHONE = Sku.of("PHN-A55-256");

    static Object[] databases() {
        return MigratedDatabase.both().toArray();
    }

    private static LedgerEntry entry(String key, LedgerEntryKind kind, String quantity, String amount) {
        return new LedgerEntry(SHOP_ID, key, kind, AT, PHONE, OrderId.of("512345678"), new BigDecimal(quantity),
                Money.of(amount, Money.KZT), "purchase-event");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void should_write_nothing_when_database_refuses_the_last_entry_of_a_batch(Supplier<MigratedDatabase> database)
            throws Exception {
        // given
        MigratedDatabase db = database.get();
        db.execute("ALTER TABLE " + db.table("ledger_entries") + " ADD CONSTRAINT " + db.table("no_penalties")
                + " CHECK (kind <> 'PENALTY')");
        List<LedgerEntry> batch = List.of(entry("sale:512345678:PHN-A55-256", LedgerEntryKind.SALE, "1", "189990"),
                entry("kaspi:commission:512345678", LedgerEntryKind.COMMISSION, "0", "15199"),
                entry("kaspi:penalty:512345678", LedgerEntryKind.PENALTY, "0", "5000"));

        // when / then
        assertThatThrownBy(() -> db.stores().ledger().recordAll(batch)).isInstanceOf(StoreException.class)
                .hasMessageContaining("ledger_entries");
        assertThat(db.queryValue("SELECT COUNT(*) FROM " + db.table("ledger_entries")))
                .isEqualTo(0L);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void should_refuse_amount_or_quantity_the_columns_cannot_hold_exactly(Supplier<MigratedDatabase> database)
            throws Exception {
        // given
        MigratedDatabase db = database.get();
        LedgerEntry fine = entry("sale:1:PHN-A55-256", LedgerEntryKind.SALE, "1", "0.0001");
        LedgerEntry tooFine = entry("sale:2:PHN-A55-256", LedgerEntryKind.SALE, "1", "0.00001");
        LedgerEntry tooLarge = entry("sale:3:PHN-A55-256", LedgerEntryKind.SALE, "1", "1000000000000000");
        LedgerEntry tooFineQuantity = entry("sale:4:PHN-A55-256", LedgerEntryKind.SALE, "0.12345", "1");

        // when / then
        assertThatThrownBy(() -> db.stores().ledger().record(tooFine)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("amount").hasMessageContaining("4 decimal places");
        assertThatThrownBy(() -> db.stores().ledger().record(tooLarge)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("15 digits");
        assertThatThrownBy(() -> db.stores().ledger().recordAll(List.of(fine, tooFineQuantity)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quantity");
        assertThat(db.queryValue("SELECT COUNT(*) FROM " + db.table("ledger_entries"))).isEqualTo(0L);
        assertThat(db.stores().ledger().record(fine)).isTrue();
        assertThat(db.stores().ledger().find(SHOP_ID, fine.key())).contains(fine);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void should_go_with_the_unit_of_work_when_recorded_inside_one(Supplier<MigratedDatabase> database)
            throws Exception {
        // given
        MigratedDatabase db = database.get();
        JdbcStores stores = db.stores();
        LedgerEntry kept = entry("sale:1:PHN-A55-256", LedgerEntryKind.SALE, "1", "189990");
        LedgerEntry undone = entry("sale:2:PHN-A55-256", LedgerEntryKind.SALE, "1", "189990");
        IllegalStateException failure = new IllegalStateException("the step after the ledger broke");

        // when
        int added = stores.transactions().inTransaction(() -> stores.ledger().recordAll(List.of(kept)));
        assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
            stores.ledger().record(undone);
            stores.ledger().recordAll(List.of(kept, undone));
            throw failure;
        })).isSameAs(failure);

        // then
        assertThat(added).isEqualTo(1);
        assertThat(stores.ledger().find(SHOP_ID, kept.key())).contains(kept);
        assertThat(stores.ledger().find(SHOP_ID, undone.key())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void should_store_amount_exactly_to_four_decimal_places(Supplier<MigratedDatabase> database) throws Exception {
        // given
        MigratedDatabase db = database.get();

        // when
        db.stores().ledger().record(entry("sale:1:PHN-A55-256", LedgerEntryKind.SALE, "1.5", "1499.5"));

        // then
        assertThat(db.queryString("SELECT amount FROM " + db.table("ledger_entries"))).isEqualTo("1499.5000");
        assertThat(db.queryString("SELECT quantity FROM " + db.table("ledger_entries"))).isEqualTo("1.5000");
    }
}
