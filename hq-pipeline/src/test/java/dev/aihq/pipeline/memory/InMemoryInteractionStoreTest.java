package dev.aihq.pipeline.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.store.InteractionStore;
import dev.aihq.testkit.contract.InteractionStoreContract;
import org.junit.jupiter.api.Test;

class InMemoryInteractionStoreTest extends InteractionStoreContract {

    @Override
    protected InteractionStore createStore() {
        return new InMemoryInteractionStore();
    }

    @Test
    void should_wire_the_interactions_into_the_in_memory_stores() {
        // given
        InMemoryStores stores = InMemoryStores.create();

        // when / then
        assertThat(stores.interactions()).isInstanceOf(InMemoryInteractionStore.class);
    }
}
