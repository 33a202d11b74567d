package dev.aihq.connectors.kaspi.feed;

import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What a streaming parse ({@link KaspiPriceListParser#parse(java.io.InputStream, java.util.function.Consumer)})
 * found besides the offers it handed over.
 *
 * @param date the root's {@code date} attribute as written, or {@code null}
 * @param company {@code <company>}, or {@code null} when absent
 * @param merchantId {@code <merchantid>}, or {@code null} when absent
 * @param offerCount how many well-formed offers were handed to the consumer
 * @param problems the malformed entries, in the feed's order
 */
public record KaspiFeedSummary(
        @Nullable String date,
        @Nullable String company,
        @Nullable String merchantId,
        int offerCount,
        List<FeedProblem> problems) {

    /** Validates the count and copies the problems. */
    public KaspiFeedSummary {
        if (offerCount < 0) {
            throw new IllegalArgumentException("offer count must not be negative, got " + offerCount);
        }
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    }
}
