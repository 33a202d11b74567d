package dev.aihq.connectors.kaspi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Which orders to list: a state (Kaspi requires one per request), a creation-date window of any length
 * (the client splits it into windows of at most {@link KaspiConfig#MAX_WINDOW}) and optionally a status.
 * Both ends are inclusive.
 *
 * @param state {@code filter[orders][state]}
 * @param createdFrom the window's start, {@code filter[orders][creationDate][$ge]}
 * @param createdTo the window's end, {@code filter[orders][creationDate][$le]}
 * @param status {@code filter[orders][status]}, or {@code null} for any
 */
public record KaspiOrderQuery(KaspiOrderState state, Instant createdFrom, Instant createdTo,
        @Nullable KaspiOrderStatus status) {

    /**
     * Validates the window.
     *
     * @throws IllegalArgumentException if the window ends before it starts
     */
    public KaspiOrderQuery {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(createdTo, "createdTo");
        if (createdTo.isBefore(createdFrom)) {
            throw new IllegalArgumentException("createdTo (" + createdTo + ") is before createdFrom ("
                    + createdFrom + ")");
        }
    }

    /**
     * Lists orders in a state created within a window, any status.
     *
     * @param state the state
     * @param createdFrom the window's start
     * @param createdTo the window's end
     * @return the query
     */
    public static KaspiOrderQuery of(KaspiOrderState state, Instant createdFrom, Instant createdTo) {
        return new KaspiOrderQuery(state, createdFrom, createdTo, null);
    }

    /**
     * Returns the same query narrowed to a status.
     *
     * @param status the status
     * @return the new query
     */
    public KaspiOrderQuery withStatus(KaspiOrderStatus status) {
        return new KaspiOrderQuery(state, createdFrom, createdTo, Objects.requireNonNull(status, "status"));
    }

    /**
     * Returns the status filter.
     *
     * @return the status, or empty for any
     */
    public Optional<KaspiOrderStatus> statusFilter() {
        return Optional.ofNullable(status);
    }
}
