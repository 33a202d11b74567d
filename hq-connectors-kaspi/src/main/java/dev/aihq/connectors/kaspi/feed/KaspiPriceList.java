package dev.aihq.connectors.kaspi.feed;

import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A whole parsed price list: the {@code kaspi_catalog} header, its well-formed offers and what was wrong
 * with the others. Holds every offer in memory; for a large feed use
 * {@link KaspiPriceListParser#parse(java.io.InputStream, java.util.function.Consumer)}, which streams.
 *
 * @param date the root's {@code date} attribute as written (Kaspi does not fix its format), or {@code null}
 * @param company {@code <company>}, or {@code null} when absent
 * @param merchantId {@code <merchantid>}, or {@code null} when absent
 * @param offers the well-formed offers in the feed's order, each SKU once
 * @param problems the malformed entries, in the feed's order
 */
public record KaspiPriceList(
        @Nullable String date,
        @Nullable String company,
        @Nullable String merchantId,
        List<KaspiOffer> offers,
        List<FeedProblem> problems) {

    /** Copies the lists. */
    public KaspiPriceList {
        offers = List.copyOf(Objects.requireNonNull(offers, "offers"));
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    }
}
