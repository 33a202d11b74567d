package dev.aihq.api.document;

import java.util.Locale;
import java.util.Objects;

/**
 * A document of an event that could not be used, and why.
 *
 * @param position the document's 0-based position in the event's list
 * @param name the document's name as the event gave it
 * @param kind what went wrong
 * @param reason why, in words a person can read (shown to the seller as it is)
 */
public record DocumentProblem(int position, String name, Kind kind, String reason) {

    /** What went wrong with a document. */
    public enum Kind {
        /** No document of that name for the shop, or the name was refused. */
        NOT_FOUND,
        /** The document exists but its text cannot be read (format, encoding, I/O). */
        UNREADABLE,
        /** The document is over {@link DocumentLimits#maxDocumentBytes()}. */
        TOO_LARGE,
        /** The event lists more than {@link DocumentLimits#maxDocuments()}; this one was not read. */
        TOO_MANY,
        /** Adding the document would exceed {@link DocumentLimits#maxTotalBytes()}. */
        OVER_TOTAL
    }

    /** Requires every field and a position of at least 0. */
    public DocumentProblem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        if (position < 0) {
            throw new IllegalArgumentException("position must be at least 0, got " + position);
        }
    }

    /**
     * The problem in one line, e.g. {@code fine_notice.pdf: not found: no such document for this shop}.
     *
     * @return the name, the kind in words and the reason
     */
    public String describe() {
        return name + ": " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + reason;
    }
}
