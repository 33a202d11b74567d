/**
 * What the inbox says about writing to buyers first: the second seed's unrealistic scenarios (activation after
 * delivery, VIP programmes, win-back) refused with the marketplace's reason, and the one real path the reference
 * shows (an Ozon FBS/rFBS chat started within 72 h) offered for service messages only.
 */
@NonnullByDefault
package dev.aihq.agents.inbox.proactive;

import dev.aihq.api.NonnullByDefault;
