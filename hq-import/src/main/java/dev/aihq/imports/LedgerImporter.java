package dev.aihq.imports;

import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.Sku;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerEntryKind;
import dev.aihq.api.store.LedgerStore;
import dev.aihq.imports.mapping.AmountSigns;
import dev.aihq.imports.mapping.BoundColumns;
import dev.aihq.imports.mapping.ColumnMapping;
import dev.aihq.imports.mapping.ImportField;
import dev.aihq.imports.table.TableCell;
import dev.aihq.imports.table.TableRow;
import dev.aihq.imports.table.TableSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Imports sales, returns and costs from a file into a shop's {@link LedgerStore}, where the accountant's
 * {@code ProfitCalculator} takes them as actuals over its estimates.
 *
 * <p><b>Rows.</b> Each data row gives one entry of its kind (the {@link ImportField#KIND} word, or the mapping's
 * fixed kind) for its {@link ImportField#AMOUNT} (else unit price × quantity), plus one entry per non-zero amount
 * column of the mapping's {@link ColumnMapping#kindAmounts()}. Zero amounts give no entry. The date is the start
 * of its day in the shop's zone when it has no time. The SKU may be empty for shop-wide costs, never for a sale,
 * return or cancellation. The quantity, where the file has none, is 1 for sales, returns and cancellations and 0
 * for costs. A row with any problem is skipped whole and each problem reported with its row and column; the other
 * rows are written, {@link LedgerStore#recordAll} per batch.
 *
 * <p><b>Keys, so that a file imported twice is stored once.</b> With a {@link ImportField#ROW_KEY} column (WB's
 * {@code rrd_id}, Ozon's {@code operation_id}) the key is {@code import:<mapping name>:<row key>}, the same whichever
 * file brings the row; without one it is {@code import:<first 16 hex digits of the file's SHA-256>:<row number>},
 * the same only for the same bytes (a sheet saved again by Excel is a new file: give such sheets a key column).
 * Extra entries of a row append {@code :<kind>}. Entries whose key is stored already are counted as
 * {@linkplain ImportReport#duplicates() duplicates} and left alone.
 *
 * <p>Memory is bounded by the batch: rows are streamed, never collected. Thread-safe; each call is one import.
 */
public final class LedgerImporter {

    private static final int HASH_PREFIX = 16;

    private final LedgerStore ledger;
    private final int batchSize;
    private final int progressEvery;
    private final int maxProblems;

    private LedgerImporter(Builder builder) {
        this.ledger = builder.ledger;
        this.batchSize = builder.batchSize;
        this.progressEvery = builder.progressEvery;
        this.maxProblems = builder.maxProblems;
    }

    /**
     * Starts a builder.
     *
     * @param ledger the ledger to write to
     * @return the builder
     */
    public static Builder builder(LedgerStore ledger) {
        return new Builder(ledger);
    }

    /**
     * Imports a file without progress reports.
     *
     * @param shop the shop: its id, currency and zone
     * @param source the file
     * @param mapping the shop's column mapping for this kind of file
     * @return the report
     * @throws dev.aihq.imports.mapping.ColumnMappingException when a required column is missing; nothing is written
     * @throws dev.aihq.imports.table.TableReadException when the file cannot be read; rows before it are written
     * @throws dev.aihq.api.error.StoreException when the ledger fails
     */
    public ImportReport importFile(Shop shop, TableSource source, ColumnMapping mapping) {
        return importFile(shop, source, mapping, ImportProgressListener.NONE);
    }

    /**
     * Imports a file.
     *
     * @param shop the shop: its id, currency and zone
     * @param source the file
     * @param mapping the shop's column mapping for this kind of file
     * @param listener told the progress every {@link Builder#progressEvery} rows and at the end
     * @return the report
     * @throws IllegalArgumentException when the mapping maps no date, kind or amount
     * @throws dev.aihq.imports.mapping.ColumnMappingException when a required column is missing; nothing is written
     * @throws dev.aihq.imports.table.TableReadException when the file cannot be read; rows before it are written
     * @throws dev.aihq.api.error.StoreException when the ledger fails
     */
    public ImportReport importFile(Shop shop, TableSource source, ColumnMapping mapping,
            ImportProgressListener listener) {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(listener, "listener");
        if (!mapping.maps(ImportField.DATE) || !mapping.maps(ImportField.KIND)
                || !mapping.maps(ImportField.AMOUNT) && !mapping.maps(ImportField.UNIT_PRICE)
                && mapping.kindAmounts().isEmpty()) {
            throw new IllegalArgumentException("mapping " + mapping.name() + " must map a date, a kind (column or"
                    + " fixed) and an amount to import into the ledger");
        }
        ImportRun run = new ImportRun(source, mapping, maxProblems, progressEvery, listener);
        Batch batch = new Batch(run);
        String fileKey = "import:" + source.contentHash().substring(0, HASH_PREFIX) + ":";
        String entrySource = abbreviate("import:" + source.name(), LedgerEntry.MAX_SOURCE_LENGTH);
        run.run((row, columns) -> row(shop, row, columns, fileKey, entrySource, run, batch), batch::flush);
        return run.report();
    }

    private void row(Shop shop, TableRow row, BoundColumns columns, String fileKey, String entrySource, ImportRun run,
            Batch batch) {
        ColumnMapping mapping = columns.mapping();
        long before = run.problemCount();
        Instant occurredAt = Cells.read(run, row, columns, ImportField.DATE, true,
                cell -> Values.instant(cell, shop.zone()));
        Sku sku = Cells.read(run, row, columns, ImportField.SKU, false, Values::sku);
        OrderId orderId = Cells.read(run, row, columns, ImportField.ORDER_ID, false, cell -> OrderId.of(text(cell)));
        LedgerEntryKind kind = Cells.read(run, row, columns, ImportField.KIND, true, cell -> mapping.kind(text(cell))
                .orElseThrow(() -> new ValueFormatException("unknown kind; expected e.g. Продажа, Возврат, Отмена,"
                        + " Комиссия, Доставка, Себестоимость, Штраф, Расход")));
        BigDecimal quantity = Cells.read(run, row, columns, ImportField.QUANTITY, false,
                cell -> nonNegative(Values.decimal(cell, null), "the quantity"));
        BigDecimal amount = amount(run, row, columns, ImportField.AMOUNT, shop,
                mapping.required().contains(ImportField.AMOUNT));
        if (amount == null && columns.has(ImportField.UNIT_PRICE)) {
            BigDecimal unit = amount(run, row, columns, ImportField.UNIT_PRICE, shop, true);
            amount = unit == null ? null : unit.multiply(quantity == null ? BigDecimal.ONE : quantity);
        }
        Map<LedgerEntryKind, BigDecimal> extra = new HashMap<>();
        columns.kindAmounts().forEach((extraKind, column) -> {
            TableCell cell = row.cell(column.index());
            try {
                BigDecimal value = signed(Values.decimal(cell, shop.currency()), mapping.amountSigns());
                if (value != null && value.signum() != 0) {
                    extra.put(extraKind, value);
                }
            } catch (ValueFormatException e) {
                run.problem(row.number(), column.label(), cell.text(), e.getMessage());
            }
        });
        String rowKey = Cells.read(run, row, columns, ImportField.ROW_KEY, false, LedgerImporter::text);
        String key = rowKey == null ? fileKey + row.number() : "import:" + mapping.name() + ":" + rowKey;
        String keyColumn = rowKey == null ? "" : columns.label(ImportField.ROW_KEY);
        // Room for the longest suffix of an extra entry (":other_expense").
        if (rowKey != null && key.length() + 20 > LedgerEntry.MAX_KEY_LENGTH) {
            run.problem(row.number(), columns.label(ImportField.ROW_KEY), rowKey, "the row key is too long ("
                    + rowKey.length() + " characters)");
        }
        boolean movesGoods = kind != null && (kind == LedgerEntryKind.SALE || kind.reversesSale());
        if (movesGoods && sku == null && amount != null && amount.signum() != 0 && run.problemCount() == before) {
            run.problem(row.number(), columns.label(ImportField.SKU), "", "a " + kind.name().toLowerCase(Locale.ROOT)
                    + " needs the product's SKU");
        }
        if (run.problemCount() > before || occurredAt == null || kind == null) {
            run.skipped++;
            return;
        }
        BigDecimal units = quantity != null ? quantity : movesGoods ? BigDecimal.ONE : BigDecimal.ZERO;
        int added = 0;
        if (amount != null && amount.signum() != 0) {
            batch.add(new LedgerEntry(shop.id(), key, kind, occurredAt, sku, orderId, units,
                    Money.of(amount, shop.currency()), entrySource), row.number(), keyColumn);
            added++;
        }
        for (Map.Entry<LedgerEntryKind, BigDecimal> entry : extra.entrySet()) {
            LedgerEntryKind extraKind = entry.getKey();
            if ((extraKind == LedgerEntryKind.SALE || extraKind.reversesSale()) && sku == null) {
                continue;
            }
            batch.add(new LedgerEntry(shop.id(), key + ":" + extraKind.name().toLowerCase(Locale.ROOT), extraKind,
                    occurredAt, sku, orderId, BigDecimal.ZERO, Money.of(entry.getValue(), shop.currency()),
                    entrySource), row.number(), keyColumn);
            added++;
        }
        if (added == 0) {
            run.skipped++;
        }
    }

    private static @Nullable BigDecimal amount(ImportRun run, TableRow row, BoundColumns columns, ImportField field,
            Shop shop, boolean required) {
        AmountSigns signs = columns.mapping().amountSigns();
        return Cells.read(run, row, columns, field, required, cell -> {
            BigDecimal value = Values.decimal(cell, shop.currency());
            if (value != null && value.signum() < 0 && signs == AmountSigns.POSITIVE_ONLY) {
                throw new ValueFormatException("a negative amount; write it positive, the kind gives the direction");
            }
            return signed(value, signs);
        });
    }

    private static @Nullable BigDecimal signed(@Nullable BigDecimal value, AmountSigns signs) {
        return value == null ? null : signs == AmountSigns.ABSOLUTE ? value.abs() : value;
    }

    private static @Nullable BigDecimal nonNegative(@Nullable BigDecimal value, String what) {
        if (value != null && value.signum() < 0) {
            throw new ValueFormatException(what + " must not be negative");
        }
        return value;
    }

    static String text(TableCell cell) {
        return cell.number() != null ? cell.number().stripTrailingZeros().toPlainString() : cell.text();
    }

    private static String abbreviate(String text, int max) {
        String printable = text.replaceAll("\\p{Cntrl}", "_");
        return printable.length() <= max ? printable : printable.substring(0, max);
    }

    /**
     * The entries waiting for the next {@link LedgerStore#recordAll}, each key once. A key met again with the same
     * movement is a duplicate; with a different one (another amount, date, product or kind) it is a problem of
     * the later row, since only one can be kept and silently keeping the first would hide the difference.
     */
    private final class Batch {
        private final ImportRun run;
        private final Map<String, LedgerEntry> entries = new LinkedHashMap<>();
        private final Map<String, Integer> rows = new HashMap<>();
        private final Map<String, String> keyColumns = new HashMap<>();

        Batch(ImportRun run) {
            this.run = run;
        }

        void add(LedgerEntry entry, int row, String keyColumn) {
            LedgerEntry earlier = entries.putIfAbsent(entry.key(), entry);
            if (earlier != null) {
                if (sameMovement(earlier, entry)) {
                    run.duplicates++;
                } else {
                    run.problem(row, keyColumn, entry.key(), "repeats the key of row " + rows.get(entry.key())
                            + " with different values; row " + rows.get(entry.key()) + " is kept");
                }
                return;
            }
            rows.put(entry.key(), row);
            keyColumns.put(entry.key(), keyColumn);
            if (entries.size() >= batchSize) {
                flush();
            }
        }

        void flush() {
            if (entries.isEmpty()) {
                return;
            }
            List<LedgerEntry> list = new ArrayList<>(entries.values());
            int added = ledger.recordAll(list);
            run.imported += added;
            if (added < list.size()) {
                // Some keys were recorded before (an earlier import). An entry just written reads back as itself;
                // one stored earlier with another movement is reported, as the stored entry stays; the rest are
                // duplicates.
                int conflicts = 0;
                for (LedgerEntry entry : list) {
                    LedgerEntry stored = ledger.find(entry.shopId(), entry.key()).orElse(null);
                    if (stored != null && !sameMovement(stored, entry)) {
                        conflicts++;
                        run.problem(rows.get(entry.key()), keyColumns.get(entry.key()), entry.key(),
                                "was imported before with different values (" + stored.kind() + " " + stored.amount()
                                        + " on " + stored.occurredAt() + "); the stored entry is kept");
                    }
                }
                run.duplicates += list.size() - added - conflicts;
            }
            entries.clear();
            rows.clear();
            keyColumns.clear();
        }
    }

    /** Whether two entries record the same movement, whatever file or source they came from. */
    private static boolean sameMovement(LedgerEntry a, LedgerEntry b) {
        return a.kind() == b.kind() && a.occurredAt().equals(b.occurredAt()) && Objects.equals(a.sku(), b.sku())
                && Objects.equals(a.orderId(), b.orderId()) && a.quantity().compareTo(b.quantity()) == 0
                && a.amount().currency().equals(b.amount().currency())
                && a.amount().amount().compareTo(b.amount().amount()) == 0;
    }

    /** Configures a {@link LedgerImporter}. Not thread-safe. */
    public static final class Builder {
        private final LedgerStore ledger;
        private int batchSize = 1_000;
        private int progressEvery = 10_000;
        private int maxProblems = 1_000;

        private Builder(LedgerStore ledger) {
            this.ledger = Objects.requireNonNull(ledger, "ledger");
        }

        /**
         * Sets how many entries are written per {@link LedgerStore#recordAll} (one transaction in a database).
         *
         * @param size at least 1; default 1,000
         * @return this builder
         */
        public Builder batchSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, got " + size);
            }
            this.batchSize = size;
            return this;
        }

        /**
         * Sets how often the progress listener is told.
         *
         * @param rows every so many data rows, at least 1; default 10,000
         * @return this builder
         */
        public Builder progressEvery(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("progress interval must be at least 1 row, got " + rows);
            }
            this.progressEvery = rows;
            return this;
        }

        /**
         * Sets how many problems a report lists; all are counted.
         *
         * @param max at least 0; default 1,000
         * @return this builder
         */
        public Builder maxProblems(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("the most problems listed must not be negative, got " + max);
            }
            this.maxProblems = max;
            return this;
        }

        /**
         * Builds the importer.
         *
         * @return the importer
         */
        public LedgerImporter build() {
            return new LedgerImporter(this);
        }
    }
}
