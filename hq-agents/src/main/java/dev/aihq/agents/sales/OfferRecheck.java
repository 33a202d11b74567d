package dev.aihq.agents.sales;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.Sku;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.store.CatalogStore;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.Product;
import dev.aihq.api.store.RunLog;
import dev.aihq.api.store.RunRecord;
import dev.aihq.pipeline.delivery.SendCheck;
import dev.aihq.pipeline.json.SdkJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an offer again just before the outbox sends it: the products it offers must still be in the catalog,
 * active and in stock, and each product's current price must still be the one the message states. An offer
 * can wait days for the customer's "yes" to the consent question, or for the morning after quiet hours;
 * stock and prices change meanwhile. A message that fails is given up unsent, with the reason.
 *
 * <p>Only marketing messages with the run's result in the run log are checked (the offer is read from the
 * run's result: its SKUs); utility and service messages, and messages whose run is gone (purged), go as they
 * are. Thread-safe.
 */
public final class OfferRecheck implements SendCheck {

    private static final Logger LOG = LoggerFactory.getLogger(OfferRecheck.class);

    private final RunLog runLog;
    private final CatalogStore catalog;

    /**
     * Creates the check.
     *
     * @param runLog where the offers' runs are
     * @param catalog the shops' current catalogs
     */
    public OfferRecheck(RunLog runLog, CatalogStore catalog) {
        this.runLog = Objects.requireNonNull(runLog, "run log");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    public Optional<String> veto(OutboxMessage message, Instant now) {
        if (message.category() != MessageCategory.MARKETING) {
            return Optional.empty();
        }
        List<Sku> offered = runLog.find(message.shopId(), message.runId()).map(RunRecord::resultJson)
                .map(OfferRecheck::offeredProducts).orElse(List.of());
        for (Sku sku : offered) {
            Product product = catalog.find(message.shopId(), sku).orElse(null);
            if (product == null) {
                return Optional.of("offered product " + sku + " is no longer in the catalog");
            }
            if (!product.available()) {
                return Optional.of("offered product " + sku + " is no longer available (inactive or out of stock)");
            }
            String price = SalesMessages.formatPrice(product.price());
            if (mentionsAPrice(message.text()) && !message.text().contains(price)) {
                return Optional.of("the price of offered product " + sku + " is now " + price
                        + ", not the one the message states");
            }
        }
        return Optional.empty();
    }

    /** Whether the text states any amount of money at all (a message without prices cannot be out of date). */
    private static boolean mentionsAPrice(String text) {
        return text.contains("₸") || text.contains("₽") || text.contains("тг") || text.contains("руб");
    }

    /** The SKUs of a run's result ({@link SalesOffer} as the run log keeps it: {@code offered_products}). */
    private static List<Sku> offeredProducts(String json) {
        try {
            JsonNode products = SdkJson.mapper().readTree(json).path("offered_products");
            List<Sku> skus = new ArrayList<>();
            for (JsonNode sku : products) {
                if (sku.isTextual()) {
                    skus.add(Sku.of(sku.asText()));
                }
            }
            return skus;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warn("A run's result could not be read as a sales offer, so its message is sent unchecked: {}",
                    e.getMessage());
            return List.of();
        }
    }
}
