package dev.aihq.channel.whatsapp.webhook;

import java.util.Locale;
import java.util.Objects;

/**
 * A delivery status Meta reports for a message we sent. An open set: the known values are constants,
 * and a value Meta adds later is carried as it came, never refused.
 *
 * @param value the status as Meta writes it, lower case, e.g. {@code delivered}
 */
public record StatusType(String value) {

    /** Meta accepted the message and sent it towards the user. */
    public static final StatusType SENT = new StatusType("sent");
    /** The message reached the user's device. */
    public static final StatusType DELIVERED = new StatusType("delivered");
    /** The user read it (only with read receipts on; may come without {@code delivered}). */
    public static final StatusType READ = new StatusType("read");
    /** The user played a voice message. */
    public static final StatusType PLAYED = new StatusType("played");
    /** The message could not be delivered; the status carries the errors. */
    public static final StatusType FAILED = new StatusType("failed");

    /** Requires a non-blank value and lower-cases it. */
    public StatusType {
        Objects.requireNonNull(value, "status");
        if (value.isBlank()) {
            throw new IllegalArgumentException("status must not be blank");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the status for a value as Meta wrote it.
     *
     * @param value the value
     * @return the status, equal to a constant when known
     */
    public static StatusType of(String value) {
        return new StatusType(value);
    }

    /**
     * Tells whether this is one of the constants.
     *
     * @return {@code true} for sent, delivered, read, played and failed
     */
    public boolean isKnown() {
        return equals(SENT) || equals(DELIVERED) || equals(READ) || equals(PLAYED) || equals(FAILED);
    }

    @Override
    public String toString() {
        return value;
    }
}
