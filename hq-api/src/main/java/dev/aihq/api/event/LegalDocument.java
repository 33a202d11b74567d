package dev.aihq.api.event;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A document attached to a legal event: a file name as the seed sends it, optionally with its extracted
 * text.
 *
 * @param name the file name, e.g. {@code fine_notice.pdf}
 * @param text the document's text, or {@code null} when only the name was given
 */
public record LegalDocument(String name, @Nullable String text) {

    /** Requires a name. */
    public LegalDocument {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("document name must not be blank");
        }
    }
}
