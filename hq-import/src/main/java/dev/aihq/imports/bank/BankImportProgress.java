package dev.aihq.imports.bank;

/** Told how far a long bank statement import got. */
@FunctionalInterface
public interface BankImportProgress {

    /**
     * Called every {@link BankStatementImport.Builder#progress(BankImportProgress, int) N} documents or rows and
     * once at the end, on the importing thread.
     *
     * @param documentsRead the documents (1C) or data rows (CSV) read so far, rejected ones included
     */
    void documentsRead(int documentsRead);
}
