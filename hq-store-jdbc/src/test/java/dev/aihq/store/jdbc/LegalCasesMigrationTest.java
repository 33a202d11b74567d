package dev.aihq.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.event.LegalEventType;
import dev.aihq.api.result.CanContest;
import dev.aihq.api.result.RiskLevel;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerEntryKind;
import dev.aihq.api.store.LegalCase;
import dev.aihq.api.store.MarketplaceAnswer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Upgrading a version-13 database to the legal cases: only versions 14 and later are applied, what was stored
 * before stays as it was, and the new tables take cases and answers at once.
 */
class LegalCasesMigrationTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Instant AT = Instant.parse("2026-03-10T10:15:30.123456Z");
    private static final ShopId SHOP = ShopId.of("kaspi_123");

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_add_the_legal_case_tables_and_keep_the_ledger_when_upgrading_version_13(StoreDatabase database)
            throws Exception {
        // given
        DataSource dataSource = database == StoreDatabase.H2 ? TestDatabases.h2() : TestDatabases.postgres();
        String prefix = "lc" + COUNTER.incrementAndGet() + "_";
        Dialect dialect = database == StoreDatabase.H2 ? Dialect.H2 : Dialect.POSTGRESQL;
        OlderSchema.install(dataSource, dialect, prefix, 13, AT);
        JdbcStores stores = JdbcStores.builder(dataSource).tablePrefix(prefix).build();
        LedgerEntry sale = new LedgerEntry(SHOP, "sale:512345678:PHONE-A55", LedgerEntryKind.SALE, AT,
                Sku.of("PHONE-A55"), OrderId.of("512345678"), BigDecimal.ONE, Money.kzt(189_990), "purchase-event");
        stores.ledger().record(sale);

        // when
        List<String> applied = stores.migrate();

        // then
        assertThat(applied).containsExactly("V14__legal_cases.sql", "V15__order_index.sql",
                "V16__interactions.sql");
        assertThat(new SchemaMigrator(dataSource, dialect, prefix).currentVersion()).isEqualTo(16);
        assertThat(stores.ledger().find(SHOP, sale.key())).contains(sale);
        LegalCase fine = new LegalCase(SHOP, "fine:512345678", LegalEventType.FINE, Marketplace.KASPI,
                OrderId.of("512345678"), null, null, List.of("kaspi.fine.late_shipment"), RiskLevel.MEDIUM,
                CanContest.PARTIAL, null, false, AT, AT, "{}");
        MarketplaceAnswer answer = new MarketplaceAnswer("ticket-1", AT, MarketplaceAnswer.Outcome.REFUSED,
                "Отказано.");
        assertThat(stores.legalCases().save(fine)).isTrue();
        assertThat(stores.legalCases().addAnswer(SHOP, fine.key(), answer)).isTrue();
        assertThat(stores.legalCases().find(SHOP, fine.key())).contains(fine);
        assertThat(stores.legalCases().answers(SHOP, fine.key())).containsExactly(answer);
    }
}
