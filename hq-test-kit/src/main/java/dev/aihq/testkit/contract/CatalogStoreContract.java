package dev.aihq.testkit.contract;

import static dev.aihq.testkit.Fixtures.CHARGER;
import static dev.aihq.testkit.Fixtures.EARBUDS;
import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.PHONE_CASE;
import static dev.aihq.testkit.Fixtures.SCREEN_GLASS;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static dev.aihq.testkit.Fixtures.SMARTPHONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Money;
import dev.aihq.api.Sku;
import dev.aihq.api.store.CatalogStore;
import dev.aihq.api.store.Product;
import dev.aihq.testkit.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link CatalogStore}: products are inserted or replaced by (shop, SKU), found, and
 * listed in SKU order, each shop seeing only its own. Subclass it and return a new empty store from
 * {@link #createStore()}.
 */
public abstract class CatalogStoreContract extends StoreContract<CatalogStore> {

    /** Creates the suite. */
    protected CatalogStoreContract() {}

    /** A saved product is found by its SKU. */
    @Test
    public void should_return_saved_product_when_found_by_sku() {
        // given
        Product phone = Fixtures.smartphone(SHOP_ID);
        store().save(phone);

        // when / then
        assertThat(store().find(SHOP_ID, SMARTPHONE)).contains(phone);
    }

    /** A product without a cost price keeps it unknown. */
    @Test
    public void should_keep_cost_unknown_when_product_has_no_cost_price() {
        // given
        Fixtures.catalog(SHOP_ID).forEach(store()::save);

        // when
        Product charger = store().find(SHOP_ID, CHARGER).orElseThrow();

        // then
        assertThat(charger.costPrice()).isNull();
        assertThat(charger.price()).isEqualTo(Money.kzt(7_490));
    }

    /** An unknown SKU is empty. */
    @Test
    public void should_return_empty_when_sku_is_unknown() {
        // given
        store().save(Fixtures.smartphone(SHOP_ID));

        // when / then
        assertThat(store().find(SHOP_ID, Sku.of("NO-SUCH-SKU"))).isEmpty();
    }

    /** Saving the same SKU again replaces the product. */
    @Test
    public void should_replace_product_when_saved_again_with_same_sku() {
        // given
        Product phone = Fixtures.smartphone(SHOP_ID);
        store().save(phone);
        Product repriced = new Product(SHOP_ID, SMARTPHONE, phone.name(), phone.category(), Money.kzt(179_990),
                phone.costPrice(), 0, false);

        // when
        store().save(repriced);

        // then
        assertThat(store().find(SHOP_ID, SMARTPHONE)).contains(repriced);
        assertThat(store().list(SHOP_ID)).containsExactly(repriced);
    }

    /** The list is ordered by SKU whatever order the products were saved in. */
    @Test
    public void should_list_products_ordered_by_sku_when_saved_in_any_order() {
        // given
        List<Product> catalog = Fixtures.catalog(SHOP_ID);
        catalog.forEach(store()::save);

        // when
        List<Product> listed = store().list(SHOP_ID);

        // then
        assertThat(listed).extracting(Product::sku)
                .containsExactly(PHONE_CASE, SCREEN_GLASS, EARBUDS, CHARGER, SMARTPHONE);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(catalog);
    }

    /** A shop without products lists nothing. */
    @Test
    public void should_list_nothing_when_shop_has_no_products() {
        // given
        Fixtures.catalog(SHOP_ID).forEach(store()::save);

        // when / then
        assertThat(store().list(OTHER_SHOP_ID)).isEmpty();
    }

    /** Tenant isolation: the same SKU in two shops is two products, each found and listed in its shop. */
    @Test
    public void should_keep_shops_apart_when_same_sku_exists_in_two_shops() {
        // given
        Product mine = Fixtures.smartphone(SHOP_ID);
        Product theirs = new Product(OTHER_SHOP_ID, SMARTPHONE, "Смартфон Samsung Galaxy A55 8/128 ГБ",
                "Смартфоны", Money.kzt(169_990), null, 3, true);
        store().save(mine);

        // when
        store().save(theirs);

        // then
        assertThat(store().find(SHOP_ID, SMARTPHONE)).contains(mine);
        assertThat(store().find(OTHER_SHOP_ID, SMARTPHONE)).contains(theirs);
        assertThat(store().list(SHOP_ID)).containsExactly(mine);
        assertThat(store().list(OTHER_SHOP_ID)).containsExactly(theirs);
    }
}
