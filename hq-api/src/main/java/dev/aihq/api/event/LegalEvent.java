package dev.aihq.api.event;

import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.shop.LegalForm;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * A fine, product block, return, customer dispute or manual request for the legal agent: the seed's
 * {@code POST /legal-event} body plus the optional fields that sharpen the analysis (marketplace,
 * country, business type, amount, measure, statistics, dates, delivery, documents with text).
 *
 * @param shopId the shop
 * @param eventType what happened
 * @param orderId the order concerned, or {@code null}
 * @param productName the product concerned, or {@code null}
 * @param fineReason the marketplace's or customer's stated reason, or {@code null}
 * @param documents attached documents, by name and optionally text
 * @param marketplace the marketplace, or {@code null} to take the shop's
 * @param country {@code KZ} or {@code RU}, or {@code null} to take the shop's
 * @param businessType the seller's legal form, or {@code null} to take the shop's
 * @param amount the money at stake, or {@code null}
 * @param measure the restrictive measure applied, or {@code null}
 * @param stats figures the sender supplies, e.g. {@code orders_30d}
 * @param dates named dates, e.g. {@code notice_at}, {@code claim_received_at}
 * @param delivery how the goods travelled, or {@code null}
 * @param occurredAt when the event was received or happened
 * @param idempotencyKey the deduplication key; see {@link Builder#build()}
 */
public record LegalEvent(
        ShopId shopId,
        LegalEventType eventType,
        @Nullable OrderId orderId,
        @Nullable String productName,
        @Nullable String fineReason,
        List<LegalDocument> documents,
        @Nullable Marketplace marketplace,
        @Nullable String country,
        @Nullable LegalForm businessType,
        @Nullable Money amount,
        @Nullable LegalMeasure measure,
        Map<String, BigDecimal> stats,
        Map<String, EventDate> dates,
        @Nullable LegalDelivery delivery,
        Instant occurredAt,
        String idempotencyKey) implements HqEvent {

    /** The prefix of {@link #type()}: {@code legal.fine}, {@code legal.return}, … */
    public static final String TYPE_PREFIX = "legal.";

    /** Validates the event and copies its collections. */
    public LegalEvent {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(eventType, "event type");
        Objects.requireNonNull(occurredAt, "occurred at");
        Objects.requireNonNull(idempotencyKey, "idempotency key");
        documents = List.copyOf(documents);
        stats = Map.copyOf(stats);
        dates = Map.copyOf(dates);
        if (country != null && !country.equals("KZ") && !country.equals("RU")) {
            throw new IllegalArgumentException("country must be KZ or RU, got '" + country + "'");
        }
        Keys.requireValid(idempotencyKey);
    }

    @Override
    public String type() {
        return TYPE_PREFIX + eventType.wireValue();
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link LegalEvent}. Not thread-safe. */
    public static final class Builder {
        private @Nullable ShopId shopId;
        private @Nullable LegalEventType eventType;
        private @Nullable OrderId orderId;
        private @Nullable String productName;
        private @Nullable String fineReason;
        private final List<LegalDocument> documents = new ArrayList<>();
        private @Nullable Marketplace marketplace;
        private @Nullable String country;
        private @Nullable LegalForm businessType;
        private @Nullable Money amount;
        private @Nullable LegalMeasure measure;
        private final Map<String, BigDecimal> stats = new LinkedHashMap<>();
        private final Map<String, EventDate> dates = new LinkedHashMap<>();
        private @Nullable LegalDelivery delivery;
        private @Nullable Instant occurredAt;
        private @Nullable String idempotencyKey;

        private Builder() {}

        /** @param v the shop @return this builder */
        public Builder shopId(ShopId v) {
            shopId = v;
            return this;
        }

        /** @param v what happened @return this builder */
        public Builder eventType(LegalEventType v) {
            eventType = v;
            return this;
        }

        /** @param v the order, or null @return this builder */
        public Builder orderId(@Nullable OrderId v) {
            orderId = v;
            return this;
        }

        /** @param v the product name, or null @return this builder */
        public Builder productName(@Nullable String v) {
            productName = v;
            return this;
        }

        /** @param v the stated reason, or null @return this builder */
        public Builder fineReason(@Nullable String v) {
            fineReason = v;
            return this;
        }

        /** @param v a document to add @return this builder */
        public Builder document(LegalDocument v) {
            documents.add(v);
            return this;
        }

        /** @param v the marketplace, or null @return this builder */
        public Builder marketplace(@Nullable Marketplace v) {
            marketplace = v;
            return this;
        }

        /** @param v KZ or RU, or null @return this builder */
        public Builder country(@Nullable String v) {
            country = v;
            return this;
        }

        /** @param v the legal form, or null @return this builder */
        public Builder businessType(@Nullable LegalForm v) {
            businessType = v;
            return this;
        }

        /** @param v the money at stake, or null @return this builder */
        public Builder amount(@Nullable Money v) {
            amount = v;
            return this;
        }

        /** @param v the measure, or null @return this builder */
        public Builder measure(@Nullable LegalMeasure v) {
            measure = v;
            return this;
        }

        /** @param name the figure's name @param value its value @return this builder */
        public Builder stat(String name, BigDecimal value) {
            stats.put(name, value);
            return this;
        }

        /** @param name the date's name @param value the date @return this builder */
        public Builder date(String name, EventDate value) {
            dates.put(name, value);
            return this;
        }

        /** @param v the delivery, or null @return this builder */
        public Builder delivery(@Nullable LegalDelivery v) {
            delivery = v;
            return this;
        }

        /** @param v when it happened @return this builder */
        public Builder occurredAt(Instant v) {
            occurredAt = v;
            return this;
        }

        /** @param v an explicit key, or null to derive one @return this builder */
        public Builder idempotencyKey(@Nullable String v) {
            idempotencyKey = v;
            return this;
        }

        /**
         * Builds the event. Without an explicit key, a {@code manual_request} gets a fresh random key
         * (never deduplicated) and other types get {@code legal.<type>:<order id>:<digest>}, the digest
         * taken over the product and the stated reason, so a redelivered body is recognised while two
         * different orderless fines are not merged.
         *
         * @return the event
         */
        public LegalEvent build() {
            Objects.requireNonNull(eventType, "event type");
            String key = idempotencyKey;
            if (key == null) {
                key = eventType == LegalEventType.MANUAL_REQUEST
                        ? TYPE_PREFIX + eventType.wireValue() + ":" + UUID.randomUUID()
                        : TYPE_PREFIX + eventType.wireValue() + ":" + (orderId == null ? "-" : orderId.value()) + ":"
                                + Keys.digest(Objects.toString(productName, ""), Objects.toString(fineReason, ""));
            }
            return new LegalEvent(Objects.requireNonNull(shopId, "shop id"), eventType, orderId, productName,
                    fineReason, documents, marketplace, country, businessType, amount, measure, stats, dates,
                    delivery, Objects.requireNonNull(occurredAt, "occurred at"), key);
        }
    }
}
