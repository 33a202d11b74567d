package dev.aihq.agents.sales.guard;

import dev.aihq.api.Money;
import dev.aihq.api.Sku;
import dev.aihq.api.connector.MessagingRules;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.Product;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * What {@link OfferCheck} checks a sales message against: the facts code decided, never the model.
 *
 * @param shop the shop the message is written for (promo codes, review discount, promises, marketplace)
 * @param candidates the products the message may offer; an offered SKU outside them is refused
 * @param catalog looks a SKU up in the shop's catalog for its current price, stock and activity; may know
 *     more products than {@code candidates} (it tells "not a candidate" from "not in the catalog")
 * @param knownAmounts amounts the text may quote besides the offered products' prices, e.g. the bought
 *     lines' prices and the order's total
 * @param maxTextLength the channel's longest text, in UTF-16 characters as the channels count them
 * @param expectedLanguage the language the message must be written in
 * @param excludedCategories catalog categories that must not be offered or named: the shop's excluded
 *     categories and any the caller adds; the marketplace- and WhatsApp-restricted categories shipped with
 *     the checker come on top
 * @param foreignMarkers names and ids of other shops (and their products) that must never appear in this
 *     shop's message
 * @param systemPrompt the system prompt the model was given, to find it copied into the text, or
 *     {@code null} when unknown
 * @param messagingRules the rules the shop's marketplace sets for messages to buyers (its connector's
 *     {@link dev.aihq.api.connector.MarketplaceConnector#messagingRules}); none when no connector for the
 *     marketplace is known
 * @param forbiddenPhrases phrases the message must not contain: the shop's
 *     ({@link dev.aihq.api.shop.SalesSettings#forbiddenPhrases()}) and any the caller adds
 */
public record GuardContext(
        Shop shop,
        List<Product> candidates,
        Function<Sku, Optional<Product>> catalog,
        Set<Money> knownAmounts,
        int maxTextLength,
        Language expectedLanguage,
        Set<String> excludedCategories,
        Set<String> foreignMarkers,
        @Nullable String systemPrompt,
        MessagingRules messagingRules,
        Set<String> forbiddenPhrases) {

    /** WhatsApp's longest text message body (Cloud API and Green-API). */
    public static final int WHATSAPP_MAX_TEXT_LENGTH = 4096;

    /** Validates the context and copies the collections. */
    public GuardContext {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(expectedLanguage, "expected language");
        candidates = List.copyOf(candidates);
        knownAmounts = Set.copyOf(knownAmounts);
        excludedCategories = Set.copyOf(excludedCategories);
        foreignMarkers = Set.copyOf(foreignMarkers);
        Objects.requireNonNull(messagingRules, "messaging rules");
        forbiddenPhrases = Set.copyOf(forbiddenPhrases);
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("max text length must be positive, got " + maxTextLength);
        }
    }

    /**
     * Starts a builder for a shop: no candidates, the WhatsApp length, the shop's language, excluded
     * categories and forbidden phrases, no marketplace messaging rules.
     *
     * @param shop the shop
     * @return a builder
     */
    public static Builder builder(Shop shop) {
        return new Builder(shop);
    }

    /**
     * Returns a copy with other marketplace messaging rules.
     *
     * @param rules the rules
     * @return the copy
     */
    public GuardContext withMessagingRules(MessagingRules rules) {
        return new GuardContext(shop, candidates, catalog, knownAmounts, maxTextLength, expectedLanguage,
                excludedCategories, foreignMarkers, systemPrompt, rules, forbiddenPhrases);
    }

    /**
     * Returns a copy with more names and ids of other shops that must never appear.
     *
     * @param markers the markers to add
     * @return the copy
     */
    public GuardContext withForeignMarkers(Collection<String> markers) {
        Set<String> all = new LinkedHashSet<>(foreignMarkers);
        all.addAll(markers);
        return new GuardContext(shop, candidates, catalog, knownAmounts, maxTextLength, expectedLanguage,
                excludedCategories, all, systemPrompt, messagingRules, forbiddenPhrases);
    }

    /**
     * Looks a product up: the candidates first, then the catalog.
     *
     * @param sku the SKU
     * @return the product, or empty when neither knows it
     */
    public Optional<Product> product(Sku sku) {
        for (Product p : candidates) {
            if (p.sku().equals(sku)) {
                return Optional.of(p);
            }
        }
        return Objects.requireNonNull(catalog.apply(sku), "catalog lookup returned null");
    }

    /**
     * Tells whether a SKU is one of the candidates.
     *
     * @param sku the SKU
     * @return {@code true} when it may be offered
     */
    public boolean isCandidate(Sku sku) {
        return candidates.stream().anyMatch(p -> p.sku().equals(sku));
    }

    /** The languages a sales message may be written in. */
    public enum Language {
        /** Russian. */
        RU("Russian"),
        /** Kazakh (Cyrillic script). */
        KK("Kazakh");

        private final String displayName;

        Language(String displayName) {
            this.displayName = displayName;
        }

        /**
         * Returns the language's English name, for reasons.
         *
         * @return e.g. {@code Kazakh}
         */
        public String displayName() {
            return displayName;
        }

        /**
         * Returns the language a locale addresses customers in: Kazakh for {@code kk}, Russian otherwise
         * (the SDK's markets are Kazakhstan and Russia, and Russian is understood in both).
         *
         * @param locale the shop's locale
         * @return the language
         */
        public static Language of(Locale locale) {
            return locale.getLanguage().equals("kk") ? KK : RU;
        }

        /**
         * Returns the language to answer a customer in: the language of their last message when it clearly
         * is Russian or Kazakh (by the heuristic {@link OfferCheck} documents), else the shop's.
         *
         * @param shopLocale the shop's locale
         * @param customerMessage the customer's last message, or {@code null} when there is none
         * @return the language
         */
        public static Language expected(Locale shopLocale, @Nullable String customerMessage) {
            if (customerMessage != null) {
                Optional<Language> written = LanguageHeuristic.languageOf(customerMessage);
                if (written.isPresent()) {
                    return written.get();
                }
            }
            return of(shopLocale);
        }
    }

    /** Builds {@link GuardContext}. Not thread-safe. */
    public static final class Builder {
        private final Shop shop;
        private final List<Product> candidates = new ArrayList<>();
        private @Nullable Function<Sku, Optional<Product>> catalog;
        private final Set<Money> knownAmounts = new LinkedHashSet<>();
        private int maxTextLength = WHATSAPP_MAX_TEXT_LENGTH;
        private @Nullable String customerMessage;
        private @Nullable Language expectedLanguage;
        private final Set<String> excludedCategories = new LinkedHashSet<>();
        private final Set<String> foreignMarkers = new LinkedHashSet<>();
        private @Nullable String systemPrompt;
        private MessagingRules messagingRules = MessagingRules.none();
        private final Set<String> forbiddenPhrases = new LinkedHashSet<>();

        private Builder(Shop shop) {
            this.shop = Objects.requireNonNull(shop, "shop");
            excludedCategories.addAll(shop.settings().excludedCategories());
            forbiddenPhrases.addAll(shop.settings().sales().forbiddenPhrases());
        }

        /**
         * Adds products the message may offer.
         *
         * @param products the candidates
         * @return this builder
         */
        public Builder candidates(Collection<Product> products) {
            candidates.addAll(products);
            return this;
        }

        /**
         * Sets the catalog lookup; by default only the candidates are known.
         *
         * @param lookup finds a product of the shop by SKU
         * @return this builder
         */
        public Builder catalog(Function<Sku, Optional<Product>> lookup) {
            this.catalog = Objects.requireNonNull(lookup, "catalog");
            return this;
        }

        /**
         * Sets the catalog lookup from a list of the shop's products.
         *
         * @param products the catalog
         * @return this builder
         */
        public Builder catalog(Collection<Product> products) {
            Map<Sku, Product> bySku = products.stream()
                    .collect(Collectors.toMap(Product::sku, p -> p, (a, b) -> a));
            return catalog(sku -> Optional.ofNullable(bySku.get(sku)));
        }

        /**
         * Adds an amount the text may quote besides the offered products' prices.
         *
         * @param amount e.g. a bought line's price or the order's total
         * @return this builder
         */
        public Builder knownAmount(Money amount) {
            knownAmounts.add(Objects.requireNonNull(amount, "amount"));
            return this;
        }

        /**
         * Sets the channel's longest text; default {@link #WHATSAPP_MAX_TEXT_LENGTH}.
         *
         * @param length characters, positive
         * @return this builder
         */
        public Builder maxTextLength(int length) {
            this.maxTextLength = length;
            return this;
        }

        /**
         * Sets the customer's last message, whose language the answer must follow when it is clearly
         * Russian or Kazakh. The text is only measured, never obeyed.
         *
         * @param message the message, or {@code null} when there is none
         * @return this builder
         */
        public Builder customerMessage(@Nullable String message) {
            this.customerMessage = message;
            return this;
        }

        /**
         * Fixes the expected language, overriding the shop's locale and the customer's message.
         *
         * @param language the language, or {@code null} to derive it
         * @return this builder
         */
        public Builder expectedLanguage(@Nullable Language language) {
            this.expectedLanguage = language;
            return this;
        }

        /**
         * Adds a category that must not be offered or named, besides the shop's excluded ones.
         *
         * @param category the category
         * @return this builder
         */
        public Builder excludeCategory(String category) {
            excludedCategories.add(Objects.requireNonNull(category, "category"));
            return this;
        }

        /**
         * Adds another shop's name, id or product name that must never appear in this shop's message.
         *
         * @param marker the marker; blank ones are ignored
         * @return this builder
         */
        public Builder foreignMarker(String marker) {
            if (!marker.isBlank()) {
                foreignMarkers.add(marker.strip());
            }
            return this;
        }

        /**
         * Sets the system prompt the model was given.
         *
         * @param prompt the rendered prompt, or {@code null} when unknown
         * @return this builder
         */
        public Builder systemPrompt(@Nullable String prompt) {
            this.systemPrompt = prompt;
            return this;
        }

        /**
         * Sets the rules the shop's marketplace sets for messages to buyers; none by default.
         *
         * @param rules the rules
         * @return this builder
         */
        public Builder messagingRules(MessagingRules rules) {
            this.messagingRules = Objects.requireNonNull(rules, "messaging rules");
            return this;
        }

        /**
         * Adds a phrase the message must not contain, besides the shop's.
         *
         * @param phrase the phrase; blank ones are ignored
         * @return this builder
         */
        public Builder forbiddenPhrase(String phrase) {
            if (!phrase.isBlank()) {
                forbiddenPhrases.add(phrase.strip());
            }
            return this;
        }

        /**
         * Builds the context.
         *
         * @return the context
         */
        public GuardContext build() {
            List<Product> frozen = List.copyOf(candidates);
            Function<Sku, Optional<Product>> lookup = catalog != null ? catalog
                    : sku -> frozen.stream().filter(p -> p.sku().equals(sku)).findFirst();
            Language language = expectedLanguage != null ? expectedLanguage
                    : Language.expected(shop.locale(), customerMessage);
            return new GuardContext(shop, frozen, lookup, knownAmounts, maxTextLength, language,
                    excludedCategories, foreignMarkers, systemPrompt, messagingRules, forbiddenPhrases);
        }
    }
}
