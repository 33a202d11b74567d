package dev.aihq.connectors.wb.finance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aihq.http.HqJson;
import dev.aihq.http.JsonFields;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Reads one page of Wildberries' sales report ({@code reportDetailByPeriod}: a JSON array of row objects) into
 * {@link WbReportRow}s, streaming: the array is read element by element, so a page of 100,000 rows never
 * exists as one tree. Stateless and thread-safe.
 *
 * <p><b>Validation, per row.</b> A row without {@code rrd_id}, with a non-numeric value in a numeric field
 * (money, percent, quantity, ids) or with an unparseable date is left out and reported as a
 * {@link WbReportProblem} naming the row's index, its {@code rrd_id} when it has one and the field; every bad
 * field of the row is reported. The rest of the page is still read. A numeric field may come as a JSON number
 * or as a string holding a number; {@code null}, a missing field or an empty string is {@code null}. Unknown
 * fields are ignored (WB adds fields without notice). An element that is not an object is reported too.
 *
 * <p><b>Dates</b> are Moscow time (reference §2.8). A date-time without an offset is read as Moscow time. A
 * date-time marked {@code Z} (or {@code +00:00}) is also read as Moscow wall-clock time: <i>interpretation</i>
 * — WB's report is documented as Moscow time, so a {@code Z} suffix is taken as a formatting habit rather than
 * UTC. Any other explicit offset is honoured as written. A date alone ({@code 2025-06-09}) is the start of that
 * day in Moscow; {@code date_from} and {@code date_to} are kept as the Moscow calendar day.
 *
 * <p>A body that is not a JSON array, or JSON that breaks off, throws {@link WbReportFormatException}: the
 * page must be fetched again.
 */
public final class WbReportParser {

    /** Moscow, the zone of the report's dates. */
    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    // Per element, not per document: the element is followed by the rest of the array.
    private static final ObjectMapper JSON = HqJson.newMapper()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Creates a parser. */
    public WbReportParser() {}

    /**
     * Reads a page.
     *
     * @param body the page's JSON, UTF-8; not closed
     * @return the valid rows, the problems and the last {@code rrd_id}
     * @throws WbReportFormatException when the body is not a JSON array or its JSON is malformed
     */
    public WbReportPage parse(InputStream body) {
        Objects.requireNonNull(body, "body");
        List<WbReportRow> rows = new ArrayList<>();
        List<WbReportProblem> problems = new ArrayList<>();
        Long lastRrdId = null;
        int index = 0;
        try (JsonParser parser = JSON.createParser(body)) {
            parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new WbReportFormatException("the report page is not a JSON array (starts with "
                        + (first == null ? "nothing" : first) + ")", null);
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() == null) {
                    throw new WbReportFormatException("the report page ends inside its array", null);
                }
                JsonNode element = parser.readValueAs(JsonNode.class);
                RowReader reader = new RowReader(index, element, problems);
                WbReportRow row = reader.read();
                if (reader.rrdId != null) {
                    lastRrdId = reader.rrdId;
                }
                if (row != null) {
                    rows.add(row);
                }
                index++;
            }
            if (parser.nextToken() != null) {
                throw new WbReportFormatException("the report page has content after its array", null);
            }
        } catch (IOException e) {
            throw new WbReportFormatException("the report page is not valid JSON (after " + index + " rows): "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException json ? json.getOriginalMessage()
                            : e.getClass().getSimpleName()), e);
        }
        return new WbReportPage(rows, problems, lastRrdId);
    }

    /**
     * Reads a page held as text.
     *
     * @param body the page's JSON
     * @return the valid rows, the problems and the last {@code rrd_id}
     * @throws WbReportFormatException when the body is not a JSON array or its JSON is malformed
     */
    public WbReportPage parse(String body) {
        Objects.requireNonNull(body, "body");
        return parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads a report date-time as this parser does: Moscow time unless another offset than UTC is written.
     *
     * @param text the date-time or date, RFC 3339 / ISO 8601
     * @return the instant
     * @throws DateTimeException when the text is not a date or date-time
     */
    public static Instant moscowInstant(String text) {
        String value = text.strip().replace(' ', 'T');
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay(MOSCOW).toInstant();
        }
        OffsetDateTime withOffset;
        try {
            withOffset = OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(value).atZone(MOSCOW).toInstant();
        }
        return withOffset.getOffset().equals(ZoneOffset.UTC)
                ? withOffset.toLocalDateTime().atZone(MOSCOW).toInstant()
                : withOffset.toInstant();
    }

    /** Reads one element, collecting its problems. */
    private static final class RowReader {
        private final int index;
        private final JsonNode node;
        private final List<WbReportProblem> problems;
        private @Nullable Long rrdId;
        private boolean valid = true;
        private final JsonFields fields = new JsonFields(this::problem);

        RowReader(int index, JsonNode node, List<WbReportProblem> problems) {
            this.index = index;
            this.node = node;
            this.problems = problems;
        }

        @Nullable WbReportRow read() {
            if (!node.isObject()) {
                problem("row", "not a JSON object but " + JsonFields.kind(node));
                return null;
            }
            rrdId = integer("rrd_id");
            if (rrdId == null && valid) {
                problem("rrd_id", "missing; the row cannot be identified");
            }
            WbReportRow row = new WbReportRow(
                    rrdId == null ? 0 : rrdId,
                    integer("realizationreport_id"),
                    day("date_from"),
                    day("date_to"),
                    instant("create_dt"),
                    text("currency_name"),
                    text("doc_type_name"),
                    text("supplier_oper_name"),
                    instant("sale_dt"),
                    instant("order_dt"),
                    instant("rr_dt"),
                    text("srid"),
                    integer("nm_id"),
                    text("sa_name"),
                    text("ts_name"),
                    text("barcode"),
                    text("subject_name"),
                    text("brand_name"),
                    number("quantity"),
                    number("retail_price"),
                    number("retail_amount"),
                    number("retail_price_withdisc_rub"),
                    number("sale_percent"),
                    number("commission_percent"),
                    number("ppvz_sales_commission"),
                    number("ppvz_vw"),
                    number("ppvz_vw_nds"),
                    number("ppvz_for_pay"),
                    number("delivery_amount"),
                    number("return_amount"),
                    number("delivery_rub"),
                    number("penalty"),
                    number("additional_payment"),
                    number("storage_fee"),
                    number("deduction"),
                    number("acceptance"),
                    number("acquiring_fee"),
                    text("bonus_type_name"),
                    text("site_country"),
                    text("delivery_method"));
            return valid ? row : null;
        }

        private void problem(String field, String message) {
            valid = false;
            problems.add(new WbReportProblem(index, rrdId, field, message));
        }

        private @Nullable String text(String field) {
            return fields.text(node, field, field);
        }

        private @Nullable BigDecimal number(String field) {
            return fields.number(node, field, field);
        }

        private @Nullable Long integer(String field) {
            return fields.integer(node, field, field);
        }

        private @Nullable Instant instant(String field) {
            return fields.instant(node, field, field, WbReportParser::moscowInstant);
        }

        private @Nullable LocalDate day(String field) {
            Instant instant = instant(field);
            return instant == null ? null : LocalDate.ofInstant(instant, MOSCOW);
        }

    }
}
