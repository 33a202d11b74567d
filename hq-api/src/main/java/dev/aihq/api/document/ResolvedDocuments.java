package dev.aihq.api.document;

import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The documents of one event after {@link DocumentResolver}: the texts that can be used, in the event's
 * order, and every document that cannot, in the event's order, each with a reason. Every document the
 * event listed is in exactly one of the two lists.
 *
 * @param documents the usable documents, inline and resolved ones interleaved as the event listed them
 * @param problems the documents that could not be used
 */
public record ResolvedDocuments(List<DocumentLookup.Found> documents, List<DocumentProblem> problems) {

    /** Copies both lists. */
    public ResolvedDocuments {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }

    /**
     * No documents and no problems.
     *
     * @return the empty result
     */
    public static ResolvedDocuments empty() {
        return new ResolvedDocuments(List.of(), List.of());
    }

    /**
     * Whether every listed document can be used.
     *
     * @return {@code true} when there are no problems
     */
    public boolean complete() {
        return problems.isEmpty();
    }

    /**
     * The total size of the usable documents.
     *
     * @return the sum of their {@link DocumentLookup.Found#byteSize()}
     */
    public long totalBytes() {
        return documents.stream().mapToLong(DocumentLookup.Found::byteSize).sum();
    }

    /**
     * Finds a usable document by name.
     *
     * @param name the name as the event gave it
     * @return the first usable document of that name, or {@code null}
     */
    public @Nullable DocumentLookup.Found document(String name) {
        Objects.requireNonNull(name, "name");
        return documents.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }
}
