package dev.aihq.connectors.kaspi.feed;

import dev.aihq.api.Money;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.store.CatalogStore;
import dev.aihq.api.store.Product;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a Kaspi price list to one shop's {@link CatalogStore}: each well-formed offer becomes (or
 * updates) a {@link Product}, keeping from the stored product what the feed does not carry.
 *
 * <pre>{@code
 * KaspiCatalogImport kaspiImport = KaspiCatalogImport.builder(stores.catalog())
 *         .city(KaspiCityIds.ASTANA)          // default Almaty
 *         .build();
 * KaspiImportReport report = kaspiImport.apply(shop, Files.newInputStream(feedFile));
 * report.problems().forEach(p -> log.warn("price list: {}", p));
 * }</pre>
 *
 * <table>
 *   <caption>Offer to product</caption>
 *   <tr><th>Product</th><th>From</th></tr>
 *   <tr><td>{@code sku}</td><td>the offer's {@code sku}</td></tr>
 *   <tr><td>{@code name}</td><td>{@code <model>} ({@code <brand>} has no place in a product)</td></tr>
 *   <tr><td>{@code price}</td><td>{@code <price>}; without it the configured city's {@code <cityprice>};
 *       without that the lowest city price (see {@link KaspiOffer#priceIn(String)})</td></tr>
 *   <tr><td>{@code stock}</td><td>the sum of {@code stockCount} over the stores with
 *       {@code available="yes"} (0 when none is available); when an available store gives no
 *       {@code stockCount} the total is unknown: a stored product keeps its stock, a new one gets the sum
 *       of the counts that are known</td></tr>
 *   <tr><td>{@code active}</td><td>at least one store has {@code available="yes"}</td></tr>
 *   <tr><td>{@code category}, {@code costPrice}</td><td>kept from the stored product: they are the seller's
 *       own data and the feed has neither; a new product gets the configured
 *       {@linkplain Builder#newProductCategory(String) placeholder category} (default
 *       {@link #NO_CATEGORY}) and no cost price (its margin is unknown until the seller sets one)</td></tr>
 * </table>
 *
 * <p><b>Products the feed omits</b> are never deleted. By default the active ones are marked inactive
 * (stock and everything else kept), because Kaspi stops selling what the price list no longer lists;
 * {@link Builder#deactivateMissing(boolean) deactivateMissing(false)} leaves them alone. A product named
 * by a malformed offer is neither updated nor deactivated: a typo in the feed should not take it off sale
 * here. Offers that repeat an earlier SKU are ignored (the first counts).
 *
 * <p><b>Idempotent.</b> An offer is saved only when the product it gives differs from the stored one, so
 * applying the same feed twice reports every offer unchanged the second time and writes nothing.
 *
 * <p><b>Failures.</b> A document that is not a readable price list throws {@link KaspiFeedException}.
 * Reading from a stream saves each offer as it is read, so the offers before a break are saved (each a
 * correct upsert) while nothing is deactivated, since the feed was not seen to its end. Exceptions of
 * the store propagate.
 *
 * <p>Immutable and thread-safe; do not run two imports for the same shop at once.
 */
public final class KaspiCatalogImport {

    /**
     * The default category of a product first seen in the feed: empty, meaning "not categorised yet".
     * Kaspi's price list has no category, and the SDK's settings refuse a blank category, so no
     * commission rate, excluded category or related-category rule can ever match it by accident.
     */
    public static final String NO_CATEGORY = "";

    private final CatalogStore store;
    private final KaspiPriceListParser parser;
    private final String cityId;
    private final boolean deactivateMissing;
    private final String newProductCategory;

    private KaspiCatalogImport(Builder builder) {
        this.store = builder.store;
        this.parser = KaspiPriceListParser.create();
        this.cityId = builder.cityId;
        this.deactivateMissing = builder.deactivateMissing;
        this.newProductCategory = builder.newProductCategory;
    }

    /**
     * Creates an import with the defaults: Almaty's prices, missing products deactivated, new products in
     * {@link #NO_CATEGORY}.
     *
     * @param store the catalog store
     * @return the import
     */
    public static KaspiCatalogImport of(CatalogStore store) {
        return builder(store).build();
    }

    /**
     * Starts a builder.
     *
     * @param store the catalog store
     * @return a builder
     */
    public static Builder builder(CatalogStore store) {
        return new Builder(store);
    }

    /**
     * Applies a parsed price list.
     *
     * @param shopId the shop whose catalog this is
     * @param priceList the parsed feed
     * @return the counts and the feed's problems
     */
    public KaspiImportReport apply(ShopId shopId, KaspiPriceList priceList) {
        Objects.requireNonNull(priceList, "price list");
        Run run = new Run(shopId);
        priceList.offers().forEach(run::offer);
        return run.finish(priceList.problems());
    }

    /**
     * Reads a price list from a stream and applies it offer by offer, without holding the feed in memory.
     *
     * @param shopId the shop whose catalog this is
     * @param feed the document; not closed
     * @return the counts and the feed's problems
     * @throws KaspiFeedException if the document is not a readable price list (offers before the break are
     *     saved, nothing is deactivated)
     */
    public KaspiImportReport apply(ShopId shopId, InputStream feed) {
        Objects.requireNonNull(feed, "feed");
        Run run = new Run(shopId);
        KaspiFeedSummary summary = parser.parse(feed, run::offer);
        return run.finish(summary.problems());
    }

    /**
     * Returns the city whose prices are taken for offers priced per city.
     *
     * @return Kaspi's city id
     */
    public String cityId() {
        return cityId;
    }

    /**
     * Tells whether active products the feed omits are marked inactive.
     *
     * @return {@code true} by default
     */
    public boolean deactivatesMissing() {
        return deactivateMissing;
    }

    /** Describes the settings. */
    @Override
    public String toString() {
        return "KaspiCatalogImport[city=" + cityId + ", deactivateMissing=" + deactivateMissing
                + ", newProductCategory='" + newProductCategory + "']";
    }

    /** One application of a feed to one shop. */
    private final class Run {
        private final ShopId shopId;
        private final Set<Sku> seen = new HashSet<>();
        private int created;
        private int updated;
        private int unchanged;

        Run(ShopId shopId) {
            this.shopId = Objects.requireNonNull(shopId, "shop id");
        }

        void offer(KaspiOffer offer) {
            if (!seen.add(offer.sku())) {
                return;
            }
            Optional<Product> stored = store.find(shopId, offer.sku());
            int stock = offer.availableStock()
                    .orElseGet(() -> stored.map(Product::stock).orElse(offer.knownAvailableStock()));
            String category = stored.map(Product::category).orElse(newProductCategory);
            Money costPrice = stored.map(Product::costPrice).orElse(null);
            Product product = new Product(shopId, offer.sku(), offer.model(), category, offer.priceIn(cityId),
                    costPrice, stock, offer.availableAnywhere());
            if (stored.isEmpty()) {
                store.save(product);
                created++;
            } else if (stored.get().equals(product)) {
                unchanged++;
            } else {
                store.save(product);
                updated++;
            }
        }

        KaspiImportReport finish(List<FeedProblem> problems) {
            int deactivated = 0;
            if (deactivateMissing) {
                Set<Sku> malformed = new HashSet<>();
                for (FeedProblem problem : problems) {
                    skuOf(problem).ifPresent(malformed::add);
                }
                for (Product product : store.list(shopId)) {
                    if (product.active() && !seen.contains(product.sku()) && !malformed.contains(product.sku())) {
                        store.save(new Product(product.shopId(), product.sku(), product.name(), product.category(),
                                product.price(), product.costPrice(), product.stock(), false));
                        deactivated++;
                    }
                }
            }
            return new KaspiImportReport(created, updated, unchanged, deactivated, problems);
        }

        private Optional<Sku> skuOf(FeedProblem problem) {
            if (problem.sku() == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(Sku.of(problem.sku().strip()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** Builds a {@link KaspiCatalogImport}. Not thread-safe. */
    public static final class Builder {
        private final CatalogStore store;
        private String cityId = KaspiCityIds.ALMATY;
        private boolean deactivateMissing = true;
        private String newProductCategory = NO_CATEGORY;

        private Builder(CatalogStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /**
         * Sets the city whose {@code <cityprice>} becomes the product's price when an offer has no single
         * {@code <price>}. An offer not priced for this city gets its lowest city price. Default
         * {@link KaspiCityIds#ALMATY}.
         *
         * @param cityId Kaspi's city id, digits only
         * @return this builder
         * @throws IllegalArgumentException if the id is not digits
         */
        public Builder city(String cityId) {
            Objects.requireNonNull(cityId, "city id");
            if (!cityId.matches("\\d{1,18}")) {
                throw new IllegalArgumentException("a Kaspi city id is digits, e.g. 750000000, got '" + cityId + "'");
            }
            this.cityId = cityId;
            return this;
        }

        /**
         * Sets whether active products the feed omits are marked inactive. Default {@code true}: Kaspi stops
         * selling what the price list leaves out. Products are never deleted either way.
         *
         * @param deactivateMissing {@code false} to leave them as they are
         * @return this builder
         */
        public Builder deactivateMissing(boolean deactivateMissing) {
            this.deactivateMissing = deactivateMissing;
            return this;
        }

        /**
         * Sets the category given to a product first seen in the feed. Default {@link #NO_CATEGORY}; a
         * stored product always keeps its own.
         *
         * @param category the placeholder category, e.g. one the seller's settings know
         * @return this builder
         */
        public Builder newProductCategory(String category) {
            this.newProductCategory = Objects.requireNonNull(category, "category");
            return this;
        }

        /**
         * Builds the import.
         *
         * @return the import
         */
        public KaspiCatalogImport build() {
            return new KaspiCatalogImport(this);
        }
    }
}
