package dev.aihq.pipeline.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.store.OrderIndexStore;
import dev.aihq.testkit.contract.OrderIndexStoreContract;
import org.junit.jupiter.api.Test;

class InMemoryOrderIndexStoreTest extends OrderIndexStoreContract {

    @Override
    protected OrderIndexStore createStore() {
        return new InMemoryOrderIndexStore();
    }

    @Test
    void should_wire_the_order_index_into_the_in_memory_stores() {
        // given
        InMemoryStores stores = InMemoryStores.create();

        // when / then
        assertThat(stores.orderIndex()).isInstanceOf(InMemoryOrderIndexStore.class);
    }
}
