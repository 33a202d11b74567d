/**
 * Kaspi's XML price list ({@code kaspi_catalog}) read into the SDK's catalog: the records of a parsed feed
 * ({@link dev.aihq.connectors.kaspi.feed.KaspiPriceList}, {@link dev.aihq.connectors.kaspi.feed.KaspiOffer},
 * {@link dev.aihq.connectors.kaspi.feed.KaspiAvailability}), the streaming
 * {@link dev.aihq.connectors.kaspi.feed.KaspiPriceListParser} that reports malformed offers as
 * {@link dev.aihq.connectors.kaspi.feed.FeedProblem}s, the
 * {@link dev.aihq.connectors.kaspi.feed.KaspiCatalogImport} into a
 * {@link dev.aihq.api.store.CatalogStore}, and the {@link dev.aihq.connectors.kaspi.feed.KaspiFeedFetcher}
 * that downloads the feed from the seller's URL.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.connectors.kaspi.feed;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
