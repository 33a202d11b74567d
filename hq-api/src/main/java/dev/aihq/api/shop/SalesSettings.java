package dev.aihq.api.shop;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a shop's sales agent chooses and sends offers: which categories go together, what counts as a
 * consumable, how far a pricier analogue may go, how many candidates the model sees, what the shop really
 * promises, the timing of review requests, consent and held drafts, and the phrases it never wants written.
 *
 * <p>Build with {@link #builder()}; {@link #defaults()} gives the values of a new shop.
 *
 * @param complementaryCategories for a category bought, the categories that go with it (a phone → cases,
 *     chargers); in order of preference
 * @param consumableCategories for a category bought, the categories of its consumables (a printer →
 *     cartridges; a coffee machine → coffee beans)
 * @param repeatPurchaseCategories categories whose products are used up and bought again (shampoo,
 *     detergent): a repeat offer may propose the same product or a pricier analogue of it
 * @param analoguePriceBandPercent how much pricier than the bought item an analogue in the same category may
 *     be, in percent (0–1000)
 * @param maxCandidates how many ranked candidates the model sees (1–20)
 * @param promises what the shop really offers beyond product and price; a message promising anything else
 *     is rejected
 * @param holdRejectedForReview when a draft is rejected by the guard after its repair attempt: {@code true}
 *     holds it for a person to review, {@code false} sends the shop's template instead
 * @param reviewRequestDelay when the source reports no delivery, how long after the purchase the review
 *     request goes (positive)
 * @param consentExpiry how long an offer waits for the customer's answer to the consent question before it
 *     is dropped (positive)
 * @param reviewOfferGap the least time between the review request and the offer about one order, so the
 *     customer never gets both at once (zero or positive)
 * @param forbiddenPhrases words and phrases the shop never wants in a message to a customer (a competitor's
 *     name, a word its brand avoids); the sales guard refuses a message containing one, matched as whole
 *     words, ignoring case and ё/е. At most {@value #MAX_FORBIDDEN_PHRASES}, each not blank and at most
 *     {@value #MAX_FORBIDDEN_PHRASE_LENGTH} characters; kept stripped of surrounding spaces
 */
public record SalesSettings(
        Map<String, List<String>> complementaryCategories,
        Map<String, List<String>> consumableCategories,
        Set<String> repeatPurchaseCategories,
        BigDecimal analoguePriceBandPercent,
        int maxCandidates,
        Set<ShopPromise> promises,
        boolean holdRejectedForReview,
        Duration reviewRequestDelay,
        Duration consentExpiry,
        Duration reviewOfferGap,
        Set<String> forbiddenPhrases) {

    /** The most candidates a model may see. */
    public static final int MAX_CANDIDATES = 20;
    /** The most forbidden phrases a shop may set; every message is checked against each. */
    public static final int MAX_FORBIDDEN_PHRASES = 200;
    /** The longest forbidden phrase, in characters. */
    public static final int MAX_FORBIDDEN_PHRASE_LENGTH = 100;

    /** Validates ranges and copies collections. */
    public SalesSettings {
        complementaryCategories = copy(complementaryCategories, "complementary categories");
        consumableCategories = copy(consumableCategories, "consumable categories");
        repeatPurchaseCategories = Set.copyOf(repeatPurchaseCategories);
        promises = promises.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(promises));
        Objects.requireNonNull(analoguePriceBandPercent, "analogue price band");
        if (analoguePriceBandPercent.signum() < 0 || analoguePriceBandPercent.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new IllegalArgumentException("analogue price band must be within 0-1000 percent, got "
                    + analoguePriceBandPercent);
        }
        if (maxCandidates < 1 || maxCandidates > MAX_CANDIDATES) {
            throw new IllegalArgumentException("max candidates must be 1-" + MAX_CANDIDATES + ", got " + maxCandidates);
        }
        requirePositive("review request delay", reviewRequestDelay);
        requirePositive("consent expiry", consentExpiry);
        Objects.requireNonNull(reviewOfferGap, "review offer gap");
        if (reviewOfferGap.isNegative()) {
            throw new IllegalArgumentException("review offer gap must not be negative, got " + reviewOfferGap);
        }
        forbiddenPhrases = phrases(forbiddenPhrases);
    }

    private static Set<String> phrases(Set<String> phrases) {
        Objects.requireNonNull(phrases, "forbidden phrases");
        Set<String> stripped = new LinkedHashSet<>();
        for (String phrase : phrases) {
            if (phrase == null || phrase.isBlank()) {
                throw new IllegalArgumentException("a forbidden phrase must not be blank");
            }
            String p = phrase.strip();
            if (p.length() > MAX_FORBIDDEN_PHRASE_LENGTH) {
                throw new IllegalArgumentException("a forbidden phrase must be at most " + MAX_FORBIDDEN_PHRASE_LENGTH
                        + " characters, got " + p.length() + " («" + p.substring(0, 20) + "…»)");
            }
            stripped.add(p);
        }
        if (stripped.size() > MAX_FORBIDDEN_PHRASES) {
            throw new IllegalArgumentException("at most " + MAX_FORBIDDEN_PHRASES + " forbidden phrases, got "
                    + stripped.size());
        }
        return Collections.unmodifiableSet(stripped);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> map, String name) {
        Objects.requireNonNull(map, name);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        map.forEach((category, related) -> {
            if (category == null || category.isBlank()) {
                throw new IllegalArgumentException(name + ": a category must not be blank");
            }
            copy.put(category, List.copyOf(related));
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /**
     * Returns the settings a new shop starts with: no category relations (analogues and the shop's own
     * purchase history still give candidates), analogues up to 30 % pricier, 5 candidates, no promises,
     * rejected drafts replaced by the template, review requests 5 days after the purchase, offers waiting 7
     * days for consent, a day between a review request and an offer about one order, and no forbidden
     * phrases.
     *
     * @return default settings
     */
    public static SalesSettings defaults() {
        return builder().build();
    }

    /**
     * Starts a builder with the defaults of {@link #defaults()}.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding these settings.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.complementary.putAll(complementaryCategories);
        b.consumables.putAll(consumableCategories);
        b.repeatPurchase.addAll(repeatPurchaseCategories);
        b.analoguePriceBandPercent = analoguePriceBandPercent;
        b.maxCandidates = maxCandidates;
        b.promises.addAll(promises);
        b.holdRejectedForReview = holdRejectedForReview;
        b.reviewRequestDelay = reviewRequestDelay;
        b.consentExpiry = consentExpiry;
        b.reviewOfferGap = reviewOfferGap;
        b.forbiddenPhrases.addAll(forbiddenPhrases);
        return b;
    }

    /** Builds {@link SalesSettings}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, List<String>> complementary = new LinkedHashMap<>();
        private final Map<String, List<String>> consumables = new LinkedHashMap<>();
        private final Set<String> repeatPurchase = new LinkedHashSet<>();
        private BigDecimal analoguePriceBandPercent = BigDecimal.valueOf(30);
        private int maxCandidates = 5;
        private final Set<ShopPromise> promises = new LinkedHashSet<>();
        private boolean holdRejectedForReview;
        private Duration reviewRequestDelay = Duration.ofDays(5);
        private Duration consentExpiry = Duration.ofDays(7);
        private Duration reviewOfferGap = Duration.ofDays(1);
        private final Set<String> forbiddenPhrases = new LinkedHashSet<>();

        private Builder() {}

        /**
         * Sets the categories that go with a category bought, replacing earlier ones for it.
         *
         * @param bought the category bought
         * @param related the categories that go with it, in order of preference
         * @return this builder
         */
        public Builder complementary(String bought, List<String> related) {
            complementary.put(bought, List.copyOf(related));
            return this;
        }

        /**
         * Sets the categories of a category's consumables, replacing earlier ones for it.
         *
         * @param bought the category bought
         * @param consumableCategories the categories of its consumables
         * @return this builder
         */
        public Builder consumables(String bought, List<String> consumableCategories) {
            consumables.put(bought, List.copyOf(consumableCategories));
            return this;
        }

        /**
         * Marks a category as bought again when used up.
         *
         * @param category the category
         * @return this builder
         */
        public Builder repeatPurchase(String category) {
            repeatPurchase.add(Objects.requireNonNull(category, "category"));
            return this;
        }

        /**
         * Sets how much pricier an analogue may be.
         *
         * @param percent 0–1000
         * @return this builder
         */
        public Builder analoguePriceBandPercent(BigDecimal percent) {
            this.analoguePriceBandPercent = percent;
            return this;
        }

        /**
         * Sets how many candidates the model sees.
         *
         * @param count 1–{@value SalesSettings#MAX_CANDIDATES}
         * @return this builder
         */
        public Builder maxCandidates(int count) {
            this.maxCandidates = count;
            return this;
        }

        /**
         * Adds something the shop really offers.
         *
         * @param promise the promise
         * @return this builder
         */
        public Builder promise(ShopPromise promise) {
            promises.add(Objects.requireNonNull(promise, "promise"));
            return this;
        }

        /**
         * Sets what happens to a draft the guard rejects after its repair attempt.
         *
         * @param hold {@code true} to hold it for review, {@code false} for the template
         * @return this builder
         */
        public Builder holdRejectedForReview(boolean hold) {
            this.holdRejectedForReview = hold;
            return this;
        }

        /**
         * Sets when the review request goes when the source reports no delivery.
         *
         * @param delay after the purchase, positive
         * @return this builder
         */
        public Builder reviewRequestDelay(Duration delay) {
            this.reviewRequestDelay = delay;
            return this;
        }

        /**
         * Sets how long an offer waits for consent.
         *
         * @param expiry positive
         * @return this builder
         */
        public Builder consentExpiry(Duration expiry) {
            this.consentExpiry = expiry;
            return this;
        }

        /**
         * Sets the least time between the review request and the offer about one order.
         *
         * @param gap zero or positive
         * @return this builder
         */
        public Builder reviewOfferGap(Duration gap) {
            this.reviewOfferGap = gap;
            return this;
        }

        /**
         * Adds a phrase no message may contain.
         *
         * @param phrase not blank, at most {@value SalesSettings#MAX_FORBIDDEN_PHRASE_LENGTH} characters;
         *     surrounding spaces are dropped
         * @return this builder
         */
        public Builder forbiddenPhrase(String phrase) {
            forbiddenPhrases.add(Objects.requireNonNull(phrase, "forbidden phrase"));
            return this;
        }

        /**
         * Replaces the forbidden phrases.
         *
         * @param phrases the phrases, none blank
         * @return this builder
         */
        public Builder forbiddenPhrases(Set<String> phrases) {
            forbiddenPhrases.clear();
            phrases.forEach(this::forbiddenPhrase);
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException when a value is out of range
         */
        public SalesSettings build() {
            return new SalesSettings(complementary, consumables, repeatPurchase, analoguePriceBandPercent,
                    maxCandidates, promises, holdRejectedForReview, reviewRequestDelay, consentExpiry, reviewOfferGap,
                    forbiddenPhrases);
        }
    }
}
