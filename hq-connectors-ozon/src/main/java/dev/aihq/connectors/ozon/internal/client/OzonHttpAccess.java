package dev.aihq.connectors.ozon.internal.client;

import dev.aihq.connectors.ozon.OzonClient;
import java.util.Objects;
import java.util.function.Function;

/**
 * Gives the other parts of this module (reviews, chats, finance, push, in their own packages) the
 * {@link OzonHttp} of an {@link OzonClient}, so that every call shares its rate limiter, retries and error mapping,
 * without a public method of {@code OzonClient} exposing an internal type. {@code OzonClient} registers the accessor
 * when it is loaded.
 *
 * <pre>{@code
 * OzonHttp http = OzonHttpAccess.http(client);
 * }</pre>
 */
public final class OzonHttpAccess {

    private static volatile Function<OzonClient, OzonHttp> accessor;

    private OzonHttpAccess() {}

    /**
     * Registers the accessor; called once by {@code OzonClient}.
     *
     * @param access reads a client's HTTP path
     */
    public static void register(Function<OzonClient, OzonHttp> access) {
        accessor = Objects.requireNonNull(access, "access");
    }

    /**
     * Returns a client's shared HTTP path.
     *
     * @param client the client
     * @return its path
     */
    public static OzonHttp http(OzonClient client) {
        Objects.requireNonNull(client, "client");
        Function<OzonClient, OzonHttp> access = accessor;
        if (access == null) {
            throw new IllegalStateException("OzonClient is not loaded yet");
        }
        return access.apply(client);
    }
}
