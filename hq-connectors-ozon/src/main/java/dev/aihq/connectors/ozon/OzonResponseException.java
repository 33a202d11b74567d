package dev.aihq.connectors.ozon;

import dev.aihq.api.error.NonRetriableMarketplaceException;
import java.util.Objects;
import javax.annotation.Nullable;

/** Ozon answered 2xx with a body the connector cannot read; the message names the field. Not retriable. */
public class OzonResponseException extends NonRetriableMarketplaceException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status
     * @param field the JSON path of the field that could not be read, {@code $} for the whole body
     * @param message the message
     * @param cause the parse failure, or {@code null}
     */
    public OzonResponseException(int status, String field, String message, @Nullable Throwable cause) {
        super(OzonClient.SERVICE, status, message, cause);
        this.field = Objects.requireNonNull(field, "field");
    }

    /**
     * Returns the field that could not be read.
     *
     * @return e.g. {@code result.postings}
     */
    public String field() {
        return field;
    }
}
