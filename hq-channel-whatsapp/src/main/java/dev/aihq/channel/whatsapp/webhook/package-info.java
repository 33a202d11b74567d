/**
 * The inbound side of the WhatsApp Cloud API: the webhook's verification handshake, the
 * {@code X-Hub-Signature-256} check over the raw body, and the parsing of Meta's envelope into typed
 * records (customer messages, delivery statuses, marketing-preference changes) handed to a
 * {@link dev.aihq.channel.whatsapp.webhook.WhatsAppInboundSink}.
 *
 * <p>Mount {@link dev.aihq.channel.whatsapp.webhook.WhatsAppWebhookRoute#routes()} on the front door.
 * Nothing here exposes Jackson types; phone numbers are {@link dev.aihq.api.PhoneNumber}s, whose
 * {@code toString()} is masked, and no log line or exception message carries a body or a secret.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.channel.whatsapp.webhook;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
