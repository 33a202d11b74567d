package dev.aihq.pipeline.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Money;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerEntryKind;
import dev.aihq.testkit.Fixtures;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class InMemoryStoresTest {

    @Test
    void should_give_fresh_stores_when_created_twice() {
        // given
        InMemoryStores first = InMemoryStores.create();
        InMemoryStores second = InMemoryStores.create(10);

        // when
        first.shops().save(Fixtures.kaspiShop().build());
        first.ledger().record(new LedgerEntry(Fixtures.SHOP_ID, "sale:512345678:PHN-A55-256", LedgerEntryKind.SALE,
                Fixtures.NOW, Fixtures.SMARTPHONE, null, BigDecimal.ONE, Money.kzt(189_990), "purchase-event"));

        // then
        assertThat(first.shops().find(Fixtures.SHOP_ID)).isPresent();
        assertThat(second.shops().find(Fixtures.SHOP_ID)).isEmpty();
        assertThat(first.ledger().find(Fixtures.SHOP_ID, "sale:512345678:PHN-A55-256")).isPresent();
        assertThat(second.ledger().find(Fixtures.SHOP_ID, "sale:512345678:PHN-A55-256")).isEmpty();
        assertThat(first.runLog().maxRecordsPerShop()).isEqualTo(InMemoryRunLog.DEFAULT_MAX_RECORDS_PER_SHOP);
        assertThat(second.runLog().maxRecordsPerShop()).isEqualTo(10);
    }
}
