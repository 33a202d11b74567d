package dev.aihq.pipeline.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.Sku;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.event.PurchaseTrigger;
import dev.aihq.api.store.CatalogStore;
import dev.aihq.api.store.Product;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Decodes {@code POST /purchase-event} in its full form ({@code items}) or the seed's one-product form
 * ({@code product}, {@code price}, {@code order_number}, {@code whatsapp}); see {@link WebhookFrontDoor}.
 */
final class PurchaseEventDecoder extends EventDecoder<PurchaseEvent> {

    /** The most lines one purchase may have. */
    static final int MAX_ITEMS = 500;
    /** The prefix of a SKU derived from a product name. */
    static final String SYNTHETIC_SKU_PREFIX = "name:";

    private static final int MAX_NAME_LENGTH = 1000;

    /** The body field that marks the customer's contact as given for delivery only. */
    static final String DELIVERY_ONLY = "contact_for_delivery_only";

    @Override
    @Nullable PurchaseEvent read(ObjectNode body, Context context, FieldReader reader) {
        boolean shorthand = !body.has("items") && body.has("product");
        return shorthand ? readShorthand(body, context, reader) : readFull(body, context, reader);
    }

    private @Nullable PurchaseEvent readFull(ObjectNode body, Context context, FieldReader reader) {
        JsonNode orderValue = reader.required(body, "order_id", "order_id");
        OrderId orderId = orderValue == null ? null : orderId(orderValue, "order_id", reader);
        Currency currency = currency(body, "currency", context, reader);
        List<PurchaseItem> items = items(body, currency, reader);
        PhoneNumber customer = customer(body, "customer_whatsapp", reader);
        Instant occurredAt = occurredAt(body, context, reader);
        PurchaseTrigger trigger = trigger(body, null, reader);
        boolean deliveryOnly = deliveryOnly(body, reader);
        String key = idempotencyKey(body, context, reader);
        if (!reader.errors().isEmpty()) {
            return null;
        }
        return PurchaseEvent.builder().shopId(context.shop().id()).orderId(orderId).items(items)
                .currency(currency).customer(customer).occurredAt(occurredAt).trigger(trigger)
                .idempotencyKey(key).contactForDeliveryOnly(deliveryOnly).build();
    }

    private @Nullable PurchaseEvent readShorthand(ObjectNode body, Context context, FieldReader reader) {
        JsonNode productValue = reader.required(body, "product", "product");
        String name = productValue == null ? null : itemName(productValue, "product", reader);
        Currency currency = currency(body, "currency", context, reader);
        JsonNode priceValue = reader.required(body, "price", "price");
        Money price = priceValue == null ? null : price(priceValue, "price", currency, reader);
        String orderField = body.has("order_number") || !body.has("order_id") ? "order_number" : "order_id";
        JsonNode orderValue = reader.required(body, orderField, orderField);
        OrderId orderId = orderValue == null ? null : orderId(orderValue, orderField, reader);
        PhoneNumber customer = customer(body, body.has("whatsapp") || !body.has("customer_whatsapp")
                ? "whatsapp" : "customer_whatsapp", reader);
        Sku sku = null;
        JsonNode skuValue = FieldReader.optional(body, "sku");
        if (skuValue != null) {
            sku = sku(skuValue, "sku", reader);
        }
        Instant occurredAt = occurredAt(body, context, reader);
        PurchaseTrigger trigger = trigger(body, PurchaseTrigger.ORDER_ACCEPTED, reader);
        String key = idempotencyKey(body, context, reader);
        if (!reader.errors().isEmpty()) {
            return null;
        }
        if (sku == null) {
            sku = lookUpSku(name, context);
        }
        return PurchaseEvent.builder().shopId(context.shop().id()).orderId(orderId)
                .item(new PurchaseItem(sku, name, price, 1)).currency(currency).customer(customer)
                .occurredAt(occurredAt).trigger(trigger).idempotencyKey(key).build();
    }

    private static List<PurchaseItem> items(ObjectNode body, @Nullable Currency currency, FieldReader reader) {
        List<PurchaseItem> items = new ArrayList<>();
        JsonNode value = body.get("items");
        if (value == null || value.isNull()) {
            reader.error("items", value == null
                    ? "is required: a list of {sku, name, price, quantity} (or send the one-product form with"
                            + " product, price, order_number)"
                    : "must not be null");
            return items;
        }
        ArrayNode array = reader.array(value, "items", "an array of {sku, name, price, quantity} objects");
        if (array == null) {
            return items;
        }
        if (array.isEmpty()) {
            reader.error("items", "must hold at least one item");
            return items;
        }
        if (array.size() > MAX_ITEMS) {
            reader.error("items", "must hold at most " + MAX_ITEMS + " items, got " + array.size());
            return items;
        }
        for (int i = 0; i < array.size(); i++) {
            String path = "items[" + i + "]";
            ObjectNode item = reader.object(array.get(i), path, "an object {sku, name, price, quantity}");
            if (item == null) {
                continue;
            }
            JsonNode skuValue = reader.required(item, "sku", path + ".sku");
            Sku sku = skuValue == null ? null : sku(skuValue, path + ".sku", reader);
            JsonNode nameValue = reader.required(item, "name", path + ".name");
            String name = nameValue == null ? null : itemName(nameValue, path + ".name", reader);
            JsonNode itemCurrency = FieldReader.optional(item, "currency");
            if (itemCurrency != null && currency != null) {
                String code = reader.string(itemCurrency, path + ".currency");
                if (code != null && !code.strip().equalsIgnoreCase(currency.getCurrencyCode())) {
                    reader.error(path + ".currency", "must equal the order's currency " + currency.getCurrencyCode()
                            + ", got " + FieldReader.describe(itemCurrency));
                }
            }
            JsonNode priceValue = reader.required(item, "price", path + ".price");
            Money price = priceValue == null ? null : price(priceValue, path + ".price", currency, reader);
            JsonNode quantityValue = reader.required(item, "quantity", path + ".quantity");
            Integer quantity = quantityValue == null ? null : reader.integer(quantityValue, path + ".quantity", 1);
            if (sku != null && name != null && price != null && quantity != null) {
                items.add(new PurchaseItem(sku, name, price, quantity));
            }
        }
        return items;
    }

    private static @Nullable Currency currency(ObjectNode body, String field, Context context, FieldReader reader) {
        JsonNode value = FieldReader.optional(body, field);
        return value == null ? context.shop().currency() : reader.currency(value, field);
    }

    /** Reads a unit price; checks it even when the currency was bad, and then returns {@code null}. */
    private static @Nullable Money price(JsonNode value, String field, @Nullable Currency currency,
            FieldReader reader) {
        BigDecimal amount = reader.decimal(value, field);
        if (amount == null) {
            return null;
        }
        if (amount.signum() < 0) {
            reader.error(field, "must not be negative, got " + FieldReader.describe(value));
            return null;
        }
        return currency == null ? null : Money.of(amount, currency);
    }

    private static @Nullable Sku sku(JsonNode value, String field, FieldReader reader) {
        String text = reader.stringOrInteger(value, field, false);
        if (text == null) {
            return null;
        }
        String sku = text.strip();
        if (sku.isEmpty() || sku.length() > 64 || sku.chars().anyMatch(Character::isISOControl)) {
            reader.error(field, "must be 1-64 printable characters, got " + FieldReader.describe(value));
            return null;
        }
        return Sku.of(sku);
    }

    private static @Nullable String itemName(JsonNode value, String field, FieldReader reader) {
        String name = reader.nonBlankString(value, field);
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            reader.error(field, "must be at most " + MAX_NAME_LENGTH + " characters, got " + name.length());
            return null;
        }
        return name;
    }

    private static @Nullable PhoneNumber customer(ObjectNode body, String field, FieldReader reader) {
        JsonNode value = FieldReader.optional(body, field);
        if (value == null) {
            return null;
        }
        String raw = reader.stringOrInteger(value, field, true);
        if (raw == null) {
            return null;
        }
        try {
            return PhoneNumber.parseContact(raw).orElse(null);
        } catch (IllegalArgumentException e) {
            // PhoneNumber's messages mask the number; FieldReader masks again.
            reader.error(field, "is not a phone number: " + e.getMessage());
            return null;
        }
    }

    /** The optional {@code contact_for_delivery_only} flag: a marketplace's proxy number, never for marketing. */
    private static boolean deliveryOnly(ObjectNode body, FieldReader reader) {
        JsonNode value = FieldReader.optional(body, DELIVERY_ONLY);
        if (value == null) {
            return false;
        }
        Boolean flag = reader.bool(value, DELIVERY_ONLY);
        return flag != null && flag;
    }

    private static @Nullable PurchaseTrigger trigger(ObjectNode body, @Nullable PurchaseTrigger fallback,
            FieldReader reader) {
        JsonNode value = FieldReader.optional(body, "trigger");
        if (value == null) {
            return fallback;
        }
        String code = reader.nonBlankString(value, "trigger");
        if (code == null) {
            return null;
        }
        try {
            return PurchaseTrigger.of(code);
        } catch (IllegalArgumentException e) {
            reader.error("trigger", "must be snake_case such as order_accepted or order_delivered, got "
                    + FieldReader.describe(value));
            return null;
        }
    }

    /**
     * The SKU of a product named in the one-product form: the catalog's product with exactly this name
     * (the first by SKU when several share it), else {@code name:} and the first 16 hex digits of the
     * name's SHA-256.
     */
    private static Sku lookUpSku(String name, Context context) {
        CatalogStore catalog = context.catalog();
        if (catalog != null) {
            Optional<Product> match = catalog.list(context.shop().id()).stream()
                    .filter(p -> p.name().equals(name))
                    .findFirst();
            if (match.isPresent()) {
                return match.get().sku();
            }
        }
        return syntheticSku(name);
    }

    /**
     * Derives a stable SKU from a product name.
     *
     * @param name the product name
     * @return {@code name:} and the first 16 hex digits of the name's SHA-256 (UTF-8)
     */
    static Sku syntheticSku(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return Sku.of(SYNTHETIC_SKU_PREFIX + HexFormat.of().formatHex(digest, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
