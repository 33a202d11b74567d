package dev.aihq.pipeline.memory;

import dev.aihq.api.ShopId;
import dev.aihq.api.store.PromptTemplateStore;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link PromptTemplateStore} with one sorted map of templates per shop. Thread-safe; nothing survives a
 * restart.
 */
public final class InMemoryPromptTemplateStore implements PromptTemplateStore {

    private final ConcurrentHashMap<ShopId, ConcurrentSkipListMap<String, String>> byShop =
            new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryPromptTemplateStore() {}

    @Override
    public Optional<String> find(ShopId shopId, String name) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(name, "name");
        Map<String, String> templates = byShop.get(shopId);
        return templates == null ? Optional.empty() : Optional.ofNullable(templates.get(name));
    }

    @Override
    public void save(ShopId shopId, String name, String text) {
        Objects.requireNonNull(shopId, "shop id");
        PromptTemplateStore.validate(name, text);
        byShop.computeIfAbsent(shopId, k -> new ConcurrentSkipListMap<>()).put(name, text);
    }

    @Override
    public boolean delete(ShopId shopId, String name) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(name, "name");
        Map<String, String> templates = byShop.get(shopId);
        return templates != null && templates.remove(name) != null;
    }

    @Override
    public Map<String, String> list(ShopId shopId) {
        Objects.requireNonNull(shopId, "shop id");
        Map<String, String> templates = byShop.get(shopId);
        return templates == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(templates));
    }
}
