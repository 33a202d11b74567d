package dev.aihq.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonCodecTest {

    private final JsonCodec codec = JsonCodec.defaults();

    /** A camelCase record, as Kaspi and Wildberries write them. */
    record Entry(String offerCode, BigDecimal basePrice, OffsetDateTime createdAt) {}

    /** A snake_case record, as the SDK's own endpoints write them. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SdkEvent(String shopId, Instant occurredAt, LocalDate reportDate, Duration sendDelay) {}

    /** A record that validates its input. */
    record Positive(@JsonProperty("amount") BigDecimal amount) {
        Positive {
            if (amount.signum() <= 0) {
                throw new IllegalArgumentException("amount must be positive");
            }
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void should_keep_decimals_exact_when_reading_and_writing_money() {
        // when
        Entry entry = codec.read("{\"offerCode\":\"X\",\"basePrice\":1499.99,\"createdAt\":\"2024-03-01T10:15:30+05:00\"}",
                Entry.class);
        JsonNode tree = codec.readTree(utf8("{\"price\":1500.00,\"tiny\":0.1}"));
        Object untyped = codec.read("{\"p\":0.1}", Map.class).get("p");
        String written = codec.write(Map.of("price", new BigDecimal("1E+3")));

        // then
        assertThat(entry.basePrice()).isEqualTo(new BigDecimal("1499.99"));
        assertThat(tree.get("price").decimalValue()).isEqualTo(new BigDecimal("1500.00"));
        assertThat(tree.get("tiny").isBigDecimal()).isTrue();
        assertThat(untyped).isEqualTo(new BigDecimal("0.1"));
        assertThat(written).isEqualTo("{\"price\":1000}");
    }

    @Test
    void should_write_iso_dates_and_keep_offsets_when_using_java_time() {
        // given
        Entry entry = new Entry("X", BigDecimal.ONE, OffsetDateTime.of(2024, 3, 1, 10, 15, 30, 0, ZoneOffset.ofHours(5)));

        // when
        String json = codec.write(entry);
        Entry back = codec.read(json, Entry.class);

        // then
        assertThat(json).isEqualTo("{\"offerCode\":\"X\",\"basePrice\":1,\"createdAt\":\"2024-03-01T10:15:30+05:00\"}");
        assertThat(back).isEqualTo(entry);
    }

    @Test
    void should_use_declared_naming_when_record_family_is_snake_case() {
        // given
        SdkEvent event = new SdkEvent("shop-1", Instant.parse("2024-03-01T05:15:30Z"), LocalDate.of(2024, 2, 29),
                Duration.ofMinutes(15));

        // when
        String json = new String(codec.writeBytes(event), StandardCharsets.UTF_8);

        // then
        assertThat(json).isEqualTo("{\"shop_id\":\"shop-1\",\"occurred_at\":\"2024-03-01T05:15:30Z\","
                + "\"report_date\":\"2024-02-29\",\"send_delay\":\"PT15M\"}");
        assertThat(codec.read(json, SdkEvent.class)).isEqualTo(event);
    }

    @Test
    void should_ignore_unknown_fields_when_marketplace_adds_some() {
        // when
        Entry entry = codec.read(utf8("{\"offerCode\":\"X\",\"newThing\":{\"deep\":[1,2,{}]},\"basePrice\":2,"
                + "\"createdAt\":\"2024-03-01T10:15:30Z\"}"), Entry.class);

        // then
        assertThat(entry.offerCode()).isEqualTo("X");
    }

    @Test
    void should_name_path_and_position_without_content_when_value_has_wrong_shape() {
        // given
        String json = "{\n \"items\": [\n  {\"offerCode\":\"A\",\"basePrice\":1},\n"
                + "  {\"offerCode\":\"B\",\"basePrice\":{\"phone\":\"77011234567\"}}\n ]\n}";

        // when
        JsonFormatException thrown = catchThrowableOfType(JsonFormatException.class,
                () -> codec.read(utf8(json), new TypeReference<Map<String, List<Entry>>>() {}));

        // then
        assertThat(thrown.path()).isEqualTo("$.items[1].basePrice");
        assertThat(thrown.line()).isEqualTo(4);
        assertThat(thrown.column()).isPositive();
        assertThat(thrown).hasMessageStartingWith("cannot read Map<String, List<JsonCodecTest$Entry>> from JSON at "
                        + "$.items[1].basePrice (line 4, column ")
                .hasMessageContaining("expected BigDecimal but found an object")
                .hasMessageNotContaining("77011234567");
    }

    @Test
    void should_not_quote_the_document_when_json_is_malformed() {
        // when
        JsonFormatException thrown = catchThrowableOfType(JsonFormatException.class,
                () -> codec.readTree(utf8("{\"password\": s3cr3t-value}")));

        // then
        assertThat(thrown).hasMessageContaining("not well-formed JSON").hasMessageContaining("line 1, column ")
                .hasMessageNotContaining("s3cr3t");
        assertThat(thrown.path()).isEqualTo("$.password");
    }

    @Test
    void should_report_truncation_when_document_ends_early() {
        // when
        JsonFormatException thrown = catchThrowableOfType(JsonFormatException.class,
                () -> codec.read(utf8("{\"offerCode\":\"X\",\"basePr"), Entry.class));

        // then
        assertThat(thrown).hasMessageContaining("ends too early");
    }

    @Test
    void should_fail_when_document_is_empty_null_or_followed_by_garbage() {
        // expect
        assertThat(catchThrowableOfType(JsonFormatException.class, () -> codec.read(new byte[0], Entry.class)))
                .hasMessage("cannot read Entry from JSON at $: the document is empty");
        assertThat(catchThrowableOfType(JsonFormatException.class, () -> codec.read(" \n", Entry.class)))
                .hasMessageContaining("the document is empty");
        assertThat(catchThrowableOfType(JsonFormatException.class, () -> codec.read("null", Entry.class)))
                .hasMessageContaining("the document is null");
        assertThat(catchThrowableOfType(JsonFormatException.class, () -> codec.read("{} {}", Map.class)))
                .hasMessageStartingWith("cannot read Map from JSON at $");
    }

    @Test
    void should_report_constructor_reason_when_record_rejects_value() {
        // when
        JsonFormatException thrown = catchThrowableOfType(JsonFormatException.class,
                () -> codec.read("{\"amount\": -5}", Positive.class));

        // then
        assertThat(thrown).hasMessageContaining("cannot create Positive: amount must be positive");
    }

    @Test
    void should_convert_tree_to_value_when_reading_field_by_field() {
        // given
        JsonNode tree = codec.readTree(utf8("{\"data\":{\"offerCode\":\"Z\",\"basePrice\":3.50,"
                + "\"createdAt\":\"2024-03-01T10:15:30Z\"}}"));

        // when
        Entry entry = codec.treeToValue(tree.get("data"), Entry.class);

        // then
        assertThat(entry.basePrice()).isEqualTo(new BigDecimal("3.50"));
    }

    @Test
    void should_share_one_mapper_and_create_independent_ones() {
        // expect
        assertThat(HqJson.mapper()).isSameAs(HqJson.mapper()).isSameAs(JsonCodec.defaults().mapper());
        assertThat(HqJson.newMapper()).isNotSameAs(HqJson.newMapper());
        assertThat(HqJson.mapper().getPropertyNamingStrategy()).isNull();
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("when", LocalDate.of(2024, 1, 2));
        assertThat(JsonCodec.of(HqJson.newMapper()).write(ordered)).isEqualTo("{\"when\":\"2024-01-02\"}");
    }
}
