package dev.aihq.agents;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.aihq.agents.OpenAiEndpoint.completion;
import static dev.aihq.agents.OpenAiEndpoint.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.aihq.agents.sales.SalesOfferParser;
import dev.aihq.api.Sku;
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
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The agent's own retry policy and structured output against an OpenAI-compatible endpoint, through
 * LangChain4j's real OpenAI client with no retries of its own. Waits are recorded, never slept.
 */
class ModelAgentRetryTest {

    @RegisterExtension
    static WireMockExtension openAi = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String COMPLETIONS = "/v1/chat/completions";
    private static final String FLAKY = "flaky provider";
    private static final SalesOffer DRAFT = SalesOffer.builder(OfferKind.UPSELL, "Шаблон магазина")
            .offeredProduct(Sku.of("ACC-GLASS-A55"))
            .build();

    private final InMemoryTokenUsageStore tokens = new InMemoryTokenUsageStore();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Test
    void should_take_the_model_path_after_a_timeout_429_500_malformed_body_empty_choices_and_malformed_answer() {
        // given: six failures of every kind, then an answer
        step(STARTED, "429", okJson(completion("{\"text\": \"поздно\"}", 10, 5)).withFixedDelay(2_000));
        step("429", "500", error(429, "Rate limit reached for gpt-4o-mini in organization org-1 on requests per min."
                + " Please try again in 20ms."));
        step("500", "malformed body", error(500, "The server had an error while processing your request."));
        step("malformed body", "empty choices", aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"chatcmpl-1\", \"choices\": [ {\"message\": "));
        step("empty choices", "malformed answer", okJson(emptyChoices()));
        step("malformed answer", "answer", okJson(completion("{\"text\": \"Спасибо! Стекло\"", 50, 10)));
        step("answer", "done", okJson(completion("{\"text\": \"Спасибо за заказ!\"}", 120, 30)));
        ModelAgent<String, SalesOffer> agent = agent(OpenAiEndpoint.model(openAi, Duration.ofMillis(300)), b -> b.maxRetries(6)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(80)));

        // when
        AgentOutput<SalesOffer> output = agent.run(input());

        // then
        AgentTrace trace = output.trace();
        assertThat(trace.path()).isEqualTo(AgentPath.MODEL);
        assertThat(output.result().text()).isEqualTo("Спасибо за заказ!");
        assertThat(trace.rejections()).singleElement().satisfies(r -> assertThat(r).startsWith("the answer is not JSON"));
        // 10, 20 (the 429's hint of 20 ms is not longer), 40, 80, 80, 80
        assertThat(sleeps).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40),
                Duration.ofMillis(80), Duration.ofMillis(80), Duration.ofMillis(80));
        openAi.verify(7, postRequestedFor(urlEqualTo(COMPLETIONS)));
        // every answer's tokens count: the malformed answer's and the good one's
        assertThat(trace.inputTokens()).isEqualTo(170);
        assertThat(trace.outputTokens()).isEqualTo(40);
        assertThat(tokens.used(Fixtures.SHOP_ID, Fixtures.TODAY)).isEqualTo(210);
    }

    @Test
    void should_fall_back_with_the_last_reason_when_every_attempt_fails() {
        // given
        step(STARTED, "second", error(503, "The engine is currently overloaded, please try again later."));
        step("second", "third", error(500, "The server had an error while processing your request."));
        step("third", "done", error(429, "Rate limit reached for gpt-4o-mini. Please try again in 700ms."));
        ModelAgent<String, SalesOffer> agent = agent(OpenAiEndpoint.model(openAi, Duration.ofSeconds(5)), b -> b);

        // when
        AgentOutput<SalesOffer> output = agent.run(input());

        // then
        assertThat(output.result()).isEqualTo(DRAFT);
        // the message is the provider's error body, as LangChain4j gives it
        assertThat(output.trace().path()).isEqualTo(AgentPath.FALLBACK);
        assertThat(output.trace().model()).isNull();
        assertThat(output.trace().fallbackReason()).startsWith("model failed: ")
                .contains("Rate limit reached for gpt-4o-mini. Please try again in 700ms.")
                .endsWith(" (after 3 attempts)");
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
        openAi.verify(3, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    @Test
    void should_wait_as_long_as_the_provider_asks_when_that_is_longer_than_the_backoff() {
        // given
        step(STARTED, "answer", error(429, "Rate limit reached for gpt-4o-mini. Please try again in 1.5s."));
        step("answer", "done", okJson(completion("{\"text\": \"Спасибо!\"}", 10, 5)));
        ModelAgent<String, SalesOffer> agent = agent(OpenAiEndpoint.model(openAi, Duration.ofSeconds(5)), b -> b);

        // when
        AgentOutput<SalesOffer> output = agent.run(input());

        // then
        assertThat(output.trace().path()).isEqualTo(AgentPath.MODEL);
        assertThat(sleeps).containsExactly(Duration.ofMillis(1_500));
    }

    @Test
    void should_stop_retrying_when_the_provider_asks_for_a_longer_wait_than_the_agent_allows() {
        // given
        openAi.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(error(429,
                "Rate limit reached for requests per day. Please try again in 30s.")));
        ModelAgent<String, SalesOffer> agent = agent(OpenAiEndpoint.model(openAi, Duration.ofSeconds(5)), b -> b);

        // when
        AgentOutput<SalesOffer> output = agent.run(input());

        // then
        assertThat(output.trace().fallbackReason()).startsWith("model failed: ")
                .contains("Please try again in 30s.")
                .endsWith("; the provider asks to retry after 30000 ms, longer than the agent waits (8000 ms)");
        assertThat(sleeps).isEmpty();
        openAi.verify(1, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    @Test
    void should_not_retry_an_authentication_failure() {
        // given
        openAi.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(error(401, "Incorrect API key provided: test-key.")));
        ModelAgent<String, SalesOffer> agent = agent(OpenAiEndpoint.model(openAi, Duration.ofSeconds(5)), b -> b);

        // when
        AgentOutput<SalesOffer> output = agent.run(input());

        // then
        assertThat(output.trace().fallbackReason()).startsWith("model failed: ")
                .contains("Incorrect API key provided").doesNotContain("attempts");
        assertThat(sleeps).isEmpty();
        openAi.verify(1, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    @Test
    void should_send_the_schema_as_response_format_when_the_model_declares_json_schema_support() {
        // given
        openAi.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(okJson(completion("{\"text\": \"Спасибо!\","
                + " \"offered_products\": [\"ACC-GLASS-A55\"], \"promo_code\": null, \"discount_percent\": null}",
                10, 5))));
        ChatModel model = OpenAiChatModel.builder().baseUrl(openAi.baseUrl() + "/v1").apiKey("test-key")
                .modelName("gpt-4o-mini").maxRetries(0)
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).build();
        ModelAgent<String, SalesOffer> agent = agent(model, b -> b.responseSchema(SalesOfferParser.SCHEMA));

        // when
        AgentOutput<SalesOffer> output = agent.run(input());

        // then
        assertThat(output.trace().path()).isEqualTo(AgentPath.MODEL);
        assertThat(output.result().offeredProducts()).containsExactly(Sku.of("ACC-GLASS-A55"));
        openAi.verify(postRequestedFor(urlEqualTo(COMPLETIONS))
                .withRequestBody(containing("\"response_format\""))
                .withRequestBody(containing("\"json_schema\""))
                .withRequestBody(containing("\"sales_offer\""))
                .withRequestBody(containing("\"discount_percent\"")));
    }

    @Test
    void should_send_no_response_format_when_the_model_does_not_declare_json_schema_support() {
        // given
        openAi.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(okJson(completion("{\"text\": \"Спасибо!\"}", 10, 5))));
        ModelAgent<String, SalesOffer> agent = agent(OpenAiEndpoint.model(openAi, Duration.ofSeconds(5)),
                b -> b.responseSchema(SalesOfferParser.SCHEMA));

        // when
        AgentOutput<SalesOffer> output = agent.run(input());

        // then: parsed all the same
        assertThat(output.trace().path()).isEqualTo(AgentPath.MODEL);
        assertThat(output.result().text()).isEqualTo("Спасибо!");
        openAi.verify(postRequestedFor(urlEqualTo(COMPLETIONS))
                .withRequestBody(notContaining("response_format")));
    }

    private void step(String state, String next, ResponseDefinitionBuilder response) {
        openAi.stubFor(post(urlEqualTo(COMPLETIONS)).inScenario(FLAKY).whenScenarioStateIs(state)
                .willSetStateTo(next).willReturn(response));
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

    private static AgentInput<String> input() {
        Shop shop = Fixtures.kaspiShop().settings(ShopSettings.defaults()).build();
        return new AgentInput<>("смартфон", shop, Fixtures.RUN_ID, Fixtures.NOW);
    }

    private static String emptyChoices() {
        ObjectNode body = new ObjectMapper().createObjectNode()
                .put("id", "chatcmpl-empty")
                .put("object", "chat.completion")
                .put("created", 1_772_431_200L)
                .put("model", "gpt-4o-mini-2024-07-18");
        body.putArray("choices");
        return body.toString();
    }

}
