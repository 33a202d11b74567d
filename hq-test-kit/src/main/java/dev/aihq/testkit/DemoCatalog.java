package dev.aihq.testkit;

import dev.aihq.api.Money;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.shop.SalesSettings;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.Product;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A realistic demo catalog of a Kaspi.kz shop selling electronics, household goods and kids' goods: 237
 * products in 22 categories (smartphones with their cases, screen protectors, chargers and headphones;
 * shampoos and conditioners; detergents and fabric softeners; coffee machines, beans and descalers;
 * printers, cartridges and paper; diapers and baby wipes; toys; pans, knives and boards; supplements),
 * named in Russian as on Kaspi, priced in KZT with cost prices.
 *
 * <p>On purpose, every large category has a product that is sold out, one that is inactive, and some have
 * one below a 15 % margin or without a cost, so the hard filters have something to refuse. The data is the
 * resource {@value #RESOURCE} (semicolon-separated: {@code sku;category;name;price;cost;stock;active}, an
 * empty cost meaning unknown, {@code #} lines comments).
 *
 * <p>{@link #salesSettings()} and {@link #shopSettings()} give the relations and the commission schedule that
 * fit it. The commission percentages are plausible demo values, not Kaspi's current tariff.
 */
public final class DemoCatalog {

    /** The classpath resource holding the catalog. */
    public static final String RESOURCE = "dev/aihq/testkit/demo-catalog.csv";

    /** The category the demo shop never offers (dietary supplements). */
    public static final String EXCLUDED_CATEGORY = "БАДы";

    private static final List<String[]> ROWS = read();

    private DemoCatalog() {}

    /**
     * Returns the catalog as one shop's products, in the file's order.
     *
     * @param shopId the shop
     * @return the products
     */
    public static List<Product> products(ShopId shopId) {
        Objects.requireNonNull(shopId, "shop id");
        List<Product> products = new ArrayList<>(ROWS.size());
        for (String[] row : ROWS) {
            Money price = Money.of(row[3], Money.KZT);
            Money cost = row[4].isEmpty() ? null : Money.of(row[4], Money.KZT);
            products.add(new Product(shopId, Sku.of(row[0]), row[2], row[1], price, cost, Integer.parseInt(row[5]),
                    Boolean.parseBoolean(row[6])));
        }
        return List.copyOf(products);
    }

    /**
     * Returns the catalog's categories, in the file's order.
     *
     * @return the categories
     */
    public static List<String> categories() {
        LinkedHashSet<String> categories = new LinkedHashSet<>();
        for (String[] row : ROWS) {
            categories.add(row[1]);
        }
        return List.copyOf(categories);
    }

    /**
     * Returns the sales relations that fit the catalog: a smartphone's cases, screen protectors, chargers and
     * headphones; shampoo with conditioner and back; detergent with fabric softener and back; a coffee
     * machine's beans and care products; a printer's cartridges and paper; diapers with wipes; a pan with
     * knives and boards; shampoos, conditioners, detergents, softeners, beans, cartridges, paper, diapers and
     * wipes bought again. Analogues up to 30 % pricier, five candidates.
     *
     * @return the sales settings
     */
    public static SalesSettings salesSettings() {
        return SalesSettings.builder()
                .complementary("Смартфоны", List.of("Чехлы", "Защитные стёкла", "Зарядные устройства", "Наушники"))
                .complementary("Наушники", List.of("Зарядные устройства"))
                .complementary("Шампуни", List.of("Кондиционеры для волос"))
                .complementary("Кондиционеры для волос", List.of("Шампуни"))
                .complementary("Стиральные порошки", List.of("Кондиционеры для белья"))
                .complementary("Кондиционеры для белья", List.of("Стиральные порошки"))
                .complementary("Картриджи", List.of("Бумага"))
                .complementary("Подгузники", List.of("Детские влажные салфетки"))
                .complementary("Сковороды", List.of("Кухонные ножи", "Разделочные доски"))
                .complementary("Кухонные ножи", List.of("Разделочные доски"))
                .consumables("Кофемашины", List.of("Кофе в зёрнах", "Средства для кофемашин"))
                .consumables("Принтеры", List.of("Картриджи", "Бумага"))
                .repeatPurchase("Шампуни")
                .repeatPurchase("Кондиционеры для волос")
                .repeatPurchase("Стиральные порошки")
                .repeatPurchase("Кондиционеры для белья")
                .repeatPurchase("Кофе в зёрнах")
                .repeatPurchase("Картриджи")
                .repeatPurchase("Бумага")
                .repeatPurchase("Подгузники")
                .repeatPurchase("Детские влажные салфетки")
                .analoguePriceBandPercent(BigDecimal.valueOf(30))
                .maxCandidates(5)
                .build();
    }

    /**
     * Returns shop settings that fit the catalog: {@link #salesSettings()}, a 15 % minimum margin, a
     * per-category commission schedule (8–15 %, default 12 %) and {@value #EXCLUDED_CATEGORY} excluded.
     *
     * @return the shop settings
     */
    public static ShopSettings shopSettings() {
        return ShopSettings.builder()
                .minimumMarginPercent(BigDecimal.valueOf(15))
                .defaultCommissionPercent(BigDecimal.valueOf(12))
                .commission("Смартфоны", BigDecimal.valueOf(8))
                .commission("Принтеры", BigDecimal.valueOf(8))
                .commission("Подгузники", BigDecimal.valueOf(8))
                .commission("Наушники", BigDecimal.valueOf(10))
                .commission("Кофемашины", BigDecimal.valueOf(10))
                .commission("Картриджи", BigDecimal.valueOf(10))
                .commission("Стиральные порошки", BigDecimal.valueOf(10))
                .commission("Кондиционеры для белья", BigDecimal.valueOf(10))
                .commission("Чехлы", BigDecimal.valueOf(15))
                .commission("Защитные стёкла", BigDecimal.valueOf(15))
                .excludeCategory(EXCLUDED_CATEGORY)
                .sales(salesSettings())
                .build();
    }

    private static List<String[]> read() {
        try (InputStream in = DemoCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            boolean header = true;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] row = line.split(";", -1);
                if (row.length != 7) {
                    throw new IllegalStateException(RESOURCE + ": expected 7 columns, got " + row.length + " in '"
                            + line + "'");
                }
                rows.add(row);
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
