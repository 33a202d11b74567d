package dev.aihq.connectors.kaspi.feed;

import dev.aihq.api.error.HqException;
import javax.annotation.Nullable;

/**
 * A document that cannot be read as a Kaspi price list at all: not well-formed XML, a root other than
 * {@code kaspi_catalog} (in the {@code kaspiShopping} namespace or none), no {@code <offers>}, or a
 * {@code DOCTYPE} (refused, so that no external entity is ever resolved). The message names the line and
 * column where reading stopped. Malformed single offers are not this exception but {@link FeedProblem}s.
 */
public final class KaspiFeedException extends HqException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    /**
     * Creates the exception.
     *
     * @param message what is wrong
     * @param line the 1-based line where reading stopped, or 0 when unknown
     * @param column the 1-based column where reading stopped, or 0 when unknown
     * @param cause the underlying failure
     */
    public KaspiFeedException(String message, int line, int column, @Nullable Throwable cause) {
        super("not a readable Kaspi price list" + (line > 0 ? " (line " + line + ", column " + column + ")" : "")
                + ": " + message, cause);
        this.line = Math.max(line, 0);
        this.column = Math.max(column, 0);
    }

    /**
     * Returns the line where reading stopped.
     *
     * @return the 1-based line, or 0 when unknown
     */
    public int line() {
        return line;
    }

    /**
     * Returns the column where reading stopped.
     *
     * @return the 1-based column, or 0 when unknown
     */
    public int column() {
        return column;
    }
}
