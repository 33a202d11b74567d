package dev.aihq.agents;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;

/**
 * A WireMock OpenAI-compatible endpoint for tests: LangChain4j's real {@link OpenAiChatModel} pointed at it
 * (no retries of its own, so the agent's policy is what is tested), and bodies in the exact shape of the
 * chat-completions API.
 */
public final class OpenAiEndpoint {

    /** The chat-completions path the client calls. */
    public static final String COMPLETIONS = "/v1/chat/completions";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiEndpoint() {}

    /**
     * Returns a client for the endpoint.
     *
     * @param endpoint the WireMock server
     * @param timeout the client's timeout
     * @return the model
     */
    public static ChatModel model(WireMockExtension endpoint, Duration timeout) {
        return OpenAiChatModel.builder()
                .baseUrl(endpoint.baseUrl() + "/v1")
                .apiKey("test-key")
                .modelName("gpt-4o-mini")
                .timeout(timeout)
                .maxRetries(0)
                .build();
    }

    /**
     * Returns a response carrying one assistant message.
     *
     * @param content the message's content
     * @param promptTokens the usage's prompt tokens
     * @param completionTokens the usage's completion tokens
     * @return the JSON body
     */
    public static String completion(String content, int promptTokens, int completionTokens) {
        ObjectNode body = JSON.createObjectNode()
                .put("id", "chatcmpl-9xYz")
                .put("object", "chat.completion")
                .put("created", 1_772_431_200L)
                .put("model", "gpt-4o-mini-2024-07-18")
                .put("system_fingerprint", "fp_44709d6fcb");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        body.putObject("usage")
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return body.toString();
    }

    /**
     * Returns an error response in the API's error shape.
     *
     * @param status the HTTP status
     * @param message the error's message
     * @return the response
     */
    public static ResponseDefinitionBuilder error(int status, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", status == 429 ? "requests" : "server_error")
                .putNull("param").put("code", status == 429 ? "rate_limit_exceeded" : null);
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body.toString());
    }
}
