package dev.aihq.api.store;

import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How far a polling event source has read one of a shop's streams, saved only after the events read up to
 * there are journaled: a source restarted from its cursor re-reads at most what it had not finished, and
 * the journal answers what it had already journaled as a duplicate. The position's meaning belongs to the
 * source (an instant, a page token, a feed's {@code next} value).
 *
 * @param shopId the shop
 * @param stream the source's name for the stream, e.g. {@code kaspi.orders.order_accepted}: 1–{@value
 *     #MAX_STREAM_LENGTH} characters of lower-case letters, digits, {@code _}, {@code .}, {@code :} or
 *     {@code -}
 * @param position where the source goes on from: 1–{@value #MAX_POSITION_LENGTH} printable characters
 * @param updatedAt when the source saved it
 */
public record PollCursor(ShopId shopId, String stream, String position, Instant updatedAt) {

    /** The longest stream name. */
    public static final int MAX_STREAM_LENGTH = 100;

    /** The longest position. */
    public static final int MAX_POSITION_LENGTH = 2_000;

    private static final Pattern STREAM = Pattern.compile("[a-z0-9][a-z0-9_.:-]{0," + (MAX_STREAM_LENGTH - 1) + "}");

    /**
     * Validates the cursor.
     *
     * @throws IllegalArgumentException naming the part that is invalid
     */
    public PollCursor {
        Objects.requireNonNull(shopId, "shop id");
        requireValidStream(stream);
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(updatedAt, "updated at");
        if (position.isEmpty() || position.length() > MAX_POSITION_LENGTH
                || position.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("cursor position of stream " + stream + " must be 1-"
                    + MAX_POSITION_LENGTH + " printable characters, got " + position.length() + " characters");
        }
    }

    /**
     * Checks a stream name.
     *
     * @param stream the name
     * @return the name
     * @throws IllegalArgumentException when it is not 1–{@value #MAX_STREAM_LENGTH} characters of lower-case
     *     letters, digits, {@code _}, {@code .}, {@code :} or {@code -} starting with a letter or digit
     */
    public static String requireValidStream(String stream) {
        Objects.requireNonNull(stream, "stream");
        if (!STREAM.matcher(stream).matches()) {
            throw new IllegalArgumentException("cursor stream must be 1-" + MAX_STREAM_LENGTH
                    + " lower-case letters, digits, '_', '.', ':' or '-', got '"
                    + (stream.length() > 40 ? stream.substring(0, 40) + "…" : stream) + "'");
        }
        return stream;
    }
}
