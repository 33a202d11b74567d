package dev.aihq.api.document;

import dev.aihq.api.ShopId;
import dev.aihq.api.event.LegalDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns the documents of an event into {@link ResolvedDocuments}: a document with text (inline,
 * {@code {name, text}}) is used as sent, a document with only a name is resolved by the
 * {@link DocumentSource} for the event's shop, and {@link DocumentLimits} are applied in the event's order.
 *
 * <p>Rules:
 * <ul>
 *   <li>Documents beyond {@link DocumentLimits#maxDocuments()} are not read; each is a
 *       {@link DocumentProblem.Kind#TOO_MANY} problem.
 *   <li>A document over {@link DocumentLimits#maxDocumentBytes()}, inline or resolved, is a
 *       {@link DocumentProblem.Kind#TOO_LARGE} problem. It is never truncated: half a contract or notice
 *       can mislead an analysis, so the whole document is left out and the seller is told.
 *   <li>A document that would bring the usable documents over {@link DocumentLimits#maxTotalBytes()} is an
 *       {@link DocumentProblem.Kind#OVER_TOTAL} problem; later, smaller documents may still fit.
 *   <li>A name that does not resolve or cannot be read is a {@link DocumentProblem.Kind#NOT_FOUND} or
 *       {@link DocumentProblem.Kind#UNREADABLE} problem. A source that throws is an unreadable document;
 *       the resolver never throws for one bad document.
 * </ul>
 *
 * <p>Thread-safe when its source is.
 */
public final class DocumentResolver {

    /** What {@link DocumentLookup.Found#source()} says for a document sent with its text. */
    public static final String INLINE = "inline";

    private final DocumentSource source;
    private final DocumentLimits limits;

    /**
     * Creates a resolver.
     *
     * @param source resolves names; {@link DocumentSource#none()} when only inline documents are accepted
     * @param limits the bounds applied to each event's documents
     */
    public DocumentResolver(DocumentSource source, DocumentLimits limits) {
        this.source = Objects.requireNonNull(source, "source");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * The limits this resolver applies.
     *
     * @return the limits
     */
    public DocumentLimits limits() {
        return limits;
    }

    /**
     * Resolves an event's documents for its shop.
     *
     * @param shop the event's shop; names are resolved among this shop's documents only
     * @param documents the event's documents in its order
     * @return the usable documents and the problems, both in the event's order
     */
    public ResolvedDocuments resolve(ShopId shop, List<LegalDocument> documents) {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(documents, "documents");
        List<DocumentLookup.Found> found = new ArrayList<>();
        List<DocumentProblem> problems = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < documents.size(); i++) {
            LegalDocument document = documents.get(i);
            String name = document.name();
            if (i >= limits.maxDocuments()) {
                problems.add(new DocumentProblem(i, name, DocumentProblem.Kind.TOO_MANY,
                        "the event lists " + documents.size() + " documents, more than the limit of "
                                + limits.maxDocuments() + "; this one was not read"));
                continue;
            }
            DocumentLookup lookup = lookup(shop, document);
            if (lookup instanceof DocumentLookup.Found f) {
                if (f.byteSize() > limits.maxDocumentBytes()) {
                    problems.add(tooLarge(i, name, f.byteSize()));
                } else if (total + f.byteSize() > limits.maxTotalBytes()) {
                    problems.add(new DocumentProblem(i, name, DocumentProblem.Kind.OVER_TOTAL,
                            bytes(f.byteSize()) + " would bring the event's documents to "
                                    + bytes(total + f.byteSize()) + ", more than the limit of "
                                    + bytes(limits.maxTotalBytes()) + " in total; not used"));
                } else {
                    total += f.byteSize();
                    found.add(f);
                }
            } else if (lookup instanceof DocumentLookup.TooLarge t) {
                problems.add(tooLarge(i, name, t.size()));
            } else if (lookup instanceof DocumentLookup.NotFound n) {
                problems.add(new DocumentProblem(i, name, DocumentProblem.Kind.NOT_FOUND, n.reason()));
            } else if (lookup instanceof DocumentLookup.Unreadable u) {
                problems.add(new DocumentProblem(i, name, DocumentProblem.Kind.UNREADABLE, u.reason()));
            }
        }
        return new ResolvedDocuments(found, problems);
    }

    private DocumentLookup lookup(ShopId shop, LegalDocument document) {
        String text = document.text();
        if (text != null) {
            long size = DocumentLimits.utf8Size(text, limits.maxDocumentBytes());
            if (size > limits.maxDocumentBytes()) {
                return new DocumentLookup.TooLarge(document.name(), DocumentLimits.utf8Size(text, Long.MAX_VALUE),
                        limits.maxDocumentBytes());
            }
            return new DocumentLookup.Found(document.name(), text, "text/plain", size, INLINE);
        }
        DocumentLookup lookup;
        try {
            lookup = source.resolve(shop, document.name(), limits.maxDocumentBytes());
        } catch (RuntimeException e) {
            return new DocumentLookup.Unreadable(document.name(),
                    "the document source failed: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                            : e.getMessage()));
        }
        if (lookup == null) {
            return new DocumentLookup.Unreadable(document.name(), "the document source gave no answer");
        }
        return lookup;
    }

    private DocumentProblem tooLarge(int position, String name, long size) {
        return new DocumentProblem(position, name, DocumentProblem.Kind.TOO_LARGE,
                bytes(size) + ", more than the limit of " + bytes(limits.maxDocumentBytes())
                        + " per document; not used (documents are never cut short)");
    }

    /** A size for people, e.g. {@code 5,242,880 bytes}. */
    static String bytes(long size) {
        return String.format(Locale.ROOT, "%,d bytes", size);
    }
}
