/**
 * Pacing of outbound WhatsApp messages: when a message to a customer may go so that neither the pair rate
 * (about one message per 6 seconds to one customer, error 131056) nor the number's throughput (80 messages
 * per second by default, error 130429) is exceeded. The pacer only hands out send times; the caller
 * schedules the send.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.channel.whatsapp.pacing;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
