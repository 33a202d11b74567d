package dev.aihq.api.result;

import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifies one agent run; returned by the front door with {@code 202 Accepted} and used to read the
 * run's status.
 *
 * @param value 1–64 characters of letters, digits and {@code -}
 */
public record RunId(String value) {

    /** Validates the format. */
    public RunId {
        Objects.requireNonNull(value, "run id");
        if (value.isEmpty() || value.length() > 64 || !value.chars().allMatch(RunId::allowed)) {
            throw new IllegalArgumentException("run id must be 1-64 letters, digits or '-'");
        }
    }

    private static boolean allowed(int c) {
        return c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * Creates a new random run id in the form of a version-4 UUID. Run ids identify, they do not
     * authorise: reading a run always needs the shop's credentials, so a fast non-cryptographic source is
     * used (a run is created per event on the hot path).
     *
     * @return a run id
     */
    public static RunId random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new RunId(new UUID(most, least).toString());
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
