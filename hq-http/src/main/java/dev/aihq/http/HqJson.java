package dev.aihq.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The SDK's one Jackson configuration. Every connector, channel and store reads and writes JSON with a
 * mapper from here, so money, dates and unknown fields behave the same everywhere.
 *
 * <p>A mapper from {@link #newMapper()} or {@link #mapper()}:
 * <ul>
 *   <li>registers {@link JavaTimeModule} and writes {@code java.time} values as ISO-8601 strings
 *       ({@code "2024-03-01T10:15:30+05:00"}, {@code "PT7S"}), never as numeric timestamps; an offset
 *       read from the wire is kept, not shifted to UTC;</li>
 *   <li>reads every JSON floating-point number as {@link java.math.BigDecimal} where the target type
 *       leaves the choice open ({@code Object}, {@code JsonNode}), keeps trailing zeros of decimals in
 *       trees ({@code 1500.00} stays {@code 1500.00}) and writes {@code BigDecimal} in plain notation:
 *       money is exact. Declare money fields as {@code BigDecimal}, never {@code double};</li>
 *   <li>ignores unknown properties on read: marketplaces add fields without notice, and a new field
 *       must not break a running shop;</li>
 *   <li>rejects trailing content after the first value ({@code {...}garbage} is malformed);</li>
 *   <li>never copies the parsed content into its error locations, so an exception message cannot leak
 *       a body that holds personal data.</li>
 * </ul>
 *
 * <p><b>No global property naming strategy.</b> The JSON field naming differs per remote API: the
 * SDK's own endpoints are {@code snake_case}, Kaspi and Wildberries are {@code camelCase}, Ozon mixes
 * both. Each family of wire records therefore declares its naming itself, for example
 * {@code @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)} on the SDK's endpoint records,
 * and records without the annotation use their Java component names as they are.
 *
 * <p>{@code Optional} support (jdk8 module) is deliberately absent: wire records use {@code @Nullable}
 * components instead.
 */
public final class HqJson {

    private static final ObjectMapper SHARED = newMapper();

    private HqJson() {}

    /**
     * Creates a fresh mapper with the SDK's configuration. Use it when a mapper needs further
     * configuration (a module, a mix-in) that must not affect the rest of the SDK.
     *
     * @return a new, independently configurable mapper
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }

    /**
     * Returns the mapper shared by the SDK. It is thread-safe for reading and writing; do not change its
     * configuration (that would change every connector at once): take {@link #newMapper()} instead.
     *
     * @return the shared mapper
     */
    public static ObjectMapper mapper() {
        return SHARED;
    }
}
