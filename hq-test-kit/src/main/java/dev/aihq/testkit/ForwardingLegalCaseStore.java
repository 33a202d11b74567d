package dev.aihq.testkit;

import dev.aihq.api.ShopId;
import dev.aihq.api.store.LegalCase;
import dev.aihq.api.store.LegalCaseStore;
import dev.aihq.api.store.MarketplaceAnswer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link LegalCaseStore} that hands every call to another one: extend it and override the calls a test or a
 * benchmark watches, e.g. counting {@code history} reads or failing a {@code save}.
 */
public class ForwardingLegalCaseStore implements LegalCaseStore {

    private final LegalCaseStore delegate;

    /**
     * Forwards to a legal case store.
     *
     * @param delegate the store that does the work
     */
    public ForwardingLegalCaseStore(LegalCaseStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public boolean save(LegalCase legalCase) {
        return delegate.save(legalCase);
    }

    @Override
    public Optional<LegalCase> find(ShopId shopId, String key) {
        return delegate.find(shopId, key);
    }

    @Override
    public List<LegalCase> history(ShopId shopId, Instant from, Instant to, int limit) {
        return delegate.history(shopId, from, to, limit);
    }

    @Override
    public boolean addAnswer(ShopId shopId, String caseKey, MarketplaceAnswer answer) {
        return delegate.addAnswer(shopId, caseKey, answer);
    }

    @Override
    public List<MarketplaceAnswer> answers(ShopId shopId, String caseKey) {
        return delegate.answers(shopId, caseKey);
    }
}
