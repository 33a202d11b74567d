package dev.aihq.connectors.ozon;

import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What one {@link OzonPostingPoller#poll(ShopId)} did.
 *
 * @param shopId the shop
 * @param until the end of the polled window, the cursor's new position when complete
 * @param streams one report per listing (FBS/rFBS, FBO)
 */
public record OzonPollReport(ShopId shopId, Instant until, List<StreamReport> streams) {

    /** Copies the streams. */
    public OzonPollReport {
        Objects.requireNonNull(shopId, "shopId");
        Objects.requireNonNull(until, "until");
        streams = List.copyOf(streams);
    }

    /**
     * Returns the events the sink accepted as new, over all streams.
     *
     * @return the count
     */
    public int accepted() {
        return streams.stream().mapToInt(StreamReport::accepted).sum();
    }

    /**
     * Tells whether every stream's cursor moved.
     *
     * @return {@code true} when every stream completed
     */
    public boolean complete() {
        return streams.stream().allMatch(StreamReport::complete);
    }

    /**
     * One listing's counts.
     *
     * @param stream the cursor's stream, e.g. {@code ozon.postings.fbs}
     * @param from the start of the listed window
     * @param postings the postings listed
     * @param indexed the postings recorded in the order index (0 without one)
     * @param accepted events accepted as new
     * @param known events the sink knew already (not sent again, or answered as duplicates)
     * @param rejected events the sink rejected
     * @param problems postings that could not become events, and why
     * @param complete whether the cursor moved
     * @param failure why the listing failed, or {@code null}
     */
    public record StreamReport(String stream, Instant from, int postings, int indexed, int accepted, int known,
            int rejected, List<String> problems, boolean complete, @Nullable String failure) {

        /** Copies the problems. */
        public StreamReport {
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(from, "from");
            problems = List.copyOf(problems);
        }
    }
}
