package dev.aihq.connectors.wb;

import dev.aihq.api.ShopId;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What one {@link WbChatPoller#poll(ShopId)} did.
 *
 * @param shopId the shop
 * @param pages how many pages of the events feed were read (the last, empty one included)
 * @param read how many events the pages held
 * @param accepted how many events were journaled now
 * @param known how many were journaled before (skipped before handing over, or answered as duplicates)
 * @param skipped how many events are not inbox items (not a message, no message, an unknown sender, or a
 *     seller's or WB's message when only the buyer's are polled)
 * @param rejected how many the sink refused
 * @param problems why events were refused or a request failed; ids and reasons, no buyer text
 * @param cursor the cursor ({@code next}) saved last, or {@code null} when none was saved by this poll
 * @param complete whether the feed was read to its end ({@code totalEvents == 0}) with everything journaled
 */
public record WbChatPollReport(ShopId shopId, int pages, int read, int accepted, int known, int skipped,
        int rejected, List<String> problems, @Nullable Long cursor, boolean complete) {

    /** Requires the shop; copies the problems. */
    public WbChatPollReport {
        Objects.requireNonNull(shopId, "shop id");
        problems = List.copyOf(problems);
    }

    /**
     * Tells whether this poll saved a cursor.
     *
     * @return {@code true} when at least one page was journaled whole and its {@code next} saved
     */
    public boolean cursorMoved() {
        return cursor != null;
    }
}
