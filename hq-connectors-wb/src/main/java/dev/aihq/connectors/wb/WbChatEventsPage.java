package dev.aihq.connectors.wb;

import java.time.Instant;
import java.util.List;
import javax.annotation.Nullable;

/**
 * One page of the chat events feed. Ask again with {@link #next()} until a page has {@code totalEvents == 0}.
 *
 * @param next the cursor of the next call (unix ms), or {@code null} when WB sent none
 * @param newestEventTime the newest event's time, or {@code null}
 * @param oldestEventTime the oldest event's time, or {@code null}
 * @param totalEvents how many events this page has; 0 means the feed is read to its end
 * @param events the events, oldest first as WB sends them
 */
public record WbChatEventsPage(@Nullable Long next, @Nullable Instant newestEventTime,
        @Nullable Instant oldestEventTime, int totalEvents, List<WbChatEvent> events) {

    /** Copies the events. */
    public WbChatEventsPage {
        events = List.copyOf(events);
    }

    /**
     * Tells whether the feed is read to its end.
     *
     * @return {@code true} when {@code totalEvents} is 0
     */
    public boolean isEnd() {
        return totalEvents == 0;
    }
}
