package dev.aihq.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aihq.agents.finance.ProductLine;
import dev.aihq.agents.finance.ProfitCalculator;
import dev.aihq.agents.finance.ProfitInput;
import dev.aihq.api.Money;
import dev.aihq.api.event.ReportingPeriod;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.Product;
import dev.aihq.imports.mapping.ColumnMappings;
import dev.aihq.imports.table.TableSource;
import dev.aihq.pipeline.memory.InMemoryCatalogStore;
import dev.aihq.pipeline.memory.InMemoryLedgerStore;
import dev.aihq.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogAndProfitTest {

    private static final Shop SHOP = Fixtures.kaspiShop().settings(Fixtures.fullSettings()).build();
    private static final ColumnMappings MAPPINGS = ColumnMappings.defaults();
    private static final ReportingPeriod MARCH = ReportingPeriod.month(YearMonth.of(2026, 3));

    @TempDir
    Path dir;

    private final InMemoryCatalogStore catalog = new InMemoryCatalogStore();
    private final InMemoryLedgerStore ledger = new InMemoryLedgerStore();

    @BeforeEach
    void catalog() {
        Fixtures.catalog(SHOP.id()).forEach(catalog::save);
    }

    @Test
    void catalogDataSetsCategoryAndCostPriceKeepsTheRestAndReportsUnknownSkus() throws IOException {
        Product before = catalog.find(SHOP.id(), Fixtures.CHARGER).orElseThrow();
        TableSource source = TableSource.open(ImportTestFiles.copy("catalog-data.csv", dir));
        CatalogImporter importer = new CatalogImporter(catalog);

        ImportReport report = importer.importFile(SHOP, source, MAPPINGS.get(ColumnMappings.CATALOG_DATA));

        assertThat(report.rowsRead()).isEqualTo(4);
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::value)
                .containsExactly(tuple(7, "«Артикул» (A)", "NEW-SKU-1"));
        assertThat(report.problems().get(0).message()).contains("no product with this SKU");
        Product charger = catalog.find(SHOP.id(), Fixtures.CHARGER).orElseThrow();
        assertThat(charger.costPrice()).isEqualTo(Money.of("3100.50", Money.KZT));
        assertThat(charger).usingRecursiveComparison().ignoringFields("costPrice").isEqualTo(before);
        assertThat(catalog.find(SHOP.id(), Fixtures.SMARTPHONE).orElseThrow().costPrice()).isEqualTo(Money.kzt(185_000));

        ImportReport again = importer.importFile(SHOP, TableSource.open(dir.resolve("catalog-data.csv")), MAPPINGS.get(ColumnMappings.CATALOG_DATA));
        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(3);
    }

    @Test
    void importedActualsTurnAProfitableProductIntoALossMaker() throws IOException {
        LedgerImporter importer = LedgerImporter.builder(ledger).build();
        importer.importFile(SHOP, TableSource.open(ImportTestFiles.copy("sales-bom-semicolon.csv", dir)),
                MAPPINGS.get(ColumnMappings.SELLER_SALES));
        ProfitCalculator calculator = ProfitCalculator.create();

        ProductLine estimated = calculator.calculate(ProfitInput.load(SHOP, MARCH, ledger, catalog))
                .line(Fixtures.SMARTPHONE).orElseThrow();
        assertThat(estimated.commissionSource()).isEqualTo(ProductLine.CommissionSource.SCHEDULE);
        assertThat(estimated.profit().isNegative()).isFalse();

        ImportReport costs = importer.importFile(SHOP, TableSource.open(ImportTestFiles.copy("expenses-cp1251.csv",
                dir)), MAPPINGS.get(ColumnMappings.SELLER_EXPENSES));
        assertThat(costs.clean()).isTrue();

        ProductLine actual = calculator.calculate(ProfitInput.load(SHOP, MARCH, ledger, catalog))
                .line(Fixtures.SMARTPHONE).orElseThrow();
        assertThat(actual.commissionSource()).isEqualTo(ProductLine.CommissionSource.ACTUAL);
        assertThat(actual.deliverySource()).isEqualTo(ProductLine.DeliverySource.ACTUAL);
        assertThat(actual.commission()).isEqualTo(Money.kzt(80_000));
        assertThat(actual.delivery()).isEqualTo(Money.kzt(30_000));
        assertThat(actual.profit().isNegative()).isTrue();
        assertThat(calculator.report(SHOP, MARCH, ledger, catalog).lossMakers())
                .extracting(loss -> loss.sku()).contains(Fixtures.SMARTPHONE);
    }
}
