package dev.aihq.agents.legal.rules;

import dev.aihq.api.legal.LegalSourceStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.event.LegalEventType;
import dev.aihq.api.result.RiskLevel;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The legal rule data: the rules with their status and source, the scenarios per (event type, marketplace,
 * jurisdiction) and the risk and must-not settings, read from {@code legal-rules.json}.
 *
 * <p>A scenario names its rules, its deadline ({@code unit} {@code hours}, {@code calendar_days},
 * {@code business_days}, {@code years} or {@code internal}; {@code amount}; the event dates it counts {@code from},
 * first present wins; an optional {@code cap} date), whether contesting is possible in principle ({@code yes},
 * {@code no}, {@code partial}, {@code not_determined} or {@code proper_quality_return}, decided from the window
 * and exception list of {@code window_rule}), its risk floor and what raises it, and its template. Validation fails
 * the file with a {@link ConfigurationException} naming the file and the problem: a deadline on an unconfirmed rule,
 * an official period on an internal rule, an unknown rule id or template. Immutable and thread-safe.
 */
public final class LegalRuleBook {

    /** The shipped data file, next to this class. */
    public static final String SHIPPED_FILE = "legal-rules.json";

    static final Set<String> UNITS = Set.of("hours", "calendar_days", "business_days", "years", "internal");
    static final Set<String> CONTEST = Set.of("yes", "no", "partial", "not_determined", "proper_quality_return");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static volatile @Nullable LegalRuleBook shipped;

    private final String version;
    private final Map<String, Rule> rules;
    private final List<Scenario> scenarios;
    private final Map<String, RiskLevel> measureRisk;
    private final List<String> counterfeitKeywords;
    private final String pointsStat;
    private final Pattern pointsPattern;
    private final int shortDeadlineHours;
    private final String orderValueStat;
    private final Map<String, String> mustNot;
    private final Map<String, Integer> internalTargets;

    /** A rule of the data. */
    record Rule(AppliedRule applied, @Nullable Integer windowDays, List<WindowException> exceptions,
            @Nullable LocalDate effectiveFrom, Map<String, BigDecimal> compensationPercent) {}

    /** An exception to a return window, with the words that recognise it in a product name. */
    record WindowException(String item, List<String> keywords) {}

    /** A deadline of a scenario. */
    record Deadline(String ruleId, String unit, int amount, List<String> from, @Nullable String cap) {}

    /** A repeat rule: this many earlier measures within the window raise the risk. */
    record Repeat(int windowDays, int minPrior, RiskLevel to, String note) {}

    /** The rule layer for one (event type, marketplace, jurisdiction), optionally narrowed by delivery facts. */
    record Scenario(LegalEventType eventType, String marketplace, String jurisdiction, Map<String, JsonNode> when,
            List<String> rules, Deadline deadline, String canContest, @Nullable String windowRule,
            List<String> windowFrom, List<String> windowTo, RiskLevel riskFloor, String template,
            @Nullable String defectTemplate, @Nullable Repeat repeat, @Nullable Integer pointsThreshold,
            @Nullable Integer orderValueFactor, List<String> notes, List<String> contextRules, List<String> context) {}

    private LegalRuleBook(String version, Map<String, Rule> rules, List<Scenario> scenarios,
            Map<String, RiskLevel> measureRisk, List<String> counterfeitKeywords, String pointsStat,
            Pattern pointsPattern, int shortDeadlineHours, String orderValueStat, Map<String, String> mustNot,
            Map<String, Integer> internalTargets) {
        this.version = version;
        this.rules = rules;
        this.scenarios = scenarios;
        this.measureRisk = measureRisk;
        this.counterfeitKeywords = counterfeitKeywords;
        this.pointsStat = pointsStat;
        this.pointsPattern = pointsPattern;
        this.shortDeadlineHours = shortDeadlineHours;
        this.orderValueStat = orderValueStat;
        this.mustNot = mustNot;
        this.internalTargets = internalTargets;
    }

    /**
     * Returns the shipped rule data, read once.
     *
     * @return the rule book
     * @throws ConfigurationException when the shipped file is missing or invalid
     */
    public static LegalRuleBook shipped() {
        LegalRuleBook book = shipped;
        if (book == null) {
            try (InputStream in = LegalRuleBook.class.getResourceAsStream(SHIPPED_FILE)) {
                if (in == null) {
                    throw new ConfigurationException("legal rule file " + SHIPPED_FILE + " is missing from the classpath");
                }
                book = parse(SHIPPED_FILE, in);
            } catch (IOException e) {
                throw new ConfigurationException("cannot read legal rule file " + SHIPPED_FILE, e);
            }
            shipped = book;
        }
        return book;
    }

    /**
     * Reads rule data.
     *
     * @param fileName the file's name, for messages
     * @param in its content (UTF-8 JSON); not closed
     * @return the rule book
     * @throws ConfigurationException naming the file and the first problem
     */
    public static LegalRuleBook parse(String fileName, InputStream in) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new ConfigurationException("legal rule file " + fileName + " is not valid JSON: " + e.getMessage(), e);
        }
        try {
            return read(root);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigurationException("legal rule file " + fileName + ": " + e.getMessage(), e);
        }
    }

    private static LegalRuleBook read(JsonNode root) {
        String version = text(root, "version");
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (JsonNode r : array(root, "rules")) {
            String id = text(r, "id");
            LegalSourceStatus status = LegalSourceStatus.fromWire(text(r, "status"));
            String url = r.path("url").asText("");
            if (status != LegalSourceStatus.UNCONFIRMED && !url.startsWith("http")) {
                throw new IllegalArgumentException("rule " + id + " needs a source url");
            }
            List<WindowException> exceptions = new ArrayList<>();
            for (JsonNode e : r.path("exceptions")) {
                exceptions.add(new WindowException(text(e, "item"), strings(e.path("keywords"))));
            }
            Integer window = r.has("window_days") ? r.get("window_days").asInt() : null;
            LocalDate from = r.has("effective_from") ? LocalDate.parse(r.get("effective_from").asText()) : null;
            Map<String, BigDecimal> compensation = new HashMap<>();
            r.path("compensation_percent").fields().forEachRemaining(e -> {
                BigDecimal percent = e.getValue().decimalValue();
                if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw new IllegalArgumentException("rule " + id + ": compensation percent must be in (0, 100]");
                }
                compensation.put(e.getKey(), percent);
            });
            if (rules.put(id, new Rule(new AppliedRule(id, status, url, text(r, "title")), window,
                    List.copyOf(exceptions), from, Map.copyOf(compensation))) != null) {
                throw new IllegalArgumentException("rule " + id + " is listed twice");
            }
        }
        List<String> templates = strings(root.path("templates"));
        List<Scenario> scenarios = new ArrayList<>();
        for (JsonNode s : array(root, "scenarios")) {
            scenarios.add(scenario(s, rules, templates));
        }
        JsonNode risk = root.path("risk");
        Map<String, RiskLevel> measureRisk = new HashMap<>();
        risk.path("measures").fields().forEachRemaining(e -> measureRisk.put(e.getKey(), level(e.getValue().asText())));
        Map<String, String> mustNot = new HashMap<>();
        root.path("must_not").fields().forEachRemaining(e -> mustNot.put(e.getKey(), e.getValue().asText()));
        Map<String, Integer> targets = new HashMap<>();
        root.path("internal_targets").fields().forEachRemaining(e -> {
            if (e.getValue().asInt() < 1) {
                throw new IllegalArgumentException("internal target of " + e.getKey() + " must be at least one day");
            }
            targets.put(e.getKey(), e.getValue().asInt());
        });
        int shortHours = risk.path("short_deadline_hours").asInt(0);
        if (shortHours < 1) {
            throw new IllegalArgumentException("risk.short_deadline_hours must be a positive number of hours");
        }
        if (!targets.containsKey("*")) {
            throw new IllegalArgumentException("internal_targets needs a '*' default");
        }
        return new LegalRuleBook(version, Map.copyOf(rules), List.copyOf(scenarios), Map.copyOf(measureRisk),
                strings(risk.path("counterfeit_keywords")), text(risk, "points_stat"),
                Pattern.compile(text(risk, "points_pattern"), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                shortHours, text(risk, "order_value_stat"), Map.copyOf(mustNot), Map.copyOf(targets));
    }

    private static Scenario scenario(JsonNode s, Map<String, Rule> rules, List<String> templates) {
        LegalEventType type = LegalEventType.fromWire(text(s, "event_type"));
        String where = type.wireValue() + "/" + text(s, "marketplace") + "/" + text(s, "jurisdiction");
        List<String> ids = strings(s.path("rules"));
        for (String id : ids) {
            Rule r = requireRule(rules, id, where);
            if (r.applied().status() == LegalSourceStatus.UNCONFIRMED) {
                throw new IllegalArgumentException(where + ": unconfirmed rule " + id + " may only be context");
            }
        }
        List<String> contextRules = strings(s.path("context_rules"));
        for (String id : contextRules) {
            if (requireRule(rules, id, where).applied().status() != LegalSourceStatus.UNCONFIRMED) {
                throw new IllegalArgumentException(where + ": context rule " + id + " must be unconfirmed");
            }
        }
        JsonNode d = s.path("deadline");
        String unit = text(d, "unit");
        if (!UNITS.contains(unit)) {
            throw new IllegalArgumentException(where + ": unknown deadline unit '" + unit + "'");
        }
        String deadlineRule = text(d, "rule");
        LegalSourceStatus status = requireRule(rules, deadlineRule, where).applied().status();
        if (!ids.contains(deadlineRule)) {
            throw new IllegalArgumentException(where + ": deadline rule " + deadlineRule + " is not among its rules");
        }
        if (unit.equals("internal") != (status == LegalSourceStatus.INTERNAL)) {
            throw new IllegalArgumentException(where + ": an internal target needs an internal rule and only it");
        }
        int amount = d.path("amount").asInt(0);
        if (!unit.equals("internal") && amount < 1) {
            throw new IllegalArgumentException(where + ": deadline needs a positive amount");
        }
        String contest = text(s, "can_contest");
        if (!CONTEST.contains(contest)) {
            throw new IllegalArgumentException(where + ": unknown can_contest '" + contest + "'");
        }
        String windowRule = s.has("window_rule") ? s.get("window_rule").asText() : null;
        if (contest.equals("proper_quality_return")
                && (windowRule == null || requireRule(rules, windowRule, where).windowDays() == null)) {
            throw new IllegalArgumentException(where + ": proper_quality_return needs a window_rule with window_days");
        }
        String template = text(s, "template");
        String defectTemplate = s.has("defect_template") ? s.get("defect_template").asText() : null;
        if (!templates.contains(template) || (defectTemplate != null && !templates.contains(defectTemplate))) {
            throw new IllegalArgumentException(where + ": unknown template");
        }
        Repeat repeat = null;
        if (s.has("repeat")) {
            JsonNode r = s.get("repeat");
            repeat = new Repeat(r.path("window_days").asInt(), r.path("min_prior").asInt(), level(text(r, "to")),
                    text(r, "note"));
            if (repeat.windowDays() < 1 || repeat.minPrior() < 1) {
                throw new IllegalArgumentException(where + ": repeat needs a window and a count");
            }
        }
        Map<String, JsonNode> when = new LinkedHashMap<>();
        s.path("when").fields().forEachRemaining(e -> when.put(e.getKey(), e.getValue()));
        for (Map.Entry<String, JsonNode> c : when.entrySet()) {
            boolean valid = switch (c.getKey()) {
                case "delivery", "damage_mark" -> c.getValue().isBoolean();
                case "delivery_type" -> c.getValue().isTextual();
                case "reason_keywords" -> c.getValue().isArray() && !c.getValue().isEmpty();
                default -> false;
            };
            if (!valid) {
                throw new IllegalArgumentException(where + ": condition '" + c.getKey() + "' is unknown or malformed"
                        + " (delivery, damage_mark: true/false; delivery_type: text; reason_keywords: words)");
            }
        }
        return new Scenario(type, text(s, "marketplace"), text(s, "jurisdiction"), Map.copyOf(when), ids,
                new Deadline(deadlineRule, unit, amount, strings(d.path("from")),
                        d.has("cap") ? d.get("cap").asText() : null),
                contest, windowRule, strings(s.path("window_from")), strings(s.path("window_to")),
                level(text(s, "risk_floor")), template, defectTemplate, repeat,
                s.has("points_threshold") ? s.get("points_threshold").asInt() : null,
                s.has("order_value_factor") ? s.get("order_value_factor").asInt() : null,
                strings(s.path("notes")), contextRules, strings(s.path("context")));
    }

    private static Rule requireRule(Map<String, Rule> rules, String id, String where) {
        Rule r = rules.get(id);
        if (r == null) {
            throw new IllegalArgumentException(where + ": unknown rule id " + id);
        }
        return r;
    }

    private static RiskLevel level(String value) {
        return RiskLevel.valueOf(value.toUpperCase(Locale.ROOT));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("missing text field '" + field + "'");
        }
        return v.asText();
    }

    private static JsonNode array(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException("missing array '" + field + "'");
        }
        return v;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    /**
     * Returns the data version.
     *
     * @return e.g. {@code 2026-03}
     */
    public String version() {
        return version;
    }

    /**
     * Returns a rule by id.
     *
     * @param id the id
     * @return the rule with status and source, or {@code null} when unknown
     */
    public @Nullable AppliedRule rule(String id) {
        Rule r = rules.get(id);
        return r == null ? null : r.applied();
    }

    Rule ruleData(String id) {
        return rules.get(id);
    }

    List<Scenario> scenarios() {
        return scenarios;
    }

    @Nullable RiskLevel measureRisk(String measureType) {
        return measureRisk.get(measureType.toLowerCase(Locale.ROOT));
    }

    List<String> counterfeitKeywords() {
        return counterfeitKeywords;
    }

    String pointsStat() {
        return pointsStat;
    }

    Pattern pointsPattern() {
        return pointsPattern;
    }

    int shortDeadlineHours() {
        return shortDeadlineHours;
    }

    String orderValueStat() {
        return orderValueStat;
    }

    String mustNotText(String id) {
        String t = mustNot.get(id);
        if (t == null) {
            throw new ConfigurationException("legal rule data has no must-not text '" + id + "'");
        }
        return t;
    }

    int defaultInternalDays(String marketplace) {
        return internalTargets.getOrDefault(marketplace, internalTargets.get("*"));
    }
}
