package dev.aihq.testkit;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * A fake {@link ChatModel} that answers from a script, for tests that need a model without a network.
 * Each call takes the next step: a reply (with the token usage to report), a failure to throw, or a
 * step that repeats forever. A step may first wait, for real: {@link #delay(Duration)} blocks the
 * calling thread so that deadline and timeout tests meet actual latency, and
 * {@link #blockUntilReleased()} holds the call until the test releases it, for deterministic
 * concurrency tests.
 *
 * <pre>{@code
 * ScriptedChatModel model = ScriptedChatModel.create()
 *         .reply("{\"text\":\"Спасибо за покупку!\"}", 420, 35)
 *         .fail(new RuntimeException("503 from the provider"))
 *         .delay(Duration.ofSeconds(5)).reply("too late");
 * }</pre>
 *
 * <p>Every request is recorded ({@link #requests()}) and counted ({@link #callCount()}); a call past
 * the end of the script fails with an {@link IllegalStateException} saying so. The script may be
 * extended while calls run. Thread-safe.
 */
public final class ScriptedChatModel implements ChatModel {

    /** The model name reported when none is given. */
    public static final String DEFAULT_MODEL_NAME = "scripted-model";

    /**
     * How long a call waits at a {@link #blockUntilReleased() gate} that is never released before it fails,
     * so that a forgotten release fails the test instead of hanging the build.
     */
    public static final Duration GATE_TIMEOUT = Duration.ofMinutes(1);

    private final String modelName;
    private final Object lock = new Object();
    private final List<Step> steps = new ArrayList<>();
    private int next;
    private @Nullable Duration pendingDelay;
    private @Nullable Gate pendingGate;
    private final Deque<ChatRequest> requests = new ArrayDeque<>();
    private int maxRecordedRequests = Integer.MAX_VALUE;
    private final AtomicInteger calls = new AtomicInteger();

    private ScriptedChatModel(String modelName) {
        this.modelName = modelName;
    }

    /**
     * Creates a model with an empty script named {@value #DEFAULT_MODEL_NAME}.
     *
     * @return the model
     */
    public static ScriptedChatModel create() {
        return new ScriptedChatModel(DEFAULT_MODEL_NAME);
    }

    /**
     * Creates a model with an empty script and a name reported in every response.
     *
     * @param modelName the name, e.g. {@code gpt-4o-mini}
     * @return the model
     */
    public static ScriptedChatModel named(String modelName) {
        Objects.requireNonNull(modelName, "model name");
        if (modelName.isBlank()) {
            throw new IllegalArgumentException("model name must not be blank");
        }
        return new ScriptedChatModel(modelName);
    }

    /**
     * Adds a reply that reports no token usage (zero tokens); use
     * {@link #reply(String, int, int)} when token accounting matters.
     *
     * @param text the reply text
     * @return this model
     */
    public ScriptedChatModel reply(String text) {
        return reply(text, 0, 0);
    }

    /**
     * Adds a reply with its token usage.
     *
     * @param text the reply text
     * @param inputTokens prompt tokens to report
     * @param outputTokens completion tokens to report
     * @return this model
     */
    public ScriptedChatModel reply(String text, int inputTokens, int outputTokens) {
        return add(Step.reply(text, inputTokens, outputTokens, false));
    }

    /**
     * Adds a failure: the call throws this exception.
     *
     * @param failure the exception to throw
     * @return this model
     */
    public ScriptedChatModel fail(RuntimeException failure) {
        return add(Step.failure(failure, false));
    }

    /**
     * Makes the next step added wait before it answers, blocking the calling thread. An interrupted
     * wait ends the call with an {@link IllegalStateException} and keeps the thread's interrupt flag.
     *
     * @param latency how long the call takes
     * @return this model
     */
    public ScriptedChatModel delay(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + latency);
        }
        synchronized (lock) {
            pendingDelay = latency;
        }
        return this;
    }

    /**
     * Makes the next step added wait until the returned gate is released. Add the step after this call:
     * {@code Gate gate = model.blockUntilReleased(); model.reply("...");}. A call that waits longer than
     * {@link #GATE_TIMEOUT} fails.
     *
     * @return the gate that holds the call
     */
    public Gate blockUntilReleased() {
        Gate gate = new Gate();
        synchronized (lock) {
            pendingGate = gate;
        }
        return gate;
    }

    /**
     * Ends the script with a reply given to every further call, without limit (for load tests). No step
     * can be added after it.
     *
     * @param text the reply text
     * @return this model
     */
    public ScriptedChatModel replyAlways(String text) {
        return replyAlways(text, 0, 0);
    }

    /**
     * Ends the script with a reply, with token usage, given to every further call.
     *
     * @param text the reply text
     * @param inputTokens prompt tokens to report per call
     * @param outputTokens completion tokens to report per call
     * @return this model
     */
    public ScriptedChatModel replyAlways(String text, int inputTokens, int outputTokens) {
        return add(Step.reply(text, inputTokens, outputTokens, true));
    }

    /**
     * Ends the script with a failure thrown by every further call (a provider that is down).
     *
     * @param failure the exception to throw
     * @return this model
     */
    public ScriptedChatModel failAlways(RuntimeException failure) {
        return add(Step.failure(failure, true));
    }

    /**
     * Keeps only the most recent requests, so a long load test does not hold every prompt in memory.
     * By default every request is kept.
     *
     * @param max how many requests to keep, at least 1
     * @return this model
     */
    public ScriptedChatModel keepRequests(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("must keep at least 1 request, got " + max);
        }
        synchronized (lock) {
            maxRecordedRequests = max;
            trimRequests();
        }
        return this;
    }

    /**
     * Returns the name reported in every response's metadata.
     *
     * @return the model name
     */
    public String modelName() {
        return modelName;
    }

    /**
     * Returns the requests received so far, oldest first, including those that failed.
     *
     * @return a snapshot of the requests
     */
    public List<ChatRequest> requests() {
        synchronized (lock) {
            return List.copyOf(requests);
        }
    }

    /**
     * Returns the last request received.
     *
     * @return the request
     * @throws IllegalStateException when there was no call
     */
    public ChatRequest lastRequest() {
        synchronized (lock) {
            ChatRequest last = requests.peekLast();
            if (last == null) {
                throw new IllegalStateException("the scripted model has not been called");
            }
            return last;
        }
    }

    /**
     * Returns the text of every message of the last request, one message a line: what the model was
     * asked, for assertions on prompts.
     *
     * @return the prompt text
     * @throws IllegalStateException when there was no call
     */
    public String lastPromptText() {
        return textOf(lastRequest());
    }

    /**
     * Returns the text of every message of a request, one message a line.
     *
     * @param request the request
     * @return the text
     */
    public static String textOf(ChatRequest request) {
        return request.messages().stream().map(ScriptedChatModel::textOf).collect(Collectors.joining("\n"));
    }

    /**
     * Returns how many calls the model has received, including failed ones.
     *
     * @return the count
     */
    public int callCount() {
        return calls.get();
    }

    /**
     * Returns how many scripted steps are left; {@link Integer#MAX_VALUE} once the script ends with a
     * repeating step.
     *
     * @return the steps left
     */
    public int remainingSteps() {
        synchronized (lock) {
            if (!steps.isEmpty() && steps.get(steps.size() - 1).repeats) {
                return Integer.MAX_VALUE;
            }
            return steps.size() - next;
        }
    }

    /**
     * Answers a request with the next step of the script.
     *
     * @param request the request
     * @return the scripted reply
     * @throws IllegalStateException when the script is exhausted, or a wait was interrupted or timed out
     * @throws RuntimeException the scripted failure
     */
    @Override
    public ChatResponse doChat(ChatRequest request) {
        int call = calls.incrementAndGet();
        Step step;
        synchronized (lock) {
            requests.addLast(request);
            trimRequests();
            if (next >= steps.size()) {
                throw new IllegalStateException("scripted model '" + modelName + "' has no step left for call " + call
                        + ": the script had " + steps.size() + " step(s); add more with reply(...) or fail(...)");
            }
            step = steps.get(next);
            if (!step.repeats) {
                next++;
            }
        }
        if (step.gate != null) {
            step.gate.await(call);
        }
        if (step.delay != null && !step.delay.isZero()) {
            pause(step.delay, call);
        }
        if (step.failure != null) {
            throw step.failure;
        }
        TokenUsage usage = new TokenUsage(step.inputTokens, step.outputTokens);
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(Objects.requireNonNull(step.text)))
                .metadata(ChatResponseMetadata.builder()
                        .id("scripted-" + call)
                        .modelName(modelName)
                        .tokenUsage(usage)
                        .finishReason(FinishReason.STOP)
                        .build())
                .build();
    }

    private ScriptedChatModel add(Step step) {
        synchronized (lock) {
            if (!steps.isEmpty() && steps.get(steps.size() - 1).repeats) {
                throw new IllegalStateException("the script already ends with a step that repeats forever;"
                        + " no step can follow it");
            }
            steps.add(step.with(pendingDelay, pendingGate));
            pendingDelay = null;
            pendingGate = null;
        }
        return this;
    }

    private void trimRequests() {
        while (requests.size() > maxRecordedRequests) {
            requests.removeFirst();
        }
    }

    private static void pause(Duration delay, int call) {
        try {
            TimeUnit.NANOSECONDS.sleep(delay.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scripted call " + call + " was interrupted during its " + delay
                    + " delay", e);
        }
    }

    private static String textOf(ChatMessage message) {
        if (message instanceof SystemMessage system) {
            return system.text();
        }
        if (message instanceof UserMessage user) {
            return user.contents().stream()
                    .filter(TextContent.class::isInstance)
                    .map(c -> ((TextContent) c).text())
                    .collect(Collectors.joining("\n"));
        }
        if (message instanceof AiMessage ai) {
            return ai.text() == null ? "" : ai.text();
        }
        if (message instanceof ToolExecutionResultMessage tool) {
            return tool.text();
        }
        return message.toString();
    }

    /**
     * Holds a scripted call until {@link #release()}; see {@link ScriptedChatModel#blockUntilReleased()}.
     * Thread-safe.
     */
    public static final class Gate {
        private final CountDownLatch released = new CountDownLatch(1);
        private final CountDownLatch arrived = new CountDownLatch(1);

        private Gate() {}

        /** Lets every call waiting at this gate, and every later one, continue. */
        public void release() {
            released.countDown();
        }

        /**
         * Tells whether the gate has been released.
         *
         * @return {@code true} after {@link #release()}
         */
        public boolean isReleased() {
            return released.getCount() == 0;
        }

        /**
         * Waits until a call has reached the gate, so a test knows the call is in progress.
         *
         * @param timeout the most to wait
         * @return {@code true} when a call arrived in time
         * @throws InterruptedException when the waiting thread is interrupted
         */
        public boolean awaitBlocked(Duration timeout) throws InterruptedException {
            return arrived.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        private void await(int call) {
            arrived.countDown();
            try {
                if (!released.await(GATE_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw new IllegalStateException("scripted call " + call + " waited " + GATE_TIMEOUT
                            + " at a gate that was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("scripted call " + call + " was interrupted at its gate", e);
            }
        }
    }

    private static final class Step {
        final @Nullable String text;
        final int inputTokens;
        final int outputTokens;
        final @Nullable RuntimeException failure;
        final boolean repeats;
        final @Nullable Duration delay;
        final @Nullable Gate gate;

        private Step(@Nullable String text, int inputTokens, int outputTokens, @Nullable RuntimeException failure,
                boolean repeats, @Nullable Duration delay, @Nullable Gate gate) {
            this.text = text;
            this.inputTokens = inputTokens;
            this.outputTokens = outputTokens;
            this.failure = failure;
            this.repeats = repeats;
            this.delay = delay;
            this.gate = gate;
        }

        static Step reply(String text, int inputTokens, int outputTokens, boolean repeats) {
            Objects.requireNonNull(text, "text");
            if (inputTokens < 0 || outputTokens < 0) {
                throw new IllegalArgumentException("token counts must not be negative");
            }
            return new Step(text, inputTokens, outputTokens, null, repeats, null, null);
        }

        static Step failure(RuntimeException failure, boolean repeats) {
            Objects.requireNonNull(failure, "failure");
            return new Step(null, 0, 0, failure, repeats, null, null);
        }

        Step with(@Nullable Duration delay, @Nullable Gate gate) {
            return new Step(text, inputTokens, outputTokens, failure, repeats, delay, gate);
        }
    }
}
