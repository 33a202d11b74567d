/**
 * Ozon's push notifications as a webhook route: {@link dev.aihq.connectors.ozon.push.OzonPushRoute} answers
 * Ozon's {@code TYPE_PING} handshake, journals new and cancelled postings as purchase events and buyer chat
 * messages as inbox events through the {@link dev.aihq.api.connector.EventSink}, and acknowledges every other
 * notification type. Ozon documents no signature, so a request is authenticated by a secret path per shop
 * ({@link dev.aihq.connectors.ozon.push.OzonPushSecrets}) and by Ozon's source networks.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.connectors.ozon.push;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
