/**
 * The Green-API channel: messages to customers over Green-API, an unofficial WhatsApp gateway, and their
 * replies and delivery statuses through its webhook. Start at {@link dev.aihq.channel.greenapi.GreenApiChannel}.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.channel.greenapi;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
