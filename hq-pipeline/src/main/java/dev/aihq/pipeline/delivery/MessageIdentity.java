package dev.aihq.pipeline.delivery;

import dev.aihq.api.result.RunId;
import java.util.Objects;

/**
 * How a run's message is known in the outbox: its id, and the stable key that travels to the provider and
 * makes a second schedule of the same message a duplicate. A run has one message by default
 * ({@link #of(RunId)}); a delivery that sends a second message about the same thing (a review request after
 * an offer) gives it an identity of its own.
 *
 * @param id the outbox id, 1–64 characters, unique in the shop
 * @param stableKey the stable key, 1–200 characters, unique in the shop; it must not hold personal data
 */
public record MessageIdentity(String id, String stableKey) {

    /** The longest id. */
    public static final int MAX_ID_LENGTH = 64;

    /** The longest stable key. */
    public static final int MAX_STABLE_KEY_LENGTH = 200;

    /** Checks both parts. */
    public MessageIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stableKey, "stable key");
        if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("message id must be 1-" + MAX_ID_LENGTH + " characters, got "
                    + id.length());
        }
        if (stableKey.isBlank() || stableKey.length() > MAX_STABLE_KEY_LENGTH) {
            throw new IllegalArgumentException("stable key must be 1-" + MAX_STABLE_KEY_LENGTH + " characters, got "
                    + stableKey.length());
        }
    }

    /**
     * The identity of a run's one message: the run id, and {@code run:<run id>}.
     *
     * @param runId the run
     * @return the identity
     */
    public static MessageIdentity of(RunId runId) {
        return new MessageIdentity(runId.value(), "run:" + runId.value());
    }
}
