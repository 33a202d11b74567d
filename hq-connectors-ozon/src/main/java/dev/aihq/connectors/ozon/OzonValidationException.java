package dev.aihq.connectors.ozon;

import dev.aihq.api.error.HqException;
import java.util.Objects;

/**
 * An Ozon request refused by the connector before anything was sent, because Ozon documents that it would refuse
 * it: a chat message outside 1–1000 characters, an answer to a question outside 2–3000, a blank review comment, a
 * page size Ozon does not serve, more than 100 review ids. The message names the field and the limit.
 */
public final class OzonValidationException extends HqException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates the exception.
     *
     * @param field the request field that is wrong, e.g. {@code text}
     * @param message what is wrong, naming the field and the limit
     */
    public OzonValidationException(String field, String message) {
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
