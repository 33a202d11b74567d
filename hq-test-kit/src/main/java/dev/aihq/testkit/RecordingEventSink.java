package dev.aihq.testkit;

import dev.aihq.api.ShopId;
import dev.aihq.api.connector.EventSink;
import dev.aihq.api.event.HqEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link EventSink} for tests of event sources (pollers, feed readers) that journals as the SDK's journal does:
 * one event per shop and key, a later one with the same key a {@link Outcome#DUPLICATE}. It can be told to reject
 * everything, and counts the calls of {@link #accept}; a test may subclass it to watch each acceptance. Thread-safe.
 */
public class RecordingEventSink implements EventSink {

    private final Map<String, HqEvent> journal = new ConcurrentHashMap<>();
    private final List<HqEvent> order = new ArrayList<>();
    /** How many times {@link #accept} was called, duplicates and rejections included. */
    public final AtomicInteger acceptCalls = new AtomicInteger();
    /** When not empty, every event is rejected with this reason, as a pipeline refuses an inactive shop. */
    public volatile String rejectWith = "";

    /** Creates an empty sink. */
    public RecordingEventSink() {}

    @Override
    public boolean contains(ShopId shopId, String idempotencyKey) {
        return journal.containsKey(shopId.value() + "|" + idempotencyKey);
    }

    @Override
    public Acceptance accept(HqEvent event) {
        Objects.requireNonNull(event, "event");
        acceptCalls.incrementAndGet();
        if (!rejectWith.isEmpty()) {
            return new Acceptance(Outcome.REJECTED, rejectWith);
        }
        HqEvent earlier = journal.putIfAbsent(event.shopId().value() + "|" + event.idempotencyKey(), event);
        if (earlier == null) {
            synchronized (order) {
                order.add(event);
            }
        }
        return new Acceptance(earlier == null ? Outcome.ACCEPTED : Outcome.DUPLICATE, "");
    }

    /**
     * Returns the journaled events of a type, in the order they were first accepted.
     *
     * @param type the event class
     * @param <E> the event type
     * @return the events
     */
    public <E extends HqEvent> List<E> events(Class<E> type) {
        synchronized (order) {
            return order.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /**
     * Returns how many events are journaled.
     *
     * @return the count
     */
    public int size() {
        return journal.size();
    }
}
