package dev.aihq.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.ShopId;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerStore;
import dev.aihq.api.store.LedgerTotal;
import dev.aihq.imports.mapping.ColumnMappings;
import dev.aihq.imports.table.CsvTableSource;
import dev.aihq.imports.table.TableSource;
import dev.aihq.testkit.Fixtures;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LargeFileTest {

    private static final int ROWS = 100_000;

    @TempDir
    Path dir;

    /** Keeps only the keys, and the largest batch it was handed: the importer's memory is its batch. */
    private static final class CountingLedger implements LedgerStore {
        final Set<String> keys = new HashSet<>();
        int largestBatch;
        int batches;

        @Override
        public boolean record(LedgerEntry entry) {
            return keys.add(entry.key());
        }

        @Override
        public int recordAll(List<LedgerEntry> entries) {
            batches++;
            largestBatch = Math.max(largestBatch, entries.size());
            return (int) entries.stream().filter(entry -> keys.add(entry.key())).count();
        }

        @Override
        public Optional<LedgerEntry> find(ShopId shopId, String key) {
            return Optional.empty();
        }

        @Override
        public List<LedgerTotal> totals(ShopId shopId, Instant from, Instant to) {
            return List.of();
        }

        @Override
        public List<LedgerEntry> entries(ShopId shopId, Instant from, Instant to, int limit) {
            return List.of();
        }
    }

    @Test
    void aLargeUtf8FileIsRecognisedAcrossReadChunks() throws IOException {
        Path file = dir.resolve("каталог.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Артикул;Категория;Себестоимость\n");
            for (int i = 0; i < 20_000; i++) {
                out.write("SKU-" + i + ";Смартфоны и гаджеты;1 500,00\n");
            }
        }
        CsvTableSource source = CsvTableSource.of(file);

        assertThat(source.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(source.delimiter()).isEqualTo(';');
    }

    @Test
    void a100000RowWindows1251FileIsStreamedInBatchesWithProgress() throws IOException {
        Path file = dir.resolve("продажи-год.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, Charset.forName("windows-1251"))) {
            out.write("Дата;Операция;Номер заказа;Артикул;Количество;Сумма\n");
            for (int i = 0; i < ROWS; i++) {
                String date = String.format("%02d.%02d.2026", 1 + i % 28, 1 + i % 12);
                String amount = i % 25_000 == 7 ? "abc" : (1_000 + i % 5_000) + " " + String.format("%03d,50", i % 1000);
                out.write(date + ";" + (i % 10 == 0 ? "Возврат" : "Продажа") + ";" + (580_000_000 + i) + ";SKU-"
                        + (i % 500) + ";" + (1 + i % 3) + ";" + amount + "\n");
            }
        }
        CountingLedger ledger = new CountingLedger();
        List<ImportProgress> progress = new ArrayList<>();
        Shop shop = Fixtures.kaspiShop().build();

        ImportReport report = LedgerImporter.builder(ledger).build().importFile(shop, TableSource.open(file),
                ColumnMappings.defaults().get(ColumnMappings.SELLER_SALES), progress::add);

        assertThat(report.rowsRead()).isEqualTo(ROWS);
        assertThat(report.problemCount()).isEqualTo(4);
        assertThat(report.imported()).isEqualTo(ROWS - 4);
        assertThat(ledger.largestBatch).isEqualTo(1_000);
        assertThat(ledger.batches).isEqualTo(100);
        assertThat(progress).hasSize(11);
        assertThat(progress.get(progress.size() - 1).done()).isTrue();
        assertThat(progress.get(4).rowsRead()).isEqualTo(50_000);
    }
}
