package dev.aihq.connectors.wb;

import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One buyer question on a seller's product card (reference §2.6).
 *
 * @param id WB's id of the question
 * @param text the question
 * @param createdDate when it was asked
 * @param state {@code suppliersPortalSynch} (new), {@code wbRu} (answered and shown), {@code none} (rejected by the
 *     seller), or a value WB adds later, as sent
 * @param wasViewed whether the seller has viewed it
 * @param warned whether WB shows it with a "suspicious message" banner ({@code isWarned})
 * @param answer the seller's answer, or {@code null}
 * @param product the product, or {@code null}
 */
public record WbQuestion(
        String id,
        String text,
        Instant createdDate,
        String state,
        boolean wasViewed,
        boolean warned,
        @Nullable WbQuestionAnswer answer,
        @Nullable WbProductDetails product) {

    /** The state of a new question. */
    public static final String STATE_NEW = "suppliersPortalSynch";
    /** The state of an answered question shown on the site. */
    public static final String STATE_ANSWERED = "wbRu";
    /** The state of a question the seller rejected. */
    public static final String STATE_REJECTED = "none";

    /** Requires the non-null parts. */
    public WbQuestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdDate, "createdDate");
        Objects.requireNonNull(state, "state");
    }

    /** Describes the question by id and size; the text stays out of logs. */
    @Override
    public String toString() {
        return "WbQuestion[" + id + ", " + text.length() + " chars, " + createdDate + ", state=" + state
                + ", warned=" + warned + ", answered=" + (answer != null)
                + (product == null || product.nmId() == null ? "" : ", nmId " + product.nmId()) + "]";
    }
}
