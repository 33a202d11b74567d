package dev.aihq.examples;

import dev.aihq.api.Money;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.store.CatalogStore;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerEntryKind;
import dev.aihq.api.store.LedgerStore;
import dev.aihq.api.store.Product;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo shops' money movements for the accountant, December 2025 and January 2026, at the demo
 * catalog's prices, as the sales pipeline and imports would record them:
 *
 * <ul>
 *   <li>{@link DemoShop#SHOP_ID} (ИП on form 910): about 21 million tenge of January sales over nine products,
 *       two of them loss-making (the iPhone SE, whose 8 % commission is above its margin, and a Galaxy A15 book
 *       case, whose 15 % commission is), one without a cost price, a few returns, rent and advertising.</li>
 *   <li>{@link DemoShop#TOO_SHOP_ID} (ТОО on the general regime): 36.6 million tenge of January sales, 84.6 %
 *       of the 2026 VAT registration threshold, so its report warns.</li>
 * </ul>
 */
public final class DemoLedger {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private DemoLedger() {}

    /**
     * Records the demo shops' entries (once: the keys are stable).
     *
     * @param ledger the ledger
     * @param catalog the catalog the prices come from
     * @return how many entries were new
     */
    public static int load(LedgerStore ledger, CatalogStore catalog) {
        List<LedgerEntry> entries = new ArrayList<>();
        ShopId shop = DemoShop.SHOP_ID;
        // January 2026
        sale(entries, catalog, shop, "2026-01", "PH-SAM-A55", 40);
        sale(entries, catalog, shop, "2026-01", "PH-SAM-A15", 60);
        sale(entries, catalog, shop, "2026-01", "PH-APL-15", 10);
        sale(entries, catalog, shop, "2026-01", "PH-APL-SE", 12);
        sale(entries, catalog, shop, "2026-01", "PH-INF-H40", 15);
        sale(entries, catalog, shop, "2026-01", "CS-SAM-A55-BOOK", 80);
        sale(entries, catalog, shop, "2026-01", "CS-SAM-A15-BOOK", 150);
        sale(entries, catalog, shop, "2026-01", "SH-HS-MEN-400", 120);
        sale(entries, catalog, shop, "2026-01", "DT-PRS-3KG", 90);
        reversal(entries, catalog, shop, "2026-01", "PH-SAM-A15", 3);
        reversal(entries, catalog, shop, "2026-01", "CS-SAM-A15-BOOK", 10);
        expense(entries, shop, "2026-01", "rent", 450_000);
        expense(entries, shop, "2026-01", "kaspi-ads", 300_000);
        // December 2025, for the comparison
        sale(entries, catalog, shop, "2025-12", "PH-SAM-A55", 30);
        sale(entries, catalog, shop, "2025-12", "PH-SAM-A15", 50);
        sale(entries, catalog, shop, "2025-12", "PH-APL-15", 12);
        sale(entries, catalog, shop, "2025-12", "CS-SAM-A55-BOOK", 60);
        sale(entries, catalog, shop, "2025-12", "SH-HS-MEN-400", 100);
        sale(entries, catalog, shop, "2025-12", "DT-PRS-3KG", 70);
        expense(entries, shop, "2025-12", "rent", 450_000);
        // The ТОО near the VAT registration threshold
        sale(entries, catalog, DemoShop.TOO_SHOP_ID, "2026-01", "PH-SAM-S24", 60);
        sale(entries, catalog, DemoShop.TOO_SHOP_ID, "2026-01", "PH-APL-15", 30);
        expense(entries, DemoShop.TOO_SHOP_ID, "2026-01", "rent", 900_000);
        return ledger.recordAll(entries);
    }

    private static void sale(List<LedgerEntry> entries, CatalogStore catalog, ShopId shop, String month, String sku,
            int units) {
        Product product = product(catalog, shop, sku);
        entries.add(new LedgerEntry(shop, "demo:sale:" + month + ":" + sku, LedgerEntryKind.SALE,
                day(month, sku.length() % 20 + 3), Sku.of(sku), null, BigDecimal.valueOf(units),
                product.price().times(units), "demo"));
    }

    private static void reversal(List<LedgerEntry> entries, CatalogStore catalog, ShopId shop, String month,
            String sku, int units) {
        Product product = product(catalog, shop, sku);
        entries.add(new LedgerEntry(shop, "demo:return:" + month + ":" + sku, LedgerEntryKind.RETURN, day(month, 25),
                Sku.of(sku), null, BigDecimal.valueOf(units), product.price().times(units), "demo"));
    }

    private static void expense(List<LedgerEntry> entries, ShopId shop, String month, String what, long tenge) {
        entries.add(new LedgerEntry(shop, "demo:expense:" + month + ":" + what, LedgerEntryKind.OTHER_EXPENSE,
                day(month, 5), null, null, BigDecimal.ZERO, Money.kzt(tenge), "demo"));
    }

    private static Product product(CatalogStore catalog, ShopId shop, String sku) {
        return catalog.find(shop, Sku.of(sku))
                .orElseThrow(() -> new IllegalStateException("the demo catalog has no " + sku));
    }

    private static Instant day(String month, int day) {
        return LocalDate.parse(month + "-" + String.format("%02d", day)).atTime(12, 0).atZone(ALMATY).toInstant();
    }
}
