/** Sending the inbox's notices to a shop's manager: {@link dev.aihq.agents.inbox.notify.WebhookNotifier}. */
@NonnullByDefault
package dev.aihq.agents.inbox.notify;

import dev.aihq.api.NonnullByDefault;
