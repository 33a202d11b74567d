package dev.aihq.examples;

import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.shop.FrequencyCap;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.PromoCode;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.api.store.Product;
import dev.aihq.api.store.Stores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo's Kaspi shop {@code kaspi_123} ("Demo Kaspi Shop", ИП on the simplified declaration) with its
 * Russian message templates, a 5 % review discount, a promo code, a commission per category, and a
 * catalog of household, beauty, kids', sport and electronics goods loaded from
 * {@code /demo/catalog.csv}. The commission percentages are demo values, not Kaspi's current tariff.
 */
public final class DemoShop {

    /** The shop's id, as in the seed's examples. */
    public static final ShopId SHOP_ID = ShopId.of("kaspi_123");
    /** The shop's webhook secret, shared with whoever sends its events. */
    public static final String SECRET = "demo-webhook-secret-kaspi-123";

    /** The demo customer's number, as the sample events give it. */
    public static final PhoneNumber CUSTOMER = PhoneNumber.parse("+77011234567");
    /** The promo code the shop lets its agents offer. */
    public static final String PROMO_CODE = "DEMO10";

    private static final String CATALOG = "/demo/catalog.csv";

    private DemoShop() {}

    /**
     * Returns the shop. Messages go out at once (no send delay, no quiet hours) so the demo shows them.
     *
     * @return the shop
     */
    public static Shop shop() {
        ShopSettings settings = ShopSettings.builder()
                .toneOfVoice("на «вы», тепло и коротко, без эмодзи")
                .messageTemplate("upsell", "Здравствуйте! Спасибо за заказ №{{order_id}} в «{{shop_name}}». К товару"
                        + " «{{product}}» покупатели часто берут «{{recommended_product}}» — {{recommended_price}}."
                        + " Ответьте «да», и мы поможем оформить заказ.")
                .messageTemplate("repeat_sale", "Рады видеть вас снова в «{{shop_name}}»! Спасибо за заказ"
                        + " №{{order_id}}. К товару «{{product}}» рекомендуем «{{recommended_product}}» —"
                        + " {{recommended_price}}. Для постоянных покупателей — промокод {{promo_code}}: скидка"
                        + " {{promo_discount}} % на следующий заказ.")
                .messageTemplate("thanks", "Спасибо за заказ №{{order_id}} в «{{shop_name}}»! Будем рады вашему"
                        + " отзыву о товаре «{{product}}» на Kaspi.kz.")
                .messageTemplate("reply", "Здравствуйте! Спасибо за сообщение. Менеджер «{{shop_name}}» ответит"
                        + " вам в ближайшее время. Если вопрос о заказе, пожалуйста, напишите его номер.")
                .reviewDiscountPercent(new BigDecimal("5"))
                .promoCode(new PromoCode(PROMO_CODE, new BigDecimal("10"), null))
                .sendDelay(Duration.ZERO)
                .quietHours(null)
                .frequencyCap(FrequencyCap.of(3, Duration.ofDays(7)))
                .minimumMarginPercent(new BigDecimal("15"))
                .defaultCommissionPercent(new BigDecimal("12"))
                .commission("Бытовая химия", new BigDecimal("12"))
                .commission("Косметика", new BigDecimal("12"))
                .commission("Уход за волосами", new BigDecimal("12"))
                .commission("Аксессуары для телефонов", new BigDecimal("15"))
                .commission("Товары для дома", new BigDecimal("12"))
                .commission("Детские товары", new BigDecimal("10"))
                .commission("Спорт", new BigDecimal("10"))
                .commission("Электроника", new BigDecimal("8"))
                .dailyTokenBudget(100_000)
                .build();
        return Shop.builder(SHOP_ID, Marketplace.KASPI)
                .name("Demo Kaspi Shop")
                .legalForm(LegalForm.IP)
                .taxMode(TaxMode.KZ_SIMPLIFIED_DECLARATION)
                .settings(settings)
                .build();
    }

    /**
     * Loads the catalog from {@code /demo/catalog.csv}: {@code sku,name,category,price_kzt,cost_kzt,stock}
     * with a header line; an empty cost means the cost price is unknown.
     *
     * @return the products, in file order
     * @throws IllegalStateException naming the line when the file is malformed
     */
    public static List<Product> catalog() {
        List<Product> products = new ArrayList<>();
        try (InputStream in = DemoShop.class.getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException("the demo catalog " + CATALOG + " is not on the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = reader.readLine();
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    products.add(product(line, number));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo catalog " + CATALOG, e);
        }
        return products;
    }

    private static Product product(String line, int number) {
        String[] f = line.split(",", -1);
        if (f.length != 6) {
            throw new IllegalStateException(CATALOG + " line " + number + " has " + f.length + " fields, expected 6");
        }
        try {
            return new Product(SHOP_ID, Sku.of(f[0].strip()), f[1].strip(), f[2].strip(), Money.of(f[3].strip(), Money.KZT),
                    f[4].isBlank() ? null : Money.of(f[4].strip(), Money.KZT), Integer.parseInt(f[5].strip()), true);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(CATALOG + " line " + number + ": " + e.getMessage(), e);
        }
    }

    /**
     * Saves the shop and its catalog.
     *
     * @param stores the stores
     * @return the number of products saved
     */
    public static int load(Stores stores) {
        stores.shops().save(shop());
        List<Product> products = catalog();
        products.forEach(stores.catalog()::save);
        return products.size();
    }

    /**
     * Returns the shops' webhook secrets: the demo shop's only.
     *
     * @return the secrets by shop
     */
    public static Map<ShopId, String> secrets() {
        return Map.of(SHOP_ID, SECRET);
    }
}
