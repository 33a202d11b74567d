package dev.aihq.api.document;

/**
 * Bounds on the documents of one event. Sizes are counted in bytes of the text encoded as UTF-8 (for a
 * file, its size on disk). A document over a limit is never cut: it is left out whole and reported, so an
 * analysis never rests on half a document without saying so.
 *
 * @param maxDocumentBytes the largest document, in bytes, at least 1
 * @param maxDocuments the most documents one event may list, at least 1; those beyond are not read
 * @param maxTotalBytes the most bytes of text all documents of one event may add up to, at least 1
 */
public record DocumentLimits(long maxDocumentBytes, int maxDocuments, long maxTotalBytes) {

    /** The default for {@link #maxDocumentBytes()}: 1 MiB of text, several hundred pages. */
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = 1024L * 1024;

    /** The default for {@link #maxDocuments()}: 10. */
    public static final int DEFAULT_MAX_DOCUMENTS = 10;

    /** The default for {@link #maxTotalBytes()}: 4 MiB. */
    public static final long DEFAULT_MAX_TOTAL_BYTES = 4L * 1024 * 1024;

    /** Requires every limit to be at least 1. */
    public DocumentLimits {
        if (maxDocumentBytes < 1) {
            throw new IllegalArgumentException("max document bytes must be at least 1, got " + maxDocumentBytes);
        }
        if (maxDocuments < 1) {
            throw new IllegalArgumentException("max documents must be at least 1, got " + maxDocuments);
        }
        if (maxTotalBytes < 1) {
            throw new IllegalArgumentException("max total bytes must be at least 1, got " + maxTotalBytes);
        }
    }

    /**
     * The defaults: 1 MiB per document, 10 documents, 4 MiB in total.
     *
     * @return the default limits
     */
    public static DocumentLimits defaults() {
        return new DocumentLimits(DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_DOCUMENTS, DEFAULT_MAX_TOTAL_BYTES);
    }

    /**
     * The size of a text in UTF-8 bytes, counted without encoding it and without counting past a bound.
     *
     * @param text the text
     * @param stopAbove counting stops as soon as the size exceeds this many bytes
     * @return the exact size when it is at most {@code stopAbove}, otherwise a number above {@code stopAbove}
     *     (not the full size)
     */
    public static long utf8Size(CharSequence text, long stopAbove) {
        long size = 0;
        int length = text.length();
        for (int i = 0; i < length && size <= stopAbove; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                size += 1;
            } else if (c < 0x800) {
                size += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                size += 4;
                i++;
            } else {
                size += 3;
            }
        }
        return size;
    }
}
