package dev.aihq.pipeline.document;

import dev.aihq.api.ShopId;
import dev.aihq.api.document.DocumentLimits;
import dev.aihq.api.document.DocumentLookup;
import dev.aihq.api.document.DocumentSource;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Documents held in memory per shop, for tests and demos. Names match exactly; a shop sees only its own
 * documents. Thread-safe.
 */
public final class InMemoryDocumentSource implements DocumentSource {

    private final Map<ShopId, Map<String, String>> documents = new ConcurrentHashMap<>();

    /**
     * Stores a document, replacing one of the same name.
     *
     * @param shop the shop it belongs to
     * @param name its name, as events will send it
     * @param text its text
     * @return this source
     */
    public InMemoryDocumentSource put(ShopId shop, String name, String text) {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        documents.computeIfAbsent(shop, s -> new ConcurrentHashMap<>()).put(name, text);
        return this;
    }

    /**
     * Removes a document.
     *
     * @param shop the shop it belongs to
     * @param name its name
     * @return whether there was one
     */
    public boolean remove(ShopId shop, String name) {
        Map<String, String> shopDocuments = documents.get(shop);
        return shopDocuments != null && shopDocuments.remove(name) != null;
    }

    @Override
    public DocumentLookup resolve(ShopId shop, String name, long maxBytes) {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(name, "name");
        Map<String, String> shopDocuments = documents.get(shop);
        String text = shopDocuments == null ? null : shopDocuments.get(name);
        if (text == null) {
            return new DocumentLookup.NotFound(name, "no document of that name for shop " + shop);
        }
        long size = DocumentLimits.utf8Size(text, maxBytes);
        if (size > maxBytes) {
            return new DocumentLookup.TooLarge(name, DocumentLimits.utf8Size(text, Long.MAX_VALUE), maxBytes);
        }
        return new DocumentLookup.Found(name, text, contentType(name), size, "memory " + shop + "/" + name);
    }

    private static String contentType(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".md") ? "text/markdown" : "text/plain";
    }
}
