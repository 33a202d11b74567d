package dev.aihq.examples;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import javax.annotation.Nullable;

/**
 * The demo's model: none by default (the shop's templates are filled in by code), or any OpenAI-compatible
 * endpoint named by one setting, {@code -Dhq.model.url} (or {@code HQ_MODEL_URL}): OpenAI itself
 * ({@code https://api.openai.com/v1}), a local Ollama ({@code http://localhost:11434/v1}), vLLM, LM Studio.
 * {@code hq.model.name} picks the model (default {@value #DEFAULT_MODEL}); {@code hq.model.key} (or
 * {@code OPENAI_API_KEY}) the key, which local servers ignore.
 */
public final class DemoModel {

    /** The property naming the endpoint. */
    public static final String URL_PROPERTY = "hq.model.url";
    /** The property naming the model. */
    public static final String NAME_PROPERTY = "hq.model.name";
    /** The property holding the key. */
    public static final String KEY_PROPERTY = "hq.model.key";
    /** The model asked for when none is named. */
    public static final String DEFAULT_MODEL = "gpt-4o-mini";

    private DemoModel() {}

    /**
     * Opens the configured model.
     *
     * @return the model, or {@code null} when none is configured
     */
    public static @Nullable ChatModel open() {
        String url = setting(URL_PROPERTY, "HQ_MODEL_URL");
        if (url == null) {
            return null;
        }
        String key = setting(KEY_PROPERTY, "OPENAI_API_KEY");
        String name = setting(NAME_PROPERTY, "HQ_MODEL_NAME");
        return OpenAiChatModel.builder().baseUrl(url).apiKey(key == null ? "none" : key)
                .modelName(name == null ? DEFAULT_MODEL : name).timeout(Duration.ofSeconds(60)).maxRetries(0)
                .build();
    }

    /**
     * Describes the configured model for the demo's header, without the key.
     *
     * @return e.g. {@code gpt-4o-mini at https://api.openai.com/v1}, or a note that there is none
     */
    public static String describe() {
        String url = setting(URL_PROPERTY, "HQ_MODEL_URL");
        if (url == null) {
            return "нет — шаблоны магазина / none — the shop's templates (-Dhq.model.url=… for any OpenAI-compatible"
                    + " endpoint)";
        }
        String name = setting(NAME_PROPERTY, "HQ_MODEL_NAME");
        return (name == null ? DEFAULT_MODEL : name) + " at " + url;
    }

    private static @Nullable String setting(String property, String environment) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }
}
