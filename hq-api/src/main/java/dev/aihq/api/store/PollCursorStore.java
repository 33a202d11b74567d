package dev.aihq.api.store;

import dev.aihq.api.ShopId;
import java.util.List;
import java.util.Optional;

/**
 * The cursors of polling event sources (the Kaspi order poller, the Wildberries chat events feed), one per
 * shop and stream. A source saves its cursor only after the events it read up to there are journaled, so a
 * restart at any point loses nothing, and the journal's idempotency keys make the events it reads again
 * duplicates. Thread-safe.
 */
public interface PollCursorStore {

    /**
     * Finds a stream's cursor.
     *
     * @param shopId the shop
     * @param stream the stream's name (see {@link PollCursor#stream()})
     * @return the cursor, or empty when the source never saved one
     * @throws IllegalArgumentException when the stream name is invalid
     */
    Optional<PollCursor> find(ShopId shopId, String stream);

    /**
     * Saves a cursor, replacing the stream's earlier one.
     *
     * @param cursor the cursor
     * @throws dev.aihq.api.error.StoreException when the storage fails; the earlier cursor stays then
     */
    void save(PollCursor cursor);

    /**
     * Lists a shop's cursors, for operators: which streams a shop is polled on and how far.
     *
     * @param shopId the shop
     * @return the cursors, by stream name in character-code order
     */
    List<PollCursor> list(ShopId shopId);

    /**
     * Deletes a stream's cursor, so that its source starts again from its initial position (its journaled
     * events stay duplicates).
     *
     * @param shopId the shop
     * @param stream the stream's name
     * @return {@code true} when there was one
     */
    boolean delete(ShopId shopId, String stream);
}
