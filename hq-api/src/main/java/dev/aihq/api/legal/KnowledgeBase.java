package dev.aihq.api.legal;

import java.util.List;
import java.util.Optional;

/**
 * The legal agent's knowledge base: retrieves the sourced passages relevant to an event, and looks an entry
 * up by its rule id. Implementations may rank lexically or by embeddings; they must be safe for concurrent
 * use and return results in a deterministic order for the same content and query.
 */
public interface KnowledgeBase {

    /**
     * Finds the passages relevant to a query, most relevant first, at most {@link KnowledgeQuery#limit()}.
     * Only entries matching the query's jurisdiction and marketplace are returned (law of the jurisdiction
     * whatever the marketplace), and a shop's own documents only for that shop.
     *
     * @param query the query
     * @return the passages, best first (ties by rule id); empty when nothing matches
     */
    List<Passage> search(KnowledgeQuery query);

    /**
     * Looks up a shipped entry by its rule id, exactly as written (shops' own documents are not returned).
     *
     * @param ruleId the rule id, e.g. {@code KZ.CPL.42-4}
     * @return the entry, or empty if there is none
     */
    Optional<KnowledgeEntry> find(String ruleId);
}
