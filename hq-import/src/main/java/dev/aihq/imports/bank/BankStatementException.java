package dev.aihq.imports.bank;

import dev.aihq.api.error.HqException;
import javax.annotation.Nullable;

/**
 * A bank statement that cannot be read at all: not the format it was given as (a file without the
 * {@code 1CClientBankExchange} first line, a CSV without the mapped header), or unreadable storage. Problems of
 * single documents or rows are never thrown: they are {@link BankProblem}s.
 */
public final class BankStatementException extends HqException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what the file is not, or what failed
     * @param cause the underlying failure, or {@code null}
     */
    public BankStatementException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception.
     *
     * @param message what the file is not
     */
    public BankStatementException(String message) {
        super(message);
    }
}
