package dev.aihq.examples.crash;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.channel.ChannelLimits;
import dev.aihq.api.channel.MarkupStyle;
import dev.aihq.api.channel.MessageChannel;
import dev.aihq.api.channel.OutboundMessage;
import dev.aihq.api.channel.SendReceipt;
import dev.aihq.api.error.RequestRejectedException;
import dev.aihq.api.error.ServiceUnavailableException;
import dev.aihq.pipeline.json.SdkJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A message channel to a provider over HTTP, as a real one would be: each message is one {@code POST} of
 * {@code {"to", "text", "stable_key"}} with the stable key also in the {@code Idempotency-Key} header. A
 * {@code 2xx} is the provider's acceptance, its {@code id} the provider's message id; a {@code 5xx} or no
 * answer is retriable, any other status is not.
 */
final class ProviderChannel implements MessageChannel {

    /** The channel's name, recorded with every outbox message. */
    static final String NAME = "provider";
    /** The path messages are posted to. */
    static final String PATH = "/messages";
    /** The header carrying the stable key. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    /**
     * Creates the channel.
     *
     * @param baseUrl the provider's base URL, e.g. {@code http://localhost:8089}
     */
    ProviderChannel(String baseUrl) {
        this.endpoint = URI.create(baseUrl + PATH);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ChannelLimits limits() {
        return new ChannelLimits(4096, MarkupStyle.PLAIN, false);
    }

    @Override
    public SendReceipt send(OutboundMessage message) {
        String body;
        try {
            body = SdkJson.mapper().writeValueAsString(Map.of("to", message.to().e164(), "text", message.text(),
                    "stable_key", message.stableKey()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write message " + message.stableKey(), e);
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header(IDEMPOTENCY_KEY, message.stableKey())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceUnavailableException(NAME, 0, "no answer: " + e, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException(NAME, 0, "interrupted", null, e);
        }
        int status = response.statusCode();
        if (status >= 500) {
            throw new ServiceUnavailableException(NAME, status, "provider answered " + status, null, null);
        }
        if (status < 200 || status >= 300) {
            throw new RequestRejectedException(NAME, status, "provider answered " + status, null);
        }
        String id = message.stableKey();
        try {
            JsonNode answer = SdkJson.mapper().readTree(response.body());
            if (answer != null && answer.hasNonNull("id")) {
                id = answer.get("id").asText();
            }
        } catch (JsonProcessingException e) {
            // accepted all the same; the stable key stands in for the provider's id
        }
        return new SendReceipt(id, Instant.now());
    }
}
