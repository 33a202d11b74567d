/**
 * Candidate selection by code for the sales agent: which products may be offered after a purchase, why,
 * and in which order, with no model involved. {@link dev.aihq.agents.sales.selection.CatalogIndex} indexes
 * a catalog snapshot once; {@link dev.aihq.agents.sales.selection.CandidateSelector} ranks
 * {@link dev.aihq.agents.sales.selection.Candidate}s per purchase, shaped by the customer's
 * {@link dev.aihq.agents.sales.selection.CustomerProfile} from
 * {@link dev.aihq.agents.sales.selection.CustomerScorer} (the seed's improvement 1, customer scoring).
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.agents.sales.selection;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
