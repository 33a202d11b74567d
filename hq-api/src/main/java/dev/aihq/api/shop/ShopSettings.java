package dev.aihq.api.shop;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Everything a shop configures about how its agents talk and sell: the seed's settings (tone, message
 * templates, review discount, promo codes, category restrictions) and its proposed improvements (send
 * delay, quiet hours, frequency cap, minimum margin), plus the per-category marketplace commission the
 * margin is computed with, the daily model token budget and how long customers' personal data is kept.
 *
 * <p>Build with {@link #builder()}; {@link #defaults()} gives sensible values for a new shop.
 *
 * @param toneOfVoice how the shop speaks to customers, in the shop's own words ("на «вы», тепло, без
 *     эмодзи")
 * @param messageTemplates named message templates, e.g. {@code upsell}; placeholders are
 *     {@code {{name}}}
 * @param reviewDiscountPercent the discount a repeat customer gets with a review request, in percent;
 *     zero for none. Never depends on the review's rating or tone.
 * @param promoCodes the promo codes agents may offer; no other code ever reaches a customer
 * @param excludedCategories catalog categories agents must never offer
 * @param sendDelay how long after the triggering event a marketing message goes out (e.g. 10–30 min)
 * @param quietHours local hours without messages, or {@code null} for none
 * @param frequencyCap the most marketing messages per customer per period, or {@code null} for none
 * @param minimumMarginPercent products below this margin (after commission) are never recommended
 * @param defaultCommissionPercent the marketplace commission for categories not in the schedule
 * @param commissionByCategory the marketplace commission per catalog category, in percent
 * @param dailyTokenBudget the most model tokens the shop may spend per local day; 0 means no model
 *     calls at all and the agents use their deterministic fallbacks
 * @param requireCurrentTimeZoneData when {@code true} runs for this shop fail if the JVM's time-zone
 *     data is older than Kazakhstan's 2024 move to UTC+5, instead of only warning
 * @param personalDataRetention how long the run log's payloads, the journaled events, the conversations
 *     and finished outbox messages are kept before the retention job purges them (see
 *     {@code dev.aihq.api.store.PersonalDataStore}); positive, by default
 *     {@link #DEFAULT_PERSONAL_DATA_RETENTION}
 * @param sales how the sales agent chooses and sends offers
 * @param inbox how the unified inbox answers reviews, questions and chats: answer times, business hours,
 *     escalation, publishing, quality alerts
 */
public record ShopSettings(
        String toneOfVoice,
        Map<String, String> messageTemplates,
        BigDecimal reviewDiscountPercent,
        List<PromoCode> promoCodes,
        Set<String> excludedCategories,
        Duration sendDelay,
        @Nullable QuietHours quietHours,
        @Nullable FrequencyCap frequencyCap,
        BigDecimal minimumMarginPercent,
        BigDecimal defaultCommissionPercent,
        Map<String, BigDecimal> commissionByCategory,
        long dailyTokenBudget,
        boolean requireCurrentTimeZoneData,
        Duration personalDataRetention,
        SalesSettings sales,
        InboxSettings inbox) {

    /** How long personal data is kept unless a shop sets otherwise: 365 days. */
    public static final Duration DEFAULT_PERSONAL_DATA_RETENTION = Duration.ofDays(365);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Validates ranges and copies collections. */
    public ShopSettings {
        Objects.requireNonNull(toneOfVoice, "tone of voice");
        messageTemplates = Map.copyOf(messageTemplates);
        promoCodes = List.copyOf(promoCodes);
        excludedCategories = Set.copyOf(excludedCategories);
        commissionByCategory = Map.copyOf(commissionByCategory);
        requirePercent("review discount", reviewDiscountPercent);
        requirePercent("minimum margin", minimumMarginPercent);
        requirePercent("default commission", defaultCommissionPercent);
        commissionByCategory.forEach((category, percent) -> requirePercent("commission for " + category, percent));
        Objects.requireNonNull(sendDelay, "send delay");
        if (sendDelay.isNegative()) {
            throw new IllegalArgumentException("send delay must not be negative, got " + sendDelay);
        }
        if (dailyTokenBudget < 0) {
            throw new IllegalArgumentException("daily token budget must not be negative, got " + dailyTokenBudget);
        }
        Objects.requireNonNull(sales, "sales");
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(personalDataRetention, "personal data retention");
        if (personalDataRetention.isNegative() || personalDataRetention.isZero()) {
            throw new IllegalArgumentException("personal data retention must be positive, got "
                    + personalDataRetention);
        }
    }

    private static void requirePercent(String name, @Nullable BigDecimal value) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException(name + " must be within 0-100 percent, got " + value);
        }
    }

    /**
     * Returns the settings a new shop starts with: neutral tone, no templates, no discount or codes, a
     * 15-minute send delay, quiet hours 22:00–09:00, at most 2 messages per customer per 7 days, a
     * 10 % minimum margin, 12 % default commission, a 200,000-token daily budget and personal data kept
     * for 365 days.
     *
     * @return default settings
     */
    public static ShopSettings defaults() {
        return builder().build();
    }

    /**
     * Returns the marketplace commission for a category.
     *
     * @param category the catalog category
     * @return its percent from the schedule, or the default
     */
    public BigDecimal commissionPercentFor(String category) {
        return commissionByCategory.getOrDefault(category, defaultCommissionPercent);
    }

    /**
     * Returns a message template by name.
     *
     * @param name the template name
     * @return the template text, or empty
     */
    public Optional<String> template(String name) {
        return Optional.ofNullable(messageTemplates.get(name));
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
        return new Builder(this);
    }

    /** Builds {@link ShopSettings}. Not thread-safe. */
    public static final class Builder {
        private String toneOfVoice = "вежливо, на «вы», коротко";
        private final Map<String, String> messageTemplates = new LinkedHashMap<>();
        private BigDecimal reviewDiscountPercent = BigDecimal.ZERO;
        private final List<PromoCode> promoCodes = new ArrayList<>();
        private final Set<String> excludedCategories = new LinkedHashSet<>();
        private Duration sendDelay = Duration.ofMinutes(15);
        private @Nullable QuietHours quietHours =
                QuietHours.of(java.time.LocalTime.of(22, 0), java.time.LocalTime.of(9, 0));
        private @Nullable FrequencyCap frequencyCap = FrequencyCap.of(2, Duration.ofDays(7));
        private BigDecimal minimumMarginPercent = BigDecimal.TEN;
        private BigDecimal defaultCommissionPercent = BigDecimal.valueOf(12);
        private final Map<String, BigDecimal> commissionByCategory = new LinkedHashMap<>();
        private long dailyTokenBudget = 200_000;
        private boolean requireCurrentTimeZoneData;
        private Duration personalDataRetention = DEFAULT_PERSONAL_DATA_RETENTION;
        private SalesSettings sales = SalesSettings.defaults();
        private InboxSettings inbox = InboxSettings.defaults();

        private Builder() {}

        private Builder(ShopSettings s) {
            toneOfVoice = s.toneOfVoice;
            messageTemplates.putAll(s.messageTemplates);
            reviewDiscountPercent = s.reviewDiscountPercent;
            promoCodes.addAll(s.promoCodes);
            excludedCategories.addAll(s.excludedCategories);
            sendDelay = s.sendDelay;
            quietHours = s.quietHours;
            frequencyCap = s.frequencyCap;
            minimumMarginPercent = s.minimumMarginPercent;
            defaultCommissionPercent = s.defaultCommissionPercent;
            commissionByCategory.putAll(s.commissionByCategory);
            dailyTokenBudget = s.dailyTokenBudget;
            requireCurrentTimeZoneData = s.requireCurrentTimeZoneData;
            personalDataRetention = s.personalDataRetention;
            sales = s.sales;
            inbox = s.inbox;
        }

        /**
         * Sets how the unified inbox answers reviews, questions and chats.
         *
         * @param inbox the inbox settings
         * @return this builder
         */
        public Builder inbox(InboxSettings inbox) {
            this.inbox = Objects.requireNonNull(inbox, "inbox");
            return this;
        }

        /**
         * Sets how the sales agent chooses and sends offers.
         *
         * @param sales the sales settings
         * @return this builder
         */
        public Builder sales(SalesSettings sales) {
            this.sales = Objects.requireNonNull(sales, "sales");
            return this;
        }

        /**
         * Sets the tone of voice.
         *
         * @param tone the shop's own words
         * @return this builder
         */
        public Builder toneOfVoice(String tone) {
            this.toneOfVoice = tone;
            return this;
        }

        /**
         * Adds or replaces a message template.
         *
         * @param name the template name
         * @param text the template text with {@code {{placeholders}}}
         * @return this builder
         */
        public Builder messageTemplate(String name, String text) {
            messageTemplates.put(name, text);
            return this;
        }

        /**
         * Sets the review discount.
         *
         * @param percent the percent, 0 for none
         * @return this builder
         */
        public Builder reviewDiscountPercent(BigDecimal percent) {
            this.reviewDiscountPercent = percent;
            return this;
        }

        /**
         * Adds a promo code agents may offer.
         *
         * @param code the code
         * @return this builder
         */
        public Builder promoCode(PromoCode code) {
            promoCodes.add(code);
            return this;
        }

        /**
         * Forbids offering a category.
         *
         * @param category the catalog category
         * @return this builder
         */
        public Builder excludeCategory(String category) {
            excludedCategories.add(category);
            return this;
        }

        /**
         * Sets the delay between the event and a marketing message.
         *
         * @param delay the delay, zero to send at once
         * @return this builder
         */
        public Builder sendDelay(Duration delay) {
            this.sendDelay = delay;
            return this;
        }

        /**
         * Sets quiet hours.
         *
         * @param hours the hours, or {@code null} for none
         * @return this builder
         */
        public Builder quietHours(@Nullable QuietHours hours) {
            this.quietHours = hours;
            return this;
        }

        /**
         * Sets the frequency cap.
         *
         * @param cap the cap, or {@code null} for none
         * @return this builder
         */
        public Builder frequencyCap(@Nullable FrequencyCap cap) {
            this.frequencyCap = cap;
            return this;
        }

        /**
         * Sets the minimum margin of recommended products.
         *
         * @param percent the percent
         * @return this builder
         */
        public Builder minimumMarginPercent(BigDecimal percent) {
            this.minimumMarginPercent = percent;
            return this;
        }

        /**
         * Sets the commission for categories missing from the schedule.
         *
         * @param percent the percent
         * @return this builder
         */
        public Builder defaultCommissionPercent(BigDecimal percent) {
            this.defaultCommissionPercent = percent;
            return this;
        }

        /**
         * Sets the marketplace commission for one category.
         *
         * @param category the catalog category
         * @param percent the percent
         * @return this builder
         */
        public Builder commission(String category, BigDecimal percent) {
            commissionByCategory.put(category, percent);
            return this;
        }

        /**
         * Sets the daily model token budget.
         *
         * @param tokens tokens per local day; 0 disables model calls
         * @return this builder
         */
        public Builder dailyTokenBudget(long tokens) {
            this.dailyTokenBudget = tokens;
            return this;
        }

        /**
         * Makes outdated time-zone data an error for this shop rather than a warning.
         *
         * @param require {@code true} to fail runs on outdated data
         * @return this builder
         */
        public Builder requireCurrentTimeZoneData(boolean require) {
            this.requireCurrentTimeZoneData = require;
            return this;
        }

        /**
         * Sets how long the shop keeps customers' personal data: run-log payloads, journaled events,
         * conversations and finished outbox messages older than this are purged by the retention job.
         * Purchases stay (anonymous ones too), so the accountant's totals never change.
         *
         * @param retention the period, positive; default {@link ShopSettings#DEFAULT_PERSONAL_DATA_RETENTION}
         * @return this builder
         */
        public Builder personalDataRetention(Duration retention) {
            this.personalDataRetention = retention;
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException when a value is out of range
         */
        public ShopSettings build() {
            return new ShopSettings(toneOfVoice, messageTemplates, reviewDiscountPercent, promoCodes,
                    excludedCategories, sendDelay, quietHours, frequencyCap, minimumMarginPercent,
                    defaultCommissionPercent, commissionByCategory, dailyTokenBudget, requireCurrentTimeZoneData,
                    personalDataRetention, sales, inbox);
        }
    }
}
