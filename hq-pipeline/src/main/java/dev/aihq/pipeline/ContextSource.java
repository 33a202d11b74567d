package dev.aihq.pipeline;

import dev.aihq.api.event.HqEvent;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * One named piece of an agent's context (the shop's catalog, the customer's history, a prompt
 * template…). The pipeline runs all sources of a run in parallel, each within its {@link #deadline()}.
 * A required source that fails or is late fails the run; an optional one degrades it (recorded in the
 * run log) and the run goes on without it.
 *
 * @param <E> the event type
 * @param <T> what the source yields
 */
public interface ContextSource<E extends HqEvent, T> {

    /**
     * Returns the source's name, unique within a pipeline, shown in the run log.
     *
     * @return the name
     */
    String name();

    /**
     * Tells whether the run fails without this source.
     *
     * @return {@code true} for required sources
     */
    boolean required();

    /**
     * Returns how long the source may take.
     *
     * @return the deadline, positive
     */
    Duration deadline();

    /**
     * Fetches the value. Runs on the pipeline's context executor; may block.
     *
     * @param request the event, shop and run
     * @return the value; {@code null} is not allowed (return an empty collection or an Optional)
     */
    T fetch(SourceRequest<E> request);

    /**
     * A required source.
     *
     * @param name its name
     * @param deadline how long it may take
     * @param fetch the fetching function
     * @param <E> the event type
     * @param <T> the value type
     * @return the source
     */
    static <E extends HqEvent, T> ContextSource<E, T> required(String name, Duration deadline,
            Function<SourceRequest<E>, T> fetch) {
        return new FunctionSource<>(name, true, deadline, fetch);
    }

    /**
     * An optional source.
     *
     * @param name its name
     * @param deadline how long it may take
     * @param fetch the fetching function
     * @param <E> the event type
     * @param <T> the value type
     * @return the source
     */
    static <E extends HqEvent, T> ContextSource<E, T> optional(String name, Duration deadline,
            Function<SourceRequest<E>, T> fetch) {
        return new FunctionSource<>(name, false, deadline, fetch);
    }

    /** A source made of a function. */
    final class FunctionSource<E extends HqEvent, T> implements ContextSource<E, T> {
        private final String name;
        private final boolean required;
        private final Duration deadline;
        private final Function<SourceRequest<E>, T> fetch;

        FunctionSource(String name, boolean required, Duration deadline, Function<SourceRequest<E>, T> fetch) {
            this.name = Objects.requireNonNull(name, "name");
            this.required = required;
            this.deadline = Objects.requireNonNull(deadline, "deadline");
            this.fetch = Objects.requireNonNull(fetch, "fetch");
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("deadline of source '" + name + "' must be positive");
            }
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean required() {
            return required;
        }

        @Override
        public Duration deadline() {
            return deadline;
        }

        @Override
        public T fetch(SourceRequest<E> request) {
            return fetch.apply(request);
        }

        @Override
        public String toString() {
            return (required ? "required" : "optional") + " source '" + name + "'";
        }
    }
}
