package dev.aihq.testkit.contract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.ShopId;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.JournalEntry;
import dev.aihq.api.store.JournalResult;
import dev.aihq.api.store.RunLease;
import dev.aihq.api.store.ShopStore;
import dev.aihq.api.store.TokenUsageStore;
import dev.aihq.testkit.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    void should_fail_run_recovery_when_journal_forgets_finished_runs() {
        // given
        EventJournalContract suite = new EventJournalContract() {
            @Override
            protected EventJournal createStore() {
                return new CarelessLeaseJournal(false, true);
            }
        };

        // when / then
        assertThatThrownBy(suite::should_never_claim_entry_when_its_run_finished)
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void should_fail_run_recovery_when_a_claim_does_not_move_the_lease() {
        // given
        EventJournalContract suite = new EventJournalContract() {
            @Override
            protected EventJournal createStore() {
                return new CarelessLeaseJournal(true, false);
            }
        };

        // when / then
        assertThatThrownBy(suite::should_move_the_lease_to_the_claimer_when_an_entry_is_claimed)
                .isInstanceOf(AssertionError.class);
        suite.forgetPreviousStore();
        assertThatThrownBy(suite::should_claim_each_entry_exactly_once_when_threads_race_to_claim)
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void should_pass_run_recovery_when_journal_keeps_leases_right() {
        // given
        EventJournalContract suite = new EventJournalContract() {
            @Override
            protected EventJournal createStore() {
                return new CarelessLeaseJournal(true, true);
            }
        };

        // when / then: the careless journal done right passes, so the failures above are the careless parts
        suite.should_never_claim_entry_when_its_run_finished();
        suite.forgetPreviousStore();
        suite.should_move_the_lease_to_the_claimer_when_an_entry_is_claimed();
        suite.forgetPreviousStore();
        suite.should_claim_each_entry_exactly_once_when_threads_race_to_claim();
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
        public synchronized JournalResult append(JournalEntry entry, RunLease lease) {
            JournalEntry first = entries.putIfAbsent(entry.idempotencyKey(), entry);
            return first == null ? new JournalResult(true, entry) : new JournalResult(false, first);
        }

        @Override
        public synchronized Optional<JournalEntry> find(ShopId shopId, String idempotencyKey) {
            return Optional.ofNullable(entries.get(idempotencyKey));
        }

        @Override
        public void markFinished(ShopId shopId, String idempotencyKey, Instant at) {}

        @Override
        public List<JournalEntry> claimExpired(Instant now, int max, String worker, Duration lease,
                Collection<String> eventTypePrefixes) {
            return List.of();
        }

        @Override
        public boolean renewLease(ShopId shopId, String idempotencyKey, RunLease lease) {
            return false;
        }
    }

    private static final class LastWinsJournal implements EventJournal {
        private final Map<String, JournalEntry> entries = new HashMap<>();

        @Override
        public synchronized JournalResult append(JournalEntry entry, RunLease lease) {
            entries.put(entry.shopId() + "/" + entry.idempotencyKey(), entry);
            return new JournalResult(true, entry);
        }

        @Override
        public synchronized Optional<JournalEntry> find(ShopId shopId, String idempotencyKey) {
            return Optional.ofNullable(entries.get(shopId + "/" + idempotencyKey));
        }

        @Override
        public void markFinished(ShopId shopId, String idempotencyKey, Instant at) {}

        @Override
        public List<JournalEntry> claimExpired(Instant now, int max, String worker, Duration lease,
                Collection<String> eventTypePrefixes) {
            return List.of();
        }

        @Override
        public boolean renewLease(ShopId shopId, String idempotencyKey, RunLease lease) {
            return false;
        }
    }

    /** Appends and finds correctly, but forgets that runs finish, or that a claim moves the lease. */
    private static final class CarelessLeaseJournal implements EventJournal {
        private final Map<String, JournalEntry> entries = new LinkedHashMap<>();
        private final Map<String, RunLease> leases = new HashMap<>();
        private final Set<String> finished = new HashSet<>();
        private final boolean keepsFinished;
        private final boolean movesLease;

        CarelessLeaseJournal(boolean keepsFinished, boolean movesLease) {
            this.keepsFinished = keepsFinished;
            this.movesLease = movesLease;
        }

        @Override
        public synchronized JournalResult append(JournalEntry entry, RunLease lease) {
            String key = entry.shopId() + "/" + entry.idempotencyKey();
            JournalEntry first = entries.putIfAbsent(key, entry);
            if (first != null) {
                return new JournalResult(false, first);
            }
            leases.put(key, lease);
            return new JournalResult(true, entry);
        }

        @Override
        public synchronized Optional<JournalEntry> find(ShopId shopId, String idempotencyKey) {
            return Optional.ofNullable(entries.get(shopId + "/" + idempotencyKey));
        }

        @Override
        public synchronized void markFinished(ShopId shopId, String idempotencyKey, Instant at) {
            if (keepsFinished) {
                finished.add(shopId + "/" + idempotencyKey);
            }
        }

        @Override
        public synchronized List<JournalEntry> claimExpired(Instant now, int max, String worker, Duration lease,
                Collection<String> eventTypePrefixes) {
            List<JournalEntry> claimed = new ArrayList<>();
            entries.replaceAll((key, entry) -> {
                if (claimed.size() < max && !finished.contains(key) && !leases.get(key).until().isAfter(now)
                        && eventTypePrefixes.stream().anyMatch(entry.eventType()::startsWith)) {
                    claimed.add(entry.claimedAgain());
                    if (movesLease) {
                        leases.put(key, new RunLease(worker, now.plus(lease)));
                    }
                    return entry.claimedAgain();
                }
                return entry;
            });
            claimed.sort(Comparator.comparing(JournalEntry::receivedAt));
            return claimed;
        }

        @Override
        public synchronized boolean renewLease(ShopId shopId, String idempotencyKey, RunLease lease) {
            String key = shopId + "/" + idempotencyKey;
            if (!leases.containsKey(key) || finished.contains(key) || !leases.get(key).worker().equals(lease.worker())) {
                return false;
            }
            leases.put(key, lease);
            return true;
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

        @Override
        public java.util.List<ShopId> listIds(ShopId after, int limit) {
            return shop.map(s -> java.util.List.of(s.id())).orElse(java.util.List.of());
        }
    }
}
