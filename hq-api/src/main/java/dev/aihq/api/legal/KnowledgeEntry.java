package dev.aihq.api.legal;

import dev.aihq.api.Marketplace;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * One short, sourced passage of the knowledge base: a marketplace rule, an article of law, or a document
 * of the shop's own (its contract, the marketplace's earlier answers).
 *
 * <p>An entry without a marketplace is law (or another rule of the jurisdiction as a whole) and applies to
 * every shop of that jurisdiction, whatever its marketplace.
 *
 * @param ruleId        stable identifier as the legal reference names it, e.g. {@code KZ.CPL.30.1} or
 *                      {@code KASPI.DELIVERY.CLAIM}; 1–64 characters without whitespace
 * @param title         a short human title
 * @param jurisdiction  the country whose law or marketplace the entry belongs to, ISO 3166 alpha-2 upper
 *                      case ({@code KZ}, {@code RU})
 * @param marketplace   the marketplace the rule is about, or {@code null} for law
 * @param sourceUrl     where the rule was read (a URL, or for a shop's document any reference the
 *                      integrator uses)
 * @param status        how well the entry is sourced
 * @param effectiveFrom first day the rule applies, or {@code null} if not known or always
 * @param effectiveTo   last day the rule applies, or {@code null} if it still applies
 * @param text          the passage itself, one to a few sentences
 * @param keywords      extra search words (synonyms, the marketplace's own terms); may be empty
 */
public record KnowledgeEntry(
        String ruleId,
        String title,
        String jurisdiction,
        @Nullable Marketplace marketplace,
        String sourceUrl,
        LegalSourceStatus status,
        @Nullable LocalDate effectiveFrom,
        @Nullable LocalDate effectiveTo,
        String text,
        List<String> keywords) {

    private static final Pattern RULE_ID = Pattern.compile("\\S{1,64}");
    private static final Pattern JURISDICTION = Pattern.compile("[A-Z]{2}");

    /** Validates the fields: non-blank texts, the formats above, and {@code effectiveTo} not before {@code effectiveFrom}. */
    public KnowledgeEntry {
        Objects.requireNonNull(ruleId, "ruleId");
        if (!RULE_ID.matcher(ruleId).matches()) {
            throw new IllegalArgumentException("rule id must be 1-64 characters without whitespace, got '" + ruleId + "'");
        }
        requireText(title, "title", ruleId);
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        if (!JURISDICTION.matcher(jurisdiction).matches()) {
            throw new IllegalArgumentException(ruleId + ": jurisdiction must be two upper-case letters, got '"
                    + jurisdiction + "'");
        }
        requireText(sourceUrl, "sourceUrl", ruleId);
        Objects.requireNonNull(status, ruleId + ": status");
        requireText(text, "text", ruleId);
        if (effectiveFrom != null && effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException(ruleId + ": effectiveTo " + effectiveTo + " is before effectiveFrom "
                    + effectiveFrom);
        }
        keywords = List.copyOf(Objects.requireNonNull(keywords, "keywords"));
    }

    /**
     * Tells whether the entry is law of its jurisdiction rather than a marketplace's rule.
     *
     * @return {@code true} when the entry has no marketplace
     */
    public boolean isLaw() {
        return marketplace == null;
    }

    /**
     * Tells whether the entry applies on a day, by its effective dates (an open end applies).
     *
     * @param day the day
     * @return {@code true} if {@code day} lies within {@code [effectiveFrom, effectiveTo]}
     */
    public boolean isEffectiveOn(LocalDate day) {
        return (effectiveFrom == null || !day.isBefore(effectiveFrom))
                && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    private static void requireText(@Nullable String value, String field, String ruleId) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(ruleId + ": " + field + " must not be blank");
        }
    }
}
