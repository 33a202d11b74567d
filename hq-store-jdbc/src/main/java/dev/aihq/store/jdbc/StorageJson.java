package dev.aihq.store.jdbc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.event.EventDate;
import dev.aihq.api.event.PurchaseTrigger;
import dev.aihq.api.result.RunId;
import dev.aihq.http.HqJson;
import dev.aihq.http.JsonCodec;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.function.Function;

/**
 * The JSON of AI HQ's types inside the database: camelCase record components as Java names them, value
 * types as plain strings, money as {@code {"amount": "1499.00", "currency": "KZT"}} with the amount as a
 * string so that no database or driver rounds it, phone numbers in full E.164 (the database is where the
 * contact lives; logs and APIs mask it). Every JSON column has a version column next to it.
 */
final class StorageJson {

    private StorageJson() {}

    /** Returns a codec with the storage shapes registered on the SDK's mapper. */
    static JsonCodec codec() {
        ObjectMapper mapper = HqJson.newMapper();
        mapper.registerModule(module());
        return JsonCodec.of(mapper);
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("aihq-storage-json");
        text(module, ShopId.class, ShopId::value, ShopId::of);
        text(module, OrderId.class, OrderId::value, OrderId::of);
        text(module, Sku.class, Sku::value, Sku::of);
        text(module, RunId.class, RunId::value, RunId::of);
        text(module, Marketplace.class, Marketplace::code, Marketplace::of);
        text(module, PhoneNumber.class, PhoneNumber::e164, PhoneNumber::new);
        text(module, PurchaseTrigger.class, PurchaseTrigger::code, PurchaseTrigger::of);
        text(module, EventDate.class, EventDate::toString, EventDate::parse);
        module.addSerializer(Money.class, new StdSerializer<>(Money.class) {
            @Override
            public void serialize(Money value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeStartObject();
                gen.writeStringField("amount", value.amount().toPlainString());
                gen.writeStringField("currency", value.currency().getCurrencyCode());
                gen.writeEndObject();
            }
        });
        module.addDeserializer(Money.class, new StdDeserializer<>(Money.class) {
            @Override
            public Money deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                // Through the context: the parser's own readValueAsTree() checks for trailing tokens as if
                // the amount were the whole document, and fails on the field that follows it.
                JsonNode node = context.readTree(parser);
                JsonNode amount = node.get("amount");
                JsonNode currency = node.get("currency");
                if (amount == null || currency == null) {
                    return (Money) context.handleUnexpectedToken(Money.class, parser);
                }
                return Money.of(new BigDecimal(amount.asText()), Currency.getInstance(currency.asText()));
            }
        });
        return module;
    }

    private static <T> void text(SimpleModule module, Class<T> type, Function<T, String> write,
            Function<String, T> read) {
        module.addSerializer(type, new StdSerializer<>(type) {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(write.apply(value));
            }
        });
        module.addDeserializer(type, new StdDeserializer<>(type) {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = parser.getValueAsString();
                if (text == null) {
                    return type.cast(context.handleUnexpectedToken(type, parser));
                }
                try {
                    return read.apply(text);
                } catch (IllegalArgumentException e) {
                    return type.cast(context.handleWeirdStringValue(type, text, e.getMessage()));
                }
            }
        });
    }
}
