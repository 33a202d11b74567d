/**
 * Text shaping for WhatsApp, pure functions without I/O: markup, escaping of customer-supplied text,
 * HTML removal, the length limit and template parameter flattening.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.channel.whatsapp.format;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
