/**
 * The unified inbox's model: an {@link dev.aihq.api.inbox.Interaction} (one review, question or buyer chat on a
 * marketplace) with its timeline of {@link dev.aihq.api.inbox.InteractionMessage}s, the
 * {@link dev.aihq.api.inbox.Classification} of what the buyer wants, how they feel and how urgent it is, and the
 * link to the order the buyer wrote about. Kept by {@link dev.aihq.api.store.InteractionStore}.
 */
@NonnullByDefault
package dev.aihq.api.inbox;

import dev.aihq.api.NonnullByDefault;
