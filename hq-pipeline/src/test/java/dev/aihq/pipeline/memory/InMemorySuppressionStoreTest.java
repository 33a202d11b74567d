package dev.aihq.pipeline.memory;

import static dev.aihq.testkit.Fixtures.CUSTOMER;
import static dev.aihq.testkit.Fixtures.NOW;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.store.SuppressionStore;
import dev.aihq.testkit.contract.SuppressionStoreContract;
import org.junit.jupiter.api.Test;

class InMemorySuppressionStoreTest extends SuppressionStoreContract {

    @Override
    protected SuppressionStore createStore() {
        return InMemorySuppressionStore.withRandomKey();
    }

    @Test
    void should_give_each_created_set_its_own_list_when_created_twice() {
        // given
        InMemoryStores.create().suppressions().suppress(SHOP_ID, CUSTOMER, "opted-out", NOW);

        // when / then
        assertThat(InMemoryStores.create().suppressions().isSuppressed(SHOP_ID, CUSTOMER)).isFalse();
    }

    @Test
    void should_reject_key_when_shorter_than_16_bytes() {
        // when / then
        assertThatThrownBy(() -> new InMemorySuppressionStore(new byte[15]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16");
    }
}
