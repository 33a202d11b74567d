package dev.aihq.connectors.ozon.push;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.event.HqEvent;
import dev.aihq.api.event.InboxEvent;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.event.InboxSender;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.event.PurchaseTrigger;
import dev.aihq.api.store.CatalogStore;
import dev.aihq.api.store.Product;
import dev.aihq.api.store.Purchase;
import dev.aihq.api.store.PurchaseStore;
import dev.aihq.connectors.ozon.internal.mapper.OzonChatNormalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Turns one authenticated push of a documented type into an SDK event, or says why it is ignored. Every field it
 * uses is checked; a missing or malformed one throws {@link PushFieldException} naming it. Unknown fields are
 * ignored.
 */
final class PushTranslator {

    /** The result: an event to journal, or none and why. */
    record Translation(@Nullable HqEvent event, String note) {

        static Translation ignore(String note) {
            return new Translation(null, note);
        }
    }

    private final @Nullable CatalogStore catalog;
    private final @Nullable PurchaseStore purchases;
    private final Currency currency;

    PushTranslator(@Nullable CatalogStore catalog, @Nullable PurchaseStore purchases, Currency currency) {
        this.catalog = catalog;
        this.purchases = purchases;
        this.currency = currency;
    }

    Translation translate(ShopId shop, OzonPushType type, JsonNode root, Instant receivedAt) {
        return switch (type) {
            case TYPE_NEW_POSTING -> newPosting(shop, root, receivedAt);
            case TYPE_POSTING_CANCELLED -> cancelled(shop, root, receivedAt);
            case TYPE_STATE_CHANGED -> stateChanged(shop, root, receivedAt);
            case TYPE_NEW_MESSAGE -> newMessage(shop, root, receivedAt);
            default -> Translation.ignore(type.name() + " is not one the SDK acts on");
        };
    }

    // ------------------------------------------------------------------ postings

    private Translation newPosting(ShopId shop, JsonNode root, Instant receivedAt) {
        OrderId posting = postingNumber(root);
        JsonNode products = products(root);
        List<PurchaseItem> items = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            JsonNode product = products.get(i);
            String prefix = "products[" + i + "]";
            long ozonSku = ozonSku(product.path("sku"), prefix + ".sku");
            int quantity = quantity(product.path("quantity"), prefix + ".quantity");
            String offerId = optionalText(product.path("offer_id"), prefix + ".offer_id");
            Optional<PurchaseItem> line = offerId == null ? Optional.empty()
                    : sellerLine(shop, offerId, quantity, prefix + ".offer_id");
            if (line.isEmpty()) {
                // A push carries no prices: a line priced at zero would record a sale of nothing, and the
                // poller's priced event would then be a duplicate. The poller journals it under the same key.
                return Translation.ignore("new posting " + posting.value() + ": " + prefix + " (Ozon SKU " + ozonSku
                        + ") has no catalog price in " + currency.getCurrencyCode() + "; the posting poller journals"
                        + " it with Ozon's prices under the same key");
            }
            items.add(line.get());
        }
        Instant at = time(root.path("in_process_at"), "in_process_at", receivedAt);
        return purchase(shop, posting, items, at, PurchaseTrigger.ORDER_ACCEPTED, "new posting " + posting.value());
    }

    private Translation cancelled(ShopId shop, JsonNode root, Instant receivedAt) {
        OrderId posting = postingNumber(root);
        JsonNode products = products(root);
        List<PurchaseItem> fromPush = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            JsonNode product = products.get(i);
            String prefix = "products[" + i + "]";
            long ozonSku = ozonSku(product.path("sku"), prefix + ".sku");
            int quantity = quantity(product.path("quantity"), prefix + ".quantity");
            fromPush.add(ozonLine(ozonSku, quantity));
        }
        Instant at = time(root.path("changed_state_date"), "changed_state_date", receivedAt);
        List<PurchaseItem> items = storedLines(shop, posting).orElse(fromPush);
        return purchase(shop, posting, items, at, PurchaseTrigger.ORDER_CANCELLED,
                "cancelled posting " + posting.value());
    }

    private Translation stateChanged(ShopId shop, JsonNode root, Instant receivedAt) {
        OrderId posting = postingNumber(root);
        String state = requiredText(root.path("new_state"), "new_state");
        Instant at = time(root.path("changed_state_date"), "changed_state_date", receivedAt);
        PurchaseTrigger trigger = switch (state.toLowerCase(Locale.ROOT)) {
            case "posting_delivered" -> PurchaseTrigger.ORDER_DELIVERED;
            case "posting_canceled", "posting_cancelled" -> PurchaseTrigger.ORDER_CANCELLED;
            default -> null;
        };
        if (trigger == null) {
            return Translation.ignore("posting " + posting.value() + " moved to " + excerpt(state)
                    + ", a state the SDK does not act on");
        }
        Optional<List<PurchaseItem>> items = storedLines(shop, posting);
        if (items.isEmpty()) {
            return Translation.ignore("posting " + posting.value() + " moved to " + excerpt(state)
                    + ", but the push names no products and no purchase of it is stored; the posting poller"
                    + " journals it under the same key");
        }
        return purchase(shop, posting, items.get(), at, trigger,
                "posting " + posting.value() + " moved to " + excerpt(state));
    }

    private Translation purchase(ShopId shop, OrderId posting, List<PurchaseItem> items, Instant at,
            PurchaseTrigger trigger, String note) {
        PurchaseEvent event = PurchaseEvent.builder().shopId(shop).orderId(posting).items(items).currency(currency)
                .occurredAt(at).trigger(trigger).build();
        return new Translation(event, note);
    }

    private OrderId postingNumber(JsonNode root) {
        String value = requiredText(root.path("posting_number"), "posting_number");
        try {
            return OrderId.of(value.strip());
        } catch (IllegalArgumentException e) {
            throw new PushFieldException("posting_number", "must be 1-128 printable characters");
        }
    }

    private static JsonNode products(JsonNode root) {
        JsonNode products = root.path("products");
        if (!products.isArray() || products.isEmpty()) {
            throw new PushFieldException("products", "must be a non-empty array");
        }
        for (int i = 0; i < products.size(); i++) {
            if (!products.get(i).isObject()) {
                throw new PushFieldException("products[" + i + "]", "must be an object");
            }
        }
        return products;
    }

    /** A line named by the seller's article and priced from the catalog, or empty when the catalog has no price. */
    private Optional<PurchaseItem> sellerLine(ShopId shop, String offerId, int quantity, String field) {
        Sku sku;
        try {
            sku = Sku.of(offerId.strip());
        } catch (IllegalArgumentException e) {
            throw new PushFieldException(field, "must be 1-64 printable characters");
        }
        Optional<Product> product = catalog == null ? Optional.empty() : catalog.find(shop, sku);
        if (product.isPresent() && product.get().price().currency().equals(currency)) {
            return Optional.of(new PurchaseItem(sku, product.get().name(), product.get().price(), quantity));
        }
        return Optional.empty();
    }

    /** A line named by Ozon's SKU, when the push gives no article (a cancellation). */
    private PurchaseItem ozonLine(long ozonSku, int quantity) {
        return new PurchaseItem(Sku.of(Long.toString(ozonSku)), "Ozon SKU " + ozonSku, Money.zero(currency), quantity);
    }

    private Optional<List<PurchaseItem>> storedLines(ShopId shop, OrderId posting) {
        if (purchases == null) {
            return Optional.empty();
        }
        return purchases.find(shop, posting).map(Purchase::items).filter(items -> !items.isEmpty())
                .filter(items -> items.stream().allMatch(item -> item.price().currency().equals(currency)));
    }

    // ------------------------------------------------------------------ chat

    private Translation newMessage(ShopId shop, JsonNode root, Instant receivedAt) {
        String chatId = idText(root.path("chat_id"), "chat_id");
        String chatType = requiredText(root.path("chat_type"), "chat_type");
        if (!OzonChatNormalizer.isBuyerChat(chatType)) {
            return Translation.ignore("a message in a " + excerpt(chatType) + " chat, not a buyer chat");
        }
        String messageId = idText(root.path("message_id"), "message_id");
        Instant at = time(root.path("created_at"), "created_at", receivedAt);
        InboxSender sender = sender(root.path("user"));
        String text = text(root.path("data"));
        JsonNode orderNode = root.path("context").path("order_number");
        String orderRef = orderNode.isMissingNode() || orderNode.isNull() ? null
                : optionalText(orderNode, "context.order_number");
        try {
            InboxEvent event = InboxEvent.builder().shopId(shop).marketplace(Marketplace.OZON)
                    .kind(InboxItemKind.CHAT_MESSAGE).threadId(chatId).messageId(messageId).sender(sender).text(text)
                    .orderRef(orderRef == null ? null : orderRef.strip()).occurredAt(at).build();
            return new Translation(event, "chat message " + messageId + " in chat " + chatId);
        } catch (IllegalArgumentException e) {
            throw new PushFieldException("chat_id", "and message_id must not be blank");
        }
    }

    private static InboxSender sender(JsonNode user) {
        if (user.isMissingNode() || user.isNull()) {
            return InboxSender.BUYER;
        }
        if (!user.isObject()) {
            throw new PushFieldException("user", "must be an object");
        }
        JsonNode typeNode = user.path("type");
        if (typeNode.isMissingNode() || typeNode.isNull()) {
            return InboxSender.BUYER;
        }
        if (!typeNode.isTextual()) {
            throw new PushFieldException("user.type", "must be a string");
        }
        // Ozon's examples spell "Customer" with a Cyrillic "С" (U+0421); read it as the Latin letter.
        return OzonChatNormalizer.sender(typeNode.asText());
    }

    private static String text(JsonNode data) {
        if (data.isMissingNode() || data.isNull()) {
            return "";
        }
        if (!data.isArray()) {
            throw new PushFieldException("data", "must be an array of strings");
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            JsonNode part = data.get(i);
            if (!part.isTextual()) {
                throw new PushFieldException("data[" + i + "]", "must be a string");
            }
            parts.add(part.asText());
        }
        return String.join("\n", parts);
    }

    // ------------------------------------------------------------------ fields

    /** A seller id as Ozon sends it: an integer, or (in the chat examples) a string of digits. */
    static void checkSellerId(JsonNode root) {
        JsonNode node = root.path("seller_id");
        if (node.isMissingNode() || node.isNull()) {
            return;
        }
        boolean ok = (node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0)
                || (node.isTextual() && node.asText().strip().matches("\\d{1,19}"));
        if (!ok) {
            throw new PushFieldException("seller_id", "must be a whole number or a string of digits");
        }
    }

    private static long ozonSku(JsonNode node, String field) {
        if (node.isIntegralNumber() && node.canConvertToLong() && node.asLong() > 0) {
            return node.asLong();
        }
        if (node.isTextual() && node.asText().strip().matches("[1-9]\\d{0,17}")) {
            return Long.parseLong(node.asText().strip());
        }
        throw new PushFieldException(field, "must be a positive whole number");
    }

    private static int quantity(JsonNode node, String field) {
        if (node.isIntegralNumber() && node.canConvertToInt() && node.asInt() >= 1) {
            return node.asInt();
        }
        if (node.isTextual() && node.asText().strip().matches("[1-9]\\d{0,8}")) {
            return Integer.parseInt(node.asText().strip());
        }
        throw new PushFieldException(field, "must be a whole number of at least 1");
    }

    private static String requiredText(JsonNode node, String field) {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new PushFieldException(field, "must be a non-empty string");
        }
        return node.asText();
    }

    private static @Nullable String optionalText(JsonNode node, String field) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new PushFieldException(field, "must be a string");
        }
        return node.asText().isBlank() ? null : node.asText();
    }

    /** An id Ozon may send as a string or a number. */
    private static String idText(JsonNode node, String field) {
        if (node.isIntegralNumber()) {
            return node.asText();
        }
        if (node.isTextual() && !node.asText().isBlank() && node.asText().chars().noneMatch(Character::isISOControl)
                && node.asText().length() <= 100) {
            return node.asText().strip();
        }
        throw new PushFieldException(field, "must be a non-empty string or a whole number");
    }

    /**
     * A time as Ozon writes it (ISO-8601 in UTC, with or without the {@code Z}); missing or empty (Ozon leaves
     * {@code in_process_at} empty for a posting paid late) gives the fallback.
     */
    private static Instant time(JsonNode node, String field, Instant fallback) {
        if (node.isMissingNode() || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw new PushFieldException(field, "must be an ISO-8601 time");
        }
        String text = node.asText().strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new PushFieldException(field, "must be an ISO-8601 time");
            }
        }
    }

    static String excerpt(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
