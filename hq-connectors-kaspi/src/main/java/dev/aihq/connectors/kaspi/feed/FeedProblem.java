package dev.aihq.connectors.kaspi.feed;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One malformed entry of a price list. The offer it belongs to is left out of the parsed feed (and so not
 * imported), and the rest of the feed is still read.
 *
 * @param offerIndex the 0-based position of the {@code <offer>} among the feed's offers, or
 *     {@link #DOCUMENT} for a problem outside any offer (a missing {@code <merchantid>})
 * @param sku the offer's {@code sku} attribute as written, or {@code null} when it is missing or blank
 * @param field where in the offer, as a path relative to {@code <offer>}: {@code @sku}, {@code model},
 *     {@code price}, {@code cityprices/cityprice[1]}, {@code availabilities/availability[0]/@stockCount}
 * @param message what is wrong, e.g. {@code must be a positive whole number of tenge, got '12.5'}
 * @param line the line of the document the offer (or the element) starts on, 1-based, or 0 when unknown
 */
public record FeedProblem(int offerIndex, @Nullable String sku, String field, String message, int line) {

    /** The {@link #offerIndex()} of a problem that is not inside an offer. */
    public static final int DOCUMENT = -1;

    /** Validates the index and line and requires field and message. */
    public FeedProblem {
        if (offerIndex < DOCUMENT) {
            throw new IllegalArgumentException("offer index must be at least -1, got " + offerIndex);
        }
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative, got " + line);
        }
    }

    /**
     * Tells whether the problem is about the document rather than one offer.
     *
     * @return {@code true} when {@link #offerIndex()} is {@link #DOCUMENT}
     */
    public boolean isDocumentLevel() {
        return offerIndex == DOCUMENT;
    }

    /** Returns e.g. {@code offer[3] (sku 'A-1', line 40) price: must be a positive whole number of tenge}. */
    @Override
    public String toString() {
        String where = isDocumentLevel() ? "document" : "offer[" + offerIndex + "]";
        return where + " (" + (sku == null ? "no sku" : "sku '" + sku + "'") + ", line " + line + ") " + field
                + ": " + message;
    }
}
