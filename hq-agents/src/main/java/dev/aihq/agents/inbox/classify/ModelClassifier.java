package dev.aihq.agents.inbox.classify;

import dev.aihq.agents.ModelAgent;
import dev.aihq.agents.PromptTemplate;
import dev.aihq.agents.inbox.draft.ReplyTemplates;
import dev.aihq.api.inbox.Classification;
import dev.aihq.api.inbox.InboxIntent;
import dev.aihq.api.result.RunId;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.AgentTrace;
import dev.aihq.api.store.TokenUsageStore;
import dev.aihq.pipeline.AgentInput;
import dev.aihq.pipeline.AgentOutput;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Classifies a buyer's message with a language model and a structured answer ({@link ClassificationParser#SCHEMA}),
 * falling back to the deterministic rules ({@link MessageClassifier}, by default {@link RuleClassifier}) without a
 * model, past the shop's daily token budget, or when the model fails (timeout, 429, 5xx) or answers what the parser
 * refuses (not JSON, an intent outside the allowed set, a wrong emotion or priority). The buyer's text is given as
 * delimited data, never as instructions. Runs on {@link ModelAgent}, so retries, budgets and token accounting are
 * the SDK's usual ones. Thread-safe.
 */
public final class ModelClassifier {

    /** The agent's name in traces and token usage. */
    public static final String NAME = "inbox.classify";

    private static final String PROMPTS = "/dev/aihq/agents/prompts/";

    private final ModelAgent<ClassifierInput, Classification> agent;
    private final MessageClassifier fallback;
    private final Clock clock;

    private ModelClassifier(Builder b) {
        this.fallback = b.fallback;
        this.clock = b.clock;
        List<InboxIntent> intents = List.copyOf(b.intents);
        String intentList = String.join(", ", intents.stream().map(InboxIntent::name).toList());
        ModelAgent.Builder<ClassifierInput, Classification> model = ModelAgent.<ClassifierInput, Classification>builder()
                .name(NAME)
                .chatModel(b.chatModel)
                .systemPrompt(PromptTemplate.resource(PROMPTS + "inbox-classify-system.txt"))
                .userPrompt(PromptTemplate.resource(PROMPTS + "inbox-classify-user.txt"))
                .variables(input -> Map.of(
                        "marketplace", ReplyTemplates.displayName(input.marketplace()),
                        "intents", intentList,
                        "kind", input.kind().wireValue(),
                        "rating", input.rating() == null ? "нет" : input.rating() + " из 5",
                        "text", input.text()))
                .parser(new ClassificationParser(intents))
                .fallback(input -> fallback.classify(input.context()))
                .responseSchema(ClassificationParser.SCHEMA)
                .clock(b.clock);
        if (b.tokenUsage != null) {
            model.tokenUsage(b.tokenUsage);
        }
        if (b.sleeper != null) {
            model.sleeper(b.sleeper);
        }
        this.agent = model.build();
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Tells whether a model is configured.
     *
     * @return {@code false} when every classification comes from the rules
     */
    public boolean hasModel() {
        return agent.hasModel();
    }

    /**
     * Classifies a message for a shop (whose token budget the call counts against).
     *
     * @param shop the shop
     * @param input the message
     * @param runId the run the call belongs to, for traces and token usage
     * @return the classification and how it was made
     */
    public Classified classify(Shop shop, ClassifierInput input, RunId runId) {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(input, "input");
        AgentOutput<Classification> out = agent.run(new AgentInput<>(input, shop, runId, clock.instant()));
        return new Classified(out.result(), out.trace());
    }

    /**
     * A classification with the agent's trace (model or rules, tokens, rejections).
     *
     * @param classification the classification
     * @param trace how it was made
     */
    public record Classified(Classification classification, AgentTrace trace) {

        /** Requires both. */
        public Classified {
            Objects.requireNonNull(classification, "classification");
            Objects.requireNonNull(trace, "trace");
        }
    }

    /** Builds a {@link ModelClassifier}. Not thread-safe. */
    public static final class Builder {
        private @Nullable ChatModel chatModel;
        private MessageClassifier fallback = RuleClassifier.standard();
        private final List<InboxIntent> intents = new ArrayList<>(InboxIntent.DEFAULTS);
        private @Nullable TokenUsageStore tokenUsage;
        private Clock clock = Clock.systemUTC();
        private @Nullable ModelAgent.Sleeper sleeper;

        private Builder() {}

        /**
         * Sets the model; without one every message is classified by the fallback.
         *
         * @param chatModel the model, or {@code null}
         * @return this builder
         */
        public Builder chatModel(@Nullable ChatModel chatModel) {
            this.chatModel = chatModel;
            return this;
        }

        /**
         * Sets the deterministic classifier used without a model or when the model fails. Default
         * {@link RuleClassifier#standard()}.
         *
         * @param fallback the classifier
         * @return this builder
         */
        public Builder fallback(MessageClassifier fallback) {
            this.fallback = Objects.requireNonNull(fallback, "fallback");
            return this;
        }

        /**
         * Adds an intent the model may answer besides the defaults (a shop's own); give the fallback the same.
         *
         * @param intent the intent
         * @return this builder
         */
        public Builder intent(InboxIntent intent) {
            Objects.requireNonNull(intent, "intent");
            if (!intents.contains(intent)) {
                intents.add(intent);
            }
            return this;
        }

        /**
         * Sets where the model's tokens are counted per shop and day.
         *
         * @param store the store, or {@code null} for no accounting
         * @return this builder
         */
        public Builder tokenUsage(@Nullable TokenUsageStore store) {
            this.tokenUsage = store;
            return this;
        }

        /**
         * Sets the clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how the model's retries wait; tests record instead of sleeping.
         *
         * @param sleeper the sleeper, or {@code null} for real waits
         * @return this builder
         */
        public Builder sleeper(@Nullable ModelAgent.Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /**
         * Builds the classifier.
         *
         * @return the classifier
         */
        public ModelClassifier build() {
            return new ModelClassifier(this);
        }
    }
}
