package dev.aihq.agents.legal.knowledge;

import dev.aihq.api.legal.KnowledgeEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An immutable Okapi BM25 index ({@code k1} = 1.2, {@code b} = 0.75) over knowledge entries. An entry's
 * document is its rule id, its title twice (a title word weighs more), its text and its keywords, split by
 * {@link RussianStemmer#terms(String)}.
 */
final class Bm25Index {

    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final List<KnowledgeEntry> entries;
    private final List<Map<String, Integer>> frequencies;
    private final int[] lengths;
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final double averageLength;

    Bm25Index(List<KnowledgeEntry> entries) {
        this.entries = List.copyOf(entries);
        this.frequencies = new ArrayList<>(entries.size());
        this.lengths = new int[entries.size()];
        long total = 0;
        for (int i = 0; i < this.entries.size(); i++) {
            KnowledgeEntry e = this.entries.get(i);
            List<String> terms = RussianStemmer.terms(e.ruleId() + " " + e.title() + " " + e.title() + " " + e.text()
                    + " " + String.join(" ", e.keywords()));
            Map<String, Integer> tf = new HashMap<>();
            for (String t : terms) {
                tf.merge(t, 1, Integer::sum);
            }
            for (String t : tf.keySet()) {
                documentFrequency.merge(t, 1, Integer::sum);
            }
            frequencies.add(tf);
            lengths[i] = terms.size();
            total += terms.size();
        }
        this.averageLength = entries.isEmpty() ? 1 : (double) total / entries.size();
    }

    /** One scored entry. */
    record Hit(KnowledgeEntry entry, double score) {}

    /**
     * Scores every entry that passes the filter and shares a term with the query.
     *
     * @return the hits with a positive score, unordered
     */
    List<Hit> score(String query, Predicate<KnowledgeEntry> filter) {
        LinkedHashSet<String> queryTerms = new LinkedHashSet<>(RussianStemmer.terms(query));
        List<Hit> hits = new ArrayList<>();
        int n = entries.size();
        for (int i = 0; i < n; i++) {
            KnowledgeEntry e = entries.get(i);
            if (!filter.test(e)) {
                continue;
            }
            double score = 0;
            Map<String, Integer> tf = frequencies.get(i);
            for (String t : queryTerms) {
                Integer f = tf.get(t);
                if (f == null) {
                    continue;
                }
                int df = documentFrequency.get(t);
                double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
                score += idf * f * (K1 + 1) / (f + K1 * (1 - B + B * lengths[i] / averageLength));
            }
            if (score > 0) {
                hits.add(new Hit(e, score));
            }
        }
        return hits;
    }
}
