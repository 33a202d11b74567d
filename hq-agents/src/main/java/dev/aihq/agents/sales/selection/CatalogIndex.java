package dev.aihq.agents.sales.selection;

import dev.aihq.agents.margin.Margin;
import dev.aihq.agents.margin.MarginCalculator;
import dev.aihq.api.Money;
import dev.aihq.api.Sku;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.Product;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * One catalog snapshot of a shop, indexed for {@link CandidateSelector} under that shop's settings. Build it
 * once per catalog (or settings) change and share it: it is immutable and thread-safe.
 *
 * <p>It keeps every product by SKU (to learn a bought item's category even when it is sold out), and the
 * <em>offerable</em> ones, those passing the hard filters that do not depend on the purchase — active, in
 * stock, not in an excluded category, a known cost and a margin after commission of at least the shop's
 * minimum ({@link MarginCalculator}) — per (category, currency) in two orders: by margin (highest first, then
 * SKU) and by price (lowest first, then SKU), and per (category, currency, model word of the name; see
 * {@link CandidateSelector}). Margins and model words are computed here once, never per event.
 */
public final class CatalogIndex {

    /** An offerable product with its margin and its name's model tokens. */
    record Entry(Product product, Margin margin, BigDecimal ratio, Set<String> tokens) {
        Money price() {
            return product.price();
        }
    }

    /** Highest margin first, then SKU. */
    static final Comparator<Entry> BY_MARGIN = Comparator.comparing(Entry::ratio, Comparator.reverseOrder())
            .thenComparing(e -> e.product().sku().value());
    /** Lowest price first, then SKU. */
    static final Comparator<Entry> BY_PRICE = Comparator.comparing((Entry e) -> e.price().amount())
            .thenComparing(e -> e.product().sku().value());

    private final ShopSettings settings;
    private final Map<Sku, Product> products;
    private final Map<Sku, Entry> offerable;
    private final Map<Key, List<Entry>> byMargin;
    private final Map<Key, List<Entry>> byPrice;
    private final Map<TokenKey, List<Entry>> byToken;

    private CatalogIndex(ShopSettings settings, Map<Sku, Product> products, Map<Sku, Entry> offerable,
            Map<Key, List<Entry>> byMargin, Map<Key, List<Entry>> byPrice, Map<TokenKey, List<Entry>> byToken) {
        this.settings = settings;
        this.products = products;
        this.offerable = offerable;
        this.byMargin = byMargin;
        this.byPrice = byPrice;
        this.byToken = byToken;
    }

    /**
     * Indexes a catalog snapshot.
     *
     * @param catalog the shop's products; when a SKU repeats, the first wins
     * @param settings the shop's settings (excluded categories, minimum margin, commission schedule, sales
     *     relations)
     * @return the index
     */
    public static CatalogIndex build(List<Product> catalog, ShopSettings settings) {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(settings, "settings");
        Map<Sku, Product> products = new HashMap<>(catalog.size() * 2);
        Map<Sku, Entry> offerable = new HashMap<>(catalog.size() * 2);
        Map<Key, List<Entry>> byMargin = new HashMap<>();
        for (Product product : catalog) {
            if (products.putIfAbsent(product.sku(), product) != null) {
                continue;
            }
            if (!product.available() || settings.excludedCategories().contains(product.category())) {
                continue;
            }
            Optional<Margin> margin = MarginCalculator.of(product, settings);
            if (margin.isEmpty() || !margin.get().atLeast(settings.minimumMarginPercent())) {
                continue;
            }
            Entry entry = new Entry(product, margin.get(), margin.get().ratio(), modelTokens(product.name()));
            offerable.put(product.sku(), entry);
            byMargin.computeIfAbsent(new Key(product.category(), product.price().currency()), k -> new ArrayList<>())
                    .add(entry);
        }
        Map<Key, List<Entry>> byPrice = new HashMap<>();
        Map<TokenKey, List<Entry>> byToken = new HashMap<>();
        for (Map.Entry<Key, List<Entry>> category : byMargin.entrySet()) {
            List<Entry> margin = new ArrayList<>(category.getValue());
            List<Entry> price = new ArrayList<>(category.getValue());
            margin.sort(BY_MARGIN);
            price.sort(BY_PRICE);
            category.setValue(List.copyOf(margin));
            byPrice.put(category.getKey(), List.copyOf(price));
            for (Entry entry : margin) {
                for (String token : entry.tokens()) {
                    byToken.computeIfAbsent(new TokenKey(category.getKey(), token), k -> new ArrayList<>()).add(entry);
                }
            }
        }
        byToken.replaceAll((k, v) -> List.copyOf(v));
        return new CatalogIndex(settings, Map.copyOf(products), Map.copyOf(offerable), Map.copyOf(byMargin),
                byPrice, byToken);
    }

    /**
     * Returns the settings the index was built under.
     *
     * @return the shop's settings
     */
    public ShopSettings settings() {
        return settings;
    }

    /**
     * Finds a product of the snapshot, offerable or not.
     *
     * @param sku the product code
     * @return the product, or empty
     */
    public Optional<Product> product(Sku sku) {
        return Optional.ofNullable(products.get(sku));
    }

    /**
     * Tells whether a product passes the purchase-independent hard filters.
     *
     * @param sku the product code
     * @return {@code true} when it is in the snapshot and may be offered
     */
    public boolean offerable(Sku sku) {
        return offerable.containsKey(sku);
    }

    /**
     * Returns every product of the catalog, offerable or not, in no particular order.
     *
     * @return the products, unmodifiable
     */
    public Collection<Product> products() {
        return Collections.unmodifiableCollection(products.values());
    }

    /**
     * Returns the number of products in the snapshot.
     *
     * @return the count
     */
    public int size() {
        return products.size();
    }

    /**
     * Returns the number of offerable products.
     *
     * @return the count
     */
    public int offerableCount() {
        return offerable.size();
    }

    @Nullable Entry entry(Sku sku) {
        return offerable.get(sku);
    }

    List<Entry> byMargin(String category, Currency currency) {
        return byMargin.getOrDefault(new Key(category, currency), List.of());
    }

    /** The offerable products of a category whose name has a model word, by margin. */
    List<Entry> withToken(String category, Currency currency, String token) {
        return byToken.getOrDefault(new TokenKey(new Key(category, currency), token), List.of());
    }

    List<Entry> byPrice(String category, Currency currency) {
        return byPrice.getOrDefault(new Key(category, currency), List.of());
    }

    /**
     * Returns the offerable products of a category priced above {@code above} and at most {@code atMost}, in
     * price order: a binary search and a slice, so pricier analogues cost no scan of the category.
     */
    List<Entry> priced(String category, Currency currency, BigDecimal above, BigDecimal atMost) {
        List<Entry> list = byPrice(category, currency);
        int low = 0;
        int high = list.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (list.get(mid).price().amount().compareTo(above) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        int end = low;
        while (end < list.size() && list.get(end).price().amount().compareTo(atMost) <= 0) {
            end++;
        }
        return list.subList(low, end);
    }

    /**
     * Returns the brand and model words of a product name: the lower-case words of at least two characters
     * that contain a Latin letter or a digit ("samsung", "a55", "106a", "256"), which is how names on Kaspi
     * tell what an accessory fits; Russian descriptive words are left out.
     */
    static Set<String> modelTokens(String name) {
        Set<String> tokens = new HashSet<>();
        for (String word : name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 2 && word.chars().anyMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
                tokens.add(word);
            }
        }
        return Set.copyOf(tokens);
    }

    private record Key(String category, Currency currency) {}

    private record TokenKey(Key category, String token) {}
}
