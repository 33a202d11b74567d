package dev.aihq.imports.mapping;

import dev.aihq.api.store.LedgerEntryKind;
import dev.aihq.imports.table.TableCell;
import dev.aihq.imports.table.TableRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Which column of a file holds which {@link ImportField}, and how to read the rows: the seller's own layout, or a
 * marketplace export's. Integrators keep one per shop and file type ({@link ColumnMappings}).
 *
 * <p><b>Header row.</b> With {@code headerRow} unset, the header is the first of the first
 * {@code headerSearchRows} rows that holds every required column found by header (exports often start with a
 * title and the period); rows above it are not data. {@code headerRow} 0 means the file has no header: data
 * starts at row 1 and columns are found by position only.
 *
 * <p><b>Fixed values</b> stand in for a field where no column is mapped, the file lacks the column, or the cell is
 * empty: e.g. {@code KIND = COST_OF_GOODS} for a sheet of purchase invoices, or {@code SALE} under a status column.
 *
 * <p><b>Amounts per kind</b> serve reports where one row holds several movements (WB's report: the sale, the
 * commission, the logistics, the penalty): each non-zero amount becomes its own ledger entry of that kind, beside
 * the entry of the row's {@link ImportField#AMOUNT}.
 *
 * @param name the mapping's name, also the {@code <source>} of row keys ({@code import:<name>:<key>}): 1–40
 *     letters, digits, {@code -}, {@code _} or {@code .}
 * @param note what the mapping is for and what is known about its layout
 * @param verified whether the layout was checked against real files; the shipped marketplace defaults are not
 * @param columns where each field's column is
 * @param required the fields a row must have; a required field without a column or fixed value fails the import
 * @param fixed values for fields, as text read like a cell's
 * @param kindAmounts amount columns whose non-zero values become entries of their kind
 * @param kindWords words for the kind column beyond {@link KindWords}, normalised like headers
 * @param amountSigns what a negative amount means
 * @param headerRow the header's row number, 0 for none, or {@code null} to search for it
 * @param headerSearchRows how many rows from the top are searched for the header, at least 1
 */
public record ColumnMapping(String name, String note, boolean verified, Map<ImportField, ColumnRef> columns,
        Set<ImportField> required, Map<ImportField, String> fixed, Map<LedgerEntryKind, ColumnRef> kindAmounts,
        Map<String, LedgerEntryKind> kindWords, AmountSigns amountSigns, @Nullable Integer headerRow,
        int headerSearchRows) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    /** Validates the mapping and copies its maps. */
    public ColumnMapping {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(amountSigns, "amount signs");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("mapping name must be 1-40 letters, digits, '-', '_' or '.', got '"
                    + name + "'");
        }
        columns = Collections.unmodifiableMap(new EnumMap<>(copy(columns, ImportField.class)));
        required = required.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(required));
        fixed = Collections.unmodifiableMap(new EnumMap<>(copy(fixed, ImportField.class)));
        kindAmounts = Collections.unmodifiableMap(new EnumMap<>(copy(kindAmounts, LedgerEntryKind.class)));
        Map<String, LedgerEntryKind> words = new HashMap<>();
        kindWords.forEach((word, kind) -> words.put(ColumnRef.normalise(word), Objects.requireNonNull(kind)));
        kindWords = Map.copyOf(words);
        for (ImportField field : required) {
            if (!columns.containsKey(field) && !fixed.containsKey(field)) {
                throw new IllegalArgumentException("mapping " + name + ": required field " + field
                        + " has neither a column nor a fixed value");
            }
        }
        if (headerRow != null && headerRow < 0) {
            throw new IllegalArgumentException("header row must not be negative, got " + headerRow);
        }
        if (headerSearchRows < 1) {
            throw new IllegalArgumentException("header search rows must be at least 1, got " + headerSearchRows);
        }
        if (Objects.equals(headerRow, 0) && (columns.values().stream().anyMatch(ColumnRef::byHeader)
                || kindAmounts.values().stream().anyMatch(ColumnRef::byHeader))) {
            throw new IllegalArgumentException("mapping " + name + ": a file without a header row needs columns by"
                    + " position");
        }
    }

    private static <K extends Enum<K>, V> Map<K, V> copy(Map<K, V> map, Class<K> type) {
        Map<K, V> copy = new EnumMap<>(type);
        map.forEach((key, value) -> copy.put(Objects.requireNonNull(key), Objects.requireNonNull(value)));
        return copy;
    }

    /**
     * Starts a builder.
     *
     * @param name the mapping's name (see {@link ColumnMapping})
     * @return the builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Returns a builder holding this mapping's settings, to adjust a shipped default for one shop.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder(name);
        builder.note = note;
        builder.verified = verified;
        builder.columns.putAll(columns);
        builder.required.addAll(required);
        builder.fixed.putAll(fixed);
        builder.kindAmounts.putAll(kindAmounts);
        builder.kindWords.putAll(kindWords);
        builder.amountSigns = amountSigns;
        builder.headerRow = headerRow;
        builder.headerSearchRows = headerSearchRows;
        return builder;
    }

    /**
     * Tells whether a field has a column or a fixed value.
     *
     * @param field the field
     * @return {@code true} when the mapping can fill it
     */
    public boolean maps(ImportField field) {
        return columns.containsKey(field) || fixed.containsKey(field);
    }

    /**
     * Reads a kind word: the mapping's own words first, then {@link KindWords}.
     *
     * @param word the cell's text
     * @return the kind, or empty when the word is not known
     */
    public Optional<LedgerEntryKind> kind(String word) {
        LedgerEntryKind own = kindWords.get(ColumnRef.normalise(word));
        return own != null ? Optional.of(own) : KindWords.builtIn(word);
    }

    /**
     * Tells whether a row can be the header: it holds every required column found by header.
     *
     * @param row the row
     * @return {@code true} when it does
     */
    public boolean isHeader(TableRow row) {
        Map<String, Integer> names = headerIndex(row);
        if (names.isEmpty()) {
            return false;
        }
        for (ImportField field : required) {
            ColumnRef ref = columns.get(field);
            if (ref != null && ref.byHeader() && !fixed.containsKey(field) && find(ref, names) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Binds the mapping to a file's header: where each field's column is in this file.
     *
     * @param header the header row, or {@code null} for a file without one
     * @return the bound columns
     * @throws ColumnMappingException naming every required column the header lacks
     */
    public BoundColumns bind(@Nullable TableRow header) {
        Map<String, Integer> names = header == null ? Map.of() : headerIndex(header);
        Map<ImportField, BoundColumns.Column> found = new EnumMap<>(ImportField.class);
        List<String> missing = new ArrayList<>();
        for (Map.Entry<ImportField, ColumnRef> entry : columns.entrySet()) {
            BoundColumns.Column column = column(entry.getValue(), names, header);
            if (column != null) {
                found.put(entry.getKey(), column);
            } else if (required.contains(entry.getKey()) && !fixed.containsKey(entry.getKey())) {
                missing.add(entry.getKey() + " " + describeAll(entry.getValue()));
            }
        }
        Map<LedgerEntryKind, BoundColumns.Column> amounts = new EnumMap<>(LedgerEntryKind.class);
        kindAmounts.forEach((kind, ref) -> {
            BoundColumns.Column column = column(ref, names, header);
            if (column != null) {
                amounts.put(kind, column);
            }
        });
        if (!missing.isEmpty()) {
            String seen = header == null ? "no header row" : "header in row " + header.number() + ": "
                    + String.join(" | ", header.cells().stream().map(TableCell::text).filter(t -> !t.isEmpty())
                            .toList());
            throw new ColumnMappingException("required column" + (missing.size() > 1 ? "s" : "") + " missing: "
                    + String.join("; ", missing) + " (mapping " + name + ", " + seen + ")");
        }
        return new BoundColumns(this, found, amounts);
    }

    private static String describeAll(ColumnRef ref) {
        return ref.byHeader() ? "(header " + String.join(" or ", ref.headers().stream().map(h -> "«" + h + "»")
                .toList()) + ")" : "(" + ref.describe() + ")";
    }

    private static @Nullable BoundColumns.Column column(ColumnRef ref, Map<String, Integer> names,
            @Nullable TableRow header) {
        if (!ref.byHeader()) {
            int index = Objects.requireNonNull(ref.index());
            String title = header == null ? "" : header.cell(index).text();
            return new BoundColumns.Column(index, title.isEmpty() ? TableRow.columnLetter(index)
                    : "«" + title + "» (" + TableRow.columnLetter(index) + ")");
        }
        Integer index = find(ref, names);
        return index == null ? null : new BoundColumns.Column(index,
                "«" + Objects.requireNonNull(header).cell(index).text() + "» (" + TableRow.columnLetter(index) + ")");
    }

    private static @Nullable Integer find(ColumnRef ref, Map<String, Integer> names) {
        for (String header : ref.headers()) {
            Integer index = names.get(ColumnRef.normalise(header));
            if (index != null) {
                return index;
            }
        }
        return null;
    }

    private static Map<String, Integer> headerIndex(TableRow row) {
        Map<String, Integer> names = new LinkedHashMap<>();
        for (int i = 0; i < row.cells().size(); i++) {
            String text = ColumnRef.normalise(row.cell(i).text());
            if (!text.isEmpty()) {
                names.putIfAbsent(text, i);
            }
        }
        return names;
    }

    /** Configures a {@link ColumnMapping}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private String note = "";
        private boolean verified = true;
        private final Map<ImportField, ColumnRef> columns = new EnumMap<>(ImportField.class);
        private final Set<ImportField> required = EnumSet.noneOf(ImportField.class);
        private final Map<ImportField, String> fixed = new EnumMap<>(ImportField.class);
        private final Map<LedgerEntryKind, ColumnRef> kindAmounts = new EnumMap<>(LedgerEntryKind.class);
        private final Map<String, LedgerEntryKind> kindWords = new HashMap<>();
        private AmountSigns amountSigns = AmountSigns.POSITIVE_ONLY;
        private @Nullable Integer headerRow;
        private int headerSearchRows = 10;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Describes the mapping.
         *
         * @param note what it is for
         * @return this builder
         */
        public Builder note(String note) {
            this.note = Objects.requireNonNull(note, "note");
            return this;
        }

        /**
         * Marks whether the layout was checked against real files; a seller's own mapping is, by default.
         *
         * @param verified {@code false} for a guessed layout
         * @return this builder
         */
        public Builder verified(boolean verified) {
            this.verified = verified;
            return this;
        }

        /**
         * Maps a field to a column that rows must fill.
         *
         * @param field the field
         * @param column where its column is
         * @return this builder
         */
        public Builder required(ImportField field, ColumnRef column) {
            columns.put(field, column);
            required.add(field);
            return this;
        }

        /**
         * Maps a field to a required column found by header.
         *
         * @param field the field
         * @param headers the header names, in order of preference
         * @return this builder
         */
        public Builder required(ImportField field, String... headers) {
            return required(field, ColumnRef.header(headers));
        }

        /**
         * Maps a field to a column that may be missing from the file or empty in a row.
         *
         * @param field the field
         * @param column where its column is
         * @return this builder
         */
        public Builder optional(ImportField field, ColumnRef column) {
            columns.put(field, column);
            required.remove(field);
            return this;
        }

        /**
         * Maps a field to an optional column found by header.
         *
         * @param field the field
         * @param headers the header names, in order of preference
         * @return this builder
         */
        public Builder optional(ImportField field, String... headers) {
            return optional(field, ColumnRef.header(headers));
        }

        /**
         * Gives a field a value for rows without one (no column, or an empty cell).
         *
         * @param field the field
         * @param value the value as a cell would hold it, e.g. {@code COST_OF_GOODS} for {@link ImportField#KIND}
         * @return this builder
         */
        public Builder fixed(ImportField field, String value) {
            fixed.put(field, Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Maps an extra amount column whose non-zero values become ledger entries of a kind.
         *
         * @param kind the kind
         * @param column where the amount is
         * @return this builder
         */
        public Builder kindAmount(LedgerEntryKind kind, ColumnRef column) {
            kindAmounts.put(kind, column);
            return this;
        }

        /**
         * Adds a word of the kind column.
         *
         * @param word the word, e.g. {@code Хранение}
         * @param kind what it means
         * @return this builder
         */
        public Builder kindWord(String word, LedgerEntryKind kind) {
            kindWords.put(word, Objects.requireNonNull(kind, "kind"));
            return this;
        }

        /**
         * Sets what a negative amount means.
         *
         * @param signs the rule; default {@link AmountSigns#POSITIVE_ONLY}
         * @return this builder
         */
        public Builder amountSigns(AmountSigns signs) {
            this.amountSigns = Objects.requireNonNull(signs, "signs");
            return this;
        }

        /**
         * Sets the header's row number instead of searching for it.
         *
         * @param row the row number, or 0 for a file without a header
         * @return this builder
         */
        public Builder headerRow(int row) {
            this.headerRow = row;
            return this;
        }

        /**
         * Sets how many rows from the top are searched for the header.
         *
         * @param rows at least 1; default 10
         * @return this builder
         */
        public Builder headerSearchRows(int rows) {
            this.headerSearchRows = rows;
            return this;
        }

        /**
         * Builds the mapping.
         *
         * @return the mapping
         * @throws IllegalArgumentException when it is inconsistent
         */
        public ColumnMapping build() {
            return new ColumnMapping(name, note, verified, columns, required, fixed, kindAmounts, kindWords,
                    amountSigns, headerRow, headerSearchRows);
        }
    }
}
