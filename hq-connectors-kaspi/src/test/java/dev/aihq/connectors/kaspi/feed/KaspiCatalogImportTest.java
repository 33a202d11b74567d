package dev.aihq.connectors.kaspi.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aihq.api.Money;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.store.CatalogStore;
import dev.aihq.api.store.Product;
import dev.aihq.pipeline.memory.InMemoryCatalogStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link KaspiCatalogImport} on the in-memory catalog store. */
class KaspiCatalogImportTest {

    private static final ShopId SHOP = ShopId.of("kaspi_123");
    private static final ShopId OTHER_SHOP = ShopId.of("kaspi_456");

    private final CountingStore store = new CountingStore(new InMemoryCatalogStore());

    private static InputStream utf8(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    private Product stored(String sku) {
        return store.find(SHOP, Sku.of(sku)).orElseThrow();
    }

    @Test
    void should_create_products_with_feed_price_stock_and_activity_when_the_store_is_empty() {
        // when
        KaspiImportReport report = KaspiCatalogImport.of(store).apply(SHOP, FeedFixtures.resource("price-list.xml"));

        // then
        assertThat(report).isEqualTo(new KaspiImportReport(4, 0, 0, 0, List.of()));
        assertThat(stored("SM-A556B-128")).isEqualTo(new Product(SHOP, Sku.of("SM-A556B-128"),
                "Смартфон Samsung Galaxy A55 8/128 ГБ", KaspiCatalogImport.NO_CATEGORY, Money.kzt(189_990), null,
                12, true));
        assertThat(stored("CASE-A55-BLK").price()).as("Almaty's city price by default").isEqualTo(Money.kzt(4_490));
        assertThat(stored("CHG-25W-USBC").stock()).as("no stockCount on a new product: the known sum, 0").isZero();
        assertThat(stored("CHG-25W-USBC").active()).isTrue();
        Product glass = stored("GLASS-A55");
        assertThat(glass.price()).as("not priced for Almaty: the lowest city price").isEqualTo(Money.kzt(2_990));
        assertThat(glass.stock()).as("only stores selling it count").isZero();
        assertThat(glass.active()).isFalse();
        assertThat(store.list(OTHER_SHOP)).isEmpty();
    }

    @Test
    void should_take_the_configured_city_price_when_the_city_is_set() {
        // when
        KaspiCatalogImport.builder(store).city(KaspiCityIds.ASTANA).build()
                .apply(SHOP, FeedFixtures.resource("price-list.xml"));

        // then
        assertThat(stored("CASE-A55-BLK").price()).isEqualTo(Money.kzt(4_690));
        assertThat(stored("GLASS-A55").price()).isEqualTo(Money.kzt(2_990));
        assertThat(stored("SM-A556B-128").price()).as("one price for every city").isEqualTo(Money.kzt(189_990));
    }

    @Test
    void should_keep_category_and_cost_price_from_the_store_when_the_product_exists() {
        // given
        store.save(new Product(SHOP, Sku.of("SM-A556B-128"), "Galaxy A55 (старое название)", "Смартфоны",
                Money.kzt(199_990), Money.kzt(150_000), 3, false));
        store.save(new Product(SHOP, Sku.of("CHG-25W-USBC"), "Зарядка", "Аксессуары", Money.kzt(7_490),
                Money.kzt(4_000), 9, true));

        // when
        KaspiImportReport report = KaspiCatalogImport.of(store).apply(SHOP, FeedFixtures.resource("price-list.xml"));

        // then
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.updated()).isEqualTo(2);
        assertThat(stored("SM-A556B-128")).isEqualTo(new Product(SHOP, Sku.of("SM-A556B-128"),
                "Смартфон Samsung Galaxy A55 8/128 ГБ", "Смартфоны", Money.kzt(189_990), Money.kzt(150_000), 12,
                true));
        Product charger = stored("CHG-25W-USBC");
        assertThat(charger.category()).isEqualTo("Аксессуары");
        assertThat(charger.costPrice()).isEqualTo(Money.kzt(4_000));
        assertThat(charger.stock()).as("no stockCount: the stored stock is kept").isEqualTo(9);
    }

    @Test
    void should_mark_omitted_products_inactive_but_keep_them_when_deactivation_is_on_by_default() {
        // given
        Product discontinued = new Product(SHOP, Sku.of("OLD-1"), "Снятый товар", "Аксессуары", Money.kzt(990),
                Money.kzt(500), 6, true);
        Product alreadyInactive = new Product(SHOP, Sku.of("OLD-2"), "Давно снят", "Аксессуары", Money.kzt(990),
                null, 0, false);
        store.save(discontinued);
        store.save(alreadyInactive);

        // when
        KaspiImportReport report = KaspiCatalogImport.of(store).apply(SHOP, FeedFixtures.resource("price-list.xml"));

        // then
        assertThat(report.deactivated()).isEqualTo(1);
        assertThat(stored("OLD-1")).isEqualTo(new Product(SHOP, Sku.of("OLD-1"), "Снятый товар", "Аксессуары",
                Money.kzt(990), Money.kzt(500), 6, false));
        assertThat(stored("OLD-2")).isEqualTo(alreadyInactive);
        assertThat(store.list(SHOP)).hasSize(6);
    }

    @Test
    void should_leave_omitted_products_alone_when_deactivation_is_off() {
        // given
        Product discontinued = new Product(SHOP, Sku.of("OLD-1"), "Снятый товар", "Аксессуары", Money.kzt(990),
                null, 6, true);
        store.save(discontinued);

        // when
        KaspiImportReport report = KaspiCatalogImport.builder(store).deactivateMissing(false).build()
                .apply(SHOP, FeedFixtures.resource("price-list.xml"));

        // then
        assertThat(report.deactivated()).isZero();
        assertThat(stored("OLD-1")).isEqualTo(discontinued);
    }

    @Test
    void should_import_the_valid_offers_report_the_rest_and_not_deactivate_their_products_when_the_feed_has_errors() {
        // given: a product the feed names only in a malformed offer
        Product negative = new Product(SHOP, Sku.of("NEGATIVE-PRICE"), "Отрицательная цена", "Разное",
                Money.kzt(500), null, 2, true);
        store.save(negative);

        // when
        KaspiImportReport report = KaspiCatalogImport.of(store).apply(SHOP, FeedFixtures.resource("malformed.xml"));

        // then
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.deactivated()).isZero();
        assertThat(report.hasProblems()).isTrue();
        assertThat(report.problems()).extracting(FeedProblem::offerIndex).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(stored("GOOD-1").price()).as("the first GOOD-1 counts").isEqualTo(Money.kzt(29_990));
        assertThat(stored("GOOD-2").price()).isEqualTo(Money.kzt(2_490));
        assertThat(stored("NEGATIVE-PRICE")).as("a typo in the feed does not take it off sale").isEqualTo(negative);
        assertThat(store.find(SHOP, Sku.of("NO-MODEL"))).isEmpty();
    }

    @Test
    void should_change_nothing_when_the_same_feed_is_imported_twice() {
        // given
        store.save(new Product(SHOP, Sku.of("SM-A556B-128"), "Старое", "Смартфоны", Money.kzt(1), Money.kzt(1), 1,
                true));
        store.save(new Product(SHOP, Sku.of("OLD-1"), "Снятый", "Аксессуары", Money.kzt(990), null, 6, true));
        KaspiCatalogImport kaspiImport = KaspiCatalogImport.of(store);
        kaspiImport.apply(SHOP, FeedFixtures.resource("price-list.xml"));
        List<Product> afterFirst = store.list(SHOP);
        int writes = store.saves;

        // when
        KaspiImportReport second = kaspiImport.apply(SHOP, FeedFixtures.resource("price-list.xml"));

        // then
        assertThat(second).isEqualTo(new KaspiImportReport(0, 0, 4, 0, List.of()));
        assertThat(store.saves).as("nothing written").isEqualTo(writes);
        assertThat(store.list(SHOP)).isEqualTo(afterFirst);
    }

    @Test
    void should_import_a_parsed_list_like_a_stream_when_given_the_records() {
        // given
        KaspiPriceList list = KaspiPriceListParser.create().read(FeedFixtures.resource("malformed.xml"));

        // when
        KaspiImportReport report = KaspiCatalogImport.of(store).apply(SHOP, list);

        // then
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.problems()).isEqualTo(list.problems());
    }

    @Test
    void should_give_new_products_the_configured_placeholder_category_when_one_is_set() {
        // when
        KaspiCatalogImport.builder(store).newProductCategory("Без категории").build()
                .apply(SHOP, utf8(FeedFixtures.feed(FeedFixtures.offer("A-1", "Товар", 100, 1))));

        // then
        assertThat(stored("A-1").category()).isEqualTo("Без категории");
    }

    @Test
    void should_create_then_leave_unchanged_every_offer_when_a_5000_offer_feed_streams_in_twice() {
        // given
        KaspiCatalogImport kaspiImport = KaspiCatalogImport.of(store);

        // when
        KaspiImportReport first = kaspiImport.apply(SHOP, new FeedFixtures.GeneratedFeed(5_000));
        KaspiImportReport second = kaspiImport.apply(SHOP, new FeedFixtures.GeneratedFeed(5_000));

        // then
        assertThat(first).isEqualTo(new KaspiImportReport(5_000, 0, 0, 0, List.of()));
        assertThat(second).isEqualTo(new KaspiImportReport(0, 0, 5_000, 0, List.of()));
        assertThat(store.list(SHOP)).hasSize(5_000);
        assertThat(stored("GEN-04999")).satisfies(p -> {
            assertThat(p.name()).isEqualTo("Товар №4999 — тестовый");
            assertThat(p.price()).isEqualTo(Money.kzt(5_999));
            assertThat(p.stock()).isEqualTo(4_999 % 17);
        });
    }

    @Test
    void should_save_the_offers_read_and_deactivate_nothing_when_the_document_breaks_midway() {
        // given
        Product other = new Product(SHOP, Sku.of("OLD-1"), "Снятый", "Аксессуары", Money.kzt(990), null, 6, true);
        store.save(other);
        String broken = FeedFixtures.HEADER + FeedFixtures.offer("A-1", "Товар", 100, 1) + "<offer sku=\"A-2\"><mod";

        // when
        KaspiFeedException e = catchThrowableOfType(() -> KaspiCatalogImport.of(store).apply(SHOP, utf8(broken)),
                KaspiFeedException.class);

        // then
        assertThat(e).isNotNull();
        assertThat(store.find(SHOP, Sku.of("A-1"))).isPresent();
        assertThat(stored("OLD-1")).isEqualTo(other);
    }

    /** A catalog store that counts writes, to prove an unchanged import writes nothing. */
    private static final class CountingStore implements CatalogStore {
        private final CatalogStore delegate;
        private int saves;

        CountingStore(CatalogStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void save(Product product) {
            saves++;
            delegate.save(product);
        }

        @Override
        public Optional<Product> find(ShopId shopId, Sku sku) {
            return delegate.find(shopId, sku);
        }

        @Override
        public List<Product> list(ShopId shopId) {
            return delegate.list(shopId);
        }
    }
}
