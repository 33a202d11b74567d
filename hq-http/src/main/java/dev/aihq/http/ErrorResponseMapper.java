package dev.aihq.http;

import dev.aihq.api.error.MarketplaceException;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Reads the body of an error response for an API whose errors mean more than their HTTP status: the
 * WhatsApp Cloud API, for one, answers most of its errors with HTTP 400 and says which in {@code error.code}.
 * {@link HqHttpClient} asks it first for every non-2xx response, and keeps its status mapping when it
 * answers {@code null}. Its exception is what the retries see: return a
 * {@link dev.aihq.api.error.RetriableMarketplaceException} for what is worth trying again.
 */
@FunctionalInterface
public interface ErrorResponseMapper {

    /**
     * Maps an error response, or leaves it to the status mapping.
     *
     * @param request the request, masked, e.g. {@code whatsapp POST /v25.0/1234/messages}
     * @param status the HTTP status
     * @param headers the response headers
     * @param body the raw body; it may hold personal data, so quote it only masked
     * @param byStatus what the status mapping made of the response, e.g. as a cause
     * @return the exception to throw, or {@code null} to throw {@code byStatus}
     */
    @Nullable
    MarketplaceException map(String request, int status, Map<String, List<String>> headers, byte[] body,
            MarketplaceException byStatus);
}
