package dev.aihq.imports.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.annotation.Nullable;

/**
 * One classification rule: when a transaction matches, it gets the rule's category. A transaction matches when
 * <ul>
 *   <li>its direction is the rule's (by default the category's: payouts in, expenses out, any for
 *       {@link BankCategory#UNMATCHED}),</li>
 *   <li>where the rule names counterparties or tax ids, the counterparty's name contains one of the names or
 *       its tax id equals one of the ids, and</li>
 *   <li>where the rule names purpose keywords or a pattern, the purpose contains one of the keywords or the
 *       pattern finds a match in it.</li>
 * </ul>
 * Texts are compared without case, quotes, the difference of {@code ё} and {@code е}, or extra spaces. A rule
 * needs at least one counterparty, tax id, keyword or pattern.
 */
public final class BankRule {

    private final String name;
    private final BankCategory category;
    @Nullable
    private final BankDirection direction;
    private final List<String> counterparties;
    private final List<String> taxIds;
    private final List<String> purposeKeywords;
    @Nullable
    private final Pattern purposePattern;

    private BankRule(Builder b) {
        this.name = b.name;
        this.category = b.category;
        this.direction = b.direction == null ? b.category.direction() : b.direction;
        this.counterparties = b.counterparties.stream().map(BankValues::normalize).toList();
        this.taxIds = b.taxIds.stream().map(BankValues::account).toList();
        this.purposeKeywords = b.purposeKeywords.stream().map(BankValues::normalize).toList();
        this.purposePattern = b.purposePattern;
    }

    /**
     * Starts a rule.
     *
     * @param name the rule's name, reported with what it matched
     * @param category the category it gives
     * @return a builder
     */
    public static Builder builder(String name, BankCategory category) {
        return new Builder(name, category);
    }

    /**
     * Returns the rule's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the category the rule gives.
     *
     * @return the category
     */
    public BankCategory category() {
        return category;
    }

    /**
     * Returns the direction the rule matches.
     *
     * @return the direction, or {@code null} for any
     */
    @Nullable
    public BankDirection direction() {
        return direction;
    }

    /**
     * Tells whether a transaction matches.
     *
     * @param transaction the transaction
     * @return {@code true} when it matches
     */
    public boolean matches(BankTransaction transaction) {
        Objects.requireNonNull(transaction, "transaction");
        if (direction != null && transaction.direction() != direction) {
            return false;
        }
        if ((!counterparties.isEmpty() || !taxIds.isEmpty()) && !counterpartyMatches(transaction)) {
            return false;
        }
        return (purposeKeywords.isEmpty() && purposePattern == null) || purposeMatches(transaction.purpose());
    }

    private boolean counterpartyMatches(BankTransaction transaction) {
        String counterparty = BankValues.normalize(transaction.counterparty());
        for (String wanted : counterparties) {
            if (counterparty.contains(wanted)) {
                return true;
            }
        }
        String taxId = transaction.counterpartyTaxId();
        return taxId != null && taxIds.contains(BankValues.account(taxId));
    }

    private boolean purposeMatches(String purpose) {
        String text = BankValues.normalize(purpose);
        for (String keyword : purposeKeywords) {
            if (text.contains(keyword)) {
                return true;
            }
        }
        return purposePattern != null && purposePattern.matcher(text).find();
    }

    @Override
    public String toString() {
        return "BankRule[" + name + " → " + category + "]";
    }

    /** Builds a {@link BankRule}. */
    public static final class Builder {

        private final String name;
        private final BankCategory category;
        @Nullable
        private BankDirection direction;
        private final List<String> counterparties = new ArrayList<>();
        private final List<String> taxIds = new ArrayList<>();
        private final List<String> purposeKeywords = new ArrayList<>();
        @Nullable
        private Pattern purposePattern;

        private Builder(String name, BankCategory category) {
            this.name = Objects.requireNonNull(name, "name").strip();
            this.category = Objects.requireNonNull(category, "category");
            if (this.name.isEmpty()) {
                throw new IllegalArgumentException("a bank rule needs a name");
            }
        }

        /**
         * Sets the direction; it must be the category's where the category has one.
         *
         * @param direction the direction, or {@code null} for the category's
         * @return this builder
         */
        public Builder direction(@Nullable BankDirection direction) {
            this.direction = direction;
            return this;
        }

        /**
         * Adds counterparty names, any of which the counterparty's name may contain.
         *
         * @param names the names
         * @return this builder
         */
        public Builder counterparty(String... names) {
            add(counterparties, names);
            return this;
        }

        /**
         * Adds tax ids (ИНН, БИН/ИИН), any of which the counterparty's may equal.
         *
         * @param ids the ids
         * @return this builder
         */
        public Builder taxId(String... ids) {
            add(taxIds, ids);
            return this;
        }

        /**
         * Adds purpose keywords, any of which the purpose may contain.
         *
         * @param keywords the keywords
         * @return this builder
         */
        public Builder purposeKeyword(String... keywords) {
            add(purposeKeywords, keywords);
            return this;
        }

        /**
         * Sets a regular expression searched in the purpose (lower case, single spaces), ignoring case.
         *
         * @param regex the expression, or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException when it is not a valid expression
         */
        public Builder purposePattern(@Nullable String regex) {
            if (regex == null || regex.isBlank()) {
                this.purposePattern = null;
                return this;
            }
            try {
                this.purposePattern = Pattern.compile(regex,
                        Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("bank rule " + name + ": invalid purpose pattern: "
                        + e.getDescription(), e);
            }
            return this;
        }

        /**
         * Builds the rule.
         *
         * @return the rule
         * @throws IllegalArgumentException when it has no condition, or a direction other than its category's
         */
        public BankRule build() {
            if (counterparties.isEmpty() && taxIds.isEmpty() && purposeKeywords.isEmpty() && purposePattern == null) {
                throw new IllegalArgumentException("bank rule " + name + " needs a counterparty, tax id, purpose "
                        + "keyword or purpose pattern");
            }
            if (direction != null && category.direction() != null && direction != category.direction()) {
                throw new IllegalArgumentException("bank rule " + name + ": a " + category + " is money "
                        + category.direction() + ", not " + direction);
            }
            return new BankRule(this);
        }

        private void add(List<String> list, String... values) {
            for (String value : values) {
                String stripped = BankValues.blankToNull(Objects.requireNonNull(value, "value"));
                if (stripped != null) {
                    list.add(stripped);
                }
            }
        }
    }
}
