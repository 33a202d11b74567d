/**
 * The deterministic check of a sales message a model drafted, before it reaches a customer: the seed's
 * "ИИ не обещает то, чего нет". {@link dev.aihq.agents.sales.guard.OfferCheck} reads a
 * {@link dev.aihq.api.result.SalesOffer} against a {@link dev.aihq.agents.sales.guard.GuardContext} and
 * returns every problem as a short sentence a person and the model can read, so the model can be asked to
 * repair its draft. It also applies the messaging rules of the shop's marketplace and the shop's forbidden
 * phrases. The phrase lists (restricted categories, promises in Russian and Kazakh, prompt-leak phrases,
 * review ratings and rewards, impersonation) ship as resources under {@code /dev/aihq/agents/sales/guard/}.
 */
@NonnullByDefault
package dev.aihq.agents.sales.guard;

import dev.aihq.api.NonnullByDefault;
