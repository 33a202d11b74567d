package dev.aihq.imports.bank;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import javax.annotation.Nullable;

/**
 * Which columns of a bank's CSV export hold what. Each column is named by the header texts it may have (compared
 * without case, quotes or extra spaces); the reader finds the header row among the first rows, since exports
 * often start with a title and the account's details. The amount is either one signed column (positive in,
 * negative out) or a debit column (money out) and a credit column (money in): when the header has both debit and
 * credit columns they are used, else the amount column.
 *
 * <p>{@link #defaults()} is a starting point of header names seen in Kaspi Bank business, Halyk and Sberbank
 * style exports, <em>not verified</em> against each bank's current files: check it against yours and build your
 * own with {@link #builder()} when it does not fit.
 */
public final class BankCsvMapping {

    private static final String DEFAULTS = "default-csv-mapping.properties";

    private final List<String> date;
    private final List<String> amount;
    private final List<String> debit;
    private final List<String> credit;
    private final List<String> counterparty;
    private final List<String> purpose;
    private final List<String> number;
    private final List<String> taxId;
    private final List<String> account;
    @Nullable
    private final String statementAccount;
    @Nullable
    private final Character delimiter;
    @Nullable
    private final Charset charset;
    private final Charset fallbackCharset;
    private final int headerSearchRows;

    private BankCsvMapping(Builder b) {
        this.date = List.copyOf(b.date);
        this.amount = List.copyOf(b.amount);
        this.debit = List.copyOf(b.debit);
        this.credit = List.copyOf(b.credit);
        this.counterparty = List.copyOf(b.counterparty);
        this.purpose = List.copyOf(b.purpose);
        this.number = List.copyOf(b.number);
        this.taxId = List.copyOf(b.taxId);
        this.account = List.copyOf(b.account);
        this.statementAccount = b.statementAccount;
        this.delimiter = b.delimiter;
        this.charset = b.charset;
        this.fallbackCharset = b.fallbackCharset;
        this.headerSearchRows = b.headerSearchRows;
    }

    /**
     * Starts a mapping.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this mapping, e.g. the defaults with the statement's account.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.date = date;
        b.amount = amount;
        b.debit = debit;
        b.credit = credit;
        b.counterparty = counterparty;
        b.purpose = purpose;
        b.number = number;
        b.taxId = taxId;
        b.account = account;
        b.statementAccount = statementAccount;
        b.delimiter = delimiter;
        b.charset = charset;
        b.fallbackCharset = fallbackCharset;
        b.headerSearchRows = headerSearchRows;
        return b;
    }

    /**
     * Returns the shipped mapping ({@code default-csv-mapping.properties} of this package): unverified header
     * names of common Kazakh and Russian bank exports.
     *
     * @return the mapping
     */
    public static BankCsvMapping defaults() {
        try (InputStream in = BankCsvMapping.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + DEFAULTS + " is missing from hq-import");
            }
            return fromProperties(in).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a mapping from properties in UTF-8: keys {@code date}, {@code amount}, {@code debit}, {@code credit},
     * {@code counterparty}, {@code purpose}, {@code number}, {@code taxId}, {@code account}, each a
     * {@code |}-separated list of header texts, and optional {@code delimiter} and {@code charset}.
     *
     * @param in the properties; not closed
     * @return a builder holding them, to adjust further
     * @throws IOException when reading fails
     */
    public static Builder fromProperties(InputStream in) throws IOException {
        Properties properties = new Properties();
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        properties.load(reader);
        Builder builder = builder();
        builder.date(names(properties, "date"));
        builder.amount(names(properties, "amount"));
        builder.debit(names(properties, "debit"));
        builder.credit(names(properties, "credit"));
        builder.counterparty(names(properties, "counterparty"));
        builder.purpose(names(properties, "purpose"));
        builder.number(names(properties, "number"));
        builder.taxId(names(properties, "taxId"));
        builder.account(names(properties, "account"));
        String delimiter = BankValues.blankToNull(properties.getProperty("delimiter"));
        if (delimiter != null) {
            builder.delimiter("\\t".equals(delimiter) ? '\t' : delimiter.charAt(0));
        }
        String charset = BankValues.blankToNull(properties.getProperty("charset"));
        if (charset != null) {
            builder.charset(Charset.forName(charset));
        }
        return builder;
    }

    private static String[] names(Properties properties, String key) {
        String value = properties.getProperty(key, "");
        return Arrays.stream(value.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    /**
     * Returns the date column's header texts.
     *
     * @return the texts, at least one
     */
    public List<String> date() {
        return date;
    }

    /**
     * Returns the signed amount column's header texts.
     *
     * @return the texts, possibly none
     */
    public List<String> amount() {
        return amount;
    }

    /**
     * Returns the debit (money out) column's header texts.
     *
     * @return the texts, possibly none
     */
    public List<String> debit() {
        return debit;
    }

    /**
     * Returns the credit (money in) column's header texts.
     *
     * @return the texts, possibly none
     */
    public List<String> credit() {
        return credit;
    }

    /**
     * Returns the counterparty column's header texts.
     *
     * @return the texts, possibly none
     */
    public List<String> counterparty() {
        return counterparty;
    }

    /**
     * Returns the purpose column's header texts.
     *
     * @return the texts, possibly none
     */
    public List<String> purpose() {
        return purpose;
    }

    /**
     * Returns the document number column's header texts.
     *
     * @return the texts, possibly none
     */
    public List<String> number() {
        return number;
    }

    /**
     * Returns the counterparty's tax id column's header texts.
     *
     * @return the texts, possibly none
     */
    public List<String> taxId() {
        return taxId;
    }

    /**
     * Returns the statement's own account column's header texts.
     *
     * @return the texts, possibly none
     */
    public List<String> account() {
        return account;
    }

    /**
     * Returns the statement's own account when the file has no column for it.
     *
     * @return the account, or {@code null}
     */
    @Nullable
    public String statementAccount() {
        return statementAccount;
    }

    /**
     * Returns the column delimiter.
     *
     * @return the delimiter, or {@code null} to tell {@code ;}, {@code ,} and tab apart from the first rows
     */
    @Nullable
    public Character delimiter() {
        return delimiter;
    }

    /**
     * Returns the encoding.
     *
     * @return the encoding, or {@code null} to tell it from the file (UTF-8 with or without a byte order mark,
     *     else {@link #fallbackCharset()})
     */
    @Nullable
    public Charset charset() {
        return charset;
    }

    /**
     * Returns the encoding of a file that is not UTF-8.
     *
     * @return the encoding, Windows-1251 unless set
     */
    public Charset fallbackCharset() {
        return fallbackCharset;
    }

    /**
     * Returns how many rows from the top are searched for the header.
     *
     * @return the rows, at least 1
     */
    public int headerSearchRows() {
        return headerSearchRows;
    }

    /** Builds a {@link BankCsvMapping}. */
    public static final class Builder {

        private List<String> date = List.of();
        private List<String> amount = List.of();
        private List<String> debit = List.of();
        private List<String> credit = List.of();
        private List<String> counterparty = List.of();
        private List<String> purpose = List.of();
        private List<String> number = List.of();
        private List<String> taxId = List.of();
        private List<String> account = List.of();
        @Nullable
        private String statementAccount;
        @Nullable
        private Character delimiter;
        @Nullable
        private Charset charset;
        private Charset fallbackCharset = BankCharsets.WINDOWS_1251;
        private int headerSearchRows = 30;

        private Builder() {}

        /**
         * Sets the date column (required).
         *
         * @param headers the header texts it may have
         * @return this builder
         */
        public Builder date(String... headers) {
            this.date = headers(headers);
            return this;
        }

        /**
         * Sets the signed amount column: positive in, negative out.
         *
         * @param headers the header texts it may have
         * @return this builder
         */
        public Builder amount(String... headers) {
            this.amount = headers(headers);
            return this;
        }

        /**
         * Sets the debit column: money out of the statement's account.
         *
         * @param headers the header texts it may have
         * @return this builder
         */
        public Builder debit(String... headers) {
            this.debit = headers(headers);
            return this;
        }

        /**
         * Sets the credit column: money into the statement's account.
         *
         * @param headers the header texts it may have
         * @return this builder
         */
        public Builder credit(String... headers) {
            this.credit = headers(headers);
            return this;
        }

        /**
         * Sets the counterparty's name column.
         *
         * @param headers the header texts it may have
         * @return this builder
         */
        public Builder counterparty(String... headers) {
            this.counterparty = headers(headers);
            return this;
        }

        /**
         * Sets the purpose column.
         *
         * @param headers the header texts it may have
         * @return this builder
         */
        public Builder purpose(String... headers) {
            this.purpose = headers(headers);
            return this;
        }

        /**
         * Sets the document number column.
         *
         * @param headers the header texts it may have
         * @return this builder
         */
        public Builder number(String... headers) {
            this.number = headers(headers);
            return this;
        }

        /**
         * Sets the counterparty's tax id (ИНН, БИН/ИИН) column.
         *
         * @param headers the header texts it may have
         * @return this builder
         */
        public Builder taxId(String... headers) {
            this.taxId = headers(headers);
            return this;
        }

        /**
         * Sets the statement's own account column.
         *
         * @param headers the header texts it may have
         * @return this builder
         */
        public Builder account(String... headers) {
            this.account = headers(headers);
            return this;
        }

        /**
         * Sets the statement's own account for a file without an account column; it makes ledger keys stable
         * across files, like the 1C format's.
         *
         * @param account the account, or {@code null}
         * @return this builder
         */
        public Builder statementAccount(@Nullable String account) {
            this.statementAccount = BankValues.blankToNull(account);
            return this;
        }

        /**
         * Sets the column delimiter.
         *
         * @param delimiter the delimiter, or {@code null} to detect it
         * @return this builder
         */
        public Builder delimiter(@Nullable Character delimiter) {
            this.delimiter = delimiter;
            return this;
        }

        /**
         * Sets the encoding.
         *
         * @param charset the encoding, or {@code null} to detect it
         * @return this builder
         */
        public Builder charset(@Nullable Charset charset) {
            this.charset = charset;
            return this;
        }

        /**
         * Sets the encoding of files that are not UTF-8.
         *
         * @param charset the encoding
         * @return this builder
         */
        public Builder fallbackCharset(Charset charset) {
            this.fallbackCharset = Objects.requireNonNull(charset, "charset");
            return this;
        }

        /**
         * Sets how many rows from the top are searched for the header.
         *
         * @param rows the rows, at least 1
         * @return this builder
         */
        public Builder headerSearchRows(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("header search rows must be 1 or more, got " + rows);
            }
            this.headerSearchRows = rows;
            return this;
        }

        /**
         * Builds the mapping.
         *
         * @return the mapping
         * @throws IllegalArgumentException when the date column, or both an amount column and the debit/credit
         *     pair, are missing
         */
        public BankCsvMapping build() {
            if (date.isEmpty()) {
                throw new IllegalArgumentException("a bank CSV mapping needs the date column");
            }
            if (debit.isEmpty() != credit.isEmpty()) {
                throw new IllegalArgumentException("a bank CSV mapping needs both the debit and the credit column, "
                        + "or neither");
            }
            if (amount.isEmpty() && debit.isEmpty()) {
                throw new IllegalArgumentException("a bank CSV mapping needs an amount column or debit and credit "
                        + "columns");
            }
            return new BankCsvMapping(this);
        }

        private static List<String> headers(String... headers) {
            List<String> list = new ArrayList<>();
            for (String header : headers) {
                String stripped = BankValues.blankToNull(Objects.requireNonNull(header, "header"));
                if (stripped != null) {
                    list.add(stripped);
                }
            }
            return List.copyOf(list);
        }
    }
}
