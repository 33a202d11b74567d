package dev.aihq.api.document;

import java.util.Objects;

/**
 * What a {@link DocumentSource} answers for one document name: {@link Found} with the text, or why there
 * is no text: {@link NotFound}, {@link Unreadable} or {@link TooLarge}.
 */
public sealed interface DocumentLookup
        permits DocumentLookup.Found, DocumentLookup.NotFound, DocumentLookup.Unreadable, DocumentLookup.TooLarge {

    /**
     * The document's name as the event gave it.
     *
     * @return the name
     */
    String name();

    /**
     * A document with its text.
     *
     * @param name the document's name as the event gave it
     * @param text the document's full text (never truncated)
     * @param contentType the media type the text came from, e.g. {@code text/plain} or {@code text/markdown}
     * @param byteSize the size of the text in UTF-8 bytes (for a file, the file's size), at least 0
     * @param source where the text came from, for people, e.g. {@code inline} or
     *     {@code directory kaspi_123/fine_notice.txt}; never an absolute path
     */
    record Found(String name, String text, String contentType, long byteSize, String source)
            implements DocumentLookup {

        /** Requires every field and a size of at least 0. */
        public Found {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(contentType, "content type");
            Objects.requireNonNull(source, "source");
            if (byteSize < 0) {
                throw new IllegalArgumentException("byte size must be at least 0, got " + byteSize);
            }
        }

        /** Hides the text, which may hold personal data. */
        @Override
        public String toString() {
            return "Found[name=" + name + ", contentType=" + contentType + ", byteSize=" + byteSize + ", source="
                    + source + "]";
        }
    }

    /**
     * No document of that name for the shop, or a name that is refused (e.g. a path leaving the shop's
     * documents).
     *
     * @param name the document's name as the event gave it
     * @param reason why, in words a person can read
     */
    record NotFound(String name, String reason) implements DocumentLookup {

        /** Requires both fields. */
        public NotFound {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A document that exists but whose text cannot be read: a format the source does not extract (PDF,
     * images, archives), binary content, text that is not UTF-8, or an I/O error.
     *
     * @param name the document's name as the event gave it
     * @param reason why, in words a person can read, with a hint where one helps
     */
    record Unreadable(String name, String reason) implements DocumentLookup {

        /** Requires both fields. */
        public Unreadable {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A document larger than the limit; nothing beyond the limit was read and no part of it is used.
     *
     * @param name the document's name as the event gave it
     * @param size the document's size in bytes, or the limit plus one when reading stopped at the limit
     * @param limit the limit in bytes
     */
    record TooLarge(String name, long size, long limit) implements DocumentLookup {

        /** Requires the name and a size above the limit. */
        public TooLarge {
            Objects.requireNonNull(name, "name");
            if (limit < 0 || size <= limit) {
                throw new IllegalArgumentException("size " + size + " must exceed the limit " + limit);
            }
        }
    }
}
