/**
 * Linking a buyer's chat to its order: the marketplace's own link where it gives one, else the order number the
 * buyer writes when asked, read per marketplace and looked up in the local order index.
 */
@NonnullByDefault
package dev.aihq.agents.inbox.link;

import dev.aihq.api.NonnullByDefault;
