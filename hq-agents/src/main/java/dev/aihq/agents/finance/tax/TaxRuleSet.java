package dev.aihq.agents.finance.tax;

import dev.aihq.api.error.ConfigurationException;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rule data of one country for one tax year, read from one file by {@link TaxRules}.
 *
 * @param country {@code KZ} or {@code RU}
 * @param taxYear the tax year
 * @param currency the currency of the amounts
 * @param fileName the file it was read from, for messages
 * @param rules the rules by key
 */
public record TaxRuleSet(String country, int taxYear, Currency currency, String fileName, Map<String, TaxRule> rules) {

    /** Copies the rules. */
    public TaxRuleSet {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(fileName, "file name");
        rules = Map.copyOf(rules);
    }

    /**
     * Returns a rule the engine needs.
     *
     * @param key the rule's key
     * @return the rule
     * @throws ConfigurationException naming the file and key when the data lacks it
     */
    public TaxRule rule(String key) {
        TaxRule rule = rules.get(key);
        if (rule == null) {
            throw new ConfigurationException(fileName + ": rule '" + key + "' is missing for " + country + " " + taxYear);
        }
        return rule;
    }

    /**
     * Returns a rule that only some years have (a progressive bracket, a maslikhat band).
     *
     * @param key the rule's key
     * @return the rule, or empty
     */
    public Optional<TaxRule> find(String key) {
        return Optional.ofNullable(rules.get(key));
    }
}
