package dev.aihq.pipeline;

import dev.aihq.api.ShopId;
import dev.aihq.api.connector.EventSink;
import dev.aihq.api.event.HqEvent;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.RunRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link EventSink} over pipelines: each event goes to the pipeline routed for its class, whose
 * {@link AgentPipeline#submit} journals it on the calling thread; {@link #contains} reads the journal the
 * pipelines share.
 *
 * <pre>{@code
 * EventSink sink = PipelineEventSink.builder(stores.journal())
 *         .route(PurchaseEvent.class, purchases)
 *         .build();
 * }</pre>
 *
 * Thread-safe once built.
 */
public final class PipelineEventSink implements EventSink {

    private final EventJournal journal;
    private final Map<Class<? extends HqEvent>, AgentPipeline<?, ?, ?>> routes;

    private PipelineEventSink(Builder builder) {
        this.journal = builder.journal;
        this.routes = Map.copyOf(builder.routes);
    }

    /**
     * Starts a builder.
     *
     * @param journal the journal the routed pipelines write
     * @return a builder
     */
    public static Builder builder(EventJournal journal) {
        return new Builder(journal);
    }

    @Override
    public boolean contains(ShopId shopId, String idempotencyKey) {
        return journal.find(shopId, idempotencyKey).isPresent();
    }

    @Override
    public Acceptance accept(HqEvent event) {
        Objects.requireNonNull(event, "event");
        Submission submission = submit(pipelineFor(event), event);
        switch (submission.kind()) {
            case ACCEPTED:
                return new Acceptance(Outcome.ACCEPTED, "");
            case DUPLICATE:
                return new Acceptance(Outcome.DUPLICATE, "");
            default:
                RunRecord record = submission.record();
                return new Acceptance(Outcome.REJECTED, record == null || record.reason().isEmpty()
                        ? "rejected by pipeline" : record.reason());
        }
    }

    private AgentPipeline<?, ?, ?> pipelineFor(HqEvent event) {
        AgentPipeline<?, ?, ?> exact = routes.get(event.getClass());
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<Class<? extends HqEvent>, AgentPipeline<?, ?, ?>> route : routes.entrySet()) {
            if (route.getKey().isInstance(event)) {
                return route.getValue();
            }
        }
        throw new IllegalArgumentException("no pipeline takes events of type " + event.getClass().getName()
                + "; routed: " + routes.keySet().stream().map(Class::getSimpleName).sorted().toList());
    }

    // The route was registered for the event's class with a pipeline of that event type.
    @SuppressWarnings("unchecked")
    private static <E extends HqEvent> Submission submit(AgentPipeline<?, ?, ?> pipeline, HqEvent event) {
        return ((AgentPipeline<E, ?, ?>) pipeline).submit((E) event);
    }

    @Override
    public String toString() {
        return "PipelineEventSink" + routes.keySet().stream().map(Class::getSimpleName).sorted().toList();
    }

    /** Builds a {@link PipelineEventSink}. Not thread-safe. */
    public static final class Builder {
        private final EventJournal journal;
        private final Map<Class<? extends HqEvent>, AgentPipeline<?, ?, ?>> routes = new LinkedHashMap<>();

        private Builder(EventJournal journal) {
            this.journal = Objects.requireNonNull(journal, "journal");
        }

        /**
         * Routes events of a class (and its subclasses) to a pipeline.
         *
         * @param type the event class
         * @param pipeline the pipeline that takes them
         * @param <E> the event type
         * @return this builder
         * @throws IllegalArgumentException when the class is routed already
         */
        public <E extends HqEvent> Builder route(Class<E> type, AgentPipeline<E, ?, ?> pipeline) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(pipeline, "pipeline");
            if (routes.putIfAbsent(type, pipeline) != null) {
                throw new IllegalArgumentException(type.getSimpleName() + " is routed already");
            }
            return this;
        }

        /**
         * Builds the sink.
         *
         * @return the sink
         * @throws IllegalStateException when nothing is routed
         */
        public PipelineEventSink build() {
            if (routes.isEmpty()) {
                throw new IllegalStateException("route at least one event class to a pipeline");
            }
            return new PipelineEventSink(this);
        }
    }
}
