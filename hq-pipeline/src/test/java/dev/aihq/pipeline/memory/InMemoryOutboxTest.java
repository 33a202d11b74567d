package dev.aihq.pipeline.memory;

import dev.aihq.api.store.Outbox;
import dev.aihq.testkit.contract.OutboxContract;

class InMemoryOutboxTest extends OutboxContract {

    @Override
    protected Outbox createStore() {
        return new InMemoryOutbox();
    }
}
