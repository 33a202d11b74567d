package dev.aihq.agents;

import dev.aihq.api.ShopId;
import dev.aihq.api.error.AgentException;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.AgentPath;
import dev.aihq.api.store.AgentTrace;
import dev.aihq.api.store.PromptTemplateStore;
import dev.aihq.api.store.TokenUsageStore;
import dev.aihq.http.Masking;
import dev.aihq.pipeline.Agent;
import dev.aihq.pipeline.AgentInput;
import dev.aihq.pipeline.AgentOutput;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an agent on any LangChain4j {@link ChatModel}, or on none: the one place where AI HQ talks to a
 * model. Every run first computes the agent's deterministic {@link Fallback} result (the draft), then:
 *
 * <ol>
 *   <li>without a model: the fallback ({@code no model configured});</li>
 *   <li>when the shop's daily token budget is 0 or already spent on the shop's local day: the fallback,
 *       and the model is not called;</li>
 *   <li>otherwise the system and user prompts are rendered from the context's variables and the model is
 *       called; the tokens it reports are added to the shop's day in the {@link TokenUsageStore};</li>
 *   <li>any model failure (LangChain4j maps timeouts, HTTP 429 and 5xx, malformed bodies into its own
 *       exceptions) gives the fallback with {@code model failed: <message>};</li>
 *   <li>an answer the {@link ResultParser} rejects gives the fallback with
 *       {@code model output rejected: <problem>}.</li>
 * </ol>
 *
 * <p>The {@link AgentTrace} says which path was taken: on the model path the model's name, the input and
 * output tokens, and the lower-case hex SHA-256 of the system prompt, a line feed and the user prompt
 * (never the prompt itself); on the fallback path the reason, plus the model, tokens and hash when the
 * model ran and its answer was rejected. Logs name the agent, shop, run and path at DEBUG, never a
 * prompt or a phone number.
 *
 * <p>Thread-safe when its parts are. Build with {@link #builder()}.
 *
 * @param <C> the context type
 * @param <R> the result type
 */
public final class ModelAgent<C, R> implements Agent<C, R> {

    private static final Logger LOG = LoggerFactory.getLogger(ModelAgent.class);
    private static final int MAX_REASON_CHARS = 300;

    private final String name;
    private final @Nullable ChatModel chatModel;
    private final @Nullable PromptTemplate systemPrompt;
    private final @Nullable PromptTemplate userPrompt;
    private final @Nullable PromptTemplateStore shopPrompts;
    private final String systemPromptName;
    private final String userPromptName;
    private final Duration shopPromptTtl;
    /** Shops' own templates as last read, so a model call does not read the store each time. */
    private final ConcurrentHashMap<String, CachedPrompt> cachedShopPrompts = new ConcurrentHashMap<>();

    private record CachedPrompt(@Nullable PromptTemplate template, Instant expires) {}
    private final @Nullable Function<C, Map<String, String>> variables;
    private final @Nullable ResultParser<R> parser;
    private final Fallback<C, R> fallback;
    private final @Nullable TokenUsageStore tokenUsage;
    private final @Nullable Clock clock;
    /**
     * The day's total each shop's last usage update returned. The store's answer to an update includes
     * every instance's usage, so reading it back before each call would only repeat it: the store is read
     * once per shop and day, then kept current by the updates.
     */
    private final ConcurrentHashMap<ShopId, DayUsage> knownUsage = new ConcurrentHashMap<>();

    private record DayUsage(LocalDate day, long tokens) {}

    private ModelAgent(Builder<C, R> b) {
        this.name = Objects.requireNonNull(b.name);
        this.chatModel = b.chatModel;
        this.systemPrompt = b.systemPrompt;
        this.userPrompt = b.userPrompt;
        this.shopPrompts = b.shopPrompts;
        this.systemPromptName = b.systemPromptName;
        this.userPromptName = b.userPromptName;
        this.shopPromptTtl = b.shopPromptTtl;
        this.variables = b.variables;
        this.parser = b.parser;
        this.fallback = Objects.requireNonNull(b.fallback);
        this.tokenUsage = b.tokenUsage;
        this.clock = b.clock;
    }

    /**
     * Starts a builder.
     *
     * @param <C> the context type
     * @param <R> the result type
     * @return a builder
     */
    public static <C, R> Builder<C, R> builder() {
        return new Builder<>();
    }

    /**
     * Returns the agent's name, used in logs.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Tells whether a model is configured.
     *
     * @return {@code true} when runs may call a model
     */
    public boolean hasModel() {
        return chatModel != null;
    }

    @Override
    public AgentOutput<R> run(AgentInput<C> input) {
        R draft = Objects.requireNonNull(fallback.produce(input), "the fallback of agent '" + name + "' returned null");
        if (chatModel == null) {
            return fallback(input, draft, AgentTrace.fallback("no model configured"));
        }
        Shop shop = input.shop();
        LocalDate day = LocalDate.ofInstant(clock == null ? input.now() : clock.instant(), shop.zone());
        long budget = shop.settings().dailyTokenBudget();
        TokenUsageStore usage = Objects.requireNonNull(tokenUsage);
        if (budget == 0) {
            return fallback(input, draft, AgentTrace.fallback("daily token budget is 0 tokens: model calls are off"
                    + " for this shop"));
        }
        DayUsage known = knownUsage.get(shop.id());
        long used = known != null && known.day().equals(day) ? known.tokens() : usage.used(shop.id(), day);
        if (used >= budget) {
            return fallback(input, draft, AgentTrace.fallback("daily token budget of " + budget + " tokens spent: "
                    + used + " used"));
        }

        String system;
        String user;
        try {
            Map<String, String> values = Objects.requireNonNull(variables).apply(input.context());
            system = prompt(shop, systemPromptName, Objects.requireNonNull(systemPrompt), input).render(values);
            user = prompt(shop, userPromptName, Objects.requireNonNull(userPrompt), input).render(values);
        } catch (IllegalArgumentException e) {
            LOG.warn("Agent '{}' could not render its prompt for shop {}: {}", name, shop.id(), e.getMessage());
            return fallback(input, draft, AgentTrace.fallback("prompt not rendered: " + describe(e)));
        }
        String promptHash = sha256(system + "\n" + user);

        ChatResponse response;
        try {
            response = chatModel.chat(ChatRequest.builder()
                    .messages(SystemMessage.from(system), UserMessage.from(user))
                    .build());
        } catch (RuntimeException e) {
            return fallback(input, draft, AgentTrace.fallback("model failed: " + describe(e)));
        }
        if (response == null) {
            return fallback(input, draft, AgentTrace.fallback("model failed: it returned no response"));
        }

        TokenUsage tokens = response.tokenUsage();
        long in = tokens == null || tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
        long out = tokens == null || tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
        long total = tokens == null || tokens.totalTokenCount() == null ? in + out : tokens.totalTokenCount();
        if (total > 0) {
            // Counted here at once, so that the next call's budget check sees it; written to the store with
            // the run's final record (at once outside a pipeline), whose answer includes every instance's.
            knownUsage.compute(shop.id(), (id, k) -> new DayUsage(day,
                    (k != null && k.day().equals(day) ? Math.max(k.tokens(), used) : used) + total));
            input.writes().defer(() -> knownUsage.merge(shop.id(), new DayUsage(day, usage.add(shop.id(), day, total)),
                    (current, stored) -> current.day().equals(stored.day()) && current.tokens() > stored.tokens()
                            ? current : stored));
        }
        String model = response.modelName() == null || response.modelName().isBlank() ? "unknown model"
                : response.modelName();

        AiMessage message = response.aiMessage();
        String text = message == null ? null : message.text();
        R result;
        try {
            if (text == null || text.isBlank()) {
                throw new AgentException("the model answered no text");
            }
            result = Objects.requireNonNull(Objects.requireNonNull(parser).parse(text, draft),
                    "the parser returned null");
        } catch (RuntimeException e) {
            return fallback(input, draft, new AgentTrace(AgentPath.FALLBACK, model, in, out, promptHash,
                    "model output rejected: " + describe(e)));
        }
        LOG.debug("Agent '{}' shop {} run {}: model path ({}, {} input / {} output tokens)", name, shop.id(),
                input.runId(), model, in, out);
        return new AgentOutput<>(result, new AgentTrace(AgentPath.MODEL, model, in, out, promptHash, null));
    }

    private AgentOutput<R> fallback(AgentInput<C> input, R draft, AgentTrace trace) {
        LOG.debug("Agent '{}' shop {} run {}: fallback path ({})", name, input.shop().id(), input.runId(),
                trace.fallbackReason());
        return new AgentOutput<>(draft, trace);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            Throwable cause = e.getCause();
            message = cause != null && cause.getMessage() != null && !cause.getMessage().isBlank()
                    ? e.getClass().getSimpleName() + ": " + cause.getMessage() : e.getClass().getSimpleName();
        }
        return Masking.excerpt(message.strip(), MAX_REASON_CHARS);
    }

    /** The shop's own template of that name when it has one, else the shipped one. */
    private PromptTemplate prompt(Shop shop, String name, PromptTemplate shipped, AgentInput<C> input) {
        if (shopPrompts == null || name.isEmpty()) {
            return shipped;
        }
        Instant now = clock == null ? input.now() : clock.instant();
        String key = shop.id().value() + "\u0000" + name;
        CachedPrompt cached = cachedShopPrompts.get(key);
        if (cached == null || !now.isBefore(cached.expires())) {
            PromptTemplate own = shopPrompts.find(shop.id(), name)
                    .map(text -> PromptTemplate.named("template '" + name + "' of shop " + shop.id(), text))
                    .orElse(null);
            cached = new CachedPrompt(own, now.plus(shopPromptTtl));
            cachedShopPrompts.put(key, cached);
        }
        return cached.template() == null ? shipped : cached.template();
    }

    /**
     * Returns the lower-case hex SHA-256 of a text's UTF-8 bytes, as the run log records prompt hashes.
     *
     * @param text the text
     * @return 64 hex digits
     */
    public static String sha256(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "ModelAgent(" + name + (chatModel == null ? ", no model" : "") + ")";
    }

    /**
     * Builds a {@link ModelAgent}. Always required: {@code name} and {@code fallback}. With a chat model
     * also {@code systemPrompt}, {@code userPrompt}, {@code variables}, {@code parser} and
     * {@code tokenUsage}. {@link #build()} reports every missing part at once. Not thread-safe.
     *
     * @param <C> the context type
     * @param <R> the result type
     */
    public static final class Builder<C, R> {
        private @Nullable String name;
        private @Nullable ChatModel chatModel;
        private @Nullable PromptTemplate systemPrompt;
        private @Nullable PromptTemplate userPrompt;
        private @Nullable PromptTemplateStore shopPrompts;
        private String systemPromptName = "";
        private String userPromptName = "";
        private Duration shopPromptTtl = Duration.ofSeconds(30);
        private @Nullable Function<C, Map<String, String>> variables;
        private @Nullable ResultParser<R> parser;
        private @Nullable Fallback<C, R> fallback;
        private @Nullable TokenUsageStore tokenUsage;
        private @Nullable Clock clock;

        private Builder() {}

        /**
         * Sets the agent's name for logs, e.g. {@code sales.purchase} (required).
         *
         * @param name the name
         * @return this builder
         */
        public Builder<C, R> name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets the model, or none: without a model every run takes the fallback.
         *
         * @param chatModel any LangChain4j chat model, or {@code null}
         * @return this builder
         */
        public Builder<C, R> chatModel(@Nullable ChatModel chatModel) {
            this.chatModel = chatModel;
            return this;
        }

        /**
         * Sets the system prompt (required with a model).
         *
         * @param prompt the template
         * @return this builder
         */
        public Builder<C, R> systemPrompt(PromptTemplate prompt) {
            this.systemPrompt = prompt;
            return this;
        }

        /**
         * Sets the user prompt (required with a model).
         *
         * @param prompt the template
         * @return this builder
         */
        public Builder<C, R> userPrompt(PromptTemplate prompt) {
            this.userPrompt = prompt;
            return this;
        }

        /**
         * Lets shops replace the prompts with their own: a shop's template named {@code systemName} or
         * {@code userName} in the store is used instead of the shipped one (same placeholders). Templates
         * are read at most once per {@code ttl} per shop; without this call the shipped prompts are used.
         *
         * @param store the shops' templates
         * @param systemName the name of the system prompt, e.g. {@code sales-system}
         * @param userName the name of the user prompt, e.g. {@code sales-purchase-user}
         * @param ttl how long a shop's template (or its absence) is reused
         * @return this builder
         */
        public Builder<C, R> shopPrompts(PromptTemplateStore store, String systemName, String userName,
                Duration ttl) {
            this.shopPrompts = Objects.requireNonNull(store, "store");
            this.systemPromptName = Objects.requireNonNull(systemName, "systemName");
            this.userPromptName = Objects.requireNonNull(userName, "userName");
            this.shopPromptTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * Sets how the prompts' variables are taken from the context (required with a model).
         *
         * @param variables the values by placeholder name for a context
         * @return this builder
         */
        public Builder<C, R> variables(Function<C, Map<String, String>> variables) {
            this.variables = variables;
            return this;
        }

        /**
         * Sets the parser of the model's answer (required with a model).
         *
         * @param parser the parser
         * @return this builder
         */
        public Builder<C, R> parser(ResultParser<R> parser) {
            this.parser = parser;
            return this;
        }

        /**
         * Sets the deterministic result (required).
         *
         * @param fallback the fallback
         * @return this builder
         */
        public Builder<C, R> fallback(Fallback<C, R> fallback) {
            this.fallback = fallback;
            return this;
        }

        /**
         * Sets where tokens are counted against the shop's daily budget (required with a model).
         *
         * @param store the store
         * @return this builder
         */
        public Builder<C, R> tokenUsage(TokenUsageStore store) {
            this.tokenUsage = store;
            return this;
        }

        /**
         * Sets the clock that decides the shop's local day for the token budget; by default the run's
         * time from the pipeline.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder<C, R> clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Builds the agent.
         *
         * @return the agent
         * @throws ConfigurationException listing every missing part
         */
        public ModelAgent<C, R> build() {
            List<String> missing = new ArrayList<>();
            if (name == null || name.isBlank()) {
                missing.add("name");
            }
            if (fallback == null) {
                missing.add("fallback");
            }
            if (chatModel != null) {
                if (systemPrompt == null) {
                    missing.add("systemPrompt");
                }
                if (userPrompt == null) {
                    missing.add("userPrompt");
                }
                if (variables == null) {
                    missing.add("variables");
                }
                if (parser == null) {
                    missing.add("parser");
                }
                if (tokenUsage == null) {
                    missing.add("tokenUsage");
                }
            }
            if (shopPrompts != null && (shopPromptTtl.isNegative() || shopPromptTtl.isZero())) {
                throw new ConfigurationException("model agent" + (name == null ? "" : " '" + name + "'")
                        + ": the shop prompt ttl must be positive, got " + shopPromptTtl);
            }
            if (!missing.isEmpty()) {
                throw new ConfigurationException("model agent" + (name == null ? "" : " '" + name + "'")
                        + " is missing " + String.join(", ", missing)
                        + (chatModel != null ? " (prompts, variables, parser and tokenUsage are needed with a"
                                + " chat model)" : ""));
            }
            return new ModelAgent<>(this);
        }
    }
}
