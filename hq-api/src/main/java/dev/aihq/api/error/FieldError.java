package dev.aihq.api.error;

import java.util.Objects;

/**
 * One problem with one field of an external input.
 *
 * @param field the field's path as the sender wrote it, e.g. {@code items[1].price}
 * @param problem what is wrong, e.g. {@code must be a positive number}
 */
public record FieldError(String field, String problem) {

    /** Requires both parts. */
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return field + ": " + problem;
    }
}
