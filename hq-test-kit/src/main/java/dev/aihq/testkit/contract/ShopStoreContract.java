package dev.aihq.testkit.contract;

import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.ShopId;
import dev.aihq.api.shop.PromoCode;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.ShopStore;
import dev.aihq.testkit.Fixtures;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ShopStore}: save, find and replace shops with every setting, unknown shops are
 * empty, and one shop's data never answers for another. Subclass it and return a new empty store from
 * {@link #createStore()}.
 */
public abstract class ShopStoreContract extends StoreContract<ShopStore> {

    /** Creates the suite. */
    protected ShopStoreContract() {}

    /** An unknown shop is empty, not an error. */
    @Test
    public void should_return_empty_when_shop_is_unknown() {
        // given
        ShopStore store = store();

        // when
        Optional<Shop> found = store.find(ShopId.of("kaspi_unknown"));

        // then
        assertThat(found).isEmpty();
    }

    /** A saved shop is found with every field. */
    @Test
    public void should_return_saved_shop_when_found_by_id() {
        // given
        Shop shop = Fixtures.kaspiShop().build();
        store().save(shop);

        // when
        Optional<Shop> found = store().find(SHOP_ID);

        // then
        assertThat(found).isPresent();
        assertSameShop(found.get(), shop);
    }

    /** Settings survive a round trip: templates, promo codes, quiet hours, caps, commissions, budget. */
    @Test
    public void should_keep_every_setting_when_shop_has_full_settings() {
        // given
        Shop shop = Fixtures.kaspiShop().settings(Fixtures.fullSettings()).active(false).build();
        store().save(shop);

        // when
        Shop found = store().find(SHOP_ID).orElseThrow();

        // then
        assertSameShop(found, shop);
        assertThat(found.active()).isFalse();
        assertThat(found.settings().promoCodes()).extracting(PromoCode::code).containsExactly("SPRING10");
        assertThat(found.settings().template("upsell")).contains(
                "Здравствуйте, {{name}}! К вашему {{product}} подойдёт {{offer}}.");
        assertThat(found.settings().commissionPercentFor("Смартфоны")).isEqualByComparingTo("8");
    }

    /** Saving a shop again replaces it. */
    @Test
    public void should_replace_shop_when_saved_again_with_same_id() {
        // given
        store().save(Fixtures.kaspiShop().build());
        Shop changed = Fixtures.kaspiShop()
                .name("Электроника Астана")
                .zone(ZoneId.of("Asia/Qostanay"))
                .settings(Fixtures.fullSettings())
                .build();

        // when
        store().save(changed);

        // then
        Shop found = store().find(SHOP_ID).orElseThrow();
        assertSameShop(found, changed);
        assertThat(found.name()).isEqualTo("Электроника Астана");
    }

    /** Tenant isolation: each shop answers only with its own data, and replacing one leaves the other. */
    @Test
    public void should_keep_shops_apart_when_two_shops_are_saved() {
        // given
        Shop first = Fixtures.kaspiShop(SHOP_ID).name("Первый магазин").build();
        Shop second = Fixtures.kaspiShop(OTHER_SHOP_ID).name("Второй магазин")
                .settings(Fixtures.fullSettings()).build();
        store().save(first);
        store().save(second);

        // when
        store().save(second.toBuilder().name("Второй магазин, новое имя").active(false).build());

        // then
        assertSameShop(store().find(SHOP_ID).orElseThrow(), first);
        assertThat(store().find(OTHER_SHOP_ID).orElseThrow().name()).isEqualTo("Второй магазин, новое имя");
    }

    /**
     * Compares two shops field by field, with decimals compared by value so that a store may normalise
     * their scale ({@code 5} and {@code 5.00} are the same percent).
     *
     * @param actual the shop read back
     * @param expected the shop saved
     */
    protected void assertSameShop(Shop actual, Shop expected) {
        assertThat(actual)
                .usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(expected);
    }

    /** Shops are listed by id in ascending order, a page at a time, active or not. */
    @Test
    public void should_list_every_shop_in_id_order_when_paged() {
        // given
        ShopStore store = store();
        for (String id : List.of("wb_2", "kaspi_9", "kaspi_10", "ozon-1", "Kaspi_A")) {
            store.save(Fixtures.kaspiShop(ShopId.of(id)).active(!id.equals("ozon-1")).build());
        }

        // when
        List<ShopId> first = store.listIds(null, 2);
        List<ShopId> second = store.listIds(first.get(1), 2);
        List<ShopId> last = store.listIds(second.get(1), 2);

        // then
        assertThat(first).containsExactly(ShopId.of("Kaspi_A"), ShopId.of("kaspi_10"));
        assertThat(second).containsExactly(ShopId.of("kaspi_9"), ShopId.of("ozon-1"));
        assertThat(last).containsExactly(ShopId.of("wb_2"));
        assertThat(store.listIds(ShopId.of("wb_2"), 10)).isEmpty();
        assertThatThrownBy(() -> store.listIds(null, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
