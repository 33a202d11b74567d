/**
 * The legal agent's knowledge base: short, sourced entries of marketplace rules and Kazakh and Russian law
 * ({@link dev.aihq.api.legal.KnowledgeEntry}), the query an event turns into
 * ({@link dev.aihq.api.legal.KnowledgeQuery}) and the SPI that retrieves the relevant passages
 * ({@link dev.aihq.api.legal.KnowledgeBase}). Contracts only; the shipped corpus and its lexical retriever
 * live in {@code hq-agents}.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.api.legal;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
