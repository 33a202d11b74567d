package dev.aihq.agents.sales.guard;

import dev.aihq.agents.sales.SalesPrompts;
import dev.aihq.api.Money;
import dev.aihq.api.Sku;
import dev.aihq.api.shop.PromoCode;
import dev.aihq.api.shop.SalesSettings;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.ShopPromise;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.Product;
import dev.aihq.testkit.Fixtures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.Nullable;

/** The shop, catalog and contexts the guard's tests check drafts against. */
final class GuardFixtures {

    static final Sku WINE_SET = Sku.of("GIFT-WINE-1");
    static final Sku CABLE = Sku.of("ACC-CABLE-C");
    static final Sku OTHER_SHOPS_CASE = Sku.of("MM-CASE-1");

    private GuardFixtures() {}

    /**
     * The shop: Kaspi, KZT, promo SPRING10 for 10 %, review discount 5 %, the category «Аудио» excluded.
     */
    static Shop shop(Locale locale, Set<ShopPromise> promises) {
        SalesSettings.Builder sales = SalesSettings.builder();
        promises.forEach(sales::promise);
        return Fixtures.kaspiShop().locale(locale).settings(ShopSettings.builder()
                .promoCode(new PromoCode("SPRING10", new BigDecimal("10"), null))
                .reviewDiscountPercent(new BigDecimal("5"))
                .excludeCategory("Аудио")
                .sales(sales.build())
                .build()).build();
    }

    static List<Product> candidates() {
        List<Product> all = new ArrayList<>();
        for (Product p : Fixtures.catalog(Fixtures.SHOP_ID)) {
            if (p.sku().equals(Fixtures.SCREEN_GLASS) || p.sku().equals(Fixtures.PHONE_CASE)
                    || p.sku().equals(Fixtures.CHARGER)) {
                all.add(p);
            }
        }
        all.add(Fixtures.product(Fixtures.SHOP_ID, WINE_SET, "Подарочный набор: вино и два бокала", "Алкоголь",
                14_990L, 9_000L, 5));
        all.add(Fixtures.product(Fixtures.SHOP_ID, CABLE, "Кабель USB-C 1 м", "Аксессуары", 1_990L, 400L, 0));
        return all;
    }

    static List<Product> catalog() {
        List<Product> all = new ArrayList<>(Fixtures.catalog(Fixtures.SHOP_ID));
        all.addAll(candidates());
        all.add(Fixtures.product(Fixtures.OTHER_SHOP_ID, OTHER_SHOPS_CASE, "Чехол Мобайл Маркет", "Аксессуары",
                3_990L, 1_000L, 10));
        return all;
    }

    static GuardContext context(Shop shop, @Nullable String customerMessage) {
        return context(shop, candidates(), customerMessage);
    }

    static GuardContext context(Shop shop, List<Product> candidates, @Nullable String customerMessage) {
        return GuardContext.builder(shop)
                .candidates(candidates)
                .catalog(catalog())
                .knownAmount(Money.kzt(189_990))
                .customerMessage(customerMessage)
                .foreignMarker("Мобайл Маркет")
                .foreignMarker("kaspi_456")
                .systemPrompt(SalesPrompts.system().text())
                .build();
    }
}
