package dev.aihq.connectors.ozon.finance;

import javax.annotation.Nullable;

/**
 * A finance response that is not the documented shape at all ({@code {result:{operations:[…], …}}} for the
 * transaction list, the totals object for the totals), whose JSON breaks off, or that is Ozon's error body
 * ({@code {code, message, details}}, reference §3.2) instead: nothing can be read from it, so the request must be
 * made again (or its error dealt with). Operations that are merely invalid are not this exception but
 * {@link OzonTransactionProblem}s of the page.
 */
public class OzonFinanceFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final @Nullable Long errorCode;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, without the response's content (but with Ozon's error message, if any)
     * @param errorCode the {@code code} of Ozon's error body, or {@code null} when the body is not one
     * @param cause the underlying failure, or {@code null}
     */
    public OzonFinanceFormatException(String message, @Nullable Long errorCode, @Nullable Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /**
     * Returns the code of Ozon's error body.
     *
     * @return the {@code code}, or {@code null} when the response was not Ozon's error body
     */
    public @Nullable Long errorCode() {
        return errorCode;
    }
}
