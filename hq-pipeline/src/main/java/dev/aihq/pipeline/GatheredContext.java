package dev.aihq.pipeline;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The values the context sources of one run yielded, and which optional sources were missing.
 */
public final class GatheredContext {

    private final Map<String, Object> values;
    private final List<String> missing;

    GatheredContext(Map<String, Object> values, List<String> missing) {
        this.values = Map.copyOf(values);
        this.missing = List.copyOf(missing);
    }

    /**
     * Creates a context from values, for tests of assemblers.
     *
     * @param values values by source name
     * @return the context
     */
    public static GatheredContext of(Map<String, Object> values) {
        return new GatheredContext(values, List.of());
    }

    /**
     * Returns a source's value.
     *
     * @param source the source
     * @param <T> the value type
     * @return the value
     * @throws NoSuchElementException when the source is optional and failed; use {@link #find}
     */
    public <T> T get(ContextSource<?, T> source) {
        return find(source).orElseThrow(() -> new NoSuchElementException(
                "context source '" + source.name() + "' has no value (it failed or timed out)"));
    }

    /**
     * Returns a source's value when it has one.
     *
     * @param source the source
     * @param <T> the value type
     * @return the value, or empty when the (optional) source failed
     */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> find(ContextSource<?, T> source) {
        return Optional.ofNullable((T) values.get(source.name()));
    }

    /**
     * Returns the names of optional sources that failed or timed out.
     *
     * @return the names, in declaration order
     */
    public List<String> missing() {
        return missing;
    }
}
