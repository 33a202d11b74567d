package dev.aihq.pipeline.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aihq.api.OrderId;
import dev.aihq.api.error.InvalidEventException;
import dev.aihq.api.event.HqEvent;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.CatalogStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Turns the JSON body of one of the SDK's event endpoints into its typed event, reporting every bad
 * field at once. Shared here: the idempotency key (header or field), {@code occurred_at} and order ids.
 *
 * @param <E> the event type
 */
abstract class EventDecoder<E extends HqEvent> {

    /** The request header that may carry the idempotency key. */
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    /** The body field that may carry the idempotency key. */
    static final String IDEMPOTENCY_FIELD = "idempotency_key";

    private static final int MAX_KEY_LENGTH = 200;

    /**
     * What a decoder may use besides the body.
     *
     * @param shop the shop named by {@code shop_id}, already looked up
     * @param receivedAt when the request arrived, the default {@code occurred_at}
     * @param headerKey the {@code Idempotency-Key} header, or {@code null}
     * @param catalog the catalog for the one-product purchase form, or {@code null}
     */
    record Context(Shop shop, Instant receivedAt, @Nullable String headerKey, @Nullable CatalogStore catalog) {

        /** Requires the shop and the time. */
        Context {
            Objects.requireNonNull(shop, "shop");
            Objects.requireNonNull(receivedAt, "received at");
        }
    }

    /**
     * Decodes a body.
     *
     * @param body the body's root object
     * @param context the shop, time and key header
     * @return the event
     * @throws InvalidEventException listing every bad field
     * @throws dev.aihq.api.error.StoreException when a store the decoder reads fails
     */
    final E decode(ObjectNode body, Context context) {
        FieldReader reader = new FieldReader();
        E event = null;
        try {
            event = read(body, context, reader);
        } catch (IllegalArgumentException e) {
            // A value type refused something the reads let through: still the sender's input.
            reader.error("$", Objects.toString(e.getMessage(), "invalid value"));
        }
        List<dev.aihq.api.error.FieldError> errors = reader.errors();
        if (!errors.isEmpty()) {
            throw new InvalidEventException(errors);
        }
        return Objects.requireNonNull(event, "decoder returned no event and no error");
    }

    /**
     * Reads the event's fields. Returns {@code null} when a problem was recorded; builds the event only
     * when {@link FieldReader#errors()} is empty.
     *
     * @param body the body's root object
     * @param context the shop, time and key header
     * @param reader collects the problems
     * @return the event, or {@code null} after problems
     */
    abstract @Nullable E read(ObjectNode body, Context context, FieldReader reader);

    /**
     * Reads the idempotency key from the header or the {@code idempotency_key} field; both may be given
     * only with the same value.
     *
     * @param body the body
     * @param context holds the header
     * @param reader collects problems
     * @return the key, or {@code null} to let the event derive one
     */
    static @Nullable String idempotencyKey(ObjectNode body, Context context, FieldReader reader) {
        String header = context.headerKey();
        if (header != null && !validKey(header)) {
            reader.error(IDEMPOTENCY_HEADER + " (header)", "must be 1-" + MAX_KEY_LENGTH + " printable characters");
            header = null;
        }
        String field = null;
        JsonNode value = FieldReader.optional(body, IDEMPOTENCY_FIELD);
        if (value != null) {
            field = reader.string(value, IDEMPOTENCY_FIELD);
            if (field != null && !validKey(field)) {
                reader.error(IDEMPOTENCY_FIELD, "must be 1-" + MAX_KEY_LENGTH + " printable characters");
                field = null;
            }
        }
        if (header != null && field != null && !header.equals(field)) {
            reader.error(IDEMPOTENCY_FIELD, "differs from the " + IDEMPOTENCY_HEADER + " header; send the key in"
                    + " one place, or the same value in both");
            return null;
        }
        return header != null ? header : field;
    }

    /**
     * Reads {@code occurred_at}, an ISO-8601 date-time with an offset; absent means the time received.
     *
     * @param body the body
     * @param context holds the time received
     * @param reader collects problems
     * @return the instant, or {@code null} after a problem
     */
    static @Nullable Instant occurredAt(ObjectNode body, Context context, FieldReader reader) {
        JsonNode value = FieldReader.optional(body, "occurred_at");
        return value == null ? context.receivedAt() : reader.instant(value, "occurred_at");
    }

    /**
     * Reads an order id written as a string or an integer.
     *
     * @param value the value
     * @param field the field's path
     * @param reader collects problems
     * @return the order id, or {@code null} after a problem
     */
    static @Nullable OrderId orderId(JsonNode value, String field, FieldReader reader) {
        String text = reader.stringOrInteger(value, field, false);
        if (text == null) {
            return null;
        }
        try {
            return OrderId.of(text.strip());
        } catch (IllegalArgumentException e) {
            reader.error(field, "must be 1-128 printable characters");
            return null;
        }
    }

    private static boolean validKey(String key) {
        return !key.isBlank() && key.length() <= MAX_KEY_LENGTH && key.chars().noneMatch(Character::isISOControl);
    }
}
