package dev.aihq.connectors.wb;

import dev.aihq.api.error.HqException;
import java.util.Objects;

/**
 * A Wildberries request refused by the connector before anything was sent, because WB would refuse it or, worse,
 * accept it wrongly: an answer shorter than 2 or longer than 5000 characters, an edit of an answer WB no longer lets
 * be edited, a page size WB does not serve. The message names the field and the limit.
 */
public final class WbValidationException extends HqException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates the exception.
     *
     * @param field the request field that is wrong, e.g. {@code text}
     * @param message what is wrong, naming the field and the limit
     */
    public WbValidationException(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    /**
     * Returns the request field that is wrong.
     *
     * @return e.g. {@code text}
     */
    public String field() {
        return field;
    }
}
