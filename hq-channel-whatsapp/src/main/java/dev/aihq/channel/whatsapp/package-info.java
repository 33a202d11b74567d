/**
 * The WhatsApp channel: messages to customers over the WhatsApp Business Cloud API, and their answers.
 * {@link dev.aihq.channel.whatsapp.CloudApiChannel} is the {@link dev.aihq.api.channel.MessageChannel}; the
 * other types are its parts and can be used on their own.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.channel.whatsapp;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
