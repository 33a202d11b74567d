package dev.aihq.examples.bench;

import dev.aihq.api.ShopId;
import dev.aihq.api.shop.Shop;
import dev.aihq.imports.ImportReport;
import dev.aihq.imports.LedgerImporter;
import dev.aihq.imports.mapping.ColumnMapping;
import dev.aihq.imports.mapping.ColumnMappings;
import dev.aihq.imports.table.CsvTableSource;
import dev.aihq.imports.table.TableSource;
import dev.aihq.imports.table.XlsxTableSource;
import dev.aihq.pipeline.memory.InMemoryLedgerStore;
import dev.aihq.testkit.Fixtures;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Measures the import rate of the seller's sales sheet: a generated file of N rows (Russian headers, decimal commas
 * with spaces, {@code dd.MM.yyyy} dates) as a {@code ;}-separated UTF-8 CSV and as an XLSX with date cells, each
 * imported into a fresh in-memory ledger in batches of 1,000. Prints rows per second, elapsed time and the heap
 * used after the import (after a GC hint), beside the files' sizes. One warm-up import of each file first.
 *
 * <p>Run with {@code ./mvnw -q -Pbench-import -DskipTests verify} at the repository root; {@code -Dbench.rows}
 * sets the rows (default 100 000).
 */
public final class ImportBenchmark {

    private ImportBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args the rows per file (default 100 000)
     * @throws IOException when the temporary files cannot be written
     */
    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Shop shop = Fixtures.kaspiShop(ShopId.of("kaspi_bench")).build();
        ColumnMapping mapping = ColumnMappings.defaults().get(ColumnMappings.SELLER_SALES);
        Path dir = Files.createTempDirectory("hq-import-bench");
        try {
            Path csv = writeCsv(dir.resolve("sales.csv"), rows);
            Path xlsx = writeXlsx(dir.resolve("sales.xlsx"), rows);
            System.out.printf("import benchmark: %,d rows; CSV %.1f MB, XLSX %.1f MB%n", rows,
                    Files.size(csv) / 1e6, Files.size(xlsx) / 1e6);
            run("CSV ", shop, mapping, CsvTableSource.of(csv), true);
            run("CSV ", shop, mapping, CsvTableSource.of(csv), false);
            run("XLSX", shop, mapping, XlsxTableSource.of(xlsx), true);
            run("XLSX", shop, mapping, XlsxTableSource.of(xlsx), false);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void run(String label, Shop shop, ColumnMapping mapping, TableSource source, boolean warmup) {
        InMemoryLedgerStore ledger = new InMemoryLedgerStore();
        LedgerImporter importer = LedgerImporter.builder(ledger).build();
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();
        long start = System.nanoTime();
        ImportReport report = importer.importFile(shop, source, mapping);
        long nanos = System.nanoTime() - start;
        long heapAfter = runtime.totalMemory() - runtime.freeMemory();
        if (warmup) {
            return;
        }
        System.out.printf("%s %,d rows read, %,d imported, %,d problems in %.2f s: %,.0f rows/s; heap used %.0f MB"
                + " (%.0f MB before, the ledger holds every entry)%n", label, report.rowsRead(), report.imported(),
                report.problemCount(), nanos / 1e9, report.rowsRead() / (nanos / 1e9), heapAfter / 1e6,
                heapBefore / 1e6);
    }

    private static Path writeCsv(Path file, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Дата;Операция;Номер заказа;Артикул;Количество;Сумма\n");
            for (int i = 0; i < rows; i++) {
                out.write(String.format("%02d.%02d.2026;%s;%d;SKU-%d;%d;%d %03d,50%n", 1 + i % 28, 1 + i % 12,
                        i % 10 == 0 ? "Возврат" : "Продажа", 580_000_000 + i, i % 500, 1 + i % 3, 1 + i % 300,
                        i % 1000));
            }
        }
        return file;
    }

    private static Path writeXlsx(Path file, int rows) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "bench", "1.0");
            Worksheet sheet = workbook.newWorksheet("Продажи");
            String[] header = {"Дата", "Операция", "Номер заказа", "Артикул", "Количество", "Сумма"};
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
            }
            sheet.style(0).format("dd.mm.yyyy").set();
            for (int i = 0; i < rows; i++) {
                int r = i + 1;
                sheet.value(r, 0, LocalDate.of(2026, 1 + i % 12, 1 + i % 28));
                sheet.value(r, 1, i % 10 == 0 ? "Возврат" : "Продажа");
                sheet.value(r, 2, String.valueOf(580_000_000 + i));
                sheet.value(r, 3, "SKU-" + i % 500);
                sheet.value(r, 4, 1 + i % 3);
                sheet.value(r, 5, (1 + i % 300) * 1000 + i % 1000 + 0.5);
                if (r % 10_000 == 0) {
                    sheet.flush();
                }
            }
            workbook.finish();
        }
        return file;
    }
}
