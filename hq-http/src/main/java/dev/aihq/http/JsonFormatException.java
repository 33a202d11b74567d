package dev.aihq.http;

import dev.aihq.api.error.HqException;
import javax.annotation.Nullable;

/**
 * A JSON document could not be read (malformed, or not the expected shape) or a value could not be
 * written as JSON. The message names where the problem is, as a JSON path ({@code $.data[0].price}) and
 * a line and column, and what kind of problem it is. It never quotes the document: bodies hold customer
 * names, phone numbers and addresses.
 */
public class JsonFormatException extends HqException {

    private static final long serialVersionUID = 1L;

    /** The JSON path of the problem. */
    private final String path;
    /** The 1-based line of the problem, or -1. */
    private final int line;
    /** The 1-based column of the problem, or -1. */
    private final int column;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, without document contents
     * @param path the JSON path of the problem, {@code $} for the document itself
     * @param line the 1-based line of the problem, or -1 when unknown
     * @param column the 1-based column of the problem, or -1 when unknown
     * @param cause the underlying failure
     */
    public JsonFormatException(String message, String path, int line, int column, @Nullable Throwable cause) {
        super(message, cause);
        this.path = path;
        this.line = line;
        this.column = column;
    }

    /**
     * Returns the JSON path of the problem, e.g. {@code $.data[0].attributes.totalPrice}.
     *
     * @return the path, {@code $} when the problem is the document itself
     */
    public String path() {
        return path;
    }

    /**
     * Returns the line of the problem.
     *
     * @return the 1-based line, or -1 when unknown
     */
    public int line() {
        return line;
    }

    /**
     * Returns the column of the problem.
     *
     * @return the 1-based column, or -1 when unknown
     */
    public int column() {
        return column;
    }

    /**
     * Returns a copy whose message starts with where the document came from, e.g.
     * {@code kaspi GET /v2/orders}. The path, position and cause are kept.
     *
     * @param context the origin of the document
     * @return the exception with context
     */
    public JsonFormatException withContext(String context) {
        JsonFormatException copy = new JsonFormatException(context + ": " + getMessage(), path, line, column,
                getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }
}
