/** Internals of the WhatsApp channel; nothing here is API and it may change in any release. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.channel.whatsapp.internal;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
