package dev.aihq.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.aihq.api.Money;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerEntryKind;
import dev.aihq.imports.mapping.ColumnMapping;
import dev.aihq.imports.mapping.ColumnMappingException;
import dev.aihq.imports.mapping.ColumnMappings;
import dev.aihq.imports.mapping.ColumnRef;
import dev.aihq.imports.mapping.ImportField;
import dev.aihq.imports.table.CsvTableSource;
import dev.aihq.imports.table.TableSource;
import dev.aihq.imports.table.XlsxTableSource;
import dev.aihq.pipeline.memory.InMemoryLedgerStore;
import dev.aihq.testkit.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerImporterTest {

    private static final Shop SHOP = Fixtures.kaspiShop().build();
    private static final ColumnMappings MAPPINGS = ColumnMappings.defaults();

    @TempDir
    Path dir;

    private final InMemoryLedgerStore ledger = new InMemoryLedgerStore();
    private final LedgerImporter importer = LedgerImporter.builder(ledger).build();

    private List<LedgerEntry> entries() {
        return ledger.entries(SHOP.id(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 10_000);
    }

    @Test
    void importsAUtf8BomSemicolonSheetAndReportsEachMalformedRowByRowAndColumn() throws IOException {
        CsvTableSource source = CsvTableSource.of(ImportTestFiles.copy("sales-bom-semicolon.csv", dir));
        assertThat(source.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(source.delimiter()).isEqualTo(';');

        ImportReport report = importer.importFile(SHOP, source, MAPPINGS.get(ColumnMappings.SELLER_SALES));

        assertThat(report.rowsRead()).isEqualTo(8);
        assertThat(report.imported()).isEqualTo(3);
        assertThat(report.skipped()).isEqualTo(5);
        assertThat(report.mappingVerified()).isFalse();
        assertThat(report.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::value)
                .containsExactly(
                        tuple(4, "«Дата» (A)", "31.02.2026"),
                        tuple(5, "«Сумма» (F)", "4 99O"),
                        tuple(6, "«Сумма» (F)", "-4 990"),
                        tuple(7, "«Артикул» (D)", ""),
                        tuple(9, "«Операция» (B)", "Подарок"));
        assertThat(report.problems().get(0).message()).contains("not a valid date");
        assertThat(report.problems().get(1).message()).contains("not a number");
        assertThat(report.problems().get(2).message()).contains("negative amount");
        assertThat(report.problems().get(3).message()).contains("a sale needs the product's SKU");
        assertThat(report.problems().get(4).message()).contains("unknown kind");

        assertThat(entries()).extracting(LedgerEntry::kind, LedgerEntry::amount, LedgerEntry::quantity)
                .containsExactly(
                        tuple(LedgerEntryKind.SALE, Money.kzt(189_990), BigDecimal.ONE),
                        tuple(LedgerEntryKind.SALE, Money.kzt(189_990), BigDecimal.ONE),
                        tuple(LedgerEntryKind.RETURN, Money.kzt(189_990), BigDecimal.ONE));
        LedgerEntry first = entries().get(0);
        assertThat(first.occurredAt()).isEqualTo(Instant.parse("2026-03-01T00:00:00+05:00"));
        assertThat(first.key()).isEqualTo("import:" + source.contentHash().substring(0, 16) + ":2");
        assertThat(first.orderId().value()).isEqualTo("580112233");
        assertThat(first.source()).isEqualTo("import:sales-bom-semicolon.csv");
        assertThat(entries().get(1).occurredAt()).isEqualTo(Instant.parse("2026-03-02T14:35:00+05:00"));
    }

    @Test
    void theSameFileImportedTwiceIsStoredOnce() throws IOException {
        Path file = ImportTestFiles.copy("sales-bom-semicolon.csv", dir);
        importer.importFile(SHOP, TableSource.open(file), MAPPINGS.get(ColumnMappings.SELLER_SALES));

        ImportReport again = importer.importFile(SHOP, TableSource.open(file), MAPPINGS.get(ColumnMappings.SELLER_SALES));

        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(3);
        assertThat(entries()).hasSize(3);
    }

    @Test
    void readsWindows1251AndSpreadsAShopWideCostWithoutASku() throws IOException {
        CsvTableSource source = CsvTableSource.of(ImportTestFiles.copy("expenses-cp1251.csv", dir));
        assertThat(source.charset()).isEqualTo(Charset.forName("windows-1251"));

        ImportReport report = importer.importFile(SHOP, source, MAPPINGS.get(ColumnMappings.SELLER_EXPENSES));

        assertThat(report.clean()).isTrue();
        assertThat(report.imported()).isEqualTo(5);
        assertThat(entries()).extracting(LedgerEntry::kind).containsOnly(LedgerEntryKind.COMMISSION,
                LedgerEntryKind.DELIVERY, LedgerEntryKind.OTHER_EXPENSE);
        assertThat(entries()).filteredOn(e -> e.kind() == LedgerEntryKind.OTHER_EXPENSE).singleElement()
                .satisfies(rent -> {
                    assertThat(rent.sku()).isNull();
                    assertThat(rent.amount()).isEqualTo(Money.kzt(120_000));
                    assertThat(rent.quantity()).isEqualByComparingTo("0");
                });
    }

    @Test
    void commaSeparatedSheetWithKazakhWordsCurrencySignAndAccountingNegative() throws IOException {
        CsvTableSource source = CsvTableSource.of(ImportTestFiles.copy("expenses-utf8.csv", dir));
        assertThat(source.delimiter()).isEqualTo(',');

        ImportReport report = importer.importFile(SHOP, source, MAPPINGS.get(ColumnMappings.SELLER_EXPENSES));

        assertThat(report.imported()).isEqualTo(5);
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(6);
            assertThat(problem.column()).isEqualTo("«Сумма» (E)");
            assertThat(problem.message()).contains("negative amount");
        });
        assertThat(entries()).filteredOn(e -> e.amount().equals(Money.of("25000.50", Money.KZT))).singleElement()
                .extracting(LedgerEntry::kind).isEqualTo(LedgerEntryKind.OTHER_EXPENSE);
    }

    @Test
    void aMissingRequiredColumnFailsTheImportNamingTheColumn() throws IOException {
        TableSource source = TableSource.open(ImportTestFiles.copy("sales-missing-amount.csv", dir));

        assertThatThrownBy(() -> importer.importFile(SHOP, source, MAPPINGS.get(ColumnMappings.SELLER_SALES)))
                .isInstanceOf(ColumnMappingException.class)
                .hasMessageContaining("AMOUNT (header «Сумма»")
                .hasMessageContaining("Дата | Операция | Артикул | Количество");
        assertThat(entries()).isEmpty();
    }

    @Test
    void wbReportRowsGiveOneEntryPerAmountAndOverlappingFilesAreStoredOnceByRrdId() throws IOException {
        ColumnMapping wb = MAPPINGS.get(ColumnMappings.WB_REPORT);
        Shop wbShop = SHOP.toBuilder().currency(Money.RUB).build();

        ImportReport week1 = importer.importFile(wbShop, TableSource.open(
                ImportTestFiles.copy("wb-report-week1.tsv", dir)), wb);
        ImportReport both = importer.importFile(wbShop, TableSource.open(
                ImportTestFiles.copy("wb-report-week1-and-2.tsv", dir)), wb);

        assertThat(week1.clean()).isTrue();
        assertThat(week1.imported()).isEqualTo(5);
        assertThat(both.imported()).isEqualTo(2);
        assertThat(both.duplicates()).isEqualTo(2);
        assertThat(ledger.find(SHOP.id(), "import:wb-report:1001:commission")).get()
                .extracting(LedgerEntry::amount).isEqualTo(Money.of("3748.50", Money.RUB));
        assertThat(ledger.find(SHOP.id(), "import:wb-report:1002:delivery")).get()
                .extracting(LedgerEntry::kind).isEqualTo(LedgerEntryKind.DELIVERY);
        assertThat(ledger.find(SHOP.id(), "import:wb-report:1004:penalty")).get()
                .extracting(LedgerEntry::sku).isNull();
        assertThat(ledger.find(SHOP.id(), "import:wb-report:1001")).get()
                .extracting(LedgerEntry::occurredAt).isEqualTo(Instant.parse("2026-03-01T07:15:00Z"));
    }

    @Test
    void aKeyMetAgainWithOtherValuesIsAProblemOfTheLaterRowAndTheFirstIsKept() throws IOException {
        ColumnMapping wb = MAPPINGS.get(ColumnMappings.WB_REPORT);
        Shop wbShop = SHOP.toBuilder().currency(Money.RUB).build();
        String header = "rrd_id\tsale_dt\tsupplier_oper_name\tsa_name\tsrid\tquantity\tretail_amount"
                + "\tppvz_sales_commission\tdelivery_rub\tpenalty\n";
        Path first = dir.resolve("wb-first.tsv");
        Files.writeString(first, header
                + "2001\t2026-03-01T10:15:00+03:00\tПродажа\tPHN-A55-256\tsr1\t1\t24990.00\t0\t0\t0\n"
                + "2002\t2026-03-01T11:00:00+03:00\tПродажа\tPHN-A55-256\tsr2\t1\t24990.00\t0\t0\t0\n"
                + "2002\t2026-03-01T11:00:00+03:00\tПродажа\tPHN-A55-256\tsr2\t1\t19990.00\t0\t0\t0\n",
                StandardCharsets.UTF_8);
        Path corrected = dir.resolve("wb-corrected.tsv");
        Files.writeString(corrected, header
                + "2001\t2026-03-01T10:15:00+03:00\tПродажа\tPHN-A55-256\tsr1\t1\t24990.00\t0\t0\t0\n"
                + "2002\t2026-03-01T11:00:00+03:00\tПродажа\tPHN-A55-256\tsr2\t1\t21990.00\t0\t0\t0\n",
                StandardCharsets.UTF_8);

        ImportReport once = importer.importFile(wbShop, TableSource.open(first), wb);
        ImportReport again = importer.importFile(wbShop, TableSource.open(corrected), wb);

        // within one file: row 4 repeats row 3's key with another amount
        assertThat(once.imported()).isEqualTo(2);
        assertThat(once.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(4);
            assertThat(p.column()).contains("rrd_id");
            assertThat(p.message()).isEqualTo("repeats the key of row 3 with different values; row 3 is kept");
        });
        // across files: the same sale is a duplicate, the changed one a problem; the stored entry stays
        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(again.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.message()).startsWith("was imported before with different values (SALE 24990");
        });
        assertThat(ledger.find(wbShop.id(), "import:wb-report:2002")).get().extracting(LedgerEntry::amount)
                .isEqualTo(Money.of("24990.00", Money.RUB));
    }

    @Test
    void xlsxWithDateCellsNumbersAndATitleAboveTheHeader() throws IOException {
        Path file = dir.resolve("закупки.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("Закупки");
            sheet.value(0, 0, "Себестоимость проданных товаров, март 2026");
            String[] header = {"Дата", "Артикул", "Кол-во", "Себестоимость за единицу", "Номер накладной"};
            for (int c = 0; c < header.length; c++) {
                sheet.value(2, c, header[c]);
            }
            sheet.value(3, 0, LocalDate.of(2026, 3, 10));
            sheet.style(3, 0).format("dd.mm.yyyy").set();
            sheet.value(3, 1, "PHN-A55-256");
            sheet.value(3, 2, 2);
            sheet.value(3, 3, 151_000.5);
            sheet.value(3, 4, "НК-001");
            sheet.value(4, 0, LocalDateTime.of(2026, 3, 11, 15, 30));
            sheet.style(4, 0).format("dd.mm.yyyy hh:mm").set();
            sheet.value(4, 1, 4_607_001);
            sheet.value(4, 2, 10);
            sheet.value(4, 3, "450,00");
            sheet.value(4, 4, "НК-002");
            sheet.value(5, 0, "не дата");
            sheet.value(5, 1, "ACC-CASE-A55");
            sheet.value(5, 2, 1);
            sheet.value(5, 3, 1_200);
            workbook.finish();
        }
        List<ImportProgress> progress = new ArrayList<>();
        LedgerImporter everyRow = LedgerImporter.builder(ledger).progressEvery(1).build();

        ImportReport report = everyRow.importFile(SHOP, XlsxTableSource.of(file),
                MAPPINGS.get(ColumnMappings.SELLER_COST_OF_GOODS), progress::add);

        assertThat(report.rowsRead()).isEqualTo(3);
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(6);
            assertThat(problem.column()).isEqualTo("«Дата» (A)");
        });
        assertThat(ledger.find(SHOP.id(), "import:seller-cost-of-goods:НК-001")).get().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(LedgerEntryKind.COST_OF_GOODS);
            assertThat(entry.amount()).isEqualTo(Money.of("302001.0", Money.KZT));
            assertThat(entry.occurredAt()).isEqualTo(Instant.parse("2026-03-10T00:00:00+05:00"));
        });
        assertThat(ledger.find(SHOP.id(), "import:seller-cost-of-goods:НК-002")).get().satisfies(entry -> {
            assertThat(entry.sku().value()).isEqualTo("4607001");
            assertThat(entry.amount()).isEqualTo(Money.kzt(4_500));
            assertThat(entry.occurredAt()).isEqualTo(Instant.parse("2026-03-11T15:30:00+05:00"));
        });
        assertThat(progress).extracting(ImportProgress::rowsRead, ImportProgress::done).containsExactly(
                tuple(1L, false), tuple(2L, false), tuple(3L, false), tuple(3L, true));
        assertThat(progress.get(3).imported()).isEqualTo(2);
    }

    @Test
    void aShopsOwnMappingByColumnLetterWithoutHeader() throws IOException {
        Path file = dir.resolve("own.csv");
        Files.writeString(file, "05.03.2026;PHN-A55-256;12 500\n06.03.2026;PHN-A55-256;12 500\n",
                StandardCharsets.UTF_8);
        ColumnMapping own = ColumnMapping.builder("my-commissions").headerRow(0)
                .required(ImportField.DATE, ColumnRef.letter("A"))
                .optional(ImportField.SKU, ColumnRef.letter("B"))
                .required(ImportField.AMOUNT, ColumnRef.letter("C"))
                .fixed(ImportField.KIND, "COMMISSION").build();
        ColumnMappings registry = MAPPINGS.withShopMapping(SHOP.id(), own);

        ImportReport report = importer.importFile(SHOP, TableSource.open(file),
                registry.find(SHOP.id(), "my-commissions").orElseThrow());

        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.mappingVerified()).isTrue();
        assertThat(registry.find(Fixtures.OTHER_SHOP_ID, "my-commissions")).isEmpty();
        assertThat(entries()).extracting(LedgerEntry::kind).containsOnly(LedgerEntryKind.COMMISSION);
    }
}
