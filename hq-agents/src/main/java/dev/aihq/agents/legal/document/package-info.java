/**
 * The legal agent's document layer: the nine document templates (T1–T9) as data
 * ({@link dev.aihq.agents.legal.document.LegalTemplates}), the seller's requisites for the header and signature
 * ({@link dev.aihq.agents.legal.document.SellerDetails}, supplied by the integrator through a
 * {@link dev.aihq.agents.legal.document.SellerDetailsProvider}), and a writer that fills a template from the rule
 * layer's conclusion, the retrieved passages and the event's own facts without a model
 * ({@link dev.aihq.agents.legal.document.TemplateDraftWriter}), clearly marked as a template draft.
 *
 * <p>Every number in a draft comes from its input: the event, its documents, the amounts computed by code and the
 * rule layer's deadline. What is not known is left as a bracketed placeholder for the seller to fill in. The
 * wording lives in {@code draft-texts.properties} (Russian) and {@code kk/draft-texts.properties} (Kazakh) next to
 * {@code templates-v1.json}, not in the code.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.agents.legal.document;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
