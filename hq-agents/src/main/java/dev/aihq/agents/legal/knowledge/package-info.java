/**
 * The legal agent's shipped knowledge base: a versioned corpus of short, sourced entries on Kaspi, Wildberries
 * and Ozon rules and Kazakh and Russian law ({@code corpus-v1.json}), read and validated by
 * {@link dev.aihq.agents.legal.knowledge.ShippedKnowledgeBase}, and a BM25 ranking over Russian and Kazakh text
 * with a small suffix-stripping stemmer ({@link dev.aihq.agents.legal.knowledge.RussianStemmer}). Integrators add
 * their own documents per shop.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.agents.legal.knowledge;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
