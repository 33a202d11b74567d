package dev.aihq.api.connector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The messaging rules a marketplace sets for one shop, in the order the connector declared them. A
 * marketplace with no known rules, or a shop whose marketplace has no connector, has {@link #none()}.
 *
 * @param rules the rules; ids are unique
 */
public record MessagingRules(List<MessagingRule> rules) {

    private static final MessagingRules NONE = new MessagingRules(List.of());

    /** Copies the list; two rules may not share an id. */
    public MessagingRules {
        rules = List.copyOf(rules);
        Map<String, MessagingRule> byId = new LinkedHashMap<>();
        for (MessagingRule rule : rules) {
            if (byId.put(rule.id(), rule) != null) {
                throw new IllegalArgumentException("messaging rule id " + rule.id() + " appears twice");
            }
        }
    }

    /**
     * Returns no rules.
     *
     * @return the empty rules
     */
    public static MessagingRules none() {
        return NONE;
    }

    /**
     * Returns the given rules.
     *
     * @param rules the rules, with unique ids
     * @return the rules
     */
    public static MessagingRules of(MessagingRule... rules) {
        return new MessagingRules(List.of(rules));
    }

    /**
     * Tells whether there are no rules.
     *
     * @return {@code true} when empty
     */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * Finds a rule by id.
     *
     * @param id the id
     * @return the rule, or empty
     */
    public Optional<MessagingRule> find(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * Returns the rules of one kind.
     *
     * @param kind the kind
     * @return those rules, in order
     */
    public List<MessagingRule> ofKind(MessagingRuleKind kind) {
        return rules.stream().filter(r -> r.kind() == kind).toList();
    }

    /**
     * Returns these rules followed by another set's, e.g. when two connectors serve one marketplace. A rule
     * equal to one already here is kept once.
     *
     * @param other the other rules
     * @return the combined rules
     * @throws IllegalArgumentException when the sets have different rules under one id
     */
    public MessagingRules and(MessagingRules other) {
        Objects.requireNonNull(other, "other");
        List<MessagingRule> combined = new ArrayList<>(rules);
        for (MessagingRule rule : other.rules) {
            Optional<MessagingRule> same = find(rule.id());
            if (same.isEmpty()) {
                combined.add(rule);
            } else if (!same.get().equals(rule)) {
                throw new IllegalArgumentException("messaging rule id " + rule.id() + " is declared twice,"
                        + " differently");
            }
        }
        return new MessagingRules(combined);
    }
}
