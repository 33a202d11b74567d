package dev.aihq.api.shop;

import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.ShopId;
import dev.aihq.api.error.ConfigurationException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A seller's shop on one marketplace: who it is, where it lives in time, how it is taxed, and its
 * {@link ShopSettings}. Runs for an unknown or inactive shop are rejected before any work is done.
 *
 * @param id the shop id
 * @param name the shop's display name
 * @param marketplace the marketplace it sells on
 * @param active whether agents may work for it
 * @param zone its time zone (quiet hours, local days, deadlines)
 * @param locale the language customers are addressed in
 * @param currency the currency its prices are in
 * @param legalForm ИП, ТОО or ООО
 * @param taxMode its tax regime
 * @param settings its agent settings
 */
public record Shop(
        ShopId id,
        String name,
        Marketplace marketplace,
        boolean active,
        ZoneId zone,
        Locale locale,
        Currency currency,
        LegalForm legalForm,
        TaxMode taxMode,
        ShopSettings settings) {

    /** Requires every part. */
    public Shop {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(legalForm, "legal form");
        Objects.requireNonNull(taxMode, "tax mode");
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * Starts a builder. Kaspi shops default to Asia/Almaty, Russian and KZT; WB and Ozon shops to
     * Europe/Moscow, Russian and RUB.
     *
     * @param id the shop id
     * @param marketplace the marketplace
     * @return a builder
     */
    public static Builder builder(ShopId id, Marketplace marketplace) {
        return new Builder(id, marketplace);
    }

    /**
     * Starts a builder holding this shop.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(id, marketplace);
        b.name = name;
        b.active = active;
        b.zone = zone;
        b.locale = locale;
        b.currency = currency;
        b.legalForm = legalForm;
        b.taxMode = taxMode;
        b.settings = settings;
        return b;
    }

    /**
     * Returns zero in the shop's currency, a convenience for sums.
     *
     * @return zero
     */
    public Money zero() {
        return Money.zero(currency);
    }

    /** Builds {@link Shop}. Not thread-safe. */
    public static final class Builder {
        private final ShopId id;
        private final Marketplace marketplace;
        private @Nullable String name;
        private boolean active = true;
        private ZoneId zone;
        private Locale locale = Locale.forLanguageTag("ru");
        private Currency currency;
        private @Nullable LegalForm legalForm;
        private @Nullable TaxMode taxMode;
        private ShopSettings settings = ShopSettings.defaults();

        private Builder(ShopId id, Marketplace marketplace) {
            this.id = Objects.requireNonNull(id, "id");
            this.marketplace = Objects.requireNonNull(marketplace, "marketplace");
            boolean kz = marketplace.equals(Marketplace.KASPI);
            this.zone = ZoneId.of(kz ? "Asia/Almaty" : "Europe/Moscow");
            this.currency = kz ? Money.KZT : Money.RUB;
        }

        /**
         * Sets the display name; defaults to the id.
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets whether the shop is active; default {@code true}.
         *
         * @param active the flag
         * @return this builder
         */
        public Builder active(boolean active) {
            this.active = active;
            return this;
        }

        /**
         * Sets the time zone.
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        /**
         * Sets the locale; default Russian.
         *
         * @param locale the locale
         * @return this builder
         */
        public Builder locale(Locale locale) {
            this.locale = locale;
            return this;
        }

        /**
         * Sets the currency.
         *
         * @param currency the currency
         * @return this builder
         */
        public Builder currency(Currency currency) {
            this.currency = currency;
            return this;
        }

        /**
         * Sets the legal form (required).
         *
         * @param form the form
         * @return this builder
         */
        public Builder legalForm(LegalForm form) {
            this.legalForm = form;
            return this;
        }

        /**
         * Sets the tax mode (required).
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder taxMode(TaxMode mode) {
            this.taxMode = mode;
            return this;
        }

        /**
         * Sets the agent settings; default {@link ShopSettings#defaults()}.
         *
         * @param settings the settings
         * @return this builder
         */
        public Builder settings(ShopSettings settings) {
            this.settings = settings;
            return this;
        }

        /**
         * Builds the shop.
         *
         * @return the shop
         * @throws ConfigurationException listing every missing part
         */
        public Shop build() {
            List<String> missing = new ArrayList<>();
            if (legalForm == null) {
                missing.add("legalForm");
            }
            if (taxMode == null) {
                missing.add("taxMode");
            }
            if (!missing.isEmpty()) {
                throw new ConfigurationException("shop " + id + " is missing " + String.join(", ", missing));
            }
            return new Shop(id, name == null ? id.value() : name, marketplace, active, zone, locale, currency,
                    legalForm, taxMode, settings);
        }
    }
}
