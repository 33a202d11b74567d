package dev.aihq.testkit;

import dev.aihq.api.ShopId;
import dev.aihq.api.result.RunId;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.store.RunLog;
import dev.aihq.api.store.RunRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link RunLog} that hands every call to another one: extend it and override the calls a test watches or
 * makes fail, e.g. a run log whose saves of in-progress records throw.
 */
public class ForwardingRunLog implements RunLog {

    private final RunLog delegate;

    /**
     * Forwards to a run log.
     *
     * @param delegate the run log that does the work
     */
    public ForwardingRunLog(RunLog delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void save(RunRecord record) {
        delegate.save(record);
    }

    @Override
    public Optional<RunRecord> find(ShopId shopId, RunId runId) {
        return delegate.find(shopId, runId);
    }

    @Override
    public List<RunRecord> recent(ShopId shopId, int limit) {
        return delegate.recent(shopId, limit);
    }

    @Override
    public List<RunRecord> withOutcome(ShopId shopId, RunOutcome outcome, int limit) {
        return delegate.withOutcome(shopId, outcome, limit);
    }

    @Override
    public boolean replaceIf(RunOutcome expected, RunRecord record) {
        return delegate.replaceIf(expected, record);
    }
}
