package dev.aihq.imports.bank;

/**
 * What {@link OneCExchangeReader#next()} returns after the header: an account section, a payment document, or a
 * part of the file that could not be read, with its problems.
 */
public sealed interface OneCRecord permits OneCAccountSection, OneCDocument, OneCRejected {

    /**
     * Tells where the record starts.
     *
     * @return the 1-based line of its first line
     */
    int line();
}
