package dev.aihq.store.jdbc;

import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Marketplace;
import dev.aihq.api.OrderId;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.event.LegalEventType;
import dev.aihq.api.result.CanContest;
import dev.aihq.api.result.RiskLevel;
import dev.aihq.api.store.LegalCase;
import dev.aihq.api.store.MarketplaceAnswer;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the JDBC legal case store adds to its contract, on both databases: its writes go with a unit of work,
 * and an answer to an unknown case or a repeated save inside one does not spoil it; enumerations are stored as
 * their wire values and rule ids as a JSON array; a row the SPI cannot read is reported naming the table.
 */
class JdbcLegalCaseStoreTest {

    private static final Instant AT = Instant.parse("2026-03-10T10:15:30.123456Z");

    static Object[] databases() {
        return MigratedDatabase.both().toArray();
    }

    private static LegalCase legalCase(String key, RiskLevel risk) {
        return new LegalCase(SHOP_ID, key, LegalEventType.PRODUCT_BLOCK, Marketplace.KASPI, OrderId.of("512345678"),
                "Смартфон", "disconnection", List.of("kaspi.block.counterfeit", "kaspi.ladder"), risk,
                CanContest.NOT_DETERMINED, null, false, AT, AT, "{\"risk_level\":\"" + risk.wireValue() + "\"}");
    }

    private static MarketplaceAnswer answer(String key, String text) {
        return new MarketplaceAnswer(key, AT, MarketplaceAnswer.Outcome.PARTLY_GRANTED, text);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void should_go_with_the_unit_of_work_when_written_inside_one(Supplier<MigratedDatabase> database) {
        // given
        MigratedDatabase db = database.get();
        JdbcStores stores = db.stores();
        LegalCase first = legalCase("block:1", RiskLevel.MEDIUM);
        LegalCase rerun = legalCase("block:1", RiskLevel.HIGH);
        LegalCase undone = legalCase("block:2", RiskLevel.LOW);
        IllegalStateException failure = new IllegalStateException("the step after the store broke");

        // when
        List<Boolean> results = stores.transactions().inTransaction(() -> {
            boolean savedFirst = stores.legalCases().save(first);
            boolean answered = stores.legalCases().addAnswer(SHOP_ID, first.key(), answer("ticket-1", "Снижено."));
            assertThatThrownBy(() -> stores.legalCases().addAnswer(SHOP_ID, "block:unknown",
                    answer("ticket-1", "?"))).isInstanceOf(IllegalArgumentException.class);
            boolean answeredAgain = stores.legalCases().addAnswer(SHOP_ID, first.key(), answer("ticket-1", "Нет."));
            boolean savedRerun = stores.legalCases().save(rerun);
            return List.of(savedFirst, answered, answeredAgain, savedRerun);
        });
        assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
            stores.legalCases().save(undone);
            stores.legalCases().addAnswer(SHOP_ID, undone.key(), answer("ticket-2", "Отказано."));
            throw failure;
        })).isSameAs(failure);

        // then
        assertThat(results).containsExactly(true, true, false, false);
        assertThat(stores.legalCases().find(SHOP_ID, first.key())).contains(rerun);
        assertThat(stores.legalCases().answers(SHOP_ID, first.key())).containsExactly(answer("ticket-1", "Снижено."));
        assertThat(stores.legalCases().find(SHOP_ID, undone.key())).isEmpty();
        assertThat(stores.legalCases().answers(SHOP_ID, undone.key())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void should_store_wire_values_and_rule_ids_as_json_array(Supplier<MigratedDatabase> database) throws Exception {
        // given
        MigratedDatabase db = database.get();
        LegalCase legalCase = legalCase("block:1", RiskLevel.HIGH);

        // when
        db.stores().legalCases().save(legalCase);
        db.stores().legalCases().addAnswer(SHOP_ID, legalCase.key(), answer("ticket-1", "Снижено."));

        // then
        String cases = db.table("legal_cases");
        assertThat(db.queryString("SELECT event_type FROM " + cases)).isEqualTo("product_block");
        assertThat(db.queryString("SELECT marketplace FROM " + cases)).isEqualTo("kaspi");
        assertThat(db.queryString("SELECT risk_level FROM " + cases)).isEqualTo("high");
        assertThat(db.queryString("SELECT can_contest FROM " + cases)).isEqualTo("not_determined");
        assertThat(db.queryString("SELECT rule_ids FROM " + cases))
                .isEqualTo("[\"kaspi.block.counterfeit\",\"kaspi.ladder\"]");
        assertThat(db.queryString("SELECT outcome FROM " + db.table("legal_case_answers")))
                .isEqualTo("partly_granted");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void should_name_the_table_when_a_row_cannot_be_read(Supplier<MigratedDatabase> database) throws Exception {
        // given
        MigratedDatabase db = database.get();
        db.stores().legalCases().save(legalCase("block:1", RiskLevel.LOW));
        db.execute("UPDATE " + db.table("legal_cases") + " SET risk_level = 'extreme'");

        // when / then
        assertThatThrownBy(() -> db.stores().legalCases().find(SHOP_ID, "block:1"))
                .isInstanceOf(StoreException.class).hasMessageContaining("legal_cases")
                .hasMessageContaining("block:1");
    }
}
