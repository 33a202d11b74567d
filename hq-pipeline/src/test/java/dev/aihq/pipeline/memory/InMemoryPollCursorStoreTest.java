package dev.aihq.pipeline.memory;

import dev.aihq.api.store.PollCursorStore;
import dev.aihq.testkit.contract.PollCursorStoreContract;

class InMemoryPollCursorStoreTest extends PollCursorStoreContract {

    @Override
    protected PollCursorStore createStore() {
        return new InMemoryPollCursorStore();
    }
}
