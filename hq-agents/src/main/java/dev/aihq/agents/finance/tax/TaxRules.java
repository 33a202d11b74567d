package dev.aihq.agents.finance.tax;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aihq.api.error.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates tax rule data: one JSON file per (country, tax year).
 *
 * <pre>{
 *   "country": "KZ", "tax_year": 2026, "currency": "KZT",
 *   "rules": [
 *     {"key": "simplified.rate_percent", "value": "4", "rule_id": "kz.2026.910.rate",
 *      "effective_from": "2026-01-01", "effective_to": "2026-12-31",
 *      "source": "Tax Code No. 214-VIII Art. 726; https://…", "status": "confirmed"},
 *     {"key": "simplified.payment_due", "months_after_period_end": 2, "day": 25, …}
 *   ]
 * }</pre>
 *
 * <p>Every rule needs {@code key}, {@code rule_id}, {@code effective_from}, {@code effective_to} (within the tax
 * year), {@code source}, {@code status} ({@code confirmed} or {@code unconfirmed}, the latter with a {@code note})
 * and either {@code value} or a deadline ({@code months_after_period_end} and {@code day}). Values of numeric keys
 * (ending in {@code _percent}, {@code _share}, {@code _mrp}, {@code _rub}, {@code _kzt}, {@code _days} or
 * {@code .scale}) must be decimals. A problem fails the file with a {@link ConfigurationException} naming the file,
 * the rule and the field.
 */
public final class TaxRules {

    /** The (country, year) files shipped with the SDK. */
    public static final List<String> SHIPPED_FILES = List.of("KZ-2025.json", "KZ-2026.json", "RU-2025.json",
            "RU-2026.json");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> NUMERIC_SUFFIXES = Set.of("_percent", "_share", "_mrp", "_rub", "_kzt", "_days",
            ".scale");
    private static final Set<String> RULE_FIELDS = Set.of("key", "value", "months_after_period_end", "day", "rule_id",
            "effective_from", "effective_to", "source", "status", "note");

    private TaxRules() {}

    /**
     * Reads every shipped rule file.
     *
     * @return the rule sets, one per (country, tax year)
     * @throws ConfigurationException when a shipped file is missing or invalid
     */
    public static List<TaxRuleSet> shipped() {
        List<TaxRuleSet> sets = new ArrayList<>();
        for (String name : SHIPPED_FILES) {
            try (InputStream in = TaxRules.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new ConfigurationException("tax rule file " + name + " is missing from the classpath");
                }
                sets.add(parse(name, in));
            } catch (IOException e) {
                throw new ConfigurationException("cannot read tax rule file " + name, e);
            }
        }
        return List.copyOf(sets);
    }

    /**
     * Reads one rule file.
     *
     * @param fileName the file's name, for messages
     * @param in its content (UTF-8 JSON); not closed
     * @return the rule set
     * @throws ConfigurationException naming the file, rule and field of the first problem
     */
    public static TaxRuleSet parse(String fileName, InputStream in) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ConfigurationException(fileName + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read tax rule file " + fileName, e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigurationException(fileName + ": expected a JSON object");
        }
        String country = requiredText(fileName, "file", root, "country");
        if (!country.matches("[A-Z]{2}")) {
            throw new ConfigurationException(fileName + ": field 'country' must be a two-letter code, got '" + country + "'");
        }
        JsonNode yearNode = root.get("tax_year");
        if (yearNode == null || !yearNode.canConvertToInt()) {
            throw new ConfigurationException(fileName + ": field 'tax_year' is missing or not a year");
        }
        int year = yearNode.asInt();
        Currency currency;
        String currencyCode = requiredText(fileName, "file", root, "currency");
        try {
            currency = Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(fileName + ": field 'currency' is not an ISO 4217 code: '" + currencyCode + "'", e);
        }
        JsonNode rulesNode = root.get("rules");
        if (rulesNode == null || !rulesNode.isArray()) {
            throw new ConfigurationException(fileName + ": field 'rules' is missing or not an array");
        }
        Map<String, TaxRule> rules = new HashMap<>();
        for (int i = 0; i < rulesNode.size(); i++) {
            TaxRule rule = rule(fileName, i, year, rulesNode.get(i));
            if (rules.putIfAbsent(rule.key(), rule) != null) {
                throw new ConfigurationException(fileName + ": rule '" + rule.key() + "' is defined twice");
            }
        }
        return new TaxRuleSet(country, year, currency, fileName, rules);
    }

    private static TaxRule rule(String fileName, int index, int year, JsonNode node) {
        String where = "rule #" + (index + 1);
        if (node == null || !node.isObject()) {
            throw new ConfigurationException(fileName + ": " + where + " is not an object");
        }
        String key = requiredText(fileName, where, node, "key");
        where = "rule '" + key + "'";
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!RULE_FIELDS.contains(field)) {
                throw new ConfigurationException(fileName + ": " + where + " has unknown field '" + field + "'");
            }
        }
        String ruleId = requiredText(fileName, where, node, "rule_id");
        LocalDate from = date(fileName, where, node, "effective_from");
        LocalDate to = date(fileName, where, node, "effective_to");
        if (to.isBefore(from)) {
            throw new ConfigurationException(fileName + ": " + where + " field 'effective_to' is before 'effective_from'");
        }
        if (from.getYear() != year || to.getYear() != year) {
            throw new ConfigurationException(fileName + ": " + where + " is effective " + from + " to " + to
                    + ", outside tax year " + year);
        }
        String source = requiredText(fileName, where, node, "source");
        String statusText = requiredText(fileName, where, node, "status");
        RuleStatus status;
        try {
            status = RuleStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(fileName + ": " + where + " field 'status' must be confirmed or unconfirmed, got '"
                    + statusText + "'", e);
        }
        String note = node.hasNonNull("note") ? node.get("note").asText() : null;
        if (status == RuleStatus.UNCONFIRMED && (note == null || note.isBlank())) {
            throw new ConfigurationException(fileName + ": " + where + " is unconfirmed and needs field 'note' saying what it assumes");
        }
        boolean hasValue = node.hasNonNull("value");
        boolean hasDue = node.has("months_after_period_end") || node.has("day");
        if (hasValue == hasDue) {
            throw new ConfigurationException(fileName + ": " + where
                    + " needs either field 'value' or fields 'months_after_period_end' and 'day'");
        }
        String value = null;
        DueRule due = null;
        if (hasValue) {
            value = node.get("value").asText();
            if (NUMERIC_SUFFIXES.stream().anyMatch(key::endsWith)) {
                try {
                    new BigDecimal(value);
                } catch (NumberFormatException e) {
                    throw new ConfigurationException(fileName + ": " + where + " field 'value' must be a decimal, got '"
                            + value + "'", e);
                }
            }
        } else {
            int months = integer(fileName, where, node, "months_after_period_end");
            int day = integer(fileName, where, node, "day");
            try {
                due = new DueRule(months, day);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(fileName + ": " + where + ": " + e.getMessage(), e);
            }
        }
        return new TaxRule(key, ruleId, value, due, from, to, source, status, note);
    }

    private static String requiredText(String fileName, String where, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
            throw new ConfigurationException(fileName + ": " + where + " is missing field '" + field + "'");
        }
        return value.asText();
    }

    private static LocalDate date(String fileName, String where, JsonNode node, String field) {
        String text = requiredText(fileName, where, node, field);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ConfigurationException(fileName + ": " + where + " field '" + field + "' is not a date yyyy-MM-dd: '"
                    + text + "'", e);
        }
    }

    private static int integer(String fileName, String where, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new ConfigurationException(fileName + ": " + where + " field '" + field + "' is missing or not a whole number");
        }
        return value.asInt();
    }
}
