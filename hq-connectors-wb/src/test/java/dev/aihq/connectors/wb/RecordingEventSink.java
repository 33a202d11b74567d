package dev.aihq.connectors.wb;

import dev.aihq.api.ShopId;
import dev.aihq.api.connector.EventSink;
import dev.aihq.api.event.HqEvent;
import dev.aihq.api.event.InboxEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An {@link EventSink} that journals like the SDK's journal: one event per shop and key, later ones duplicates. */
class RecordingEventSink implements EventSink {

    private final Map<String, InboxEvent> journal = new ConcurrentHashMap<>();
    final AtomicInteger acceptCalls = new AtomicInteger();
    volatile String rejectWith = "";

    @Override
    public boolean contains(ShopId shopId, String idempotencyKey) {
        return journal.containsKey(shopId.value() + "|" + idempotencyKey);
    }

    @Override
    public Acceptance accept(HqEvent event) {
        acceptCalls.incrementAndGet();
        if (!rejectWith.isEmpty()) {
            return new Acceptance(Outcome.REJECTED, rejectWith);
        }
        InboxEvent inbox = (InboxEvent) event;
        InboxEvent earlier = journal.putIfAbsent(inbox.shopId().value() + "|" + inbox.idempotencyKey(), inbox);
        return new Acceptance(earlier == null ? Outcome.ACCEPTED : Outcome.DUPLICATE, "");
    }

    List<InboxEvent> events() {
        return List.copyOf(journal.values());
    }
}
