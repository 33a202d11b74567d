package dev.aihq.store.jdbc;

import dev.aihq.api.error.StoreException;
import dev.aihq.api.event.HqEvent;
import java.util.Map;

/** Finds the record class of a stored event by its type name, exact or by a prefix ending in {@code *}. */
final class EventTypes {

    private final Map<String, Class<? extends HqEvent>> types;

    EventTypes(Map<String, Class<? extends HqEvent>> types) {
        this.types = Map.copyOf(types);
    }

    Class<? extends HqEvent> classOf(String type) {
        Class<? extends HqEvent> exact = types.get(type);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, Class<? extends HqEvent>> entry : types.entrySet()) {
            String key = entry.getKey();
            if (key.endsWith("*") && type.startsWith(key.substring(0, key.length() - 1))) {
                return entry.getValue();
            }
        }
        throw new StoreException("no event class is registered for stored event type '" + type
                + "': register it with JdbcStores.Builder#eventType");
    }
}
