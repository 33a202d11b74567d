package dev.aihq.pipeline.memory;

import dev.aihq.api.ShopId;
import dev.aihq.api.store.PollCursor;
import dev.aihq.api.store.PollCursorStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link PollCursorStore} with one sorted map of cursors per shop. Thread-safe; nothing survives a
 * restart, so a poller on it starts from its initial position again after one.
 */
public final class InMemoryPollCursorStore implements PollCursorStore {

    private final ConcurrentHashMap<ShopId, ConcurrentSkipListMap<String, PollCursor>> byShop =
            new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryPollCursorStore() {}

    @Override
    public Optional<PollCursor> find(ShopId shopId, String stream) {
        Objects.requireNonNull(shopId, "shop id");
        PollCursor.requireValidStream(stream);
        Map<String, PollCursor> cursors = byShop.get(shopId);
        return cursors == null ? Optional.empty() : Optional.ofNullable(cursors.get(stream));
    }

    @Override
    public void save(PollCursor cursor) {
        Objects.requireNonNull(cursor, "cursor");
        byShop.computeIfAbsent(cursor.shopId(), k -> new ConcurrentSkipListMap<>()).put(cursor.stream(), cursor);
    }

    @Override
    public List<PollCursor> list(ShopId shopId) {
        Objects.requireNonNull(shopId, "shop id");
        Map<String, PollCursor> cursors = byShop.get(shopId);
        return cursors == null ? List.of() : List.copyOf(cursors.values());
    }

    @Override
    public boolean delete(ShopId shopId, String stream) {
        Objects.requireNonNull(shopId, "shop id");
        PollCursor.requireValidStream(stream);
        Map<String, PollCursor> cursors = byShop.get(shopId);
        return cursors != null && cursors.remove(stream) != null;
    }
}
