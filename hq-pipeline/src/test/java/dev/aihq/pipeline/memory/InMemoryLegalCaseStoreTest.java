package dev.aihq.pipeline.memory;

import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.store.LegalCaseStore;
import dev.aihq.api.store.MarketplaceAnswer;
import dev.aihq.testkit.contract.LegalCaseStoreContract;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryLegalCaseStoreTest extends LegalCaseStoreContract {

    @Override
    protected LegalCaseStore createStore() {
        return new InMemoryLegalCaseStore();
    }

    @Test
    void should_name_shop_and_case_when_answer_has_no_case() {
        // given
        LegalCaseStore store = store();
        MarketplaceAnswer answer = answer("ticket-1", Instant.parse("2026-03-10T10:15:30Z"),
                MarketplaceAnswer.Outcome.REFUSED, "Отказано.");

        // when / then
        assertThatThrownBy(() -> store.addAnswer(SHOP_ID, "fine:512345678", answer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SHOP_ID.value()).hasMessageContaining("fine:512345678");
    }

    @Test
    void should_wire_the_legal_case_store_into_the_in_memory_stores() {
        // given
        InMemoryStores stores = InMemoryStores.create();

        // when / then
        assertThat(stores.legalCases()).isInstanceOf(InMemoryLegalCaseStore.class);
    }
}
