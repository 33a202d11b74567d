package dev.aihq.agents.sales.selection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.agents.margin.MarginCalculator;
import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.CoPurchase;
import dev.aihq.api.store.Product;
import dev.aihq.testkit.DemoCatalog;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CandidateSelectorTest {

    private static final ShopId SHOP = ShopId.of("kaspi_demo");
    private static final ShopSettings SETTINGS = DemoCatalog.shopSettings();
    private static final List<Product> CATALOG = DemoCatalog.products(SHOP);
    private static final CandidateSelector SELECTOR = new CandidateSelector(CatalogIndex.build(CATALOG, SETTINGS));
    private static final Instant AT = Instant.parse("2026-03-01T06:00:00Z");

    /** Sold out, inactive, below the 15 % minimum, without a cost, or in the excluded category. */
    private static final Set<String> NEVER = Set.of("CS-SAM-A55-LED", "CS-APL-14-LTH", "CS-SAM-A15-BOOK",
            "PH-HNR-200", "PH-SAM-Z6", "PH-APL-SE", "PH-INF-H40", "GL-HNR-X8B", "CH-UGR-100W", "CH-SAM-15W-WL",
            "SH-NTR-400", "SH-TRS-400", "CB-JCB-CRM-1K", "CB-LVZ-TRA-1K", "CT-XRX-B210", "SP-SLG-D3", "SP-EVL-OMG");

    @ParameterizedTest(name = "{0} bought by a {1} customer → {2} from {3}")
    @CsvSource(delimiter = '|', textBlock = """
            PH-SAM-A55     | NEW     | COMPLEMENTARY    | Чехлы
            PH-APL-15      | REPEAT  | COMPLEMENTARY    | Чехлы
            PH-XMI-N13     | LOYAL   | ANALOGUE_UPGRADE | Смартфоны
            PH-SAM-S24U    | LOYAL   | BUNDLE           | Чехлы
            PH-XMI-13C     | UNKNOWN | COMPLEMENTARY    | Чехлы
            SH-HS-400      | NEW     | COMPLEMENTARY    | Кондиционеры для волос
            SH-HS-400      | AT_RISK | REPEAT           | Шампуни
            SH-PNT-400     | REPEAT  | COMPLEMENTARY    | Кондиционеры для волос
            CD-PNT-360     | NEW     | COMPLEMENTARY    | Шампуни
            DT-ARL-3KG     | NEW     | COMPLEMENTARY    | Кондиционеры для белья
            DT-TID-4.5     | AT_RISK | REPEAT           | Стиральные порошки
            SF-LNR-1.8     | REPEAT  | COMPLEMENTARY    | Стиральные порошки
            CM-DLG-ECAM22  | NEW     | CONSUMABLE       | Кофе в зёрнах
            CM-PHL-EP2220  | LOYAL   | ANALOGUE_UPGRADE | Кофемашины
            CM-NSP-ESS     | REPEAT  | CONSUMABLE       | Кофе в зёрнах
            CB-LVZ-QO-1K   | AT_RISK | REPEAT           | Кофе в зёрнах
            PR-HP-M111A    | NEW     | CONSUMABLE       | Картриджи
            PR-EPS-L3250   | REPEAT  | CONSUMABLE       | Картриджи
            CT-HP-106A     | NEW     | COMPLEMENTARY    | Бумага
            CT-CAN-445     | AT_RISK | REPEAT           | Картриджи
            DP-PMP-AB3-108 | NEW     | COMPLEMENTARY    | Детские влажные салфетки
            DP-HGS-EC3-72  | AT_RISK | REPEAT           | Подгузники
            PN-TFL-24      | LOYAL   | ANALOGUE_UPGRADE | Сковороды
            PN-TFL-28      | NEW     | COMPLEMENTARY    | Кухонные ножи
            HP-XMI-RB5     | NEW     | COMPLEMENTARY    | Зарядные устройства
            KN-TFL-CHF     | REPEAT  | COMPLEMENTARY    | Разделочные доски
            TY-LEGO-60337  | NEW     | SAME_CATEGORY    | Детские игрушки
            """)
    void should_offer_the_expected_kind_of_product_after_a_purchase(String sku, Segment segment, Relation relation,
            String category) {
        // given
        PurchaseEvent purchase = purchase(sku);

        // when
        List<Candidate> candidates = SELECTOR.select(purchase, profile(segment), List.of());

        // then
        assertThat(candidates).isNotEmpty().hasSizeLessThanOrEqualTo(SETTINGS.sales().maxCandidates());
        Candidate first = candidates.get(0);
        assertThat(first.relation()).isEqualTo(relation);
        assertThat(first.product().category()).isEqualTo(category);
        if (relation == Relation.REPEAT) {
            assertThat(first.product().sku().value()).isEqualTo(sku);
        }
        assertPassHardFilters(candidates, purchase);
    }

    @Test
    void should_never_offer_sold_out_inactive_excluded_low_margin_or_costless_products_whatever_is_bought() {
        // given: every product bought by every kind of customer, with as many candidates as allowed
        ShopSettings wide = SETTINGS.toBuilder().sales(SETTINGS.sales().toBuilder().maxCandidates(20)
                .complementary("Смартфоны", List.of("Чехлы", "Защитные стёкла", "Зарядные устройства", "БАДы"))
                .build()).build();
        CandidateSelector selector = new CandidateSelector(CatalogIndex.build(CATALOG, wide));
        List<CoPurchase> together = NEVER.stream().sorted().map(s -> new CoPurchase(Sku.of(s), 5)).toList();

        for (Product bought : CATALOG) {
            for (Segment segment : Segment.values()) {
                // when
                PurchaseEvent purchase = purchase(bought.sku().value());
                List<Candidate> candidates = selector.select(purchase, profile(segment), together);

                // then
                assertThat(candidates).hasSizeLessThanOrEqualTo(20);
                assertThat(candidates).flatExtracting(Candidate::products).extracting(p -> p.sku().value())
                        .as("candidates after %s for %s", bought.sku(), segment).doesNotContainAnyElementsOf(NEVER);
                assertPassHardFilters(candidates, purchase, wide);
            }
        }
    }

    @Test
    void should_never_offer_a_category_the_shop_excludes() {
        // given
        ShopSettings noCases = SETTINGS.toBuilder().excludeCategory("Чехлы").build();
        CandidateSelector selector = new CandidateSelector(CatalogIndex.build(CATALOG, noCases));

        // when
        List<Candidate> candidates = selector.select(purchase("PH-SAM-A55"), profile(Segment.NEW), List.of());

        // then: the next complementary category comes first
        assertThat(candidates).isNotEmpty().allSatisfy(c -> assertThat(c.products())
                .noneMatch(p -> p.category().equals("Чехлы")));
        assertThat(candidates.get(0).product().category()).isEqualTo("Защитные стёкла");
    }

    @Test
    void should_never_offer_the_items_just_bought_except_the_repeat_of_a_returning_customer() {
        // given
        PurchaseEvent purchase = purchase("SH-HS-400", "CD-HS-275");

        // when
        List<Candidate> first = SELECTOR.select(purchase, profile(Segment.NEW), List.of());
        List<Candidate> again = SELECTOR.select(purchase, profile(Segment.AT_RISK), List.of());

        // then
        assertThat(first).extracting(c -> c.product().sku().value()).doesNotContain("SH-HS-400", "CD-HS-275");
        assertThat(first).extracting(Candidate::relation).doesNotContain(Relation.REPEAT);
        assertThat(again).filteredOn(c -> c.relation() == Relation.REPEAT).extracting(c -> c.product().sku().value())
                .containsExactlyInAnyOrder("SH-HS-400", "CD-HS-275");
        assertThat(again.get(0).relation()).isEqualTo(Relation.REPEAT);
    }

    @Test
    void should_not_repeat_a_product_whose_category_is_not_bought_again() {
        List<Candidate> candidates = SELECTOR.select(purchase("PH-SAM-A55"), profile(Segment.AT_RISK), List.of());

        assertThat(candidates).extracting(Candidate::relation).doesNotContain(Relation.REPEAT);
        assertThat(candidates).extracting(c -> c.product().sku().value()).doesNotContain("PH-SAM-A55");
    }

    @Test
    void should_offer_what_the_shops_customers_bought_together_and_rank_a_co_purchased_complementary_first() {
        // given: LEGO bought with the phone 4 times (no other relation); a 25 W charger 2 times (complementary);
        // a sold-out honour phone 9 times (never offered)
        List<CoPurchase> together = List.of(new CoPurchase(Sku.of("PH-HNR-200"), 9),
                new CoPurchase(Sku.of("TY-LEGO-10969"), 4), new CoPurchase(Sku.of("CH-SAM-25W"), 2));
        ShopSettings ten = SETTINGS.toBuilder().sales(SETTINGS.sales().toBuilder().maxCandidates(20)
                .complementary("Смартфоны", List.of("Зарядные устройства")).build()).build();
        CandidateSelector selector = new CandidateSelector(CatalogIndex.build(CATALOG, ten));

        // when
        List<Candidate> candidates = selector.select(purchase("PH-SAM-A55"), profile(Segment.REPEAT), together);

        // then
        Candidate lego = candidates.stream().filter(c -> c.product().sku().value().equals("TY-LEGO-10969"))
                .findFirst().orElseThrow();
        assertThat(lego.relation()).isEqualTo(Relation.BOUGHT_TOGETHER);
        assertThat(lego.coPurchases()).isEqualTo(4);
        Candidate charger = candidates.stream().filter(c -> c.product().sku().value().equals("CH-SAM-25W"))
                .findFirst().orElseThrow();
        assertThat(charger.relation()).isEqualTo(Relation.COMPLEMENTARY);
        assertThat(charger.coPurchases()).isEqualTo(2);
        assertThat(charger.reason()).contains("покупали вместе в 2");
        // co-purchases rank it first among the chargers, whatever their margins; then what is only bought together
        assertThat(candidates.get(0)).isEqualTo(charger);
        int complementary = (int) candidates.stream().filter(c -> c.relation() == Relation.COMPLEMENTARY).count();
        assertThat(candidates.get(complementary)).isEqualTo(lego);
        assertThat(candidates).filteredOn(c -> c.product().category().equals("Зарядные устройства"))
                .first().isEqualTo(charger);
        assertThat(candidates).extracting(c -> c.product().sku().value()).doesNotContain("PH-HNR-200");
        assertPassHardFilters(candidates, purchase("PH-SAM-A55"), ten);
    }

    @Test
    void should_use_bought_together_for_an_item_missing_from_the_catalog() {
        // given
        PurchaseEvent purchase = PurchaseEvent.builder().shopId(SHOP).orderId(OrderId.of("700000001"))
                .item(new PurchaseItem(Sku.of("GONE-1"), "Снятый с продажи товар", Money.kzt(5_000), 1))
                .occurredAt(AT).build();

        // when
        List<Candidate> candidates = SELECTOR.select(purchase, profile(Segment.NEW),
                List.of(new CoPurchase(Sku.of("PP-SVT-A4"), 3), new CoPurchase(Sku.of("CT-HP-305-BK"), 3)));

        // then: equal counts, then margin
        assertThat(candidates).extracting(Candidate::relation).containsOnly(Relation.BOUGHT_TOGETHER);
        assertThat(candidates).extracting(c -> c.product().sku().value())
                .containsExactlyInAnyOrder("PP-SVT-A4", "CT-HP-305-BK");
        assertThat(candidates.get(0).margin().ratio()).isGreaterThanOrEqualTo(candidates.get(1).margin().ratio());
    }

    @Test
    void should_offer_nothing_in_another_currency() {
        PurchaseEvent roubles = PurchaseEvent.builder().shopId(SHOP).orderId(OrderId.of("700000002"))
                .item(new PurchaseItem(Sku.of("PH-SAM-A55"), "Смартфон", Money.rub(30_000), 1)).occurredAt(AT).build();

        assertThat(SELECTOR.select(roubles, profile(Segment.REPEAT), List.of(new CoPurchase(Sku.of("CS-SAM-A55-BOOK"),
                3)))).isEmpty();
    }

    @Test
    void should_put_the_cheapest_complementary_products_first_for_a_new_customer_and_the_best_margin_otherwise() {
        // given: a cartridge, whose name shares no model word with any paper
        PurchaseEvent purchase = purchase("CT-HP-106A");

        // when
        List<Candidate> fresh = SELECTOR.select(purchase, profile(Segment.NEW), List.of());
        List<Candidate> known = SELECTOR.select(purchase, profile(Segment.REPEAT), List.of());

        // then
        assertThat(fresh).filteredOn(c -> c.relation() == Relation.COMPLEMENTARY).hasSize(4)
                .extracting(c -> c.product().price().amount()).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(known).filteredOn(c -> c.relation() == Relation.COMPLEMENTARY).hasSize(4)
                .extracting(c -> c.margin().ratio()).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void should_put_accessories_whose_names_fit_the_bought_model_first() {
        // when
        List<Candidate> samsung = SELECTOR.select(purchase("PH-SAM-A55"), profile(Segment.REPEAT), List.of());
        List<Candidate> iphone = SELECTOR.select(purchase("PH-APL-15"), profile(Segment.NEW), List.of());
        List<Candidate> ultra = SELECTOR.select(purchase("PH-SAM-S24U"), profile(Segment.LOYAL), List.of());

        // then: the A55's own cases (the sold-out wallet case never), the iPhone 15's, and the S24 Ultra's bundle
        assertThat(samsung.subList(0, 2)).extracting(c -> c.product().sku().value())
                .containsExactlyInAnyOrder("CS-SAM-A55-SIL", "CS-SAM-A55-BOOK");
        assertThat(samsung).allSatisfy(c -> assertThat(c.product().name()).contains("Samsung"));
        assertThat(iphone.get(0).product().name()).contains("iPhone 15");
        assertThat(ultra.get(0).relation()).isEqualTo(Relation.BUNDLE);
        assertThat(ultra.get(0).products()).extracting(p -> p.sku().value())
                .containsExactly("CS-SAM-S24U-ARM", "GL-SAM-S24U");
    }

    @Test
    void should_put_upgrades_and_bundles_first_for_a_loyal_customer() {
        // when
        List<Candidate> candidates = SELECTOR.select(purchase("PN-TFL-24"), profile(Segment.LOYAL), List.of());

        // then: the pricier pans within 30 % (up to 16 887 KZT), then the bundle of a knife and a board
        assertThat(candidates).extracting(Candidate::relation).startsWith(Relation.ANALOGUE_UPGRADE,
                Relation.ANALOGUE_UPGRADE, Relation.BUNDLE);
        assertThat(candidates).filteredOn(c -> c.relation() == Relation.ANALOGUE_UPGRADE)
                .allSatisfy(c -> assertThat(c.product().price().amount())
                        .isGreaterThan(new BigDecimal("12990")).isLessThanOrEqualTo(new BigDecimal("16887")));
        Candidate bundle = candidates.get(2);
        assertThat(bundle.products()).extracting(Product::category).containsExactly("Кухонные ножи",
                "Разделочные доски");
        assertThat(bundle.margin()).isEqualTo(MarginCalculator.of(bundle.products().get(0), SETTINGS).orElseThrow()
                .plus(MarginCalculator.of(bundle.products().get(1), SETTINGS).orElseThrow()));
    }

    @Test
    void should_rank_relations_in_each_segments_documented_order() {
        assertThat(CandidateSelector.priority(Segment.NEW)).startsWith(Relation.COMPLEMENTARY)
                .endsWith(Relation.REPEAT);
        assertThat(CandidateSelector.priority(Segment.LOYAL)).startsWith(Relation.ANALOGUE_UPGRADE, Relation.BUNDLE);
        assertThat(CandidateSelector.priority(Segment.AT_RISK)).startsWith(Relation.REPEAT, Relation.CONSUMABLE);
        assertThat(CandidateSelector.priority(Segment.UNKNOWN)).isEqualTo(CandidateSelector.priority(Segment.REPEAT));
        for (Segment segment : Segment.values()) {
            assertThat(CandidateSelector.priority(segment)).containsExactlyInAnyOrder(Relation.values());
        }
    }

    @Test
    void should_choose_the_same_candidates_in_the_same_order_whatever_the_catalogs_order() {
        // given
        List<Product> shuffled = new ArrayList<>(CATALOG);
        Collections.shuffle(shuffled, new Random(42));
        CandidateSelector other = new CandidateSelector(CatalogIndex.build(shuffled, SETTINGS));
        List<CoPurchase> together = List.of(new CoPurchase(Sku.of("HP-XMI-RB5"), 2),
                new CoPurchase(Sku.of("TY-HTW-5PK"), 2));

        for (Segment segment : Segment.values()) {
            for (String sku : List.of("PH-SAM-A55", "SH-HS-400", "CT-HP-106A", "PN-TFL-24")) {
                // when
                List<Candidate> a = SELECTOR.select(purchase(sku), profile(segment), together);
                List<Candidate> b = other.select(purchase(sku), profile(segment), together);

                // then
                assertThat(b).isEqualTo(a);
                assertThat(SELECTOR.select(purchase(sku), profile(segment), together)).isEqualTo(a);
            }
        }
    }

    @Test
    void should_break_ties_by_sku() {
        // given: two identical cases but for their SKUs
        List<Product> twins = List.of(
                product("PH-1", "Смартфоны", 100_000, 60_000),
                product("CASE-B", "Чехлы", 3_000, 1_000),
                product("CASE-A", "Чехлы", 3_000, 1_000));
        CandidateSelector selector = new CandidateSelector(CatalogIndex.build(twins, SETTINGS));

        // when
        List<Candidate> candidates = selector.select(purchase("PH-1"), profile(Segment.REPEAT), List.of());

        // then
        assertThat(candidates).extracting(c -> c.product().sku().value()).containsExactly("CASE-A", "CASE-B");
    }

    private static Product product(String sku, String category, long price, long cost) {
        return new Product(SHOP, Sku.of(sku), "Товар " + sku, category, Money.kzt(price), Money.kzt(cost), 5, true);
    }

    private static CustomerProfile profile(Segment segment) {
        return switch (segment) {
            case NEW -> CustomerProfile.firstPurchase();
            case UNKNOWN -> CustomerProfile.unknown();
            case REPEAT -> new CustomerProfile(Segment.REPEAT, 1, new BigDecimal("0.50"), Money.kzt(20_000), null);
            case LOYAL -> new CustomerProfile(Segment.LOYAL, 5, new BigDecimal("2.00"), Money.kzt(60_000), null);
            case AT_RISK -> new CustomerProfile(Segment.AT_RISK, 2, new BigDecimal("0.10"), Money.kzt(8_000), null);
        };
    }

    /** A purchase of one unit of each SKU at its catalog price (or 1 000 KZT when not in the catalog). */
    private static PurchaseEvent purchase(String... skus) {
        PurchaseEvent.Builder builder = PurchaseEvent.builder().shopId(SHOP).orderId(OrderId.of("700000000"))
                .occurredAt(AT);
        for (String sku : skus) {
            Product product = CATALOG.stream().filter(p -> p.sku().value().equals(sku)).findFirst()
                    .orElse(product(sku, "Смартфоны", 100_000, 60_000));
            builder.item(new PurchaseItem(product.sku(), product.name(), product.price(), 1));
        }
        return builder.build();
    }

    private static void assertPassHardFilters(List<Candidate> candidates, PurchaseEvent purchase) {
        assertPassHardFilters(candidates, purchase, SETTINGS);
    }

    /** Every product of every candidate passes every hard filter, checked independently of the index. */
    private static void assertPassHardFilters(List<Candidate> candidates, PurchaseEvent purchase,
            ShopSettings settings) {
        Set<Sku> bought = purchase.items().stream().map(PurchaseItem::sku).collect(Collectors.toSet());
        for (Candidate candidate : candidates) {
            for (Product p : candidate.products()) {
                assertThat(p.active()).as("%s active", p.sku()).isTrue();
                assertThat(p.stock()).as("%s in stock", p.sku()).isPositive();
                assertThat(settings.excludedCategories()).doesNotContain(p.category());
                assertThat(p.price().currency()).isEqualTo(purchase.currency());
                assertThat(MarginCalculator.of(p, settings)).as("%s margin", p.sku())
                        .hasValueSatisfying(m -> assertThat(m.atLeast(settings.minimumMarginPercent())).isTrue());
                if (candidate.relation() != Relation.REPEAT) {
                    assertThat(bought).as("%s not just bought", p.sku()).doesNotContain(p.sku());
                }
            }
        }
    }
}
