/** The WhatsApp channel: messages to customers over the WhatsApp Business Cloud API, and their answers. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.channel.whatsapp;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
