package dev.aihq.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.agents.sales.SalesOfferParser;
import dev.aihq.agents.tokens.TokenCounter;
import dev.aihq.api.Sku;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.result.OfferKind;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.AgentPath;
import dev.aihq.api.store.AgentTrace;
import dev.aihq.pipeline.AgentInput;
import dev.aihq.pipeline.AgentOutput;
import dev.aihq.pipeline.memory.InMemoryTokenUsageStore;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.ScriptedChatModel;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The repair attempt, holding rejected drafts for review, and token counting and limits. */
class ModelAgentRepairTest {

    private static final SalesOffer DRAFT = SalesOffer.builder(OfferKind.UPSELL, "Шаблон магазина")
            .offeredProduct(Sku.of("ACC-GLASS-A55"))
            .build();
    /** Rejects any text that promises free delivery. */
    private static final ResultValidator<String, SalesOffer> NO_FREE_DELIVERY = (context, offer) ->
            offer.text().contains("бесплатн") ? List.of("the text promises free delivery, which the shop does not offer")
                    : List.of();

    private final InMemoryTokenUsageStore tokens = new InMemoryTokenUsageStore();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Test
    void should_take_the_repaired_answer_and_record_the_first_answers_problems() {
        // given
        ScriptedChatModel model = ScriptedChatModel.create()
                .reply("{\"text\": \"Стекло с бесплатной доставкой!\"}", 100, 20)
                .reply("{\"text\": \"К смартфону подойдёт защитное стекло.\"}", 140, 20);
        ModelAgent<String, SalesOffer> agent = agent(model, b -> b.validator(NO_FREE_DELIVERY));

        // when
        AgentOutput<SalesOffer> output = agent.run(input(shop(false)));

        // then
        assertThat(output.trace().path()).isEqualTo(AgentPath.MODEL);
        assertThat(output.result().text()).isEqualTo("К смартфону подойдёт защитное стекло.");
        assertThat(output.trace().rejections())
                .containsExactly("the text promises free delivery, which the shop does not offer");
        assertThat(output.trace().inputTokens()).isEqualTo(240);
        assertThat(tokens.used(Fixtures.SHOP_ID, Fixtures.TODAY)).isEqualTo(280);
        // the repair call carries the conversation, the previous answer and the problems, from the resource
        List<ChatMessage> repair = model.lastRequest().messages();
        assertThat(repair).hasSize(4);
        assertThat(repair.get(2)).isEqualTo(AiMessage.from("{\"text\": \"Стекло с бесплатной доставкой!\"}"));
        assertThat(((UserMessage) repair.get(3)).singleText()).startsWith("Исправь ответ")
                .contains("- the text promises free delivery, which the shop does not offer");
        assertThat(model.callCount()).isEqualTo(2);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void should_fall_back_with_every_reason_when_the_repaired_answer_is_still_rejected() {
        // given
        ScriptedChatModel model = ScriptedChatModel.create()
                .reply("{\"text\": \"Стекло с бесплатной доставкой!\"}", 100, 20)
                .reply("{\"text\": \"Стекло, доставка бесплатно!\"}", 140, 20);
        ModelAgent<String, SalesOffer> agent = agent(model, b -> b.validator(NO_FREE_DELIVERY)
                .holdOnRejection(shop -> shop.settings().sales().holdRejectedForReview()));

        // when
        AgentOutput<SalesOffer> output = agent.run(input(shop(false)));

        // then
        AgentTrace trace = output.trace();
        assertThat(output.result()).isEqualTo(DRAFT);
        assertThat(trace.path()).isEqualTo(AgentPath.FALLBACK);
        assertThat(trace.requiresReview()).isFalse();
        assertThat(trace.fallbackReason()).isEqualTo("model output rejected after repair: the text promises free"
                + " delivery, which the shop does not offer");
        assertThat(trace.rejections()).containsExactly(
                "the text promises free delivery, which the shop does not offer",
                "after repair: the text promises free delivery, which the shop does not offer");
        assertThat(trace.model()).isEqualTo(ScriptedChatModel.DEFAULT_MODEL_NAME);
        assertThat(model.callCount()).isEqualTo(2);
    }

    @Test
    void should_return_the_rejected_draft_marked_for_review_when_the_shop_holds_rejections() {
        // given
        ScriptedChatModel model = ScriptedChatModel.create()
                .reply("{\"text\": \"Стекло с бесплатной доставкой!\"}", 100, 20)
                .reply("{\"text\": \"Стекло, доставка бесплатно!\"}", 140, 20);
        ModelAgent<String, SalesOffer> agent = agent(model, b -> b.validator(NO_FREE_DELIVERY)
                .holdOnRejection(shop -> shop.settings().sales().holdRejectedForReview()));

        // when
        AgentOutput<SalesOffer> output = agent.run(input(shop(true)));

        // then
        assertThat(output.trace().path()).isEqualTo(AgentPath.REJECTED);
        assertThat(output.trace().requiresReview()).isTrue();
        assertThat(output.result().text()).isEqualTo("Стекло, доставка бесплатно!");
        assertThat(output.trace().fallbackReason()).startsWith("model output rejected after repair: ");
        assertThat(output.trace().rejections()).hasSize(2);
    }

    @Test
    void should_fall_back_naming_the_repair_answers_problem_when_it_does_not_parse() {
        // given
        ScriptedChatModel model = ScriptedChatModel.create()
                .reply("{\"text\": \"Стекло с бесплатной доставкой!\"}", 100, 20)
                .reply("Извините, исправляю: стекло без доставки.", 140, 20);
        ModelAgent<String, SalesOffer> agent = agent(model, b -> b.validator(NO_FREE_DELIVERY));

        // when
        AgentOutput<SalesOffer> output = agent.run(input(shop(false)));

        // then: one repair call, not retried
        assertThat(output.trace().fallbackReason()).startsWith("model output rejected after repair: the answer is not"
                + " JSON");
        assertThat(output.trace().rejections()).last().asString().startsWith("after repair: the answer is not JSON");
        assertThat(model.callCount()).isEqualTo(2);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void should_fall_back_naming_the_failure_when_the_repair_call_fails() {
        // given
        ScriptedChatModel model = ScriptedChatModel.create()
                .reply("{\"text\": \"Стекло с бесплатной доставкой!\"}", 100, 20)
                .fail(new IllegalStateException("connection reset"));
        ModelAgent<String, SalesOffer> agent = agent(model, b -> b.validator(NO_FREE_DELIVERY));

        // when
        AgentOutput<SalesOffer> output = agent.run(input(shop(false)));

        // then
        assertThat(output.trace().fallbackReason()).isEqualTo("model output rejected after repair: the text promises"
                + " free delivery, which the shop does not offer (the repair call failed: connection reset)");
        assertThat(model.callCount()).isEqualTo(2);
    }

    @Test
    void should_use_a_repair_prompt_given_to_the_builder_and_refuse_one_without_problems() {
        // given
        ScriptedChatModel model = ScriptedChatModel.create()
                .reply("{\"text\": \"Стекло с бесплатной доставкой!\"}")
                .reply("{\"text\": \"Стекло.\"}");
        ModelAgent<String, SalesOffer> agent = agent(model, b -> b.validator(NO_FREE_DELIVERY)
                .repairPrompt(PromptTemplate.of("Fix: {{problems}}")));

        // when
        agent.run(input(shop(false)));

        // then
        assertThat(((UserMessage) model.lastRequest().messages().get(3)).singleText())
                .isEqualTo("Fix: - the text promises free delivery, which the shop does not offer");
        assertThatThrownBy(() -> agent(model, b -> b.repairPrompt(PromptTemplate.of("Fix it"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("{{problems}}");
    }

    @Test
    void should_count_the_prompt_and_answer_tokens_when_the_provider_reports_none() {
        // given
        List<ChatRequest> requests = new ArrayList<>();
        ChatModel silent = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                requests.add(request);
                return ChatResponse.builder().aiMessage(AiMessage.from("{\"text\": \"Спасибо за заказ!\"}")).build();
            }
        };
        TokenCounter o200k = TokenCounter.o200k();
        ModelAgent<String, SalesOffer> agent = agent(silent, b -> b.tokenCounter(o200k));

        // when
        AgentOutput<SalesOffer> output = agent.run(input(shop(false)));

        // then
        long prompt = o200k.count("Ты продавец.") + o200k.count("Клиент купил: смартфон");
        long answer = o200k.count("{\"text\": \"Спасибо за заказ!\"}");
        assertThat(output.trace().path()).isEqualTo(AgentPath.MODEL);
        assertThat(output.trace().model()).isEqualTo("unknown model");
        assertThat(output.trace().inputTokens()).isEqualTo(prompt).isPositive();
        assertThat(output.trace().outputTokens()).isEqualTo(answer).isPositive();
        assertThat(tokens.used(Fixtures.SHOP_ID, Fixtures.TODAY)).isEqualTo(prompt + answer);
        assertThat(requests).hasSize(1);
    }

    @Test
    void should_refuse_a_prompt_above_the_token_limit_without_calling_the_model() {
        // given
        ScriptedChatModel model = ScriptedChatModel.create().replyAlways("{\"text\": \"не должно прийти\"}");
        TokenCounter o200k = TokenCounter.o200k();
        long prompt = o200k.count("Ты продавец.") + o200k.count("Клиент купил: смартфон");
        ModelAgent<String, SalesOffer> agent = agent(model, b -> b.tokenCounter(o200k).maxPromptTokens((int) prompt - 1));

        // when
        AgentOutput<SalesOffer> output = agent.run(input(shop(false)));

        // then
        assertThat(output.trace()).isEqualTo(AgentTrace.fallback("prompt too long: " + prompt + " tokens, more than the "
                + (prompt - 1) + " allowed"));
        assertThat(output.result()).isEqualTo(DRAFT);
        assertThat(model.callCount()).isZero();
        assertThat(agent(model, b -> b.tokenCounter(o200k).maxPromptTokens((int) prompt)).run(input(shop(false)))
                .trace().path()).isEqualTo(AgentPath.MODEL);
    }

    @Test
    void should_stop_retrying_when_the_attempts_spend_the_budget() {
        // given: 150 tokens a day; each unparseable answer costs 100
        ScriptedChatModel model = ScriptedChatModel.create().replyAlways("не JSON", 80, 20);
        Shop shop = Fixtures.kaspiShop().settings(ShopSettings.builder().dailyTokenBudget(150).build()).build();
        ModelAgent<String, SalesOffer> agent = agent(model, b -> b);

        // when
        AgentOutput<SalesOffer> output = agent.run(input(shop));

        // then
        assertThat(model.callCount()).isEqualTo(2);
        assertThat(output.trace().fallbackReason()).startsWith("model output rejected: the answer is not JSON")
                .contains("; not retried: daily token budget of 150 tokens spent: 200 used")
                .endsWith("(after 2 attempts)");
        assertThat(tokens.used(Fixtures.SHOP_ID, Fixtures.TODAY)).isEqualTo(200);
    }

    @Test
    void should_refuse_invalid_retry_options() {
        assertThatThrownBy(() -> ModelAgent.builder().maxRetries(11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelAgent.builder().maxRetries(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelAgent.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelAgent.builder().maxPromptTokens(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private ModelAgent<String, SalesOffer> agent(ChatModel model,
            UnaryOperator<ModelAgent.Builder<String, SalesOffer>> customize) {
        return customize.apply(ModelAgent.<String, SalesOffer>builder()
                .name("test.sales")
                .chatModel(model)
                .systemPrompt(PromptTemplate.of("Ты продавец."))
                .userPrompt(PromptTemplate.of("Клиент купил: {{product}}"))
                .variables(product -> Map.of("product", product))
                .parser(new SalesOfferParser())
                .fallback(input -> DRAFT)
                .tokenUsage(tokens)
                .sleeper(sleeps::add))
                .build();
    }

    private static Shop shop(boolean holdRejected) {
        ShopSettings defaults = ShopSettings.defaults();
        return Fixtures.kaspiShop().settings(defaults.toBuilder()
                .sales(defaults.sales().toBuilder().holdRejectedForReview(holdRejected).build())
                .build()).build();
    }

    private static AgentInput<String> input(Shop shop) {
        return new AgentInput<>("смартфон", shop, Fixtures.RUN_ID, Fixtures.NOW);
    }
}
