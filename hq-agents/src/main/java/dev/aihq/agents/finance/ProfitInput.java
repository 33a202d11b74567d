package dev.aihq.agents.finance;

import dev.aihq.api.event.ReportingPeriod;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.CatalogStore;
import dev.aihq.api.store.LedgerStore;
import dev.aihq.api.store.LedgerTotal;
import dev.aihq.api.store.Product;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ProfitCalculator} works from: the shop (its settings, zone and currency), the period, the
 * ledger's totals for the period and the catalog. Every source of money movements plugs in through the
 * ledger: the purchase pipeline and the Kaspi poller record sales, returns and cancellations; file imports
 * and marketplace finance reports record {@code COMMISSION}, {@code DELIVERY}, {@code COST_OF_GOODS},
 * {@code PENALTY} and {@code OTHER_EXPENSE} entries, which take precedence over the calculator's estimates
 * from the catalog and the commission schedule. {@code PAYOUT} entries (bank statement imports) are for
 * reconciliation and never count.
 *
 * @param shop the shop
 * @param period the period
 * @param totals the shop's ledger totals for the period's instants in the shop's zone
 * @param catalog the shop's catalog as it is now (a catalog keeps no history of prices and cost prices)
 */
public record ProfitInput(Shop shop, ReportingPeriod period, List<LedgerTotal> totals, List<Product> catalog) {

    /** Requires every part and a catalog of the shop's products. */
    public ProfitInput {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(period, "period");
        totals = List.copyOf(totals);
        catalog = List.copyOf(catalog);
        for (Product product : catalog) {
            if (!product.shopId().equals(shop.id())) {
                throw new IllegalArgumentException("product " + product.sku() + " belongs to shop "
                        + product.shopId() + ", not " + shop.id());
            }
        }
    }

    /**
     * Reads a period's input from the stores: the ledger's totals from the start of the period's first
     * local day to the start of the day after its last, in the shop's time zone, and the shop's catalog.
     *
     * @param shop the shop
     * @param period the period
     * @param ledger the ledger
     * @param catalog the catalog
     * @return the input
     * @throws dev.aihq.api.error.StoreException when a store fails
     */
    public static ProfitInput load(Shop shop, ReportingPeriod period, LedgerStore ledger, CatalogStore catalog) {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(period, "period");
        List<LedgerTotal> totals = ledger.totals(shop.id(), period.startIn(shop.zone()), period.endIn(shop.zone()));
        return new ProfitInput(shop, period, totals, catalog.list(shop.id()));
    }
}
