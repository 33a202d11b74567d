package dev.aihq.agents.sales.selection;

import dev.aihq.agents.margin.Margin;
import dev.aihq.api.Money;
import dev.aihq.api.Sku;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.shop.SalesSettings;
import dev.aihq.api.store.CoPurchase;
import dev.aihq.api.store.Product;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Chooses, by code and never by a model, the ranked products the sales agent may offer after a purchase.
 *
 * <h2>Hard filters</h2>
 * Every candidate is active, in stock, outside the shop's excluded categories, has a known cost and a margin
 * after the marketplace commission of at least the shop's minimum (all checked once in the
 * {@link CatalogIndex}), is priced in the order's currency, and is not one of the items just bought — except
 * a {@link Relation#REPEAT}: the same product again on a repeat sale ({@link CustomerProfile#returning()}) of a
 * category in {@link SalesSettings#repeatPurchaseCategories()}.
 *
 * <h2>Relations</h2>
 * For each bought item found in the catalog, with its category {@code C} and unit price {@code P}:
 * <ul>
 *   <li>{@link Relation#COMPLEMENTARY}: products of {@code complementaryCategories[C]};
 *   <li>{@link Relation#CONSUMABLE}: products of {@code consumableCategories[C]};
 *   <li>{@link Relation#ANALOGUE_UPGRADE}: products of {@code C} priced above {@code P} and at most
 *       {@code P × (1 + analoguePriceBandPercent / 100)};
 *   <li>{@link Relation#SAME_CATEGORY}: the other products of {@code C};
 *   <li>{@link Relation#REPEAT}: the bought product itself, as above;
 *   <li>{@link Relation#BOUGHT_TOGETHER}: products the shop's customers bought in the same orders (the
 *       {@link CoPurchase} list from {@code PurchaseStore#boughtTogether}), when related in no other way;
 *   <li>{@link Relation#BUNDLE}: one bundle per purchase, from the first bought item (in order) whose category
 *       has at least two complementary categories with an offerable product: the product of the first such
 *       category that fits the bought items best (see fit below; equal fits in the segment's order: price for
 *       a new customer, margin otherwise, then SKU) plus the same of the next one. Its margin is
 *       the sum of both margins; both products passed the hard filters on their own.
 * </ul>
 * A product related in several ways (to several bought items, or a complementary product that is also
 * bought together) is one candidate, under its strongest relation for the segment; its co-purchase count
 * is kept either way.
 *
 * <h2>Ranking</h2>
 * The customer's {@link Segment} orders the relations ({@link #priority(Segment)}):
 * <ul>
 *   <li>{@link Segment#NEW}: complementary (cheapest first, an easy first add-on), consumable, bought together,
 *       bundle, same category, upgrade, repeat;
 *   <li>{@link Segment#REPEAT} and {@link Segment#UNKNOWN}: complementary, consumable, bought together, repeat,
 *       upgrade, bundle, same category;
 *   <li>{@link Segment#LOYAL}: upgrade and bundle first, then complementary, consumable, bought together, repeat,
 *       same category;
 *   <li>{@link Segment#AT_RISK}: repeat and consumable first (bring them back to what they use up), then
 *       complementary, bought together, upgrade, bundle, same category.
 * </ul>
 * A candidate's {@link Candidate#score() score} is {@code 100 × (7 − position of its relation in that order)
 * − position of its category in the shop's list of related categories} (so a phone's first complementary
 * category beats its second). Candidates rank by score (highest first), then co-purchase count (highest
 * first), then fit (highest first), then margin (highest first; for a new customer's complementary products,
 * price, lowest first), then SKU; at most {@link SalesSettings#maxCandidates()} are returned. The order is
 * fully deterministic.
 *
 * <p>Fit is how many brand and model words (Latin letters or digits, such as "samsung", "a55", "106a") the
 * candidate's name shares with the names of the items bought: the catalog has no compatibility data, and on
 * Kaspi an accessory's name says what it fits, so a case "для Samsung Galaxy A55" comes before a case for an
 * iPhone after a Galaxy A55. It only orders candidates of equal score and co-purchases; it never filters.
 *
 * <h2>Speed</h2>
 * Per purchase only the index's lists of the related categories are read: at most {@code maxCandidates}
 * plus the number of bought items from each (they are already sorted), as many of the best-fitting products
 * of those categories (counted through a per-word index), and the analogue price band's slice found by
 * binary search. Immutable and thread-safe.
 */
public final class CandidateSelector {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Map<Segment, List<Relation>> PRIORITY = priorities();

    private final CatalogIndex index;

    /**
     * Creates a selector over a catalog snapshot.
     *
     * @param index the shop's indexed catalog (with its settings)
     */
    public CandidateSelector(CatalogIndex index) {
        this.index = Objects.requireNonNull(index, "index");
    }

    /**
     * Returns the index this selector reads.
     *
     * @return the catalog index
     */
    public CatalogIndex index() {
        return index;
    }

    /**
     * Returns the order of relations for a segment, strongest first.
     *
     * @param segment the customer's segment
     * @return all seven relations, strongest first
     */
    public static List<Relation> priority(Segment segment) {
        return PRIORITY.get(Objects.requireNonNull(segment, "segment"));
    }

    /**
     * Ranks the candidates for a purchase.
     *
     * @param purchase the purchase
     * @param profile the customer's profile (decides repeat sales and the ranking)
     * @param boughtTogether what the shop's customers bought with these items, from
     *     {@code PurchaseStore#boughtTogether}; empty when unknown
     * @return at most {@link SalesSettings#maxCandidates()} candidates, best first; empty when nothing qualifies
     */
    public List<Candidate> select(PurchaseEvent purchase, CustomerProfile profile, List<CoPurchase> boughtTogether) {
        Objects.requireNonNull(purchase, "purchase");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(boughtTogether, "bought together");
        return new Run(purchase, profile, boughtTogether).select();
    }

    /** The bought line with its catalog product, when the catalog has it. */
    private record Bought(PurchaseItem item, @Nullable Product product) {
        String name() {
            return product == null ? item.name() : product.name();
        }
    }

    /** A candidate before the cut, with its sort keys. */
    private record Ranked(Candidate candidate, int fit, BigDecimal ratio, BigDecimal price, String key,
            boolean cheapFirst) {}

    private static final Comparator<Ranked> RANKING = Comparator
            .comparingInt((Ranked r) -> r.candidate().score()).reversed()
            .thenComparing(Comparator.comparingLong((Ranked r) -> r.candidate().coPurchases()).reversed())
            .thenComparing(Comparator.comparingInt(Ranked::fit).reversed())
            .thenComparing((a, b) -> a.cheapFirst() && b.cheapFirst() ? a.price().compareTo(b.price())
                    : b.ratio().compareTo(a.ratio()))
            .thenComparing(Ranked::key);

    /** One selection: the purchase's state. */
    private final class Run {
        private final SalesSettings sales = index.settings().sales();
        private final Currency currency;
        private final List<Bought> bought = new ArrayList<>();
        private final Set<Sku> boughtSkus = new LinkedHashSet<>();
        private final Map<Sku, Long> coCounts = new HashMap<>();
        private final Set<String> boughtTokens = new HashSet<>();
        private final boolean repeatSale;
        private final boolean newCustomer;
        private final int[] weight = new int[Relation.values().length];
        private final int perList;

        Run(PurchaseEvent purchase, CustomerProfile profile, List<CoPurchase> together) {
            currency = purchase.currency();
            for (PurchaseItem item : purchase.items()) {
                if (boughtSkus.add(item.sku())) {
                    Bought b = new Bought(item, index.product(item.sku()).orElse(null));
                    bought.add(b);
                    boughtTokens.addAll(CatalogIndex.modelTokens(b.name()));
                }
            }
            for (CoPurchase co : together) {
                coCounts.merge(co.sku(), co.orders(), Math::max);
            }
            repeatSale = profile.returning();
            newCustomer = profile.segment() == Segment.NEW;
            List<Relation> order = priority(profile.segment());
            for (int i = 0; i < order.size(); i++) {
                weight[order.get(i).ordinal()] = order.size() - i;
            }
            perList = sales.maxCandidates() + boughtSkus.size();
        }

        List<Candidate> select() {
            Map<Sku, CatalogIndex.Entry> pool = new LinkedHashMap<>();
            for (Bought b : bought) {
                Product product = b.product();
                if (product == null) {
                    continue;
                }
                String category = product.category();
                for (String related : sales.complementaryCategories().getOrDefault(category, List.of())) {
                    addTop(pool, newCustomer ? index.byPrice(related, currency) : index.byMargin(related, currency));
                    addFitting(pool, related, newCustomer);
                }
                for (String related : sales.consumableCategories().getOrDefault(category, List.of())) {
                    addTop(pool, index.byMargin(related, currency));
                    addFitting(pool, related, false);
                }
                addTop(pool, index.byMargin(category, currency));
                addFitting(pool, category, false);
                if (b.item().price().currency().equals(currency)) {
                    BigDecimal price = b.item().price().amount();
                    for (CatalogIndex.Entry e : index.priced(category, currency, price, upperBand(price))) {
                        pool.putIfAbsent(e.product().sku(), e);
                    }
                }
                CatalogIndex.Entry same = index.entry(product.sku());
                if (same != null) {
                    pool.putIfAbsent(product.sku(), same);
                }
            }
            for (Sku sku : coCounts.keySet()) {
                CatalogIndex.Entry e = index.entry(sku);
                if (e != null) {
                    pool.putIfAbsent(sku, e);
                }
            }
            List<Ranked> ranked = new ArrayList<>(pool.size() + 1);
            for (CatalogIndex.Entry e : pool.values()) {
                Ranked r = classify(e);
                if (r != null) {
                    ranked.add(r);
                }
            }
            Ranked bundle = bundle();
            if (bundle != null) {
                ranked.add(bundle);
            }
            ranked.sort(RANKING);
            List<Candidate> result = new ArrayList<>(Math.min(ranked.size(), sales.maxCandidates()));
            for (int i = 0; i < ranked.size() && result.size() < sales.maxCandidates(); i++) {
                result.add(ranked.get(i).candidate());
            }
            return List.copyOf(result);
        }

        private void addTop(Map<Sku, CatalogIndex.Entry> pool, List<CatalogIndex.Entry> list) {
            for (int i = 0; i < list.size() && i < perList; i++) {
                CatalogIndex.Entry e = list.get(i);
                pool.putIfAbsent(e.product().sku(), e);
            }
        }

        /**
         * Adds the products of a category that fit the bought items best: counts each product's shared model
         * words through the per-word index, and keeps the {@code perList} with the most (then in the list's
         * order), which is all the ranking can use from that category besides its top by margin or price.
         */
        private void addFitting(Map<Sku, CatalogIndex.Entry> pool, String category, boolean byPrice) {
            if (boughtTokens.isEmpty()) {
                return;
            }
            Map<CatalogIndex.Entry, int[]> fits = new IdentityHashMap<>();
            for (String token : boughtTokens) {
                for (CatalogIndex.Entry e : index.withToken(category, currency, token)) {
                    fits.computeIfAbsent(e, k -> new int[1])[0]++;
                }
            }
            if (fits.isEmpty()) {
                return;
            }
            Comparator<CatalogIndex.Entry> order = byPrice ? CatalogIndex.BY_PRICE : CatalogIndex.BY_MARGIN;
            List<CatalogIndex.Entry> top = new ArrayList<>(perList + 1);
            List<Integer> topFits = new ArrayList<>(perList + 1);
            for (Map.Entry<CatalogIndex.Entry, int[]> fit : fits.entrySet()) {
                int f = fit.getValue()[0];
                int at = top.size();
                while (at > 0 && (topFits.get(at - 1) < f
                        || topFits.get(at - 1) == f && order.compare(top.get(at - 1), fit.getKey()) > 0)) {
                    at--;
                }
                if (at < perList) {
                    top.add(at, fit.getKey());
                    topFits.add(at, f);
                    if (top.size() > perList) {
                        top.remove(perList);
                        topFits.remove(perList);
                    }
                }
            }
            for (CatalogIndex.Entry e : top) {
                pool.putIfAbsent(e.product().sku(), e);
            }
        }

        private BigDecimal upperBand(BigDecimal price) {
            return price.add(price.multiply(sales.analoguePriceBandPercent()).divide(HUNDRED));
        }

        /** Gives the product its strongest relation to the bought items, or none when it may not be offered. */
        private @Nullable Ranked classify(CatalogIndex.Entry e) {
            Product candidate = e.product();
            if (!candidate.price().currency().equals(currency)) {
                return null;
            }
            Sku sku = candidate.sku();
            String category = candidate.category();
            boolean isBought = boughtSkus.contains(sku);
            Relation best = null;
            int bestPref = Integer.MAX_VALUE;
            Bought bestItem = null;
            for (Bought b : bought) {
                Product product = b.product();
                if (product == null) {
                    continue;
                }
                String c = product.category();
                Relation relation = null;
                int pref = 0;
                if (isBought) {
                    if (product.sku().equals(sku) && repeatSale && sales.repeatPurchaseCategories().contains(c)) {
                        relation = Relation.REPEAT;
                    }
                } else {
                    int complementary = sales.complementaryCategories().getOrDefault(c, List.of()).indexOf(category);
                    int consumable = sales.consumableCategories().getOrDefault(c, List.of()).indexOf(category);
                    if (complementary >= 0 && stronger(Relation.COMPLEMENTARY, complementary, best, bestPref)) {
                        best = Relation.COMPLEMENTARY;
                        bestPref = complementary;
                        bestItem = b;
                    }
                    if (consumable >= 0 && stronger(Relation.CONSUMABLE, consumable, best, bestPref)) {
                        best = Relation.CONSUMABLE;
                        bestPref = consumable;
                        bestItem = b;
                    }
                    if (category.equals(c)) {
                        BigDecimal paid = b.item().price().amount();
                        BigDecimal price = candidate.price().amount();
                        relation = b.item().price().currency().equals(currency) && price.compareTo(paid) > 0
                                && price.compareTo(upperBand(paid)) <= 0 ? Relation.ANALOGUE_UPGRADE
                                : Relation.SAME_CATEGORY;
                    }
                }
                if (relation != null && stronger(relation, pref, best, bestPref)) {
                    best = relation;
                    bestPref = pref;
                    bestItem = b;
                }
            }
            long co = isBought ? 0 : coCounts.getOrDefault(sku, 0L);
            if (!isBought && co > 0 && stronger(Relation.BOUGHT_TOGETHER, 0, best, bestPref)) {
                best = Relation.BOUGHT_TOGETHER;
                bestPref = 0;
                bestItem = null;
            }
            if (best == null) {
                return null;
            }
            String reason = reason(best, bestItem, candidate, co);
            Candidate c = new Candidate(candidate, List.of(candidate), best, e.margin(), score(best, bestPref), co,
                    reason);
            return new Ranked(c, fit(e.tokens()), e.ratio(), candidate.price().amount(), sku.value(),
                    newCustomer && best == Relation.COMPLEMENTARY);
        }

        private int fit(Set<String> tokens) {
            int shared = 0;
            for (String token : tokens) {
                if (boughtTokens.contains(token)) {
                    shared++;
                }
            }
            return shared;
        }

        private boolean stronger(Relation relation, int pref, @Nullable Relation best, int bestPref) {
            if (best == null) {
                return true;
            }
            int w = weight[relation.ordinal()];
            int bw = weight[best.ordinal()];
            return w > bw || w == bw && pref < bestPref;
        }

        private int score(Relation relation, int pref) {
            return weight[relation.ordinal()] * 100 - Math.min(pref, 99);
        }

        private @Nullable Ranked bundle() {
            for (Bought b : bought) {
                Product product = b.product();
                if (product == null) {
                    continue;
                }
                List<String> related = sales.complementaryCategories().getOrDefault(product.category(), List.of());
                if (related.size() < 2) {
                    continue;
                }
                List<CatalogIndex.Entry> parts = new ArrayList<>(2);
                Set<String> used = new LinkedHashSet<>();
                for (String category : related) {
                    if (parts.size() == 2) {
                        break;
                    }
                    if (!used.add(category)) {
                        continue;
                    }
                    List<CatalogIndex.Entry> list = newCustomer ? index.byPrice(category, currency)
                            : index.byMargin(category, currency);
                    CatalogIndex.Entry chosen = null;
                    int chosenFit = -1;
                    for (CatalogIndex.Entry e : list) {
                        int fit = fit(e.tokens());
                        if (fit > chosenFit && !boughtSkus.contains(e.product().sku())) {
                            chosen = e;
                            chosenFit = fit;
                        }
                    }
                    if (chosen != null) {
                        parts.add(chosen);
                    }
                }
                if (parts.size() < 2) {
                    continue;
                }
                Product first = parts.get(0).product();
                Product second = parts.get(1).product();
                Margin margin = parts.get(0).margin().plus(parts.get(1).margin());
                long co = Math.min(coCounts.getOrDefault(first.sku(), 0L), coCounts.getOrDefault(second.sku(), 0L));
                String reason = "комплект к «" + b.name() + "»: «" + first.name() + "» + «" + second.name() + "»";
                Candidate c = new Candidate(first, List.of(first, second), Relation.BUNDLE, margin,
                        score(Relation.BUNDLE, 0), co, reason);
                return new Ranked(c, fit(parts.get(0).tokens()) + fit(parts.get(1).tokens()), margin.ratio(),
                        margin.price().amount(),
                        first.sku().value() + "+" + second.sku().value(), false);
            }
            return null;
        }

        private String reason(Relation relation, @Nullable Bought item, Product candidate, long co) {
            String of = item == null ? "" : "«" + item.name() + "»";
            String text = switch (relation) {
                case COMPLEMENTARY -> "подходит к " + of;
                case CONSUMABLE -> "расходник для " + of;
                case ANALOGUE_UPGRADE -> "аналог " + of + " классом выше";
                case REPEAT -> "тот же товар снова: " + of + " заканчивается";
                case BOUGHT_TOGETHER -> "часто покупают вместе с купленным";
                case SAME_CATEGORY -> "из той же категории, что " + of;
                case BUNDLE -> "комплект";
            };
            return co > 0 ? text + "; покупали вместе в " + co + " заказ(ах)" : text;
        }
    }

    private static Map<Segment, List<Relation>> priorities() {
        Map<Segment, List<Relation>> map = new EnumMap<>(Segment.class);
        map.put(Segment.NEW, List.of(Relation.COMPLEMENTARY, Relation.CONSUMABLE, Relation.BOUGHT_TOGETHER,
                Relation.BUNDLE, Relation.SAME_CATEGORY, Relation.ANALOGUE_UPGRADE, Relation.REPEAT));
        List<Relation> standard = List.of(Relation.COMPLEMENTARY, Relation.CONSUMABLE, Relation.BOUGHT_TOGETHER,
                Relation.REPEAT, Relation.ANALOGUE_UPGRADE, Relation.BUNDLE, Relation.SAME_CATEGORY);
        map.put(Segment.REPEAT, standard);
        map.put(Segment.UNKNOWN, standard);
        map.put(Segment.LOYAL, List.of(Relation.ANALOGUE_UPGRADE, Relation.BUNDLE, Relation.COMPLEMENTARY,
                Relation.CONSUMABLE, Relation.BOUGHT_TOGETHER, Relation.REPEAT, Relation.SAME_CATEGORY));
        map.put(Segment.AT_RISK, List.of(Relation.REPEAT, Relation.CONSUMABLE, Relation.COMPLEMENTARY,
                Relation.BOUGHT_TOGETHER, Relation.ANALOGUE_UPGRADE, Relation.BUNDLE, Relation.SAME_CATEGORY));
        return Map.copyOf(map);
    }
}
