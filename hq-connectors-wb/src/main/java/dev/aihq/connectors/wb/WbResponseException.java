package dev.aihq.connectors.wb;

import dev.aihq.api.error.NonRetriableMarketplaceException;
import javax.annotation.Nullable;

/**
 * Wildberries answered with a success status but not what the connector needs: a body it cannot read (not JSON,
 * not WB's shape, a required field missing or of the wrong type), or a write WB acknowledged that the read-back
 * does not show (WB does not validate a feedback id on answer). The message names the request and the field
 * ({@code feedbacks[3].productValuation}, {@code answer}) and never quotes the body, which holds buyers' texts.
 * Not retried: the same request gives the same answer.
 */
public final class WbResponseException extends NonRetriableMarketplaceException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status of the response
     * @param field the JSON path of what was wrong, e.g. {@code data.feedbacks}, or {@code $} for the whole body
     * @param message what was wrong, naming the request and the field
     * @param cause the underlying failure
     */
    public WbResponseException(int status, String field, String message, @Nullable Throwable cause) {
        super(WbClient.SERVICE, status, message, cause);
        this.field = field;
    }

    /**
     * Returns the JSON path of what was wrong.
     *
     * @return e.g. {@code data.feedbacks}, or {@code $} for the whole body
     */
    public String field() {
        return field;
    }
}
