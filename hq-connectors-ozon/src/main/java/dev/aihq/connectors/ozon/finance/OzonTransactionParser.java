package dev.aihq.connectors.ozon.finance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Reads Ozon's finance responses: one page of {@code /v3/finance/transaction/list}
 * ({@code {result:{operations:[…], page_count, row_count}}}, reference §3.8) into {@link OzonTransaction}s, and the
 * totals of {@code /v3/finance/transaction/totals} into {@link OzonTransactionTotals}. Pages are streamed: the
 * {@code operations} array is read element by element, so a page never exists as one tree. Stateless and
 * thread-safe.
 *
 * <p><b>Validation, per operation.</b> An operation without {@code operation_id}, with a non-numeric value in a
 * numeric field (money, ids), with an unparseable date, or with a service lacking its {@code name} or
 * {@code price}, is left out and reported as an {@link OzonTransactionProblem} naming the operation's index, its
 * {@code operation_id} when it has one and the field; every bad field of the operation is reported. The rest of the
 * page is still read. A numeric field may come as a JSON number or as a string holding a number; {@code null}, a
 * missing field or an empty string is {@code null}. Unknown fields are ignored (reference: "accept unknown fields").
 * An element that is not an object is reported too.
 *
 * <p><b>Empty values.</b> Ozon sends a shop-wide service with an empty posting ({@code posting_number: ""},
 * {@code order_date: ""}, {@code warehouse_id: 0}); empty strings are read as {@code null}, a {@code warehouse_id}
 * or item {@code sku} of {@code 0} as {@code null}, and a posting with nothing left as no posting. <i>Reading
 * {@code 0} as "none" is interpretation.</i>
 *
 * <p><b>Dates</b> are UTC (reference §3.1). {@code operation_date} is {@code "YYYY-MM-DD HH:MM:SS"} (reference
 * §3.8); an ISO 8601 date-time ({@code T} separator, fractions, {@code Z} or an offset) is accepted too, a
 * date-time without an offset is UTC, and a date alone is the start of that day in UTC.
 *
 * <p><b>Whole responses.</b> A body that is not a JSON object, has no {@code result} object, breaks off, or is Ozon's
 * error body ({@code {code, message, details}}, reference §3.2) throws {@link OzonFinanceFormatException}: the
 * request must be made again, or its error dealt with.
 */
public final class OzonTransactionParser {

    // Per element, not per document: the element is followed by the rest of the array.
    private static final ObjectMapper JSON = HqJson.newMapper()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Creates a parser. */
    public OzonTransactionParser() {}

    /**
     * Reads a page of the transaction list.
     *
     * @param body the response's JSON, UTF-8; not closed
     * @return the valid operations, the problems and the paging counts
     * @throws OzonFinanceFormatException when the body is not the documented shape, its JSON is malformed, or it is
     *     Ozon's error body
     */
    public OzonTransactionPage parse(InputStream body) {
        Objects.requireNonNull(body, "body");
        List<OzonTransaction> operations = new ArrayList<>();
        List<OzonTransactionProblem> problems = new ArrayList<>();
        Long pageCount = null;
        Long rowCount = null;
        boolean result = false;
        ErrorBody error = new ErrorBody();
        int index = 0;
        try (JsonParser parser = JSON.createParser(body)) {
            parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            expectObject(parser, "the transaction page");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("result".equals(field) && value == JsonToken.START_OBJECT) {
                    result = true;
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String inner = parser.currentName();
                        JsonToken innerValue = parser.nextToken();
                        switch (inner) {
                            case "operations" -> {
                                if (innerValue == JsonToken.VALUE_NULL) {
                                    continue;
                                }
                                if (innerValue != JsonToken.START_ARRAY) {
                                    throw new OzonFinanceFormatException("result.operations is not a JSON array but "
                                            + innerValue, null, null);
                                }
                                while (parser.nextToken() != JsonToken.END_ARRAY) {
                                    if (parser.currentToken() == null) {
                                        throw new OzonFinanceFormatException(
                                                "the transaction page ends inside its operations", null, null);
                                    }
                                    JsonNode element = parser.readValueAs(JsonNode.class);
                                    OzonTransaction operation = new OperationReader(index, element, problems).read();
                                    if (operation != null) {
                                        operations.add(operation);
                                    }
                                    index++;
                                }
                            }
                            case "page_count" -> pageCount = count(parser, "result.page_count");
                            case "row_count" -> rowCount = count(parser, "result.row_count");
                            default -> parser.skipChildren();
                        }
                    }
                } else {
                    error.read(field, parser);
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new OzonFinanceFormatException("the transaction page has content after its object", null, null);
            }
        } catch (IOException e) {
            throw new OzonFinanceFormatException("the transaction page is not valid JSON (after " + index
                    + " operations): " + (e instanceof JsonProcessingException json ? json.getOriginalMessage()
                            : e.getClass().getSimpleName()), null, e);
        }
        if (!result) {
            throw error.orMissing("the transaction page has no result object");
        }
        return new OzonTransactionPage(operations, problems, pageCount, rowCount);
    }

    /**
     * Reads a page of the transaction list held as text.
     *
     * @param body the response's JSON
     * @return the valid operations, the problems and the paging counts
     * @throws OzonFinanceFormatException as {@link #parse(InputStream)}
     */
    public OzonTransactionPage parse(String body) {
        Objects.requireNonNull(body, "body");
        return parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads the totals of {@code /v3/finance/transaction/totals}. Reference §3.8 gives the totals object itself;
     * Ozon's documentation example wraps it in {@code result}. <i>Interpretation:</i> both are accepted — the
     * object under {@code result} when there is one, else the body itself.
     *
     * @param body the response's JSON, UTF-8; not closed
     * @return the totals, each {@code null} when not sent
     * @throws OzonFinanceFormatException when the body is not a JSON object, a total is not a number, or the body is
     *     Ozon's error body
     */
    public OzonTransactionTotals parseTotals(InputStream body) {
        Objects.requireNonNull(body, "body");
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new OzonFinanceFormatException("the totals are not valid JSON: "
                    + (e instanceof JsonProcessingException json ? json.getOriginalMessage()
                            : e.getClass().getSimpleName()), null, e);
        }
        if (root == null || !root.isObject()) {
            throw new OzonFinanceFormatException("the totals are not a JSON object", null, null);
        }
        JsonNode totals = root.path("result").isObject() ? root.get("result") : root;
        if (totals == root && !root.has("accruals_for_sale") && (root.has("code") || root.has("message"))) {
            ErrorBody error = new ErrorBody();
            error.code = root.path("code").isIntegralNumber() ? root.get("code").asLong() : null;
            error.message = root.path("message").isTextual() ? root.get("message").asText() : null;
            throw error.orMissing("the totals are missing");
        }
        return new OzonTransactionTotals(
                total(totals, "accruals_for_sale"),
                total(totals, "sale_commission"),
                total(totals, "processing_and_delivery"),
                total(totals, "refunds_and_cancellations"),
                total(totals, "services_amount"),
                total(totals, "compensation_amount"),
                total(totals, "money_transfer"),
                total(totals, "others_amount"));
    }

    /**
     * Reads the totals held as text.
     *
     * @param body the response's JSON
     * @return the totals
     * @throws OzonFinanceFormatException as {@link #parseTotals(InputStream)}
     */
    public OzonTransactionTotals parseTotals(String body) {
        Objects.requireNonNull(body, "body");
        return parseTotals(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads an Ozon finance date as this parser does: UTC unless an offset is written.
     *
     * @param text {@code "YYYY-MM-DD HH:MM:SS"}, an ISO 8601 date-time, or a date
     * @return the instant
     * @throws DateTimeException when the text is not a date or date-time
     */
    public static Instant utcInstant(String text) {
        String value = text.strip().replace(' ', 'T');
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        }
    }

    private static void expectObject(JsonParser parser, String what) throws IOException {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw new OzonFinanceFormatException(what + " is not a JSON object (starts with "
                    + (first == null ? "nothing" : first) + ")", null, null);
        }
    }

    private static @Nullable Long count(JsonParser parser, String field) throws IOException {
        JsonNode node = parser.readValueAs(JsonNode.class);
        if (node == null || node.isNull()) {
            return null;
        }
        BigDecimal value = node.isNumber() ? node.decimalValue() : null;
        if (value == null && node.isTextual()) {
            try {
                value = new BigDecimal(node.asText().strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        try {
            if (value != null) {
                return value.longValueExact();
            }
        } catch (ArithmeticException e) {
            // reported below
        }
        throw new OzonFinanceFormatException(field + " is not a whole number: " + shown(node), null, null);
    }

    private static @Nullable BigDecimal total(JsonNode totals, String field) {
        JsonNode value = totals.get(field);
        if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.asText().strip());
            } catch (NumberFormatException e) {
                // thrown below
            }
        }
        throw new OzonFinanceFormatException("the total " + field + " is not a number: " + shown(value), null, null);
    }

    private static String shown(JsonNode value) {
        return JsonFields.shown(value);
    }

    /** The fields of Ozon's error body, met at the top level of a response. */
    private static final class ErrorBody {
        private @Nullable Long code;
        private @Nullable String message;

        void read(String field, JsonParser parser) throws IOException {
            JsonNode node = parser.readValueAs(JsonNode.class);
            if ("code".equals(field) && node != null && node.isIntegralNumber()) {
                code = node.asLong();
            } else if ("message".equals(field) && node != null && node.isTextual()) {
                message = node.asText();
            }
        }

        OzonFinanceFormatException orMissing(String missing) {
            if (code == null && message == null) {
                return new OzonFinanceFormatException(missing, null, null);
            }
            return new OzonFinanceFormatException("Ozon answered an error instead: code " + code + ", message '"
                    + message + "'", code, null);
        }
    }

    /** Reads one element of {@code operations}, collecting its problems. */
    private static final class OperationReader {
        private final int index;
        private final JsonNode node;
        private final List<OzonTransactionProblem> problems;
        private @Nullable Long operationId;
        private boolean valid = true;
        private final JsonFields fields = new JsonFields(this::problem);

        OperationReader(int index, JsonNode node, List<OzonTransactionProblem> problems) {
            this.index = index;
            this.node = node;
            this.problems = problems;
        }

        @Nullable OzonTransaction read() {
            if (!node.isObject()) {
                problem("operation", "not a JSON object but " + JsonFields.kind(node));
                return null;
            }
            operationId = integer(node, "operation_id", "operation_id");
            if (operationId == null && valid) {
                problem("operation_id", "missing; the operation cannot be identified");
            }
            OzonTransaction operation = new OzonTransaction(
                    operationId == null ? 0 : operationId,
                    text(node, "operation_type", "operation_type"),
                    instant(node, "operation_date", "operation_date"),
                    text(node, "operation_type_name", "operation_type_name"),
                    number(node, "delivery_charge", "delivery_charge"),
                    number(node, "return_delivery_charge", "return_delivery_charge"),
                    number(node, "accruals_for_sale", "accruals_for_sale"),
                    number(node, "sale_commission", "sale_commission"),
                    number(node, "amount", "amount"),
                    text(node, "type", "type"),
                    text(node, "currency_code", "currency_code"),
                    posting(),
                    items(),
                    services());
            return valid ? operation : null;
        }

        private @Nullable OzonTransaction.Posting posting() {
            JsonNode posting = node.get("posting");
            if (posting == null || posting.isNull()) {
                return null;
            }
            if (!posting.isObject()) {
                problem("posting", "expected an object, got a JSON " + type(posting));
                return null;
            }
            String schema = text(posting, "delivery_schema", "posting.delivery_schema");
            Instant orderDate = instant(posting, "order_date", "posting.order_date");
            String number = text(posting, "posting_number", "posting.posting_number");
            Long warehouse = integer(posting, "warehouse_id", "posting.warehouse_id");
            if (warehouse != null && warehouse == 0) {
                warehouse = null;
            }
            if (schema == null && orderDate == null && number == null && warehouse == null) {
                return null;
            }
            return new OzonTransaction.Posting(schema, orderDate, number, warehouse);
        }

        private List<OzonTransaction.Item> items() {
            List<OzonTransaction.Item> items = new ArrayList<>();
            JsonNode array = array("items");
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                String path = "items[" + i + "]";
                if (!item.isObject()) {
                    problem(path, "expected an object, got a JSON " + type(item));
                    continue;
                }
                Long sku = integer(item, "sku", path + ".sku");
                items.add(new OzonTransaction.Item(text(item, "name", path + ".name"),
                        sku == null || sku == 0 ? null : sku, text(item, "offer_id", path + ".offer_id")));
            }
            return items;
        }

        private List<OzonTransaction.Service> services() {
            List<OzonTransaction.Service> services = new ArrayList<>();
            JsonNode array = array("services");
            for (int i = 0; i < array.size(); i++) {
                JsonNode service = array.get(i);
                String path = "services[" + i + "]";
                if (!service.isObject()) {
                    problem(path, "expected an object, got a JSON " + type(service));
                    continue;
                }
                String name = text(service, "name", path + ".name");
                if (name == null) {
                    problem(path + ".name", "missing; the service cannot be told apart");
                }
                int before = problems.size();
                BigDecimal price = number(service, "price", path + ".price");
                if (price == null && problems.size() == before) {
                    problem(path + ".price", "missing");
                }
                if (name != null && price != null) {
                    services.add(new OzonTransaction.Service(name, price));
                }
            }
            return services;
        }

        private JsonNode array(String field) {
            JsonNode array = node.get(field);
            if (array == null || array.isNull()) {
                return JSON.createArrayNode();
            }
            if (!array.isArray()) {
                problem(field, "expected an array, got a JSON " + type(array));
                return JSON.createArrayNode();
            }
            return array;
        }

        private void problem(String field, String message) {
            valid = false;
            problems.add(new OzonTransactionProblem(index, operationId, field, message));
        }

        private @Nullable String text(JsonNode object, String field, String path) {
            String text = fields.text(object, field, path);
            return text == null ? null : text.strip();
        }

        private @Nullable BigDecimal number(JsonNode object, String field, String path) {
            return fields.number(object, field, path);
        }

        private @Nullable Long integer(JsonNode object, String field, String path) {
            return fields.integer(object, field, path);
        }

        private @Nullable Instant instant(JsonNode object, String field, String path) {
            return fields.instant(object, field, path, OzonTransactionParser::utcInstant);
        }

        private static String type(JsonNode value) {
            return JsonFields.kind(value);
        }
    }
}
