package dev.aihq.testkit.contract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.ShopId;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.JournalEntry;
import dev.aihq.api.store.JournalResult;
import dev.aihq.api.store.ShopStore;
import dev.aihq.api.store.TokenUsageStore;
import dev.aihq.testkit.Fixtures;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Proves the suites can fail: deliberately broken stores must not pass them. */
class ContractSelfTest {

    @Test
    void should_fail_tenant_isolation_when_journal_ignores_the_shop() {
        // given
        EventJournalContract suite = new EventJournalContract() {
            @Override
            protected EventJournal createStore() {
                return new ShopBlindJournal();
            }
        };

        // when / then
        assertThatThrownBy(suite::should_append_independently_when_same_key_arrives_for_another_shop)
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(suite::should_not_find_entry_when_asked_for_another_shop)
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void should_fail_deduplication_when_journal_keeps_the_last_entry() {
        // given
        EventJournalContract suite = new EventJournalContract() {
            @Override
            protected EventJournal createStore() {
                return new LastWinsJournal();
            }
        };

        // when / then
        assertThatThrownBy(suite::should_return_first_entry_when_same_key_is_appended_again)
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(suite::should_append_exactly_once_when_threads_race_on_same_key)
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void should_fail_day_separation_when_token_usage_ignores_the_day() {
        // given
        TokenUsageStoreContract suite = new TokenUsageStoreContract() {
            @Override
            protected TokenUsageStore createStore() {
                return new DayBlindTokenUsage();
            }
        };

        // when / then
        assertThatThrownBy(suite::should_count_days_apart_when_tokens_are_added_on_different_days)
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void should_fail_tenant_isolation_when_shop_store_keeps_one_shop() {
        // given
        ShopStoreContract suite = new ShopStoreContract() {
            @Override
            protected ShopStore createStore() {
                return new SingleShopStore();
            }
        };

        // when / then
        assertThatThrownBy(suite::should_keep_shops_apart_when_two_shops_are_saved)
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(suite::should_return_empty_when_shop_is_unknown)
                .isInstanceOf(AssertionError.class);
    }

    private static final class ShopBlindJournal implements EventJournal {
        private final Map<String, JournalEntry> entries = new HashMap<>();

        @Override
        public synchronized JournalResult append(JournalEntry entry) {
            JournalEntry first = entries.putIfAbsent(entry.idempotencyKey(), entry);
            return first == null ? new JournalResult(true, entry) : new JournalResult(false, first);
        }

        @Override
        public synchronized Optional<JournalEntry> find(ShopId shopId, String idempotencyKey) {
            return Optional.ofNullable(entries.get(idempotencyKey));
        }
    }

    private static final class LastWinsJournal implements EventJournal {
        private final Map<String, JournalEntry> entries = new HashMap<>();

        @Override
        public synchronized JournalResult append(JournalEntry entry) {
            entries.put(entry.shopId() + "/" + entry.idempotencyKey(), entry);
            return new JournalResult(true, entry);
        }

        @Override
        public synchronized Optional<JournalEntry> find(ShopId shopId, String idempotencyKey) {
            return Optional.ofNullable(entries.get(shopId + "/" + idempotencyKey));
        }
    }

    private static final class DayBlindTokenUsage implements TokenUsageStore {
        private final Map<ShopId, Long> totals = new HashMap<>();

        @Override
        public synchronized long add(ShopId shopId, LocalDate day, long tokens) {
            return totals.merge(shopId, tokens, Long::sum);
        }

        @Override
        public synchronized long used(ShopId shopId, LocalDate day) {
            return totals.getOrDefault(shopId, 0L);
        }
    }

    private static final class SingleShopStore implements ShopStore {
        private volatile Optional<Shop> shop = Optional.empty();

        @Override
        public Optional<Shop> find(ShopId id) {
            return shop.isPresent() ? shop : Optional.of(Fixtures.kaspiShop(id).build());
        }

        @Override
        public void save(Shop shop) {
            this.shop = Optional.of(shop);
        }
    }
}
