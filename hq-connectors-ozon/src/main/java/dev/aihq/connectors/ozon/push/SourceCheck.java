package dev.aihq.connectors.ozon.push;

import dev.aihq.api.web.WebhookRequest;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Decides where a request came from and whether that is one of the allowed networks. The peer's address is
 * the client's unless the peer is a trusted proxy; only then is {@code X-Forwarded-For} read, from the right,
 * skipping the trusted proxies it lists, so a client cannot choose its address by sending the header itself.
 */
final class SourceCheck {

    /** The client's address as text for log lines, and its bytes, or {@code null} when it is not known. */
    record Source(String text, @Nullable byte[] bytes) {}

    private final List<IpNetwork> allowed;
    private final List<IpNetwork> proxies;

    SourceCheck(List<IpNetwork> allowed, List<IpNetwork> proxies) {
        this.allowed = List.copyOf(allowed);
        this.proxies = List.copyOf(proxies);
    }

    /** Whether every source is allowed (no allow-list configured). */
    boolean allowsAny() {
        return allowed.isEmpty();
    }

    Source source(WebhookRequest request) {
        String peerText = request.remoteAddress();
        byte[] peer = IpNetwork.literal(peerText);
        if (peer == null) {
            return new Source(peerText == null ? "an unknown address" : abbreviate(peerText), null);
        }
        if (!in(proxies, peer)) {
            return new Source(peerText.strip(), peer);
        }
        List<String> forwarded = new ArrayList<>();
        for (String value : request.headers().getOrDefault("x-forwarded-for", List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    forwarded.add(part.strip());
                }
            }
        }
        if (forwarded.isEmpty()) {
            return new Source(peerText.strip(), peer);
        }
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String entry = forwarded.get(i);
            byte[] bytes = IpNetwork.literal(entry);
            if (bytes == null) {
                return new Source("an unreadable X-Forwarded-For entry '" + abbreviate(entry) + "'", null);
            }
            if (!in(proxies, bytes) || i == 0) {
                return new Source(entry, bytes);
            }
        }
        throw new IllegalStateException("unreachable: the loop returns at its last entry");
    }

    boolean allowed(Source source) {
        return allowed.isEmpty() || (source.bytes() != null && in(allowed, source.bytes()));
    }

    private static boolean in(List<IpNetwork> networks, byte[] address) {
        for (IpNetwork network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 45 ? printable.substring(0, 45) + "…" : printable;
    }
}
