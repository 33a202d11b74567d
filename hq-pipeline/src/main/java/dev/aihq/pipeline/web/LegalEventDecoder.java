package dev.aihq.pipeline.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.event.EventDate;
import dev.aihq.api.event.LegalDelivery;
import dev.aihq.api.event.LegalDocument;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.event.LegalEventType;
import dev.aihq.api.event.LegalMeasure;
import dev.aihq.api.shop.LegalForm;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Decodes {@code POST /legal-event}: the seed's body ({@code shop_id, event_type, order_id,
 * product_name, fine_reason, documents}) plus the optional fields of the legal reference's worked cases
 * ({@code marketplace, country, business_type, amount, measure, stats, dates, delivery}); see
 * {@link WebhookFrontDoor}.
 */
final class LegalEventDecoder extends EventDecoder<LegalEvent> {

    private static final String EVENT_TYPES = "fine, product_block, return, customer_dispute, manual_request";

    @Override
    @Nullable LegalEvent read(ObjectNode body, Context context, FieldReader reader) {
        LegalEvent.Builder event = LegalEvent.builder().shopId(context.shop().id());

        JsonNode typeValue = reader.required(body, "event_type", "event_type");
        if (typeValue != null) {
            String type = reader.string(typeValue, "event_type");
            if (type != null) {
                try {
                    event.eventType(LegalEventType.fromWire(type.strip()));
                } catch (IllegalArgumentException e) {
                    reader.error("event_type", "must be one of " + EVENT_TYPES + ", got " + FieldReader.describe(typeValue));
                }
            }
        }
        JsonNode orderValue = FieldReader.optional(body, "order_id");
        if (orderValue != null && !(orderValue.isTextual() && orderValue.textValue().isBlank())) {
            OrderId orderId = orderId(orderValue, "order_id", reader);
            event.orderId(orderId);
        }
        event.productName(optionalText(body, "product_name", reader));
        event.fineReason(optionalText(body, "fine_reason", reader));
        documents(body, reader).forEach(event::document);
        event.marketplace(marketplace(body, reader));
        event.country(country(body, reader));
        event.businessType(businessType(body, reader));
        event.amount(amount(body, context.shop().currency(), reader));
        event.measure(measure(body, reader));
        stats(body, reader).forEach(event::stat);
        dates(body, reader).forEach(event::date);
        event.delivery(delivery(body, reader));
        Instant occurredAt = occurredAt(body, context, reader);
        String key = idempotencyKey(body, context, reader);
        if (!reader.errors().isEmpty()) {
            return null;
        }
        return event.occurredAt(occurredAt).idempotencyKey(key).build();
    }

    /** A string or {@code null}; a blank string counts as {@code null}. */
    private static @Nullable String optionalText(ObjectNode body, String field, FieldReader reader) {
        JsonNode value = FieldReader.optional(body, field);
        String text = value == null ? null : reader.string(value, field);
        return text == null || text.isBlank() ? null : text;
    }

    private static List<LegalDocument> documents(ObjectNode body, FieldReader reader) {
        List<LegalDocument> documents = new ArrayList<>();
        JsonNode value = FieldReader.optional(body, "documents");
        if (value == null) {
            return documents;
        }
        ArrayNode array = reader.array(value, "documents",
                "an array of file names or {name, text} objects");
        if (array == null) {
            return documents;
        }
        for (int i = 0; i < array.size(); i++) {
            String path = "documents[" + i + "]";
            JsonNode element = array.get(i);
            if (element.isTextual()) {
                String name = reader.nonBlankString(element, path);
                if (name != null) {
                    documents.add(new LegalDocument(name.strip(), null));
                }
            } else if (element.isObject()) {
                JsonNode nameValue = reader.required(element, "name", path + ".name");
                String name = nameValue == null ? null : reader.nonBlankString(nameValue, path + ".name");
                JsonNode textValue = FieldReader.optional(element, "text");
                String text = textValue == null ? null : reader.string(textValue, path + ".text");
                if (name != null && (textValue == null || text != null)) {
                    documents.add(new LegalDocument(name.strip(), text));
                }
            } else {
                reader.error(path, "must be a file name (string) or an object {name, text}, got "
                        + FieldReader.describe(element));
            }
        }
        return documents;
    }

    private static @Nullable Marketplace marketplace(ObjectNode body, FieldReader reader) {
        JsonNode value = FieldReader.optional(body, "marketplace");
        if (value == null) {
            return null;
        }
        String code = reader.string(value, "marketplace");
        if (code == null) {
            return null;
        }
        switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "kaspi":
                return Marketplace.KASPI;
            case "wildberries":
            case "wb":
                return Marketplace.WILDBERRIES;
            case "ozon":
                return Marketplace.OZON;
            default:
                reader.error("marketplace", "must be one of kaspi, wildberries (or wb), ozon, got "
                        + FieldReader.describe(value));
                return null;
        }
    }

    private static @Nullable String country(ObjectNode body, FieldReader reader) {
        JsonNode value = FieldReader.optional(body, "country");
        if (value == null) {
            return null;
        }
        String code = reader.string(value, "country");
        if (code == null) {
            return null;
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (!upper.equals("KZ") && !upper.equals("RU")) {
            reader.error("country", "must be KZ or RU, got " + FieldReader.describe(value));
            return null;
        }
        return upper;
    }

    private static @Nullable LegalForm businessType(ObjectNode body, FieldReader reader) {
        JsonNode value = FieldReader.optional(body, "business_type");
        if (value == null) {
            return null;
        }
        String text = reader.string(value, "business_type");
        if (text == null) {
            return null;
        }
        try {
            return LegalForm.parse(text);
        } catch (IllegalArgumentException e) {
            reader.error("business_type", "must be one of ИП, ТОО, ООО, got " + FieldReader.describe(value));
            return null;
        }
    }

    /** {@code null}, a number, a numeric string, or {@code {value, currency}}; without a currency, the shop's. */
    private static @Nullable Money amount(ObjectNode body, Currency shopCurrency, FieldReader reader) {
        JsonNode value = FieldReader.optional(body, "amount");
        if (value == null) {
            return null;
        }
        if (value.isObject()) {
            JsonNode amountValue = reader.required(value, "value", "amount.value");
            BigDecimal amount = amountValue == null ? null : nonNegative(amountValue, "amount.value", reader);
            Currency currency = shopCurrency;
            JsonNode currencyValue = FieldReader.optional(value, "currency");
            if (currencyValue != null) {
                currency = reader.currency(currencyValue, "amount.currency");
            }
            return amount == null || currency == null ? null : Money.of(amount, currency);
        }
        if (value.isNumber() || value.isTextual()) {
            BigDecimal amount = nonNegative(value, "amount", reader);
            return amount == null ? null : Money.of(amount, shopCurrency);
        }
        reader.error("amount", "must be null, a number, a numeric string or an object {value, currency}, got "
                + FieldReader.describe(value));
        return null;
    }

    private static @Nullable BigDecimal nonNegative(JsonNode value, String field, FieldReader reader) {
        BigDecimal amount = reader.decimal(value, field);
        if (amount != null && amount.signum() < 0) {
            reader.error(field, "must not be negative, got " + FieldReader.describe(value));
            return null;
        }
        return amount;
    }

    private static @Nullable LegalMeasure measure(ObjectNode body, FieldReader reader) {
        JsonNode value = FieldReader.optional(body, "measure");
        if (value == null) {
            return null;
        }
        ObjectNode measure = reader.object(value, "measure", "an object {type, days, from, to}");
        if (measure == null) {
            return null;
        }
        int before = reader.errors().size();
        JsonNode typeValue = reader.required(measure, "type", "measure.type");
        String type = typeValue == null ? null : reader.nonBlankString(typeValue, "measure.type");
        JsonNode daysValue = FieldReader.optional(measure, "days");
        Integer days = daysValue == null ? null : reader.integer(daysValue, "measure.days", 0);
        LocalDate from = day(measure, "from", reader);
        LocalDate to = day(measure, "to", reader);
        if (from != null && to != null && from.isAfter(to)) {
            reader.error("measure.to", "must not be before measure.from");
        }
        if (reader.errors().size() > before || type == null) {
            return null;
        }
        return new LegalMeasure(type.strip(), days, from, to);
    }

    private static @Nullable LocalDate day(ObjectNode measure, String name, FieldReader reader) {
        JsonNode value = FieldReader.optional(measure, name);
        if (value == null) {
            return null;
        }
        EventDate date = reader.eventDate(value, "measure." + name);
        return date == null ? null : date.date();
    }

    private static Map<String, BigDecimal> stats(ObjectNode body, FieldReader reader) {
        Map<String, BigDecimal> stats = new LinkedHashMap<>();
        JsonNode value = FieldReader.optional(body, "stats");
        if (value == null) {
            return stats;
        }
        ObjectNode object = reader.object(value, "stats", "an object of named numbers");
        if (object == null) {
            return stats;
        }
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (entry.getValue().isNull()) {
                continue;
            }
            BigDecimal number = reader.decimal(entry.getValue(), "stats." + FieldReader.key(entry.getKey()));
            if (number != null) {
                stats.put(entry.getKey(), number);
            }
        }
        return stats;
    }

    private static Map<String, EventDate> dates(ObjectNode body, FieldReader reader) {
        Map<String, EventDate> dates = new LinkedHashMap<>();
        JsonNode value = FieldReader.optional(body, "dates");
        if (value == null) {
            return dates;
        }
        ObjectNode object = reader.object(value, "dates", "an object of named dates");
        if (object == null) {
            return dates;
        }
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (entry.getValue().isNull()) {
                continue;
            }
            EventDate date = reader.eventDate(entry.getValue(), "dates." + FieldReader.key(entry.getKey()));
            if (date != null) {
                dates.put(entry.getKey(), date);
            }
        }
        return dates;
    }

    private static @Nullable LegalDelivery delivery(ObjectNode body, FieldReader reader) {
        JsonNode value = FieldReader.optional(body, "delivery");
        if (value == null) {
            return null;
        }
        ObjectNode delivery = reader.object(value, "delivery", "an object {type, return_act_damage_mark}");
        if (delivery == null) {
            return null;
        }
        JsonNode typeValue = FieldReader.optional(delivery, "type");
        String type = typeValue == null ? null : reader.string(typeValue, "delivery.type");
        JsonNode markValue = FieldReader.optional(delivery, "return_act_damage_mark");
        Boolean mark = markValue == null ? null : reader.bool(markValue, "delivery.return_act_damage_mark");
        return new LegalDelivery(type, mark);
    }
}
