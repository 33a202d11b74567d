package dev.aihq.connectors.kaspi.internal.mapper;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.Money;
import dev.aihq.api.PhoneNumber;
import dev.aihq.connectors.kaspi.KaspiCustomer;
import dev.aihq.connectors.kaspi.KaspiOrder;
import dev.aihq.connectors.kaspi.KaspiOrderEntry;
import dev.aihq.connectors.kaspi.KaspiOrderState;
import dev.aihq.connectors.kaspi.KaspiOrderStatus;
import dev.aihq.connectors.kaspi.KaspiResponseException;
import dev.aihq.connectors.kaspi.internal.dto.CustomerAttributes;
import dev.aihq.connectors.kaspi.internal.dto.EntryAttributes;
import dev.aihq.connectors.kaspi.internal.dto.JsonApiDocument.JsonApiResource;
import dev.aihq.connectors.kaspi.internal.dto.OrderAttributes;
import dev.aihq.http.JsonCodec;
import dev.aihq.http.JsonFormatException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Turns Kaspi's JSON:API resources into {@link KaspiOrder} and {@link KaspiOrderEntry}. A required field
 * that is missing or of the wrong type is a {@link KaspiResponseException} naming its JSON path; an
 * optional one that is missing is {@code null}; unknown fields are ignored. Thread-safe.
 */
public final class KaspiMapper {

    private final JsonCodec codec;

    /**
     * Creates a mapper.
     *
     * @param codec the SDK codec to read attributes with
     */
    public KaspiMapper(JsonCodec codec) {
        this.codec = codec;
    }

    /**
     * Maps one {@code orders} resource.
     *
     * @param request the request, for messages, e.g. {@code GET /orders}
     * @param resource the resource
     * @param path its JSON path, e.g. {@code data[3]}
     * @param includedCustomers {@code customers} from {@code included[]} by id, used when the order has no
     *     embedded {@code customer}
     * @return the order
     * @throws KaspiResponseException if a required field is missing or malformed
     */
    public KaspiOrder order(String request, JsonApiResource resource, String path,
            Map<String, CustomerAttributes> includedCustomers) {
        String id = require(request, path + ".id", resource.id());
        OrderAttributes a = attributes(request, resource, path, OrderAttributes.class);
        String attrs = path + ".attributes";
        CustomerAttributes customer = a.customer();
        if (customer == null) {
            String userId = resource.relatedId("user");
            customer = userId == null ? null : includedCustomers.get(userId);
        }
        return new KaspiOrder(
                id,
                require(request, attrs + ".code", a.code()),
                KaspiOrderState.of(requireCode(request, attrs + ".state", a.state())),
                KaspiOrderStatus.of(requireCode(request, attrs + ".status", a.status())),
                Instant.ofEpochMilli(require(request, attrs + ".creationDate", a.creationDate())),
                kzt(require(request, attrs + ".totalPrice", a.totalPrice())),
                a.deliveryCost() == null ? null : kzt(a.deliveryCost()),
                a.deliveryMode(),
                Boolean.TRUE.equals(a.kaspiDelivery()),
                customer == null ? null : customer(customer));
    }

    /**
     * Maps one {@code orderentries} resource.
     *
     * @param request the request, for messages
     * @param resource the resource
     * @param path its JSON path, e.g. {@code data[0]}
     * @return the entry
     * @throws KaspiResponseException if a required field is missing or malformed
     */
    public KaspiOrderEntry entry(String request, JsonApiResource resource, String path) {
        String id = require(request, path + ".id", resource.id());
        EntryAttributes a = attributes(request, resource, path, EntryAttributes.class);
        String attrs = path + ".attributes";
        BigDecimal quantity = require(request, attrs + ".quantity", a.quantity());
        Money base = kzt(require(request, attrs + ".basePrice", a.basePrice()));
        Money total = a.totalPrice() != null ? kzt(a.totalPrice()) : base.times(quantity);
        return new KaspiOrderEntry(
                id,
                a.entryNumber() == null ? 0 : a.entryNumber(),
                quantity,
                base,
                total,
                a.unitType(),
                a.offer() == null ? null : a.offer().code(),
                a.offer() == null ? null : a.offer().name(),
                a.category() == null ? null : a.category().title(),
                resource.relatedId("product"));
    }

    /**
     * Reads the attributes of a resource.
     *
     * @param request the request, for messages
     * @param resource the resource
     * @param path its JSON path
     * @param type the attributes record
     * @param <T> the attributes record
     * @return the attributes
     * @throws KaspiResponseException if they are missing or malformed
     */
    public <T> T attributes(String request, JsonApiResource resource, String path, Class<T> type) {
        JsonNode node = resource.attributes();
        if (node == null || !node.isObject()) {
            throw missing(request, path + ".attributes", node == null ? "missing" : "not an object");
        }
        try {
            return codec.treeToValue(node, type);
        } catch (JsonFormatException e) {
            String field = path + ".attributes" + (e.path().equals("$") ? "" : e.path().replaceFirst("^\\$", ""));
            throw new KaspiResponseException(200, field, request + ": malformed response, " + field
                    + " has the wrong type or format", e);
        }
    }

    /**
     * Fails when a required value is missing.
     *
     * @param request the request, for messages
     * @param field the value's JSON path
     * @param value the value
     * @param <T> the value's type
     * @return the value
     * @throws KaspiResponseException if it is {@code null}
     */
    public static <T> T require(String request, String field, @Nullable T value) {
        if (value == null) {
            throw missing(request, field, "missing");
        }
        return value;
    }

    private static String requireCode(String request, String field, @Nullable String value) {
        String code = require(request, field, value);
        try {
            return KaspiOrderState.of(code).code();
        } catch (IllegalArgumentException e) {
            throw new KaspiResponseException(200, field, request + ": malformed response, " + field
                    + " is not a Kaspi code", e);
        }
    }

    private static KaspiResponseException missing(String request, String field, String problem) {
        return new KaspiResponseException(200, field, request + ": malformed response, " + field + " is "
                + problem, null);
    }

    private static Money kzt(BigDecimal amount) {
        return Money.of(amount, Money.KZT);
    }

    private static KaspiCustomer customer(CustomerAttributes c) {
        PhoneNumber phone;
        try {
            Optional<PhoneNumber> parsed = PhoneNumber.parseContact(c.cellPhone());
            phone = parsed.orElse(null);
        } catch (IllegalArgumentException e) {
            // A number in a form nobody can dial is no contact; the order itself is still good.
            phone = null;
        }
        return new KaspiCustomer(c.id(), blankToNull(c.name()), blankToNull(c.firstName()),
                blankToNull(c.lastName()), phone);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
