package dev.aihq.connectors.ozon;

import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link OzonInboxPoller#poll(ShopId)} did, per stream, with the chat list's counts.
 *
 * @param shopId the shop
 * @param startedAt when the poll started (the questions cursor's new position when complete)
 * @param reviews the reviews stream
 * @param questions the questions stream
 * @param chats the chats stream (all buyer chats together)
 * @param chatsListed chats the list gave, of every type
 * @param chatsIgnored support, notification and other non-buyer chats, not read
 * @param chatsRead buyer chats whose history was read
 * @param chatsBaselined buyer chats with nothing unread met on the first poll, whose newest message was recorded as
 *     seen without reading the history
 */
public record OzonInboxPollReport(ShopId shopId, Instant startedAt, StreamReport reviews, StreamReport questions,
        StreamReport chats, int chatsListed, int chatsIgnored, int chatsRead, int chatsBaselined) {

    /** Requires every part. */
    public OzonInboxPollReport {
        Objects.requireNonNull(shopId, "shopId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(reviews, "reviews");
        Objects.requireNonNull(questions, "questions");
        Objects.requireNonNull(chats, "chats");
    }

    /**
     * Returns the events journaled now, over all streams.
     *
     * @return the count
     */
    public int accepted() {
        return reviews.accepted() + questions.accepted() + chats.accepted();
    }

    /**
     * Tells whether every polled stream was read to its end with everything journaled.
     *
     * @return {@code true} when complete
     */
    public boolean complete() {
        return reviews.complete() && questions.complete() && chats.complete();
    }

    /**
     * One stream's counts.
     *
     * @param stream the stream, e.g. {@code ozon.inbox.reviews}
     * @param polled whether the poller is set to poll it
     * @param pages pages read (list and history pages)
     * @param read items read
     * @param accepted events journaled now
     * @param known events journaled before (skipped before handing over, or answered as duplicates)
     * @param skipped items not journaled on purpose: already processed, older than the maximum age, or a seller's or
     *     Ozon's message when only the buyer's are polled
     * @param rejected events the sink refused
     * @param problems why events were refused or requests failed; ids and reasons, no buyer text
     * @param complete whether the stream was read to its end with everything journaled (always {@code true} when not
     *     polled)
     */
    public record StreamReport(String stream, boolean polled, int pages, int read, int accepted, int known,
            int skipped, int rejected, List<String> problems, boolean complete) {

        /** Requires the stream; copies the problems. */
        public StreamReport {
            Objects.requireNonNull(stream, "stream");
            problems = List.copyOf(problems);
        }

        /**
         * The report of a stream the poller does not poll.
         *
         * @param stream the stream
         * @return the report
         */
        public static StreamReport notPolled(String stream) {
            return new StreamReport(stream, false, 0, 0, 0, 0, 0, 0, List.of(), true);
        }
    }
}
