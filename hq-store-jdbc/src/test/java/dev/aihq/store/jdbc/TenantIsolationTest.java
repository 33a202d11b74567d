package dev.aihq.store.jdbc;

import static dev.aihq.testkit.Fixtures.CUSTOMER;
import static dev.aihq.testkit.Fixtures.NOW;
import static dev.aihq.testkit.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.store.Product;
import dev.aihq.api.store.Purchase;
import dev.aihq.testkit.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two shops holding look-alike data in the same tables — the same SKUs, the same order numbers, the same
 * customer, the same day's token usage, even shop ids differing only in case — and no query of one shop
 * ever returns a row of the other.
 */
class TenantIsolationTest {

    private static final List<String> ORDERS = List.of("500000001", "500000002", "500000003");

    static Stream<Arguments> databasesAndShops() {
        List<Arguments> arguments = new ArrayList<>();
        MigratedDatabase.both().forEach(database -> {
            arguments.add(Arguments.of(database, Named.of("kaspi_123 and kaspi_456", ShopId.of("kaspi_456"))));
            arguments.add(Arguments.of(database, Named.of("kaspi_123 and KASPI_123", ShopId.of("KASPI_123"))));
        });
        return arguments.stream();
    }

    /** A shop's catalog: the fixture SKUs, with names and prices of its own so a leak would show. */
    private static List<Product> catalog(ShopId shop, int priceOffset) {
        return Fixtures.catalog(shop).stream()
                .map(p -> new Product(shop, p.sku(), p.name() + " (" + shop + ")", p.category(),
                        p.price().plus(Money.kzt(priceOffset)), p.costPrice(), p.stock() + priceOffset, p.active()))
                .sorted(Comparator.comparing(p -> p.sku().value()))
                .toList();
    }

    /** A shop's purchases: the same order numbers and customer, at times of its own, newest first. */
    private static List<Purchase> purchases(ShopId shop, Duration shift) {
        List<Purchase> purchases = new ArrayList<>();
        for (int i = 0; i < ORDERS.size(); i++) {
            purchases.add(0, Fixtures.purchase(shop, ORDERS.get(i), CUSTOMER, NOW.minus(shift).plusSeconds(60L * i)));
        }
        return purchases;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("databasesAndShops")
    void should_answer_each_shop_with_its_own_rows_when_two_shops_hold_look_alike_data(
            Supplier<MigratedDatabase> database, ShopId other) {
        // given
        JdbcStores stores = database.get().stores();
        ShopId mine = Fixtures.SHOP_ID;
        stores.shops().save(Fixtures.kaspiShop(mine).name("Мой магазин").build());
        stores.shops().save(Fixtures.kaspiShop(other).name("Чужой магазин").settings(Fixtures.fullSettings())
                .active(false).build());
        List<Product> myCatalog = catalog(mine, 0);
        List<Product> theirCatalog = catalog(other, 7);
        myCatalog.forEach(stores.catalog()::save);
        theirCatalog.forEach(stores.catalog()::save);
        List<Purchase> myPurchases = purchases(mine, Duration.ZERO);
        List<Purchase> theirPurchases = purchases(other, Duration.ofDays(1));
        myPurchases.forEach(stores.purchases()::save);
        theirPurchases.forEach(stores.purchases()::save);
        stores.tokenUsage().add(mine, TODAY, 1_000);
        stores.tokenUsage().add(other, TODAY, 5);

        // when / then: shops
        assertThat(stores.shops().find(mine).orElseThrow().name()).isEqualTo("Мой магазин");
        assertThat(stores.shops().find(other).orElseThrow().name()).isEqualTo("Чужой магазин");

        // catalog
        assertThat(stores.catalog().list(mine)).containsExactlyElementsOf(myCatalog);
        assertThat(stores.catalog().list(other)).containsExactlyElementsOf(theirCatalog);
        for (int i = 0; i < myCatalog.size(); i++) {
            assertThat(stores.catalog().find(mine, myCatalog.get(i).sku())).contains(myCatalog.get(i));
            assertThat(stores.catalog().find(other, theirCatalog.get(i).sku())).contains(theirCatalog.get(i));
        }

        // purchases
        for (Purchase purchase : myPurchases) {
            assertThat(stores.purchases().find(mine, purchase.orderId())).contains(purchase);
        }
        for (Purchase purchase : theirPurchases) {
            assertThat(stores.purchases().find(other, purchase.orderId())).contains(purchase);
        }
        assertThat(stores.purchases().findByCustomer(mine, CUSTOMER, 100)).containsExactlyElementsOf(myPurchases);
        assertThat(stores.purchases().findByCustomer(other, CUSTOMER, 100))
                .containsExactlyElementsOf(theirPurchases);
        assertThat(stores.purchases().findByCustomer(mine, CUSTOMER, 1)).containsExactly(myPurchases.get(0));

        // token usage
        assertThat(stores.tokenUsage().used(mine, TODAY)).isEqualTo(1_000);
        assertThat(stores.tokenUsage().used(other, TODAY)).isEqualTo(5);
        assertThat(stores.tokenUsage().add(other, TODAY, 1)).isEqualTo(6);

        // a third shop sees nothing at all
        ShopId stranger = ShopId.of("kaspi_12");
        assertThat(stores.shops().find(stranger)).isEmpty();
        assertThat(stores.catalog().list(stranger)).isEmpty();
        assertThat(stores.catalog().find(stranger, Fixtures.SMARTPHONE)).isEmpty();
        assertThat(stores.purchases().find(stranger, OrderId.of(ORDERS.get(0)))).isEmpty();
        assertThat(stores.purchases().findByCustomer(stranger, CUSTOMER, 100)).isEmpty();
        assertThat(stores.tokenUsage().used(stranger, TODAY)).isZero();
    }
}
