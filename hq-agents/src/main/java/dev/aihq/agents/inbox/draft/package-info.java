/**
 * The inbox's replies: the marketplaces' limits per channel, the guard every reply passes (model-written or not),
 * and the template replies used when no model answer passes.
 */
@NonnullByDefault
package dev.aihq.agents.inbox.draft;

import dev.aihq.api.NonnullByDefault;
