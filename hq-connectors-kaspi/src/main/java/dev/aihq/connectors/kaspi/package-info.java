/**
 * The Kaspi.kz Merchant API connector: {@link dev.aihq.connectors.kaspi.KaspiConnector} (per-shop
 * capabilities), {@link dev.aihq.connectors.kaspi.KaspiClient} (orders, entries, the seller's SKU), their
 * configuration and the order records.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.connectors.kaspi;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
