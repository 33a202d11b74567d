package dev.aihq.agents;

import dev.aihq.agents.tokens.TokenCounter;
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
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 *   <li>the system and user prompts are rendered from the context's variables; a prompt above
 *       {@link Builder#maxPromptTokens(int)} (counted by the {@link Builder#tokenCounter(TokenCounter)
 *       token counter}) gives the fallback without a call;</li>
 *   <li>the model is called, with the {@link Builder#responseSchema(JsonSchema) response schema} as its
 *       JSON response format when the model declares {@link Capability#RESPONSE_FORMAT_JSON_SCHEMA}
 *       (otherwise the prompt's own instructions ask for JSON); the tokens of every call, as reported by
 *       the provider or else counted, are added to the shop's day in the {@link TokenUsageStore};</li>
 *   <li>a failed call or an answer the {@link ResultParser} rejects is tried again, up to
 *       {@link Builder#maxRetries(int)} times with exponential backoff ({@link Builder#backoff}), then gives
 *       the fallback with {@code model failed: <message>} or {@code model output rejected: <problem>}
 *       (with {@code (after N attempts)} when there was more than one). Failures known to be permanent are
 *       not retried: LangChain4j's {@link NonRetriableException} (authentication, invalid request, content
 *       filtered, model not found), {@link UnsupportedFeatureException} and HTTP 4xx other than 408 and 429.
 *       The budget is checked again before each call;</li>
 *   <li>a parsed answer the {@link ResultValidator} finds problems in is sent back to the model ONCE with
 *       the problems ({@link Builder#repairPrompt(PromptTemplate)}); if the repaired answer still does not
 *       parse or still has problems, the run gives the fallback with
 *       {@code model output rejected after repair: <problems>} &mdash; or, for a shop the
 *       {@link Builder#holdOnRejection(Predicate)} predicate accepts, the rejected model draft on
 *       {@link AgentPath#REJECTED}, which the pipeline must hold for a person instead of sending.</li>
 * </ol>
 *
 * <p>The {@link AgentTrace} says which path was taken: on the model path the model's name, the input and
 * output tokens of every call of the run, and the lower-case hex SHA-256 of the system prompt, a line feed
 * and the user prompt (never the prompt itself); on the fallback path the reason, plus the model, tokens
 * and hash when the model answered at all. Every rejected answer's problems are listed in
 * {@link AgentTrace#rejections()}. Logs name the agent, shop, run and path at DEBUG, never a prompt or a
 * phone number.
 *
 * <p>Thread-safe when its parts are. Build with {@link #builder()}.
 *
 * @param <C> the context type
 * @param <R> the result type
 */
public final class ModelAgent<C, R> implements Agent<C, R> {

    /** The shipped repair instruction, with a {@code {{problems}}} placeholder. */
    public static final String REPAIR_PROMPT_RESOURCE = "/dev/aihq/agents/prompts/repair.txt";

    private static final Logger LOG = LoggerFactory.getLogger(ModelAgent.class);
    private static final int MAX_REASON_CHARS = 300;
    private static final int MAX_RETRIES = 10;
    /** OpenAI's hint in a 429 body, e.g. "Please try again in 6.5s." or "in 20ms". */
    private static final Pattern TRY_AGAIN_IN = Pattern.compile(
            "(?i)try again in (\\d+(?:\\.\\d+)?)\\s*(ms|s)\\b");
    /** A Retry-After header copied into a message, in seconds. */
    private static final Pattern RETRY_AFTER = Pattern.compile("(?i)retry-after\\W{0,3}(\\d+(?:\\.\\d+)?)");

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
    private final @Nullable JsonSchema responseSchema;
    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Sleeper sleeper;
    private final @Nullable ResultValidator<C, R> validator;
    private final PromptTemplate repairPrompt;
    private final Predicate<Shop> holdOnRejection;
    private final TokenCounter tokenCounter;
    private final int maxPromptTokens;
    /**
     * The day's total each shop's last usage update returned. The store's answer to an update includes
     * every instance's usage, so reading it back before each call would only repeat it: the store is read
     * once per shop and day, then kept current by the updates.
     */
    private final ConcurrentHashMap<ShopId, DayUsage> knownUsage = new ConcurrentHashMap<>();

    private record DayUsage(LocalDate day, long tokens) {}

    /**
     * Waits between attempts. The default sleeps the calling thread; tests give one that records the
     * waits and returns at once.
     */
    @FunctionalInterface
    public interface Sleeper {

        /**
         * Waits.
         *
         * @param duration how long, positive
         * @throws InterruptedException when the wait is interrupted; the agent then stops retrying
         */
        void sleep(Duration duration) throws InterruptedException;

        /**
         * The sleeper that blocks the calling thread ({@link Thread#sleep(long)}).
         *
         * @return the sleeper
         */
        static Sleeper real() {
            return duration -> Thread.sleep(duration.toMillis());
        }
    }

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
        this.responseSchema = b.responseSchema;
        this.maxRetries = b.maxRetries;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.sleeper = b.sleeper;
        this.validator = b.validator;
        this.repairPrompt = b.repairPrompt == null ? PromptTemplate.resource(REPAIR_PROMPT_RESOURCE) : b.repairPrompt;
        this.holdOnRejection = b.holdOnRejection;
        this.tokenCounter = b.tokenCounter;
        this.maxPromptTokens = b.maxPromptTokens;
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
        Calls calls = new Calls(input, day, budget, used, usage);
        String spent = calls.budgetSpent();
        if (spent != null) {
            return fallback(input, draft, AgentTrace.fallback(spent));
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
        calls.promptHash = sha256(system + "\n" + user);
        List<ChatMessage> messages = List.of(SystemMessage.from(system), UserMessage.from(user));
        String tooLong = tooLong(messages);
        if (tooLong != null) {
            return fallback(input, draft, AgentTrace.fallback(tooLong));
        }

        // The first answer: transient failures and unparseable answers are tried again.
        R parsed = null;
        String answer = null;
        String failure = null;
        Duration hint = null;
        int attempts = 0;
        for (int attempt = 0; attempt <= maxRetries; attempt++) {
            if (attempt > 0) {
                Duration wait = backoff(attempt);
                if (hint != null && hint.compareTo(wait) > 0) {
                    if (hint.compareTo(maxBackoff) > 0) {
                        failure += "; the provider asks to retry after " + hint.toMillis() + " ms, longer than the"
                                + " agent waits (" + maxBackoff.toMillis() + " ms)";
                        break;
                    }
                    wait = hint;
                }
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure += "; interrupted while waiting to retry";
                    break;
                }
                spent = calls.budgetSpent();
                if (spent != null) {
                    failure += "; not retried: " + spent;
                    break;
                }
            }
            attempts++;
            hint = null;
            Answer result = calls.call(messages);
            if (result.failure() != null) {
                failure = "model failed: " + describe(result.failure());
                if (!retryable(result.failure())) {
                    break;
                }
                hint = retryAfter(result.failure());
                continue;
            }
            try {
                parsed = parse(result.text(), draft);
                answer = result.text();
                break;
            } catch (RuntimeException e) {
                String problem = describe(e);
                calls.rejections.add(problem);
                failure = "model output rejected: " + problem;
            }
        }
        if (parsed == null || answer == null) {
            String reason = Objects.requireNonNull(failure) + (attempts > 1 ? " (after " + attempts + " attempts)" : "");
            return fallback(input, draft, calls.trace(AgentPath.FALLBACK, reason));
        }

        List<String> problems = problems(input.context(), parsed);
        if (problems.isEmpty()) {
            return model(input, parsed, calls);
        }
        calls.rejections.addAll(problems);

        // One repair attempt with the previous answer and its problems; no retries.
        List<ChatMessage> repair = List.of(messages.get(0), messages.get(1), AiMessage.from(answer),
                UserMessage.from(repairPrompt.render(Map.of("problems", bullets(problems)))));
        List<String> remaining = problems;
        String repairFailure = tooLong(repair);
        if (repairFailure == null) {
            repairFailure = calls.budgetSpent();
        }
        if (repairFailure == null) {
            Answer repaired = calls.call(repair);
            if (repaired.failure() != null) {
                repairFailure = "the repair call failed: " + describe(repaired.failure());
            } else {
                try {
                    R again = parse(repaired.text(), draft);
                    parsed = again;
                    remaining = problems(input.context(), again);
                    if (remaining.isEmpty()) {
                        return model(input, again, calls);
                    }
                } catch (RuntimeException e) {
                    remaining = List.of(describe(e));
                }
                for (String problem : remaining) {
                    calls.rejections.add("after repair: " + problem);
                }
            }
        }
        String reason = "model output rejected after repair: " + String.join("; ", remaining)
                + (repairFailure == null ? "" : " (" + repairFailure + ")");
        if (holdOnRejection.test(shop)) {
            AgentTrace trace = calls.trace(AgentPath.REJECTED, reason);
            LOG.debug("Agent '{}' shop {} run {}: rejected model draft held for review ({} rejection(s))", name,
                    shop.id(), input.runId(), trace.rejections().size());
            return new AgentOutput<>(parsed, trace);
        }
        return fallback(input, draft, calls.trace(AgentPath.FALLBACK, reason));
    }

    /** The tokens, model and rejections of one run's calls. */
    private final class Calls {
        private final AgentInput<C> input;
        private final LocalDate day;
        private final long budget;
        private final long used;
        private final TokenUsageStore usage;
        private final List<String> rejections = new ArrayList<>();
        private @Nullable String promptHash;
        private @Nullable String model;
        private long in;
        private long out;

        Calls(AgentInput<C> input, LocalDate day, long budget, long used, TokenUsageStore usage) {
            this.input = input;
            this.day = day;
            this.budget = budget;
            this.used = used;
            this.usage = usage;
        }

        /** The reason not to call the model because the shop's day is spent, or {@code null}. */
        @Nullable String budgetSpent() {
            DayUsage known = knownUsage.get(input.shop().id());
            long now = known != null && known.day().equals(day) ? Math.max(known.tokens(), used) : used;
            return now >= budget ? "daily token budget of " + budget + " tokens spent: " + now + " used" : null;
        }

        /** Calls the model once and counts the tokens of its answer. */
        Answer call(List<ChatMessage> messages) {
            ChatRequest.Builder request = ChatRequest.builder().messages(messages);
            ChatModel model = Objects.requireNonNull(chatModel);
            if (responseSchema != null && supportsSchema(model)) {
                request.responseFormat(ResponseFormat.builder()
                        .type(ResponseFormatType.JSON)
                        .jsonSchema(responseSchema)
                        .build());
            }
            ChatResponse response;
            try {
                response = model.chat(request.build());
            } catch (RuntimeException e) {
                return new Answer(null, e);
            }
            if (response == null) {
                return new Answer(null, new AgentException("it returned no response"));
            }
            AiMessage message = response.aiMessage();
            String text = message == null ? null : message.text();
            TokenUsage tokens = response.tokenUsage();
            Integer reportedIn = tokens == null ? null : tokens.inputTokenCount();
            Integer reportedOut = tokens == null ? null : tokens.outputTokenCount();
            long callIn = reportedIn != null ? reportedIn : count(messages);
            long callOut = reportedOut != null ? reportedOut : text == null ? 0 : tokenCounter.count(text);
            long total = reportedIn != null && reportedOut != null && tokens.totalTokenCount() != null
                    ? tokens.totalTokenCount() : callIn + callOut;
            in += callIn;
            out += callOut;
            this.model = response.modelName() == null || response.modelName().isBlank() ? "unknown model"
                    : response.modelName();
            if (total > 0) {
                ShopId shop = input.shop().id();
                // Counted here at once, so that the next call's budget check sees it; written to the store with
                // the run's final record (at once outside a pipeline), whose answer includes every instance's.
                knownUsage.compute(shop, (id, k) -> new DayUsage(day,
                        (k != null && k.day().equals(day) ? Math.max(k.tokens(), used) : used) + total));
                input.writes().defer(() -> knownUsage.merge(shop, new DayUsage(day, usage.add(shop, day, total)),
                        (current, stored) -> current.day().equals(stored.day()) && current.tokens() > stored.tokens()
                                ? current : stored));
            }
            return new Answer(text == null ? "" : text, null);
        }

        AgentTrace trace(AgentPath path, String reason) {
            return model == null
                    ? new AgentTrace(path, null, 0, 0, null, reason, rejections)
                    : new AgentTrace(path, model, in, out, promptHash, reason, rejections);
        }
    }

    /** A model call's answer text, or why there is none. */
    private record Answer(@Nullable String text, @Nullable RuntimeException failure) {}

    private AgentOutput<R> model(AgentInput<C> input, R result, Calls calls) {
        LOG.debug("Agent '{}' shop {} run {}: model path ({}, {} input / {} output tokens)", name, input.shop().id(),
                input.runId(), calls.model, calls.in, calls.out);
        return new AgentOutput<>(result, new AgentTrace(AgentPath.MODEL, calls.model, calls.in, calls.out,
                calls.promptHash, null, calls.rejections));
    }

    private R parse(@Nullable String text, R draft) {
        if (text == null || text.isBlank()) {
            throw new AgentException("the model answered no text");
        }
        return Objects.requireNonNull(Objects.requireNonNull(parser).parse(text, draft), "the parser returned null");
    }

    private List<String> problems(C context, R result) {
        if (validator == null) {
            return List.of();
        }
        List<String> problems = validator.problems(context, result);
        return problems == null ? List.of() : problems.stream()
                .filter(p -> p != null && !p.isBlank())
                .map(p -> Masking.excerpt(p.strip(), MAX_REASON_CHARS))
                .toList();
    }

    private static String bullets(List<String> problems) {
        StringBuilder text = new StringBuilder();
        for (String problem : problems) {
            text.append(text.length() == 0 ? "" : "\n").append("- ").append(problem);
        }
        return text.toString();
    }

    /** Why a prompt is too long to send, or {@code null}. */
    private @Nullable String tooLong(List<ChatMessage> messages) {
        if (maxPromptTokens <= 0) {
            return null;
        }
        long tokens = count(messages);
        return tokens > maxPromptTokens ? "prompt too long: " + tokens + " tokens, more than the " + maxPromptTokens
                + " allowed" : null;
    }

    private long count(List<ChatMessage> messages) {
        long tokens = 0;
        for (ChatMessage message : messages) {
            String text = textOf(message);
            tokens += text == null ? 0 : tokenCounter.count(text);
        }
        return tokens;
    }

    private static @Nullable String textOf(ChatMessage message) {
        if (message instanceof SystemMessage system) {
            return system.text();
        }
        if (message instanceof UserMessage user) {
            return user.hasSingleText() ? user.singleText() : null;
        }
        if (message instanceof AiMessage ai) {
            return ai.text();
        }
        return null;
    }

    private static boolean supportsSchema(ChatModel model) {
        try {
            Set<Capability> capabilities = model.supportedCapabilities();
            return capabilities != null && capabilities.contains(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The wait before a retry: the initial backoff doubled for each earlier retry, at most the maximum. */
    private Duration backoff(int retry) {
        Duration wait = initialBackoff;
        for (int i = 1; i < retry && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /** Whether a failure may pass: everything but what LangChain4j and HTTP say is permanent. */
    private static boolean retryable(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 10; t = t.getCause(), depth++) {
            if (t instanceof NonRetriableException || t instanceof UnsupportedFeatureException) {
                return false;
            }
            if (t instanceof HttpException http) {
                int status = http.statusCode();
                return status == 408 || status == 429 || status >= 500 || status < 400;
            }
        }
        return true;
    }

    /**
     * How long the provider asks to wait, when its error says so. LangChain4j's exceptions carry the
     * provider's error body but not its response headers, so the hint is read from the message: a
     * {@code Retry-After} value in seconds, or OpenAI's "try again in 6.5s" / "in 20ms".
     */
    private static @Nullable Duration retryAfter(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 10; t = t.getCause(), depth++) {
            String message = t.getMessage();
            if (message == null) {
                continue;
            }
            Matcher header = RETRY_AFTER.matcher(message);
            if (header.find()) {
                return millis(new BigDecimal(header.group(1)).movePointRight(3));
            }
            Matcher hint = TRY_AGAIN_IN.matcher(message);
            if (hint.find()) {
                BigDecimal amount = new BigDecimal(hint.group(1));
                return millis(hint.group(2).equalsIgnoreCase("ms") ? amount : amount.movePointRight(3));
            }
        }
        return null;
    }

    private static Duration millis(BigDecimal millis) {
        return Duration.ofMillis(millis.setScale(0, RoundingMode.CEILING).longValueExact());
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
        private @Nullable JsonSchema responseSchema;
        private int maxRetries = 2;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private Sleeper sleeper = Sleeper.real();
        private @Nullable ResultValidator<C, R> validator;
        private @Nullable PromptTemplate repairPrompt;
        private Predicate<Shop> holdOnRejection = shop -> false;
        private TokenCounter tokenCounter = TokenCounter.estimate();
        private int maxPromptTokens;

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
         * Sets the JSON schema of the answer. It is sent as the request's JSON response format when the
         * model declares {@link Capability#RESPONSE_FORMAT_JSON_SCHEMA}; other models get the prompt's own
         * instructions only. Either way the answer is parsed and checked by the {@link ResultParser}.
         *
         * @param schema the schema, e.g. {@code SalesOfferParser.SCHEMA}, or {@code null} for none
         * @return this builder
         */
        public Builder<C, R> responseSchema(@Nullable JsonSchema schema) {
            this.responseSchema = schema;
            return this;
        }

        /**
         * Sets how many times a failed call or an unparseable answer is tried again before the fallback
         * (default 2, so at most 3 calls). Give the model client itself no retries (for LangChain4j's
         * OpenAI client {@code maxRetries(0)}) so this is the only policy.
         *
         * @param retries 0 to 10
         * @return this builder
         */
        public Builder<C, R> maxRetries(int retries) {
            if (retries < 0 || retries > MAX_RETRIES) {
                throw new IllegalArgumentException("max retries must be 0-" + MAX_RETRIES + ", got " + retries);
            }
            this.maxRetries = retries;
            return this;
        }

        /**
         * Sets the waits between attempts: {@code initial} before the first retry, doubled before each next
         * one, never more than {@code max} (defaults 500 ms and 8 s). A provider's retry-after hint longer
         * than the computed wait is honoured; one longer than {@code max} ends the retries.
         *
         * @param initial the first wait, positive
         * @param max the longest wait, at least {@code initial}
         * @return this builder
         */
        public Builder<C, R> backoff(Duration initial, Duration max) {
            Objects.requireNonNull(initial, "initial");
            Objects.requireNonNull(max, "max");
            if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("backoff must be positive and max at least initial, got "
                        + initial + " and " + max);
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /**
         * Sets what waits between attempts (default {@link Sleeper#real()}).
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder<C, R> sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets the check of a parsed answer against its context. Problems found make the agent ask the
         * model once to repair its answer; problems that remain reject it. Without a validator every
         * parsed answer is accepted.
         *
         * @param validator the validator, or {@code null} for none
         * @return this builder
         */
        public Builder<C, R> validator(@Nullable ResultValidator<C, R> validator) {
            this.validator = validator;
            return this;
        }

        /**
         * Replaces the repair instruction sent after the previous answer (default the resource
         * {@value ModelAgent#REPAIR_PROMPT_RESOURCE}). Its {@code {{problems}}} placeholder gets the problems
         * as a list, one {@code - problem} per line.
         *
         * @param prompt the template, using {@code {{problems}}}
         * @return this builder
         */
        public Builder<C, R> repairPrompt(PromptTemplate prompt) {
            this.repairPrompt = Objects.requireNonNull(prompt, "prompt");
            return this;
        }

        /**
         * Decides per shop what happens to an answer still rejected after its repair attempt: for a shop the
         * predicate accepts, the run returns the rejected model draft on {@link AgentPath#REJECTED} (see
         * {@link AgentTrace#requiresReview()}) for the pipeline to hold for a person; for others, and by
         * default, the fallback. For the sales agents:
         * {@code shop -> shop.settings().sales().holdRejectedForReview()}.
         *
         * @param hold whether a shop holds rejected drafts for review
         * @return this builder
         */
        public Builder<C, R> holdOnRejection(Predicate<Shop> hold) {
            this.holdOnRejection = Objects.requireNonNull(hold, "hold");
            return this;
        }

        /**
         * Sets how prompt and answer tokens are counted when the provider reports none, and for
         * {@link #maxPromptTokens(int)} (default {@link TokenCounter#estimate()}; {@link TokenCounter#o200k()}
         * is exact for OpenAI's current models).
         *
         * @param counter the counter
         * @return this builder
         */
        public Builder<C, R> tokenCounter(TokenCounter counter) {
            this.tokenCounter = Objects.requireNonNull(counter, "counter");
            return this;
        }

        /**
         * Refuses to send a prompt (every message's text, counted by the {@link #tokenCounter token
         * counter}) above this many tokens: the run takes the fallback with the count as its reason and the
         * model is not called. A repair prompt above it is not sent either. By default there is no limit.
         *
         * @param max the most prompt tokens, positive
         * @return this builder
         */
        public Builder<C, R> maxPromptTokens(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("max prompt tokens must be positive, got " + max);
            }
            this.maxPromptTokens = max;
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
            if (repairPrompt != null && !repairPrompt.uses("problems")) {
                throw new ConfigurationException("model agent" + (name == null ? "" : " '" + name + "'")
                        + ": the repair prompt must use {{problems}}");
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
