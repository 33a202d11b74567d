/**
 * The calls to the Wildberries seller API: one shared HTTP path per API category (host), the rate limiter keyed by
 * seller and method group, and the reading of each API's error format. For the connector's own use and for the
 * other parts of this module (chat, orders, finance); not an API.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.connectors.wb.internal.client;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
