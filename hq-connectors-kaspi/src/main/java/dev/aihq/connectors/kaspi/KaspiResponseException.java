package dev.aihq.connectors.kaspi;

import dev.aihq.api.error.NonRetriableMarketplaceException;
import javax.annotation.Nullable;

/**
 * Kaspi answered with a success status but a body the connector cannot read: not JSON, not Kaspi's
 * JSON:API shape, or a required field missing or of the wrong type. The message names the request and
 * the field ({@code data[2].attributes.code}) and never quotes the body, which holds personal data. Not
 * retried: the same request gives the same body.
 */
public final class KaspiResponseException extends NonRetriableMarketplaceException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status of the response
     * @param field the JSON path of what was wrong, e.g. {@code data[2].attributes.code}
     * @param message what was wrong, naming the request and the field
     * @param cause the underlying failure
     */
    public KaspiResponseException(int status, String field, String message, @Nullable Throwable cause) {
        super(KaspiClient.SERVICE, status, message, cause);
        this.field = field;
    }

    /**
     * Returns the JSON path of what was wrong.
     *
     * @return e.g. {@code data[2].attributes.code}, or {@code $} for the whole body
     */
    public String field() {
        return field;
    }
}
