package dev.aihq.connectors.wb;

import dev.aihq.api.ShopId;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link WbFeedbackPoller#poll(ShopId)} did, per stream (feedbacks, questions).
 *
 * @param shopId the shop
 * @param feedbacks the feedbacks stream
 * @param questions the questions stream
 */
public record WbPollReport(ShopId shopId, StreamReport feedbacks, StreamReport questions) {

    /** Requires every part. */
    public WbPollReport {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(feedbacks, "feedbacks");
        Objects.requireNonNull(questions, "questions");
    }

    /**
     * Tells whether both streams journaled everything they read and moved their cursors.
     *
     * @return {@code true} when complete
     */
    public boolean complete() {
        return feedbacks.cursorMoved() && questions.cursorMoved();
    }

    /**
     * One stream's outcome.
     *
     * @param stream the cursor's stream name, e.g. {@code wildberries.feedbacks.unanswered}
     * @param read how many unanswered items the listing gave
     * @param accepted how many events were journaled now
     * @param known how many were journaled before (skipped or answered as duplicates)
     * @param rejected how many the sink refused
     * @param problems why items were refused or the listing failed; ids and reasons, no buyer text
     * @param cursorMoved whether the stream's cursor was saved
     */
    public record StreamReport(String stream, int read, int accepted, int known, int rejected, List<String> problems,
            boolean cursorMoved) {

        /** Copies the problems. */
        public StreamReport {
            Objects.requireNonNull(stream, "stream");
            problems = List.copyOf(problems);
        }
    }
}
