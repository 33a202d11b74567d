package dev.aihq.imports.bank;

/** Which way a transaction moved money, seen from the statement's own account. */
public enum BankDirection {
    /** Money came in: the statement's account is the payee. */
    IN,
    /** Money went out: the statement's account is the payer. */
    OUT,
    /** Between two accounts of the same statement: neither income nor expense. */
    INTERNAL,
    /** The file does not tell (no account of the file on either side and no debit or credit date). */
    UNKNOWN
}
