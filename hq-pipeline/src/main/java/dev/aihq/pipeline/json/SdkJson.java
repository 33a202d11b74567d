package dev.aihq.pipeline.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.result.FinanceReport;
import dev.aihq.api.legal.LegalSourceStatus;
import dev.aihq.api.result.CanContest;
import dev.aihq.api.result.LegalAssessment;
import dev.aihq.api.result.LegalSource;
import dev.aihq.api.result.LossProduct;
import dev.aihq.api.result.RiskLevel;
import dev.aihq.api.result.RunId;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.http.HqJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON of AI HQ's own types on the SDK's endpoints ({@code /purchase-event}, {@code /legal-event},
 * {@code /finance-event}, {@code /runs/{id}}) and in the run log: snake_case field names, declared for
 * this family of records only (marketplace wire records keep their own naming). Identifiers are plain
 * strings, money is {@code {"amount": 1499.00, "currency": "KZT"}} with an exact number, phone numbers
 * are masked, enums the SDK owns are lower case.
 */
public final class SdkJson {

    private static final ObjectMapper MAPPER = newMapper();

    private SdkJson() {}

    /**
     * Returns a new mapper with the SDK's JSON shapes registered on top of {@link HqJson#newMapper()}.
     *
     * @return a new mapper
     */
    public static ObjectMapper newMapper() {
        ObjectMapper mapper = HqJson.newMapper();
        mapper.registerModule(module());
        return mapper;
    }

    /**
     * Returns the shared mapper. Do not reconfigure it.
     *
     * @return the mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Writes a value as JSON.
     *
     * @param value the value
     * @return the JSON text
     * @throws UncheckedIOException when the value cannot be written
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Returns the Jackson module with the SDK's shapes, to register on an integrator's own mapper.
     *
     * @return the module
     */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("aihq-sdk-json");
        module.addSerializer(ShopId.class, ToStringSerializer.instance);
        module.addSerializer(OrderId.class, ToStringSerializer.instance);
        module.addSerializer(Sku.class, ToStringSerializer.instance);
        module.addSerializer(RunId.class, ToStringSerializer.instance);
        module.addSerializer(Marketplace.class, ToStringSerializer.instance);
        module.addSerializer(PhoneNumber.class, new StdSerializer<>(PhoneNumber.class) {
            @Override
            public void serialize(PhoneNumber value, JsonGenerator gen, SerializerProvider provider)
                    throws IOException {
                gen.writeString(value.masked());
            }
        });
        module.addSerializer(Money.class, new StdSerializer<>(Money.class) {
            @Override
            public void serialize(Money value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeStartObject();
                gen.writeFieldName("amount");
                gen.writeNumber(value.amount());
                gen.writeStringField("currency", value.currency().getCurrencyCode());
                gen.writeEndObject();
            }
        });
        module.addSerializer(RiskLevel.class, new StdSerializer<>(RiskLevel.class) {
            @Override
            public void serialize(RiskLevel value, JsonGenerator gen, SerializerProvider provider)
                    throws IOException {
                gen.writeString(value.wireValue());
            }
        });
        module.addSerializer(CanContest.class, new StdSerializer<>(CanContest.class) {
            @Override
            public void serialize(CanContest value, JsonGenerator gen, SerializerProvider provider)
                    throws IOException {
                gen.writeString(value.wireValue());
            }
        });
        module.addSerializer(LegalSourceStatus.class, new StdSerializer<>(LegalSourceStatus.class) {
            @Override
            public void serialize(LegalSourceStatus value, JsonGenerator gen, SerializerProvider provider)
                    throws IOException {
                gen.writeString(value.wireValue());
            }
        });
        module.setMixInAnnotation(SalesOffer.class, SnakeCase.class);
        module.setMixInAnnotation(LegalSource.class, SnakeCase.class);
        module.setMixInAnnotation(LegalAssessment.class, SnakeCase.class);
        module.setMixInAnnotation(FinanceReport.class, SnakeCase.class);
        module.setMixInAnnotation(FinanceReport.Costs.class, SnakeCase.class);
        module.setMixInAnnotation(FinanceReport.Tax.class, SnakeCase.class);
        module.setMixInAnnotation(FinanceReport.PeriodChange.class, SnakeCase.class);
        module.setMixInAnnotation(FinanceReport.ProductFigures.class, SnakeCase.class);
        module.setMixInAnnotation(LossProduct.class, SnakeCase.class);
        return module;
    }

    /** Mix-in declaring snake_case for one record family. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    private interface SnakeCase {}
}
