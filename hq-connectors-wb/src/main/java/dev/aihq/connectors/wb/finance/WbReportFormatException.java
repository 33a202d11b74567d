package dev.aihq.connectors.wb.finance;

/**
 * A page of the sales report that is not a JSON array of rows at all, or whose JSON breaks off: nothing
 * after the break can be read, so the page must be fetched again. Rows that are merely invalid are not this
 * exception but {@link WbReportProblem}s of the page.
 */
public class WbReportFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, without the page's content
     * @param cause the underlying failure, or {@code null}
     */
    public WbReportFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
