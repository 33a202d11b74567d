package dev.aihq.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    private final List<String> problems = new ArrayList<>();
    private final JsonFields fields = new JsonFields((path, message) -> problems.add(path + ": " + message));

    private static JsonNode readUnchecked(String json) {
        try {
            return HqJson.newMapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void reads_numbers_from_numbers_and_numeric_strings_and_treats_blank_as_missing() {
        JsonNode row = readUnchecked("{\"a\": 12.50, \"b\": \" 7 \", \"c\": \"\", \"d\": null}");

        assertThat(fields.number(row, "a", "a")).isEqualByComparingTo("12.50");
        assertThat(fields.integer(row, "b", "b")).isEqualTo(7L);
        assertThat(fields.number(row, "c", "c")).isNull();
        assertThat(fields.text(row, "d", "d")).isNull();
        assertThat(fields.text(row, "missing", "missing")).isNull();
        assertThat(problems).isEmpty();
    }

    @Test
    void reports_each_unreadable_field_by_its_path_and_reads_it_as_missing() {
        JsonNode row = readUnchecked("{\"price\": \"abc\", \"qty\": 1.5, \"name\": {\"x\": 1}, \"at\": \"yesterday\"}");

        assertThat(fields.number(row, "price", "items[0].price")).isNull();
        assertThat(fields.integer(row, "qty", "qty")).isNull();
        assertThat(fields.text(row, "name", "name")).isNull();
        assertThat(fields.instant(row, "at", "at", Instant::parse)).isNull();

        assertThat(problems).containsExactly("items[0].price: not a number: \"abc\"", "qty: not a whole number: 1.5",
                "name: expected text, got a JSON object", "at: not a date: \"yesterday\"");
    }
}
