package dev.aihq.agents.finance.tax;

import dev.aihq.api.error.ConfigurationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One value of the rule data: a rate, threshold, index, policy or deadline, with where it comes from.
 *
 * @param key the name the engine asks for, e.g. {@code simplified.rate_percent}
 * @param ruleId the stable id shown in assessments, e.g. {@code kz.2026.910.rate}
 * @param value the value as text (a decimal for keys ending in {@code _percent}, {@code _share}, {@code _mrp},
 *     {@code _rub}, {@code _kzt}, {@code .scale} or {@code _days}), or {@code null} for a deadline
 * @param due the deadline, or {@code null} for a value
 * @param effectiveFrom the first day the value applies
 * @param effectiveTo the last day the value applies
 * @param source the legal source: an article, a URL, or both
 * @param status whether the source confirms it
 * @param note what an unconfirmed value assumes, in words for the reader; may be {@code null} for confirmed ones
 */
public record TaxRule(
        String key,
        String ruleId,
        @Nullable String value,
        @Nullable DueRule due,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        String source,
        RuleStatus status,
        @Nullable String note) {

    /** Requires exactly one of value and deadline, and an effective range in order. */
    public TaxRule {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(ruleId, "rule id");
        Objects.requireNonNull(effectiveFrom, "effective from");
        Objects.requireNonNull(effectiveTo, "effective to");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        if ((value == null) == (due == null)) {
            throw new IllegalArgumentException("rule " + key + " needs either a value or a deadline");
        }
        if (effectiveTo.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException("rule " + key + " ends before it starts");
        }
    }

    /**
     * Returns the value as a decimal.
     *
     * @return the value
     * @throws ConfigurationException when the rule holds a deadline or text
     */
    public BigDecimal decimal() {
        if (value == null) {
            throw new ConfigurationException("rule " + key + " (" + ruleId + ") is a deadline, not a number");
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("rule " + key + " (" + ruleId + ") is not a number: '" + value + "'", e);
        }
    }

    /**
     * Returns the value as text.
     *
     * @return the value
     * @throws ConfigurationException when the rule holds a deadline
     */
    public String text() {
        if (value == null) {
            throw new ConfigurationException("rule " + key + " (" + ruleId + ") is a deadline, not a value");
        }
        return value;
    }

    /**
     * Returns the deadline.
     *
     * @return the deadline
     * @throws ConfigurationException when the rule holds a value
     */
    public DueRule deadline() {
        if (due == null) {
            throw new ConfigurationException("rule " + key + " (" + ruleId + ") is a value, not a deadline");
        }
        return due;
    }

    /**
     * Describes the rule as an assumption for the reader.
     *
     * @return e.g. {@code [kz.2026.rounding-half-up] the half-way rule … (source: …)}
     */
    public String asAssumption() {
        return "[" + ruleId + "] " + (note == null ? key + " = " + (value == null ? due : value) : note)
                + " (source: " + source + ")";
    }
}
