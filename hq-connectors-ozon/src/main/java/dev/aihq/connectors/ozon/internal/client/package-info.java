/**
 * The calls to the Ozon Seller API: the one shared HTTP path ({@code OzonHttp}), the token bucket of 50 requests a second per Client-Id and the reading of Ozon's {@code rpcStatus} error body. For this module's own use (postings now; reviews, chats and finance on the same path); not an API.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.connectors.ozon.internal.client;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
