package dev.aihq.pipeline.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.testkit.Fixtures;
import org.junit.jupiter.api.Test;

class InMemoryStoresTest {

    @Test
    void should_give_fresh_stores_when_created_twice() {
        // given
        InMemoryStores first = InMemoryStores.create();
        InMemoryStores second = InMemoryStores.create(10);

        // when
        first.shops().save(Fixtures.kaspiShop().build());

        // then
        assertThat(first.shops().find(Fixtures.SHOP_ID)).isPresent();
        assertThat(second.shops().find(Fixtures.SHOP_ID)).isEmpty();
        assertThat(first.runLog().maxRecordsPerShop()).isEqualTo(InMemoryRunLog.DEFAULT_MAX_RECORDS_PER_SHOP);
        assertThat(second.runLog().maxRecordsPerShop()).isEqualTo(10);
    }
}
