package dev.aihq.connectors.ozon.finance;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * An operation that could not be read or mapped, or a part of one that is left out of the ledger: which
 * operation, which field and why. The rest of the page is still read and mapped.
 *
 * @param index the operation's position, from 0: in the page's {@code operations} array for the parser, in the
 *     list of operations given to the mapper for the mapper
 * @param operationId the operation's {@code operation_id}, or {@code null} when it has none (or it is unreadable)
 * @param field the field concerned, as Ozon names it (e.g. {@code operation_id}, {@code accruals_for_sale},
 *     {@code services[1].price}, {@code operation_type})
 * @param message what is wrong, in English, with the offending value where it helps
 */
public record OzonTransactionProblem(int index, @Nullable Long operationId, String field, String message) {

    /** Requires a field and a message, and an index of at least 0. */
    public OzonTransactionProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative, got " + index);
        }
    }

    @Override
    public String toString() {
        return "operation " + index + (operationId == null ? "" : " (operation_id " + operationId + ")") + ", "
                + field + ": " + message;
    }
}
