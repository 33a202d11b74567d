package dev.aihq.api.document;

import dev.aihq.api.ShopId;

/**
 * Resolves the name of a document, as a legal event sends it (the seed sends names such as
 * {@code fine_notice.pdf}), to the document's text for one shop.
 *
 * <p>Implementations must keep shops apart (a name never resolves to another shop's document), must not
 * read more than {@code maxBytes} bytes of a document (answer {@link DocumentLookup.TooLarge} instead) and
 * should answer a missing or unreadable document with {@link DocumentLookup.NotFound} or
 * {@link DocumentLookup.Unreadable} rather than throw. {@link DocumentResolver} still turns an exception
 * into an unreadable document, so one broken document never fails the others. Implementations must be
 * safe for concurrent use.
 */
@FunctionalInterface
public interface DocumentSource {

    /**
     * Resolves a document name for a shop, reading at most {@code maxBytes} bytes of it.
     *
     * @param shop the shop whose documents are searched
     * @param name the document's name as the event gave it (untrusted input)
     * @param maxBytes the largest document, in bytes of its UTF-8 text, that may be read; a larger one is
     *     answered with {@link DocumentLookup.TooLarge}
     * @return what was found
     */
    DocumentLookup resolve(ShopId shop, String name, long maxBytes);

    /**
     * Resolves a document name for a shop under {@link DocumentLimits#DEFAULT_MAX_DOCUMENT_BYTES}.
     *
     * @param shop the shop whose documents are searched
     * @param name the document's name as the event gave it (untrusted input)
     * @return what was found
     */
    default DocumentLookup resolve(ShopId shop, String name) {
        return resolve(shop, name, DocumentLimits.DEFAULT_MAX_DOCUMENT_BYTES);
    }

    /**
     * A source that knows no documents: every name is {@link DocumentLookup.NotFound}, with a reason that
     * says no document source is configured. Inline documents still work.
     *
     * @return the empty source
     */
    static DocumentSource none() {
        return (shop, name, maxBytes) -> new DocumentLookup.NotFound(name,
                "no document source is configured; send the document's text inline as {name, text}");
    }
}
