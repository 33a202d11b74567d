package dev.aihq.imports.bank;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Reads a bank's CSV statement export row by row through Jackson's CSV module, so a file of any length is read
 * in the memory of one row. Columns are found by a {@link BankCsvMapping}; the delimiter ({@code ;}, {@code ,} or
 * tab) and the encoding (UTF-8 with or without a byte order mark, else Windows-1251) are told from the file
 * unless the mapping sets them. Numbers may have a decimal comma and spaces between thousands, dates are
 * {@code dd.MM.yyyy} or {@code yyyy-MM-dd}. A row with a malformed cell comes back with one {@link BankProblem}
 * per column at fault; rows without a date and amount (titles, blank rows) and rows
 * whose date cell starts a totals or balance line ({@code Итого}, {@code Остаток}, ...) are skipped.
 *
 * <p>Not thread-safe; close it to close the stream.
 */
public final class BankCsvReader implements Closeable {

    private static final CsvMapper MAPPER = new CsvMapper();
    // Totals and balance rows some exports put under the transactions, in the first (date) column.
    private static final Pattern TOTALS = Pattern.compile("итого|всего|обороты|остаток|сальдо|барлығы|total");

    private final MappingIterator<String[]> rows;
    private final BankCsvMapping mapping;
    private final Charset charset;
    private final char delimiter;
    private final Columns columns;
    private int rowNumber;

    private BankCsvReader(MappingIterator<String[]> rows, BankCsvMapping mapping, Charset charset, char delimiter)
            throws IOException {
        this.rows = rows;
        this.mapping = mapping;
        this.charset = charset;
        this.delimiter = delimiter;
        this.columns = findHeader();
    }

    /**
     * Opens an export: tells its encoding and delimiter and finds the header row.
     *
     * @param in the file's bytes; closed by {@link #close()}
     * @param mapping the columns
     * @return the reader, positioned after the header
     * @throws BankStatementException when no row among the first {@link BankCsvMapping#headerSearchRows()} has
     *     the mapped date and amount (or debit and credit) columns, or reading fails
     */
    public static BankCsvReader open(InputStream in, BankCsvMapping mapping) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(mapping, "mapping");
        try {
            BufferedInputStream buffered = new BufferedInputStream(in);
            byte[] head = BankCharsets.peek(buffered);
            Charset charset = mapping.charset();
            if (charset == null) {
                Charset utf8 = BankCharsets.utf8(head);
                charset = utf8 == null ? mapping.fallbackCharset() : utf8;
            }
            char delimiter = mapping.delimiter() == null ? delimiterOf(BankCharsets.decode(head, charset))
                    : mapping.delimiter();
            BufferedReader reader = new BufferedReader(new InputStreamReader(buffered, charset));
            CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter);
            MappingIterator<String[]> rows = MAPPER.readerFor(String[].class).with(schema)
                    .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(reader);
            try {
                return new BankCsvReader(rows, mapping, charset, delimiter);
            } catch (RuntimeException | IOException e) {
                rows.close();
                throw e;
            }
        } catch (IOException e) {
            closeQuietly(in, e);
            throw new BankStatementException("the bank CSV file could not be read: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(InputStream in, IOException failure) {
        try {
            in.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static char delimiterOf(String head) {
        // The character that occurs most often outside quotes in the first lines; semicolons win ties, since
        // exports with decimal commas use them.
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        int lines = 0;
        for (int i = 0; i < head.length() && lines < 50; i++) {
            char c = head.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ';' -> semicolons++;
                    case ',' -> commas++;
                    case '\t' -> tabs++;
                    case '\n' -> lines++;
                    default -> { }
                }
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return commas > semicolons ? ',' : ';';
    }

    /**
     * Returns the encoding the file is read in.
     *
     * @return the encoding
     */
    public Charset charset() {
        return charset;
    }

    /**
     * Returns the column delimiter.
     *
     * @return the delimiter
     */
    public char delimiter() {
        return delimiter;
    }

    /**
     * Returns the header row's number.
     *
     * @return the 1-based row
     */
    public int headerRow() {
        return columns.headerRow;
    }

    /**
     * Reads the next data row.
     *
     * @return the row, or {@code null} at the end of the file
     * @throws BankStatementException when reading fails (a broken quote, an unreadable stream)
     */
    @Nullable
    public BankCsvRow next() {
        try {
            while (rows.hasNextValue()) {
                String[] cells = rows.nextValue();
                rowNumber++;
                BankCsvRow row = row(cells);
                if (row != null) {
                    return row;
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            throw new BankStatementException("the bank CSV file could not be read after row " + rowNumber + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            rows.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Columns findHeader() throws IOException {
        List<String> missing = List.of();
        while (rowNumber < mapping.headerSearchRows() && rows.hasNextValue()) {
            String[] cells = rows.nextValue();
            rowNumber++;
            int date = index(cells, mapping.date());
            int debit = index(cells, mapping.debit());
            int credit = index(cells, mapping.credit());
            int amount = index(cells, mapping.amount());
            boolean debitCredit = debit >= 0 && credit >= 0;
            if (date >= 0 && (debitCredit || amount >= 0)) {
                return new Columns(rowNumber, cells, date, debitCredit ? -1 : amount, debitCredit ? debit : -1,
                        debitCredit ? credit : -1, index(cells, mapping.counterparty()),
                        index(cells, mapping.purpose()), index(cells, mapping.number()), index(cells, mapping.taxId()),
                        index(cells, mapping.account()));
            }
            if (date >= 0) {
                missing = List.of("the amount (" + String.join(" / ", mapping.amount()) + ") or debit and credit ("
                        + String.join(" / ", mapping.debit()) + "; " + String.join(" / ", mapping.credit())
                        + ") columns");
            }
        }
        throw new BankStatementException("not a bank CSV export of this mapping: no header row among the first "
                + mapping.headerSearchRows() + " rows has " + (missing.isEmpty() ? "the date column ("
                + String.join(" / ", mapping.date()) + ") and the amount or debit and credit columns" : missing.get(0)));
    }

    private static int index(String[] cells, List<String> headers) {
        for (String header : headers) {
            String wanted = headerText(header);
            for (int i = 0; i < cells.length; i++) {
                if (headerText(cells[i]).equals(wanted)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String headerText(String cell) {
        String text = BankValues.normalize(BankCharsets.stripBom(cell));
        return text.endsWith(":") ? text.substring(0, text.length() - 1).strip() : text;
    }

    @Nullable
    private BankCsvRow row(String[] cells) {
        String dateText = cell(cells, columns.date);
        String amountText = cell(cells, columns.amount);
        String debitText = cell(cells, columns.debit);
        String creditText = cell(cells, columns.credit);
        if (dateText == null && amountText == null && debitText == null && creditText == null) {
            return null; // a blank or title row
        }
        if (dateText != null && TOTALS.matcher(BankValues.normalize(dateText)).lookingAt()) {
            return null; // the statement's own sums, not a transaction
        }
        List<BankProblem> problems = new ArrayList<>();
        LocalDate date = null;
        if (dateText == null) {
            problems.add(new BankProblem(rowNumber, columns.header(columns.date), "missing: a transaction needs its "
                    + "date"));
        } else {
            try {
                date = BankValues.date(dateText);
            } catch (IllegalArgumentException e) {
                problems.add(new BankProblem(rowNumber, columns.header(columns.date), e.getMessage()));
            }
        }
        BigDecimal signed = columns.amount >= 0 ? signedAmount(amountText, problems) : debitCredit(debitText,
                creditText, problems);
        if (!problems.isEmpty() || date == null || signed == null) {
            return new BankCsvRow(rowNumber, null, problems);
        }
        String number = cell(cells, columns.number);
        String ownAccount = cell(cells, columns.account);
        String counterparty = cell(cells, columns.counterparty);
        String purpose = cell(cells, columns.purpose);
        BankTransaction transaction = new BankTransaction(rowNumber,
                ownAccount == null ? mapping.statementAccount() : ownAccount, number, date, signed.abs(),
                signed.signum() > 0 ? BankDirection.IN : BankDirection.OUT, counterparty == null ? "" : counterparty,
                cell(cells, columns.taxId), null, purpose == null ? "" : purpose, null);
        return new BankCsvRow(rowNumber, transaction, List.of());
    }

    @Nullable
    private BigDecimal signedAmount(@Nullable String text, List<BankProblem> problems) {
        String header = columns.header(columns.amount);
        if (text == null) {
            problems.add(new BankProblem(rowNumber, header, "missing: a transaction needs its amount"));
            return null;
        }
        BigDecimal amount = parse(text, header, problems);
        if (amount != null && amount.signum() == 0) {
            problems.add(new BankProblem(rowNumber, header, "a zero amount moves no money"));
            return null;
        }
        return amount;
    }

    @Nullable
    private BigDecimal debitCredit(@Nullable String debitText, @Nullable String creditText,
            List<BankProblem> problems) {
        // Some banks write debits as negative numbers: the column gives the direction, so the sign is dropped.
        BigDecimal debit = debitText == null ? null : parse(debitText, columns.header(columns.debit), problems);
        BigDecimal credit = creditText == null ? null : parse(creditText, columns.header(columns.credit), problems);
        if (!problems.isEmpty()) {
            return null;
        }
        boolean out = debit != null && debit.signum() != 0;
        boolean in = credit != null && credit.signum() != 0;
        if (out && in) {
            problems.add(new BankProblem(rowNumber, columns.header(columns.debit), "both "
                    + columns.header(columns.debit) + " and " + columns.header(columns.credit)
                    + " are filled: a row is either money out or money in"));
            return null;
        }
        if (!out && !in) {
            problems.add(new BankProblem(rowNumber, columns.header(columns.debit), "neither "
                    + columns.header(columns.debit) + " nor " + columns.header(columns.credit) + " has an amount"));
            return null;
        }
        return out ? debit.abs().negate() : credit.abs();
    }

    @Nullable
    private BigDecimal parse(String text, String header, List<BankProblem> problems) {
        try {
            return BankValues.amount(text);
        } catch (IllegalArgumentException e) {
            problems.add(new BankProblem(rowNumber, header, e.getMessage()));
            return null;
        }
    }

    @Nullable
    private static String cell(String[] cells, int index) {
        return index < 0 || index >= cells.length ? null : BankValues.blankToNull(cells[index]);
    }

    /** The header row and where each mapped column is; -1 for a column the file does not have. */
    private record Columns(int headerRow, String[] headers, int date, int amount, int debit, int credit,
            int counterparty, int purpose, int number, int taxId, int account) {

        String header(int index) {
            return BankCharsets.stripBom(headers[index]).strip();
        }
    }
}
