package dev.aihq.imports.bank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Classifies bank transactions by ordered rules: the first rule that matches gives the category, and a
 * transaction no rule matches is {@link BankCategory#UNMATCHED}. Immutable and thread-safe.
 *
 * <p>{@link #defaults()} are heuristics, not a verified list: marketplace payouts in from Kaspi
 * (АО «Kaspi Bank», Kaspi.kz), Wildberries (ООО «Вайлдберриз», RWB) and Ozon (ООО «Интернет Решения»), then
 * Russian and Kazakh purpose keywords for delivery, bank fees, commission and other expenses (rent,
 * advertising, salaries, ...). Taxes, supplier payments and transfers between own accounts stay unmatched on
 * purpose: they are not the costs these categories hold. Check the unmatched list of each import, and put your
 * own rules first with {@link #withRulesFirst(List)} or replace them with {@link #of(List)}.
 */
public final class BankClassifier {

    private static final String DEFAULTS = "default-rules.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<BankRule> rules;

    private BankClassifier(List<BankRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Creates a classifier of the given rules, in order.
     *
     * @param rules the rules, first match wins
     * @return the classifier
     */
    public static BankClassifier of(List<BankRule> rules) {
        return new BankClassifier(Objects.requireNonNull(rules, "rules"));
    }

    /**
     * Returns the shipped heuristic rules ({@code default-rules.json} of this package).
     *
     * @return the classifier
     */
    public static BankClassifier defaults() {
        try (InputStream in = BankClassifier.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + DEFAULTS + " is missing from hq-import");
            }
            return fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads rules from JSON: {@code {"rules": [{"name", "category", "direction"?, "counterparty"?: [...],
     * "taxIds"?: [...], "purposeKeywords"?: [...], "purposePattern"?}]}}, in order.
     *
     * @param in the JSON in UTF-8; not closed
     * @return the classifier
     * @throws IOException when reading fails
     * @throws IllegalArgumentException naming the rule when one is malformed
     */
    public static BankClassifier fromJson(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        JsonNode list = root == null ? null : root.get("rules");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("bank rules JSON needs a \"rules\" array");
        }
        List<BankRule> rules = new ArrayList<>();
        for (JsonNode node : list) {
            String name = node.path("name").asText("");
            String category = node.path("category").asText("");
            BankRule.Builder rule;
            try {
                rule = BankRule.builder(name, BankCategory.valueOf(category.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bank rule «" + name + "»: unknown category «" + category
                        + "»", e);
            }
            String direction = node.path("direction").asText("");
            if (!direction.isBlank()) {
                rule.direction(BankDirection.valueOf(direction.strip().toUpperCase(Locale.ROOT)));
            }
            rule.counterparty(texts(node, "counterparty"));
            rule.taxId(texts(node, "taxIds"));
            rule.purposeKeyword(texts(node, "purposeKeywords"));
            rule.purposePattern(node.path("purposePattern").asText(null));
            rules.add(rule.build());
        }
        return new BankClassifier(rules);
    }

    private static String[] texts(JsonNode node, String field) {
        List<String> texts = new ArrayList<>();
        node.path(field).forEach(value -> texts.add(value.asText()));
        return texts.toArray(String[]::new);
    }

    /**
     * Returns a classifier that tries the given rules before these.
     *
     * @param first the rules to try first
     * @return the classifier
     */
    public BankClassifier withRulesFirst(List<BankRule> first) {
        List<BankRule> all = new ArrayList<>(first);
        all.addAll(rules);
        return new BankClassifier(all);
    }

    /**
     * Returns the rules in order.
     *
     * @return the rules
     */
    public List<BankRule> rules() {
        return rules;
    }

    /**
     * Classifies a transaction.
     *
     * @param transaction the transaction
     * @return the first matching rule's category and name, or {@link BankCategory#UNMATCHED} without a rule
     */
    public BankClassification classify(BankTransaction transaction) {
        Objects.requireNonNull(transaction, "transaction");
        for (BankRule rule : rules) {
            if (rule.matches(transaction)) {
                return new BankClassification(rule.category(), rule.name());
            }
        }
        return new BankClassification(BankCategory.UNMATCHED, null);
    }
}
