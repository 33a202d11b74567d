package dev.aihq.agents;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.aihq.agents.OpenAiEndpoint.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.aihq.agents.sales.SalesOfferParser;
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
import dev.langchain4j.model.chat.ChatModel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ModelAgentTest {

    @RegisterExtension
    static WireMockExtension openAi = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String COMPLETIONS = "/v1/chat/completions";
    private static final SalesOffer DRAFT = SalesOffer.builder(OfferKind.UPSELL, "Шаблон магазина")
            .offeredProduct(Sku.of("ACC-GLASS-A55"))
            .build();

    private final InMemoryTokenUsageStore tokens = new InMemoryTokenUsageStore();
    /** The waits between attempts, recorded instead of slept. */
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Test
    void should_take_the_model_path_and_record_tokens_when_the_model_answers() {
        // given
        openAi.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(okJson(completion(
                "{\"text\": \"Спасибо за заказ! К смартфону подойдёт защитное стекло.\"}", 120, 30))));
        ModelAgent<String, SalesOffer> agent = agent(openAiModel());

        // when
        AgentOutput<SalesOffer> output = agent.run(input("смартфон", shop(ShopSettings.defaults())));

        // then
        AgentTrace trace = output.trace();
        assertThat(trace.path()).isEqualTo(AgentPath.MODEL);
        assertThat(trace.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(trace.inputTokens()).isEqualTo(120);
        assertThat(trace.outputTokens()).isEqualTo(30);
        assertThat(trace.fallbackReason()).isNull();
        assertThat(trace.promptHash())
                .matches("[0-9a-f]{64}")
                .isEqualTo(ModelAgent.sha256("Ты продавец магазина «Электроника Алматы».\nКлиент купил: смартфон"));
        assertThat(output.result().text()).isEqualTo("Спасибо за заказ! К смартфону подойдёт защитное стекло.");
        assertThat(output.result().offeredProducts()).containsExactly(Sku.of("ACC-GLASS-A55"));
        assertThat(tokens.used(Fixtures.SHOP_ID, Fixtures.TODAY)).isEqualTo(150);
        openAi.verify(postRequestedFor(urlEqualTo(COMPLETIONS))
                .withHeader("Authorization", equalTo("Bearer test-key"))
                .withRequestBody(containing("Клиент купил: смартфон")));
    }

    @Test
    void should_fall_back_with_the_reason_when_every_attempt_times_out() {
        // given
        openAi.stubFor(post(urlEqualTo(COMPLETIONS))
                .willReturn(okJson(completion("{\"text\": \"поздно\"}", 10, 5)).withFixedDelay(1_000)));
        ModelAgent<String, SalesOffer> agent = agent(OpenAiEndpoint.model(openAi, Duration.ofMillis(200)));

        // when
        AgentOutput<SalesOffer> output = agent.run(input("смартфон", shop(ShopSettings.defaults())));

        // then: the default two retries, waiting 500 ms and then 1 s
        assertThat(output.trace().path()).isEqualTo(AgentPath.FALLBACK);
        assertThat(output.trace().fallbackReason()).startsWith("model failed: ").endsWith("(after 3 attempts)");
        assertThat(output.result()).isEqualTo(DRAFT);
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(tokens.used(Fixtures.SHOP_ID, Fixtures.TODAY)).isZero();
        openAi.verify(3, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    @Test
    void should_fall_back_when_the_provider_answers_429() {
        // given
        openAi.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Rate limit reached for gpt-4o-mini\",\"type\":\"requests\","
                        + "\"code\":\"rate_limit_exceeded\"}}")));
        ModelAgent<String, SalesOffer> agent = agent(openAiModel(), builder -> builder.maxRetries(0));

        // when
        AgentOutput<SalesOffer> output = agent.run(input("смартфон", shop(ShopSettings.defaults())));

        // then
        assertThat(output.trace().path()).isEqualTo(AgentPath.FALLBACK);
        assertThat(output.trace().fallbackReason()).startsWith("model failed: ").contains("Rate limit");
        assertThat(output.result()).isEqualTo(DRAFT);
    }

    @Test
    void should_fall_back_when_the_provider_answers_500() {
        // given
        openAi.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"The server had an error while processing your request.\","
                        + "\"type\":\"server_error\"}}")));
        ModelAgent<String, SalesOffer> agent = agent(openAiModel(), builder -> builder.maxRetries(0));

        // when
        AgentOutput<SalesOffer> output = agent.run(input("смартфон", shop(ShopSettings.defaults())));

        // then
        assertThat(output.trace().path()).isEqualTo(AgentPath.FALLBACK);
        assertThat(output.trace().fallbackReason()).startsWith("model failed: ").contains("server had an error");
        assertThat(output.result()).isEqualTo(DRAFT);
    }

    @Test
    void should_fall_back_when_the_provider_body_is_malformed_json() {
        // given
        openAi.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"chatcmpl-1\", \"choices\": [ {\"message\": ")));
        ModelAgent<String, SalesOffer> agent = agent(openAiModel(), builder -> builder.maxRetries(0));

        // when
        AgentOutput<SalesOffer> output = agent.run(input("смартфон", shop(ShopSettings.defaults())));

        // then
        assertThat(output.trace().path()).isEqualTo(AgentPath.FALLBACK);
        assertThat(output.trace().fallbackReason()).startsWith("model failed: ");
        assertThat(output.result()).isEqualTo(DRAFT);
    }

    @Test
    void should_fall_back_and_count_every_attempts_tokens_when_no_answer_is_valid_for_the_parser() {
        // given
        openAi.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(okJson(completion(
                "Конечно! Вот сообщение: купите стекло со скидкой 50%", 90, 20))));
        ModelAgent<String, SalesOffer> agent = agent(openAiModel());

        // when
        AgentOutput<SalesOffer> output = agent.run(input("смартфон", shop(ShopSettings.defaults())));

        // then
        AgentTrace trace = output.trace();
        assertThat(trace.path()).isEqualTo(AgentPath.FALLBACK);
        assertThat(trace.fallbackReason()).startsWith("model output rejected: the answer is not JSON")
                .endsWith("(after 3 attempts)");
        assertThat(trace.rejections()).hasSize(3).allSatisfy(r -> assertThat(r).startsWith("the answer is not JSON"));
        assertThat(trace.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(trace.inputTokens()).isEqualTo(270);
        assertThat(trace.outputTokens()).isEqualTo(60);
        assertThat(output.result()).isEqualTo(DRAFT);
        assertThat(tokens.used(Fixtures.SHOP_ID, Fixtures.TODAY)).isEqualTo(330);
    }

    @Test
    void should_fall_back_when_no_model_is_configured() {
        // given
        ModelAgent<String, SalesOffer> agent = agent(null);

        // when
        AgentOutput<SalesOffer> output = agent.run(input("смартфон", shop(ShopSettings.defaults())));

        // then
        assertThat(output.trace()).isEqualTo(AgentTrace.fallback("no model configured"));
        assertThat(output.result()).isEqualTo(DRAFT);
    }

    @Test
    void should_not_call_the_model_when_the_daily_budget_is_spent() {
        // given
        ScriptedChatModel model = ScriptedChatModel.create().reply("{\"text\": \"не должно прийти\"}", 10, 10);
        Shop shop = shop(ShopSettings.builder().dailyTokenBudget(50_000).build());
        tokens.add(Fixtures.SHOP_ID, Fixtures.TODAY, 50_000);

        // when
        AgentOutput<SalesOffer> output = agent(model).run(input("смартфон", shop));

        // then
        assertThat(output.trace()).isEqualTo(AgentTrace.fallback(
                "daily token budget of 50000 tokens spent: 50000 used"));
        assertThat(output.result()).isEqualTo(DRAFT);
        assertThat(model.callCount()).isZero();
    }

    @Test
    void should_call_the_model_when_only_yesterday_spent_the_budget() {
        // given
        ScriptedChatModel model = ScriptedChatModel.create().reply("{\"text\": \"Новый день\"}", 10, 10);
        Shop shop = shop(ShopSettings.builder().dailyTokenBudget(50_000).build());
        tokens.add(Fixtures.SHOP_ID, Fixtures.TODAY.minusDays(1), 50_000);

        // when
        AgentOutput<SalesOffer> output = agent(model).run(input("смартфон", shop));

        // then
        assertThat(output.trace().path()).isEqualTo(AgentPath.MODEL);
        assertThat(output.trace().model()).isEqualTo(ScriptedChatModel.DEFAULT_MODEL_NAME);
        assertThat(output.result().text()).isEqualTo("Новый день");
        assertThat(tokens.used(Fixtures.SHOP_ID, Fixtures.TODAY)).isEqualTo(20);
    }

    @Test
    void should_stop_calling_the_model_when_its_own_calls_spend_the_budget_reading_the_store_once() {
        // given: 300 tokens a day, each answer costs 200; the store counts how often it is read
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        dev.aihq.api.store.TokenUsageStore counting = new dev.aihq.api.store.TokenUsageStore() {
            @Override
            public long add(dev.aihq.api.ShopId shopId, java.time.LocalDate day, long spent) {
                return tokens.add(shopId, day, spent);
            }

            @Override
            public long used(dev.aihq.api.ShopId shopId, java.time.LocalDate day) {
                reads.incrementAndGet();
                return tokens.used(shopId, day);
            }
        };
        ScriptedChatModel model = ScriptedChatModel.create().replyAlways("{\"text\": \"Спасибо!\"}", 150, 50);
        Shop shop = shop(ShopSettings.builder().dailyTokenBudget(300).build());
        ModelAgent<String, SalesOffer> agent = ModelAgent.<String, SalesOffer>builder().name("test.sales")
                .chatModel(model).systemPrompt(PromptTemplate.of("Ты продавец."))
                .userPrompt(PromptTemplate.of("Клиент купил: {{product}}"))
                .variables(product -> Map.of("product", product)).parser(new SalesOfferParser())
                .fallback(input -> DRAFT).tokenUsage(counting).sleeper(sleeps::add).build();

        // when
        AgentOutput<SalesOffer> first = agent.run(input("смартфон", shop));
        AgentOutput<SalesOffer> second = agent.run(input("смартфон", shop));
        AgentOutput<SalesOffer> third = agent.run(input("смартфон", shop));

        // then: 0 and 200 are under 300; after 400 the fallback runs; the store was read once
        assertThat(first.trace().path()).isEqualTo(AgentPath.MODEL);
        assertThat(second.trace().path()).isEqualTo(AgentPath.MODEL);
        assertThat(third.trace().fallbackReason()).isEqualTo("daily token budget of 300 tokens spent: 400 used");
        assertThat(model.callCount()).isEqualTo(2);
        assertThat(reads).hasValue(1);
    }

    @Test
    void should_send_the_shops_own_prompt_when_the_shop_has_one() {
        // given: the shop replaced the user prompt; another shop did not
        dev.aihq.pipeline.memory.InMemoryPromptTemplateStore prompts =
                new dev.aihq.pipeline.memory.InMemoryPromptTemplateStore();
        prompts.save(Fixtures.SHOP_ID, "sales-purchase-user", "Наш стиль: коротко. Клиент взял {{product}}.");
        ScriptedChatModel model = ScriptedChatModel.create().replyAlways("{\"text\": \"Спасибо!\"}", 10, 10);
        ModelAgent<String, SalesOffer> agent = ModelAgent.<String, SalesOffer>builder().name("test.sales")
                .chatModel(model).systemPrompt(PromptTemplate.of("Ты продавец."))
                .userPrompt(PromptTemplate.of("Клиент купил: {{product}}"))
                .shopPrompts(prompts, "sales-system", "sales-purchase-user", Duration.ofSeconds(30))
                .variables(product -> Map.of("product", product)).parser(new SalesOfferParser())
                .fallback(input -> DRAFT).tokenUsage(tokens).sleeper(sleeps::add).build();

        // when
        agent.run(input("смартфон", shop(ShopSettings.defaults())));
        String own = model.lastPromptText();
        agent.run(input("смартфон", Fixtures.kaspiShop(Fixtures.OTHER_SHOP_ID).build()));
        String shipped = model.lastPromptText();

        // then
        assertThat(own).contains("Ты продавец.").contains("Наш стиль: коротко. Клиент взял смартфон.")
                .doesNotContain("Клиент купил");
        assertThat(shipped).contains("Клиент купил: смартфон").doesNotContain("Наш стиль");
    }

    @Test
    void should_not_call_the_model_when_the_budget_is_zero() {
        // given
        ScriptedChatModel model = ScriptedChatModel.create().reply("{\"text\": \"не должно прийти\"}");
        Shop shop = shop(ShopSettings.builder().dailyTokenBudget(0).build());

        // when
        AgentOutput<SalesOffer> output = agent(model).run(input("смартфон", shop));

        // then
        assertThat(output.trace().path()).isEqualTo(AgentPath.FALLBACK);
        assertThat(output.trace().fallbackReason()).startsWith("daily token budget is 0");
        assertThat(model.callCount()).isZero();
    }

    @Test
    void should_fall_back_when_the_model_throws_on_every_attempt() {
        // given
        ScriptedChatModel model = ScriptedChatModel.create().failAlways(new IllegalStateException("connection reset"));

        // when
        AgentOutput<SalesOffer> output = agent(model).run(input("смартфон", shop(ShopSettings.defaults())));

        // then
        assertThat(output.trace()).isEqualTo(AgentTrace.fallback("model failed: connection reset (after 3 attempts)"));
        assertThat(model.callCount()).isEqualTo(3);
    }

    @Test
    void should_report_every_missing_part_when_built_with_a_model_and_nothing_else() {
        // given
        ModelAgent.Builder<String, SalesOffer> builder = ModelAgent.<String, SalesOffer>builder()
                .chatModel(ScriptedChatModel.create());

        // when / then
        assertThatThrownBy(builder::build)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("name, fallback, systemPrompt, userPrompt, variables, parser, tokenUsage");
    }

    private ModelAgent<String, SalesOffer> agent(@javax.annotation.Nullable ChatModel model) {
        return agent(model, builder -> builder);
    }

    private ModelAgent<String, SalesOffer> agent(@javax.annotation.Nullable ChatModel model,
            UnaryOperator<ModelAgent.Builder<String, SalesOffer>> customize) {
        return customize.apply(ModelAgent.<String, SalesOffer>builder()
                .name("test.sales")
                .chatModel(model)
                .systemPrompt(PromptTemplate.of("Ты продавец магазина «{{shop_name}}»."))
                .userPrompt(PromptTemplate.of("Клиент купил: {{product}}"))
                .variables(product -> Map.of("shop_name", "Электроника Алматы", "product", product))
                .parser(new SalesOfferParser())
                .fallback(input -> DRAFT)
                .tokenUsage(tokens)
                .sleeper(sleeps::add))
                .build();
    }

    private static ChatModel openAiModel() {
        return OpenAiEndpoint.model(openAi, Duration.ofSeconds(10));
    }

    private static Shop shop(ShopSettings settings) {
        return Fixtures.kaspiShop().settings(settings).build();
    }

    private static AgentInput<String> input(String context, Shop shop) {
        return new AgentInput<>(context, shop, Fixtures.RUN_ID, Fixtures.NOW);
    }

}
