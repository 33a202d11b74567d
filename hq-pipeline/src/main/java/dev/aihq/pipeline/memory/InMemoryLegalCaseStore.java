package dev.aihq.pipeline.memory;

import dev.aihq.api.ShopId;
import dev.aihq.api.store.LegalCase;
import dev.aihq.api.store.LegalCaseStore;
import dev.aihq.api.store.MarketplaceAnswer;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link LegalCaseStore} with one map of cases per shop, keyed by case key; each case keeps its answers by
 * answer key. The history and the answers are sorted on each call. Thread-safe (every method is synchronized);
 * nothing survives a restart.
 */
public final class InMemoryLegalCaseStore implements LegalCaseStore {

    private static final Comparator<LegalCase> NEWEST_FIRST = Comparator
            .comparing(LegalCase::appliedAt, Comparator.reverseOrder())
            .thenComparing(LegalCase::key);

    private static final Comparator<MarketplaceAnswer> OLDEST_FIRST = Comparator
            .comparing(MarketplaceAnswer::receivedAt)
            .thenComparing(MarketplaceAnswer::key);

    private final Map<ShopId, Map<String, Stored>> byShop = new HashMap<>();

    /** Creates an empty store. */
    public InMemoryLegalCaseStore() {}

    @Override
    public synchronized boolean save(LegalCase legalCase) {
        Objects.requireNonNull(legalCase, "legal case");
        Map<String, Stored> cases = byShop.computeIfAbsent(legalCase.shopId(), k -> new HashMap<>());
        Stored earlier = cases.get(legalCase.key());
        if (earlier != null) {
            earlier.legalCase = legalCase;
            return false;
        }
        cases.put(legalCase.key(), new Stored(legalCase));
        return true;
    }

    @Override
    public synchronized Optional<LegalCase> find(ShopId shopId, String key) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(key, "key");
        Stored stored = byShop.getOrDefault(shopId, Map.of()).get(key);
        return stored == null ? Optional.empty() : Optional.of(stored.legalCase);
    }

    @Override
    public synchronized List<LegalCase> history(ShopId shopId, Instant from, Instant to, int limit) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return byShop.getOrDefault(shopId, Map.of()).values().stream()
                .map(s -> s.legalCase)
                .filter(c -> !c.appliedAt().isBefore(from) && c.appliedAt().isBefore(to))
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized boolean addAnswer(ShopId shopId, String caseKey, MarketplaceAnswer answer) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(caseKey, "case key");
        Objects.requireNonNull(answer, "answer");
        Stored stored = byShop.getOrDefault(shopId, Map.of()).get(caseKey);
        if (stored == null) {
            throw new IllegalArgumentException("shop " + shopId + " has no legal case " + caseKey
                    + " to record answer " + answer.key() + " for");
        }
        return stored.answers.putIfAbsent(answer.key(), answer) == null;
    }

    @Override
    public synchronized List<MarketplaceAnswer> answers(ShopId shopId, String caseKey) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(caseKey, "case key");
        Stored stored = byShop.getOrDefault(shopId, Map.of()).get(caseKey);
        return stored == null ? List.of() : stored.answers.values().stream().sorted(OLDEST_FIRST).toList();
    }

    /** A case with its answers; guarded by the store's lock. */
    private static final class Stored {
        private LegalCase legalCase;
        private final Map<String, MarketplaceAnswer> answers = new LinkedHashMap<>();

        private Stored(LegalCase legalCase) {
            this.legalCase = legalCase;
        }
    }
}
