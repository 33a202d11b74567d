package dev.aihq.api.inbox;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The order an interaction is about.
 *
 * @param orderRef the marketplace's reference as given: a Wildberries {@code rid}/{@code srid}, assembly task id or
 *     sticker, an Ozon order or posting number; 1–{@value #MAX_LENGTH} printable characters, stripped
 * @param orderId the order's id in the local order index when it was found there, or {@code null}
 * @param source where the link came from
 * @param linkedAt when it was made
 */
public record OrderLink(String orderRef, @Nullable String orderId, OrderLinkSource source, Instant linkedAt) {

    /** The longest reference. */
    public static final int MAX_LENGTH = 200;

    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]+");

    /** Validates and strips the references. */
    public OrderLink {
        orderRef = reference(Objects.requireNonNull(orderRef, "order reference"), "order reference");
        orderId = orderId == null ? null : reference(orderId, "order id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(linkedAt, "linked at");
    }

    private static String reference(String value, String field) {
        String stripped = value.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_LENGTH || !PRINTABLE.matcher(stripped).matches()) {
            throw new IllegalArgumentException(field + " must be 1-" + MAX_LENGTH + " printable characters; got '"
                    + value + "'");
        }
        return stripped;
    }
}
