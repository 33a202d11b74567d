package dev.aihq.imports;

import dev.aihq.api.Money;
import dev.aihq.api.Sku;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.CatalogStore;
import dev.aihq.api.store.Product;
import dev.aihq.imports.mapping.BoundColumns;
import dev.aihq.imports.mapping.ColumnMapping;
import dev.aihq.imports.mapping.ImportField;
import dev.aihq.imports.table.TableCell;
import dev.aihq.imports.table.TableRow;
import dev.aihq.imports.table.TableSource;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Imports the catalog data the Kaspi price-list feed lacks, category and cost price per SKU, from a seller's
 * sheet into a shop's {@link CatalogStore}.
 *
 * <p>A row updates the product of its SKU: a non-empty category or cost price replaces the stored one, everything
 * else (name, price, stock, active) is kept; an empty cell keeps the stored value. A row that would change
 * nothing counts as a {@linkplain ImportReport#duplicates() duplicate}, so importing the same sheet twice writes
 * nothing the second time. <b>Unknown SKUs</b> are reported as a problem of the row and not created, unless the
 * mapping maps {@link ImportField#NAME} and {@link ImportField#PRICE} and the row fills both: then the product is
 * created, active, with no stock (so the sales agent offers it only once the feed brings stock), with the row's
 * category (empty when none) and cost price. Cost prices are in the shop's currency and must not be negative.
 *
 * <p>One store read and at most one write per row; rows are streamed. Thread-safe; each call is one import.
 */
public final class CatalogImporter {

    private final CatalogStore catalog;
    private final int progressEvery;
    private final int maxProblems;

    /**
     * Creates an importer that reports progress every 10,000 rows and lists up to 1,000 problems.
     *
     * @param catalog the catalog to update
     */
    public CatalogImporter(CatalogStore catalog) {
        this(catalog, 10_000, 1_000);
    }

    /**
     * Creates an importer.
     *
     * @param catalog the catalog to update
     * @param progressEvery how often the progress listener is told, in rows, at least 1
     * @param maxProblems how many problems a report lists, at least 0
     */
    public CatalogImporter(CatalogStore catalog, int progressEvery, int maxProblems) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        if (progressEvery < 1 || maxProblems < 0) {
            throw new IllegalArgumentException("progress interval must be at least 1 and the problem cap not negative");
        }
        this.progressEvery = progressEvery;
        this.maxProblems = maxProblems;
    }

    /**
     * Imports a file.
     *
     * @param shop the shop: its id and currency
     * @param source the file
     * @param mapping the shop's column mapping, with a SKU and a category or a cost price
     * @param listener told the progress
     * @return the report
     * @throws IllegalArgumentException when the mapping maps no SKU, or neither category nor cost price
     * @throws dev.aihq.imports.mapping.ColumnMappingException when a required column is missing; nothing is written
     * @throws dev.aihq.imports.table.TableReadException when the file cannot be read
     */
    public ImportReport importFile(Shop shop, TableSource source, ColumnMapping mapping,
            ImportProgressListener listener) {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(listener, "listener");
        if (!mapping.maps(ImportField.SKU)
                || !mapping.maps(ImportField.CATEGORY) && !mapping.maps(ImportField.COST_PRICE)) {
            throw new IllegalArgumentException("mapping " + mapping.name() + " must map a SKU and a category or a"
                    + " cost price to import catalog data");
        }
        ImportRun run = new ImportRun(source, mapping, maxProblems, progressEvery, listener);
        run.run((row, columns) -> row(shop, row, columns, run), () -> { });
        return run.report();
    }

    /**
     * Imports a file without progress reports.
     *
     * @param shop the shop
     * @param source the file
     * @param mapping the shop's column mapping
     * @return the report
     */
    public ImportReport importFile(Shop shop, TableSource source, ColumnMapping mapping) {
        return importFile(shop, source, mapping, ImportProgressListener.NONE);
    }

    private void row(Shop shop, TableRow row, BoundColumns columns, ImportRun run) {
        long before = run.problemCount();
        Sku sku = Cells.read(run, row, columns, ImportField.SKU, true, Values::sku);
        String category = Cells.read(run, row, columns, ImportField.CATEGORY, false, cell -> text(cell.text()));
        Money cost = Cells.read(run, row, columns, ImportField.COST_PRICE, false, cell -> money(cell, shop));
        String name = Cells.read(run, row, columns, ImportField.NAME, false, cell -> text(cell.text()));
        Money price = Cells.read(run, row, columns, ImportField.PRICE, false, cell -> money(cell, shop));
        if (run.problemCount() > before || sku == null) {
            run.skipped++;
            return;
        }
        Optional<Product> stored = catalog.find(shop.id(), sku);
        Product updated;
        if (stored.isPresent()) {
            Product product = stored.get();
            if (cost != null && !product.price().currency().equals(cost.currency())) {
                run.problem(row.number(), columns.label(ImportField.COST_PRICE), cost.toString(), "the product's price"
                        + " is in " + product.price().currency().getCurrencyCode() + ", not the shop's currency");
                run.skipped++;
                return;
            }
            updated = new Product(product.shopId(), product.sku(), product.name(),
                    category != null ? category : product.category(), product.price(),
                    cost != null ? cost : product.costPrice(), product.stock(), product.active());
            if (updated.equals(product)) {
                run.duplicates++;
                return;
            }
        } else if (name != null && price != null) {
            updated = new Product(shop.id(), sku, name, category != null ? category : "", price, cost, 0, true);
        } else {
            run.problem(row.number(), columns.label(ImportField.SKU), sku.value(), "no product with this SKU in the"
                    + " shop's catalog" + (columns.has(ImportField.NAME) && columns.has(ImportField.PRICE)
                            ? "; fill the name and the price to create it" : ""));
            run.skipped++;
            return;
        }
        catalog.save(updated);
        run.imported++;
    }

    private static @Nullable String text(String text) {
        return text.isEmpty() ? null : text;
    }

    private static @Nullable Money money(TableCell cell, Shop shop) {
        BigDecimal amount = Values.decimal(cell, shop.currency());
        if (amount != null && amount.signum() < 0) {
            throw new ValueFormatException("a negative price");
        }
        return amount == null ? null : Money.of(amount, shop.currency());
    }
}
