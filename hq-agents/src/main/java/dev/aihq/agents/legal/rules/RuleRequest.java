package dev.aihq.agents.legal.rules;

import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.shop.Shop;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What the rule layer is asked about: an event, its shop, the shop's earlier measures and the facts the event body
 * cannot carry.
 *
 * @param event the legal event
 * @param shop the shop it belongs to (zone, marketplace, currency, legal form)
 * @param history earlier fines and measures of the shop
 * @param defectClaimed whether the buyer claims a defect (returns and customer disputes), or {@code null} when not
 *     known; then the rule layer does not decide whether the seller can refuse
 */
public record RuleRequest(LegalEvent event, Shop shop, List<PriorMeasure> history, @Nullable Boolean defectClaimed) {

    /** Requires the event and the shop; copies the history. */
    public RuleRequest {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(shop, "shop");
        history = List.copyOf(history);
        if (!event.shopId().equals(shop.id())) {
            throw new IllegalArgumentException("event of shop " + event.shopId() + " asked with shop " + shop.id());
        }
    }

    /**
     * Starts a builder.
     *
     * @param event the event
     * @param shop its shop
     * @return a builder
     */
    public static Builder builder(LegalEvent event, Shop shop) {
        return new Builder(event, shop);
    }

    /** Builds {@link RuleRequest}. Not thread-safe. */
    public static final class Builder {
        private final LegalEvent event;
        private final Shop shop;
        private final List<PriorMeasure> history = new ArrayList<>();
        private @Nullable Boolean defectClaimed;

        private Builder(LegalEvent event, Shop shop) {
            this.event = event;
            this.shop = shop;
        }

        /**
         * Adds an earlier measure.
         *
         * @param prior the measure
         * @return this builder
         */
        public Builder prior(PriorMeasure prior) {
            history.add(Objects.requireNonNull(prior, "prior"));
            return this;
        }

        /**
         * Adds earlier measures.
         *
         * @param priors the measures
         * @return this builder
         */
        public Builder history(List<PriorMeasure> priors) {
            priors.forEach(this::prior);
            return this;
        }

        /**
         * Sets whether the buyer claims a defect; default not known.
         *
         * @param claimed the flag, or null
         * @return this builder
         */
        public Builder defectClaimed(@Nullable Boolean claimed) {
            defectClaimed = claimed;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public RuleRequest build() {
            return new RuleRequest(event, shop, history, defectClaimed);
        }
    }
}
