package dev.aihq.examples;

import dev.aihq.agents.legal.document.SellerDetails;
import dev.aihq.agents.legal.document.SellerDetailsProvider;
import dev.aihq.pipeline.document.InMemoryDocumentSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import dev.aihq.api.Marketplace;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.shop.FrequencyCap;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.PromoCode;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.api.store.Product;
import dev.aihq.api.store.Stores;
import dev.aihq.testkit.DemoCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The demo's Kaspi shop {@code kaspi_123} ("Demo Kaspi Shop", ИП on the simplified declaration) with its
 * Russian message templates, a 5 % review discount and a promo code, on {@link DemoCatalog}'s 237 products
 * with the category relations, commissions and exclusions that fit it. The commission percentages are demo
 * values, not Kaspi's current tariff.
 */
public final class DemoShop {

    /** The shop's id, as in the seed's examples. */
    public static final ShopId SHOP_ID = ShopId.of("kaspi_123");
    /** The shop's webhook secret, shared with whoever sends its events. */
    public static final String SECRET = "demo-webhook-secret-kaspi-123";

    /** The demo customer's number, as the sample events give it. */
    public static final PhoneNumber CUSTOMER = PhoneNumber.parse("+77011234567");
    /** The second demo shop: a ТОО on the general regime, whose January sales near the VAT threshold. */
    public static final ShopId TOO_SHOP_ID = ShopId.of("kaspi_777");

    /** The promo code the shop lets its agents offer. */
    public static final String PROMO_CODE = "DEMO10";


    private DemoShop() {}

    /**
     * Returns the shop. Messages go out at once (no send delay, no quiet hours) so the demo shows them.
     *
     * @return the shop
     */
    public static Shop shop() {
        // The catalog's relations, commissions and exclusions, with the shop's own voice, templates and codes.
        ShopSettings settings = DemoCatalog.shopSettings().toBuilder()
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
     * Returns the demo catalog: {@link DemoCatalog}'s 237 products in 22 categories (electronics, household,
     * beauty, kids), with cost prices, some sold out or inactive on purpose.
     *
     * @return the products
     */
    public static List<Product> catalog() {
        return DemoCatalog.products(SHOP_ID);
    }

    /**
     * Saves the shop and its catalog, the second demo shop (a ТОО) with the same catalog, and both shops'
     * December 2025 and January 2026 ledger ({@link DemoLedger}).
     *
     * @param stores the stores
     * @return the number of products of the first shop
     */
    public static int load(Stores stores) {
        stores.shops().save(shop());
        List<Product> products = catalog();
        products.forEach(stores.catalog()::save);
        stores.shops().save(Shop.builder(TOO_SHOP_ID, Marketplace.KASPI).name("Demo Electronics")
                .legalForm(LegalForm.TOO).taxMode(TaxMode.KZ_GENERAL).settings(DemoCatalog.shopSettings()).build());
        DemoCatalog.products(TOO_SHOP_ID).forEach(stores.catalog()::save);
        DemoLedger.load(stores.ledger(), stores.catalog());
        return products.size();
    }

    /**
     * Returns the shops' webhook secrets: both demo shops share {@link #SECRET}.
     *
     * @return the secrets by shop
     */
    public static Map<ShopId, String> secrets() {
        return Map.of(SHOP_ID, SECRET, TOO_SHOP_ID, SECRET);
    }

    /**
     * Returns the demo shop's documents that its legal events name by file name: the texts of the fine notice and
     * of Kaspi's message, as an integrator's document store would give them (the PDF's text already extracted).
     *
     * @return the document source
     */
    public static InMemoryDocumentSource documents() {
        InMemoryDocumentSource documents = new InMemoryDocumentSource();
        for (String name : new String[] {"fine_notice.pdf", "kaspi_message.txt"}) {
            String resource = "/dev/aihq/examples/documents/" + name + (name.endsWith(".txt") ? "" : ".txt");
            try (InputStream in = DemoShop.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the demo document " + resource + " is not on the classpath");
                }
                documents.put(SHOP_ID, name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the demo document " + resource, e);
            }
        }
        return documents;
    }

    /**
     * Returns the demo shops' requisites for legal documents. The ИИН is a made-up demo value of the right length.
     *
     * @return the provider
     */
    public static SellerDetailsProvider sellerDetails() {
        SellerDetails demo = new SellerDetails("ИП «Demo Kaspi Shop»", Map.of("ИИН", "900101300123"),
                "г. Алматы, ул. Примерная, 1", "Демо Д. Д.", "индивидуальный предприниматель", "+7 700 000 00 00");
        return shop -> shop.id().equals(SHOP_ID) ? demo : SellerDetails.none();
    }
}
