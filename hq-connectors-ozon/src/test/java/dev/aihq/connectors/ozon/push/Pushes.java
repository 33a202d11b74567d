package dev.aihq.connectors.ozon.push;

import dev.aihq.api.web.WebhookRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/** Ozon's example pushes from {@code src/test/resources/ozon/push/} and requests that carry them. */
final class Pushes {

    /** An address inside Ozon's documented 185.73.192.0/22. */
    static final String OZON_ADDRESS = "185.73.195.17";
    /** An address outside every Ozon network. */
    static final String OTHER_ADDRESS = "203.0.113.9";

    private Pushes() {}

    static String payload(String messageType) {
        try (InputStream in = Pushes.class.getResourceAsStream("/ozon/push/" + messageType + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no payload " + messageType);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WebhookRequest post(String path, String body, @Nullable String remote) {
        return post(path, body, remote, Map.of());
    }

    static WebhookRequest post(String path, String body, @Nullable String remote, Map<String, List<String>> extra) {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.putAll(extra);
        return new WebhookRequest("POST", path, null, headers, body.getBytes(StandardCharsets.UTF_8), remote);
    }
}
