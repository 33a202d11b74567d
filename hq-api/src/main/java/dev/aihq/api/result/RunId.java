package dev.aihq.api.result;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Identifies one agent run; returned by the front door with {@code 202 Accepted} and used to read the
 * run's status.
 *
 * @param value 1–64 characters of letters, digits and {@code -}
 */
public record RunId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9-]{1,64}");

    /** Validates the format. */
    public RunId {
        Objects.requireNonNull(value, "run id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("run id must be 1-64 letters, digits or '-'");
        }
    }

    /**
     * Creates a new random run id.
     *
     * @return a run id
     */
    public static RunId random() {
        return new RunId(UUID.randomUUID().toString());
    }

    /**
     * Wraps an existing run id.
     *
     * @param value the id
     * @return the run id
     */
    public static RunId of(String value) {
        return new RunId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
