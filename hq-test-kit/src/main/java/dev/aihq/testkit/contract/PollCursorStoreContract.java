package dev.aihq.testkit.contract;

import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.store.PollCursor;
import dev.aihq.api.store.PollCursorStore;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link PollCursorStore}: a save inserts or replaces a stream's cursor, what was saved is
 * read back exactly (times to the microsecond), a shop's cursors are listed by stream name, deleting
 * forgets one stream only, and shops never see each other's cursors. Subclass it and return a new empty
 * store from {@link #createStore()}.
 */
public abstract class PollCursorStoreContract extends StoreContract<PollCursorStore> {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456Z");

    /** Creates the suite. */
    protected PollCursorStoreContract() {}

    /** A stream nobody saved has no cursor, and a shop without cursors lists none. */
    @Test
    public void should_find_nothing_when_no_cursor_saved() {
        // given
        PollCursorStore store = store();

        // when / then
        assertThat(store.find(SHOP_ID, "kaspi.orders.order_accepted")).isEmpty();
        assertThat(store.list(SHOP_ID)).isEmpty();
        assertThat(store.delete(SHOP_ID, "kaspi.orders.order_accepted")).isFalse();
    }

    /** A saved cursor reads back with its position and time exactly as saved. */
    @Test
    public void should_read_cursor_back_when_saved() {
        // given
        PollCursorStore store = store();
        PollCursor cursor = new PollCursor(SHOP_ID, "kaspi.orders.order_accepted", "2026-03-01T10:15:30.123Z", AT);

        // when
        store.save(cursor);

        // then
        assertThat(store.find(SHOP_ID, "kaspi.orders.order_accepted")).contains(cursor);
    }

    /** Saving a stream again replaces its cursor: one row per shop and stream. */
    @Test
    public void should_replace_cursor_when_saved_twice() {
        // given
        PollCursorStore store = store();
        store.save(new PollCursor(SHOP_ID, "wb.chat-events", "first", AT));

        // when
        PollCursor second = new PollCursor(SHOP_ID, "wb.chat-events", "next:1709287000000:Чат", AT.plusSeconds(60));
        store.save(second);

        // then
        assertThat(store.find(SHOP_ID, "wb.chat-events")).contains(second);
        assertThat(store.list(SHOP_ID)).containsExactly(second);
    }

    /** A shop's cursors are listed by stream name in character-code order. */
    @Test
    public void should_list_by_stream_name_when_several_are_saved() {
        // given
        PollCursorStore store = store();

        // when
        store.save(new PollCursor(SHOP_ID, "kaspi.orders.order_returned", "r", AT));
        store.save(new PollCursor(SHOP_ID, "kaspi.orders.order_accepted", "a", AT));
        store.save(new PollCursor(SHOP_ID, "kaspi.orders-x", "x", AT));
        store.save(new PollCursor(SHOP_ID, "kaspi.orders:a", "c", AT));

        // then
        assertThat(store.list(SHOP_ID)).extracting(PollCursor::stream).containsExactly(
                "kaspi.orders-x", "kaspi.orders.order_accepted", "kaspi.orders.order_returned", "kaspi.orders:a");
    }

    /** Deleting a cursor forgets that stream only. */
    @Test
    public void should_forget_only_that_stream_when_deleted() {
        // given
        PollCursorStore store = store();
        PollCursor kept = new PollCursor(SHOP_ID, "kaspi.orders.order_delivered", "d", AT);
        store.save(new PollCursor(SHOP_ID, "kaspi.orders.order_accepted", "a", AT));
        store.save(kept);

        // when
        boolean deleted = store.delete(SHOP_ID, "kaspi.orders.order_accepted");

        // then
        assertThat(deleted).isTrue();
        assertThat(store.find(SHOP_ID, "kaspi.orders.order_accepted")).isEmpty();
        assertThat(store.list(SHOP_ID)).containsExactly(kept);
        assertThat(store.delete(SHOP_ID, "kaspi.orders.order_accepted")).isFalse();
    }

    /** The same stream of two shops is two cursors; neither shop sees, replaces or deletes the other's. */
    @Test
    public void should_keep_shops_apart_when_both_use_a_stream() {
        // given
        PollCursorStore store = store();
        PollCursor mine = new PollCursor(SHOP_ID, "kaspi.orders.order_accepted", "mine", AT);
        PollCursor theirs = new PollCursor(OTHER_SHOP_ID, "kaspi.orders.order_accepted", "theirs", AT);

        // when
        store.save(mine);
        store.save(theirs);
        store.delete(OTHER_SHOP_ID, "kaspi.orders.order_delivered");

        // then
        assertThat(store.find(SHOP_ID, "kaspi.orders.order_accepted")).contains(mine);
        assertThat(store.list(OTHER_SHOP_ID)).containsExactly(theirs);
    }

    /** A position as long as the record allows is kept whole. */
    @Test
    public void should_keep_longest_position_when_saved() {
        // given
        PollCursorStore store = store();
        PollCursor cursor = new PollCursor(SHOP_ID, "wb.chat-events", "ж".repeat(PollCursor.MAX_POSITION_LENGTH), AT);

        // when
        store.save(cursor);

        // then
        assertThat(store.find(SHOP_ID, "wb.chat-events")).contains(cursor);
    }

    /** A stream name outside the allowed form is refused when looking up too, naming the problem. */
    @Test
    public void should_refuse_invalid_stream_name_when_looked_up() {
        // given
        PollCursorStore store = store();

        // when / then
        assertThatThrownBy(() -> store.find(SHOP_ID, "Kaspi Orders"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor stream");
        assertThatThrownBy(() -> store.delete(SHOP_ID, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor stream");
    }
}
