package dev.aihq.pipeline.memory;

import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.result.RunId;
import dev.aihq.api.store.RunLog;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.contract.RunLogContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryRunLogTest extends RunLogContract {

    @Override
    protected RunLog createStore() {
        return new InMemoryRunLog();
    }

    @Test
    void should_evict_earliest_started_runs_when_shop_exceeds_its_limit() {
        // given
        InMemoryRunLog runLog = new InMemoryRunLog(3);
        runLog.save(Fixtures.startedRun(OTHER_SHOP_ID, RunId.of("other-1"), clock().instant()));

        // when
        for (int i = 1; i <= 5; i++) {
            runLog.save(Fixtures.startedRun(SHOP_ID, RunId.of("run-" + i), clock().advance(Duration.ofSeconds(1))));
        }
        runLog.save(Fixtures.finishedRun(runLog.find(SHOP_ID, RunId.of("run-5")).orElseThrow()));

        // then
        assertThat(runLog.recent(SHOP_ID, 10)).extracting(r -> r.runId().value())
                .containsExactly("run-5", "run-4", "run-3");
        assertThat(runLog.find(SHOP_ID, RunId.of("run-1"))).isEmpty();
        assertThat(runLog.find(SHOP_ID, RunId.of("run-5")).orElseThrow().inProgress()).isFalse();
        assertThat(runLog.find(OTHER_SHOP_ID, RunId.of("other-1"))).isPresent();
    }
}
