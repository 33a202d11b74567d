package dev.aihq.imports.bank;

import dev.aihq.api.Money;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerEntryKind;
import dev.aihq.api.store.LedgerStore;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Imports a shop's bank statement into the ledger: reads it as it goes ({@link OneCExchangeReader},
 * {@link BankCsvReader}), classifies each transaction ({@link BankClassifier}) and records commissions,
 * delivery and other expenses as shop-wide {@link LedgerEntry}s (no product, the amount positive, at the start of
 * the document's day in the shop's zone, in the shop's currency), and marketplace payouts as
 * {@link LedgerEntryKind#PAYOUT}, which the P&amp;L never counts: the sales are income already. Unmatched
 * transactions and every problem are listed in the {@link BankImportResult}; valid documents are recorded
 * whatever is wrong with others.
 *
 * <p>Each entry is keyed {@code bank:<account>:<date>:<number>:<amount>}, the same for a document whichever
 * statement it comes from, or {@code bank:<file sha-256 prefix>:<line>} for one without a number or account: the
 * same file imported twice, or two statements with the same documents, record them once. Entries go to
 * {@link LedgerStore#recordAll} in batches, so memory holds one batch, not the file. Thread-safe when the ledger
 * is; each call reads one file.
 */
public final class BankStatementImport {

    private static final int HASH_PREFIX = 16;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final LedgerStore ledger;
    private final Shop shop;
    private final BankClassifier classifier;
    private final BankCsvMapping csvMapping;
    @Nullable
    private final BankImportProgress progress;
    private final int progressEvery;
    private final int batchSize;
    private final int listLimit;

    private BankStatementImport(Builder b) {
        this.ledger = b.ledger;
        this.shop = b.shop;
        this.classifier = b.classifier;
        this.csvMapping = b.csvMapping;
        this.progress = b.progress;
        this.progressEvery = b.progressEvery;
        this.batchSize = b.batchSize;
        this.listLimit = b.listLimit;
    }

    /**
     * Starts an import for a shop.
     *
     * @param ledger the ledger to record in
     * @param shop the shop: its id, zone and currency
     * @return a builder
     */
    public static Builder builder(LedgerStore ledger, Shop shop) {
        return new Builder(ledger, shop);
    }

    /**
     * Imports a 1C client-bank exchange file.
     *
     * @param file the file
     * @return what was read, recorded, left unmatched and wrong
     * @throws BankStatementException when the file is not a 1CClientBankExchange file or cannot be read
     * @throws dev.aihq.api.error.StoreException when the ledger fails; earlier batches stay recorded, and a
     *     repeated import completes the file without recording them twice
     */
    public BankImportResult importOneC(Path file) {
        Run run = new Run(file);
        try (OneCExchangeReader reader = OneCExchangeReader.open(Files.newInputStream(file))) {
            reader.header().problems().forEach(run::problem);
            for (OneCRecord record = reader.next(); record != null; record = reader.next()) {
                if (record instanceof OneCDocument document) {
                    run.transaction(document.toTransaction());
                } else if (record instanceof OneCRejected rejected) {
                    run.rejected(rejected.problems(), rejected.kind() != null
                            && !"СекцияРасчСчет".equals(rejected.kind()));
                }
                // Account sections carry balances, not movements: nothing to record.
            }
        } catch (IOException e) {
            throw new BankStatementException("the 1C exchange file " + file.getFileName() + " could not be read: "
                    + e.getMessage(), e);
        }
        return run.finish();
    }

    /**
     * Imports a CSV export with this import's mapping.
     *
     * @param file the file
     * @return what was read, recorded, left unmatched and wrong
     * @throws BankStatementException when the file has no header of the mapping or cannot be read
     * @throws dev.aihq.api.error.StoreException when the ledger fails
     */
    public BankImportResult importCsv(Path file) {
        return importCsv(file, csvMapping);
    }

    /**
     * Imports a CSV export with a given mapping.
     *
     * @param file the file
     * @param mapping the columns
     * @return what was read, recorded, left unmatched and wrong
     * @throws BankStatementException when the file has no header of the mapping or cannot be read
     * @throws dev.aihq.api.error.StoreException when the ledger fails
     */
    public BankImportResult importCsv(Path file, BankCsvMapping mapping) {
        Objects.requireNonNull(mapping, "mapping");
        Run run = new Run(file);
        try (BankCsvReader reader = BankCsvReader.open(Files.newInputStream(file), mapping)) {
            for (BankCsvRow row = reader.next(); row != null; row = reader.next()) {
                if (row.transaction() != null) {
                    run.transaction(row.transaction());
                } else {
                    run.rejected(row.problems(), true);
                }
            }
        } catch (IOException e) {
            throw new BankStatementException("the bank CSV file " + file.getFileName() + " could not be read: "
                    + e.getMessage(), e);
        }
        return run.finish();
    }

    /**
     * Returns the ledger key of a transaction: {@code bank:<account>:<date>:<number>:<amount>} when it has an
     * account and a number (the amount with at least two decimals, so {@code 1500} and {@code 1500.00} agree),
     * else {@code bank:<first 16 hex digits of the file's SHA-256>:<line>}.
     *
     * @param transaction the transaction
     * @param fileSha256 the SHA-256 of its file, hex
     * @return the key
     */
    public static String ledgerKey(BankTransaction transaction, String fileSha256) {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(fileSha256, "file sha-256");
        String account = transaction.account();
        String number = transaction.number();
        if (account != null && number != null) {
            BigDecimal amount = transaction.amount().stripTrailingZeros();
            String key = "bank:" + BankValues.account(account) + ":" + transaction.date() + ":" + number.strip() + ":"
                    + amount.setScale(Math.max(2, amount.scale())).toPlainString();
            if (key.length() <= LedgerEntry.MAX_KEY_LENGTH && !CONTROL.matcher(key).find()) {
                return key;
            }
        }
        return "bank:" + fileSha256.substring(0, Math.min(HASH_PREFIX, fileSha256.length())) + ":"
                + transaction.line();
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new BankStatementException("the bank statement " + file.getFileName() + " could not be read: "
                    + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** One file's import: its counts, capped lists and the batch not yet recorded. */
    private final class Run {

        private final String fileName;
        private final String sha256;
        private final String source;
        private final Map<BankCategory, Integer> counts = new EnumMap<>(BankCategory.class);
        private final List<BankTransaction> unmatched = new ArrayList<>();
        private final List<BankProblem> problems = new ArrayList<>();
        private final Map<String, LedgerEntry> batch = new LinkedHashMap<>();
        private int documents;
        private int reported;
        private int transactions;
        private int imported;
        private int duplicates;
        private int unmatchedTotal;
        private int problemsTotal;

        Run(Path file) {
            Objects.requireNonNull(file, "file");
            this.fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            this.sha256 = sha256(file);
            String name = "bank:" + CONTROL.matcher(fileName).replaceAll(" ");
            this.source = name.length() <= LedgerEntry.MAX_SOURCE_LENGTH ? name
                    : name.substring(0, LedgerEntry.MAX_SOURCE_LENGTH);
        }

        void problem(BankProblem problem) {
            problemsTotal++;
            if (problems.size() < listLimit) {
                problems.add(problem);
            }
        }

        void rejected(List<BankProblem> rejectedProblems, boolean document) {
            rejectedProblems.forEach(this::problem);
            if (document) {
                read();
            }
        }

        void transaction(BankTransaction transaction) {
            transactions++;
            BankCategory category = classifier.classify(transaction).category();
            counts.merge(category, 1, Integer::sum);
            LedgerEntryKind kind = category.ledgerKind();
            if (kind == null) {
                unmatchedTotal++;
                if (unmatched.size() < listLimit) {
                    unmatched.add(transaction);
                }
            } else {
                LedgerEntry entry = new LedgerEntry(shop.id(), ledgerKey(transaction, sha256), kind,
                        transaction.date().atStartOfDay(shop.zone()).toInstant(), null, null, BigDecimal.ZERO,
                        Money.of(transaction.amount(), shop.currency()), source);
                if (batch.putIfAbsent(entry.key(), entry) != null) {
                    duplicates++; // the file repeats a document
                }
                if (batch.size() >= batchSize) {
                    flush();
                }
            }
            read();
        }

        private void read() {
            documents++;
            if (progress != null && documents % progressEvery == 0) {
                reported = documents;
                progress.documentsRead(documents);
            }
        }

        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            int added = ledger.recordAll(List.copyOf(batch.values()));
            imported += added;
            duplicates += batch.size() - added;
            batch.clear();
        }

        BankImportResult finish() {
            flush();
            if (progress != null && reported != documents) {
                progress.documentsRead(documents);
            }
            return new BankImportResult(fileName, sha256, transactions, counts, imported, duplicates, unmatched,
                    unmatchedTotal, problems, problemsTotal);
        }
    }

    /** Builds a {@link BankStatementImport}. */
    public static final class Builder {

        private final LedgerStore ledger;
        private final Shop shop;
        private BankClassifier classifier = BankClassifier.defaults();
        private BankCsvMapping csvMapping = BankCsvMapping.defaults();
        @Nullable
        private BankImportProgress progress;
        private int progressEvery = 1_000;
        private int batchSize = 500;
        private int listLimit = 1_000;

        private Builder(LedgerStore ledger, Shop shop) {
            this.ledger = Objects.requireNonNull(ledger, "ledger");
            this.shop = Objects.requireNonNull(shop, "shop");
        }

        /**
         * Sets the classification rules.
         *
         * @param classifier the classifier; {@link BankClassifier#defaults()} unless set
         * @return this builder
         */
        public Builder classifier(BankClassifier classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /**
         * Sets the CSV columns of {@link #importCsv(Path)}.
         *
         * @param mapping the mapping; {@link BankCsvMapping#defaults()} unless set
         * @return this builder
         */
        public Builder csvMapping(BankCsvMapping mapping) {
            this.csvMapping = Objects.requireNonNull(mapping, "mapping");
            return this;
        }

        /**
         * Reports progress every {@code every} documents or rows, and once at the end.
         *
         * @param progress the listener, or {@code null} for none
         * @param every how often, at least 1
         * @return this builder
         */
        public Builder progress(@Nullable BankImportProgress progress, int every) {
            if (every < 1) {
                throw new IllegalArgumentException("progress must be reported every 1 or more documents, got "
                        + every);
            }
            this.progress = progress;
            this.progressEvery = every;
            return this;
        }

        /**
         * Sets how many entries are recorded in one {@link LedgerStore#recordAll} call.
         *
         * @param size the batch size, at least 1; 500 unless set
         * @return this builder
         */
        public Builder batchSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("the batch size must be 1 or more, got " + size);
            }
            this.batchSize = size;
            return this;
        }

        /**
         * Sets how many unmatched transactions and problems the result lists (the totals count all).
         *
         * @param limit the limit, at least 0; 1,000 unless set
         * @return this builder
         */
        public Builder listLimit(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("the list limit must not be negative, got " + limit);
            }
            this.listLimit = limit;
            return this;
        }

        /**
         * Builds the import.
         *
         * @return the import
         */
        public BankStatementImport build() {
            return new BankStatementImport(this);
        }
    }
}
