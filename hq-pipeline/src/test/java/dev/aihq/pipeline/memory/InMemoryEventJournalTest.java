package dev.aihq.pipeline.memory;

import dev.aihq.api.store.EventJournal;
import dev.aihq.testkit.contract.EventJournalContract;

class InMemoryEventJournalTest extends EventJournalContract {

    @Override
    protected EventJournal createStore() {
        return new InMemoryEventJournal();
    }
}
