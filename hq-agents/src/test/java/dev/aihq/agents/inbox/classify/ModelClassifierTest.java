package dev.aihq.agents.inbox.classify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.aihq.agents.OpenAiEndpoint.COMPLETIONS;
import static dev.aihq.agents.OpenAiEndpoint.completion;
import static dev.aihq.agents.OpenAiEndpoint.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.aihq.agents.OpenAiEndpoint;
import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.inbox.ClassificationSource;
import dev.aihq.api.inbox.InboxEmotion;
import dev.aihq.api.inbox.InboxIntent;
import dev.aihq.api.inbox.InboxPriority;
import dev.aihq.api.result.RunId;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.api.store.AgentPath;
import dev.aihq.pipeline.memory.InMemoryTokenUsageStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The model classifier through LangChain4j's real OpenAI client against WireMock: a valid structured answer is
 * taken, and every failure (500, 429, timeout, malformed JSON, an intent outside the set, a prompt injection
 * obeyed) falls back to the rules.
 */
class ModelClassifierTest {

    @RegisterExtension
    static WireMockExtension openAi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Shop SHOP = Shop.builder(ShopId.of("ozon_1"), Marketplace.OZON).name("Магазин")
            .legalForm(LegalForm.OOO).taxMode(TaxMode.RU_USN_INCOME).build();
    private static final ClassifierInput LATE = ClassifierInput.chat(Marketplace.OZON,
            "Заказ должен был прийти неделю назад, трек не обновляется. Верните деньги или пишу жалобу!");

    private final InMemoryTokenUsageStore tokens = new InMemoryTokenUsageStore();
    private final List<Duration> sleeps = new ArrayList<>();

    private ModelClassifier classifier(Duration timeout) {
        return ModelClassifier.builder().chatModel(OpenAiEndpoint.model(openAi, timeout)).tokenUsage(tokens)
                .sleeper(sleeps::add).build();
    }

    @Test
    void should_take_a_valid_structured_answer_and_count_its_tokens() {
        openAi.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(okJson(completion("{\"intent\":\"delivery_problem\","
                + "\"emotion\":\"angry\",\"priority\":\"critical\",\"reason\":\"задержка и угроза жалобы\"}", 120, 20))));

        ModelClassifier.Classified out = classifier(Duration.ofSeconds(5)).classify(SHOP, LATE, RunId.random());

        assertThat(out.classification().intent()).isEqualTo(InboxIntent.DELIVERY_PROBLEM);
        assertThat(out.classification().emotion()).isEqualTo(InboxEmotion.ANGRY);
        assertThat(out.classification().priority()).isEqualTo(InboxPriority.CRITICAL);
        assertThat(out.classification().source()).isEqualTo(ClassificationSource.MODEL);
        assertThat(out.trace().path()).isEqualTo(AgentPath.MODEL);
        openAi.verify(postRequestedFor(urlEqualTo(COMPLETIONS)).withRequestBody(containing("трек не обновляется"))
                .withRequestBody(containing("delivery_problem, sizing, availability")));
        assertThat(out.trace().inputTokens()).isEqualTo(120);
    }

    @Test
    void should_fall_back_to_the_rules_on_a_server_error_a_rate_limit_and_a_timeout() {
        openAi.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(error(500, "The server had an error")));
        ModelClassifier.Classified serverError = classifier(Duration.ofSeconds(5)).classify(SHOP, LATE,
                RunId.random());
        openAi.resetAll();
        openAi.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(error(429, "Rate limit reached")));
        ModelClassifier.Classified limited = classifier(Duration.ofSeconds(5)).classify(SHOP, LATE, RunId.random());
        openAi.resetAll();
        openAi.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withFixedDelay(1500)
                .withBody(completion("{}", 1, 1)).withHeader("Content-Type", "application/json")));
        ModelClassifier.Classified slow = classifier(Duration.ofMillis(300)).classify(SHOP, LATE, RunId.random());

        for (ModelClassifier.Classified out : List.of(serverError, limited, slow)) {
            assertThat(out.classification().source()).isEqualTo(ClassificationSource.RULES);
            assertThat(out.trace().path()).isEqualTo(AgentPath.FALLBACK);
            assertThat(out.classification()).isEqualTo(RuleClassifier.standard().classify(LATE));
        }
        assertThat(serverError.trace().fallbackReason()).contains("model failed");
    }

    @Test
    void should_fall_back_when_the_answer_is_malformed_or_names_an_unknown_intent() {
        openAi.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(okJson(completion("{\"intent\": \"delivery_problem\"",
                10, 5))));
        ModelClassifier.Classified malformed = classifier(Duration.ofSeconds(5)).classify(SHOP, LATE,
                RunId.random());
        openAi.resetAll();
        openAi.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(okJson(completion("{\"intent\":\"refund_now\","
                + "\"emotion\":\"angry\",\"priority\":\"critical\",\"reason\":\"x\"}", 10, 5))));
        ModelClassifier.Classified unknown = classifier(Duration.ofSeconds(5)).classify(SHOP, LATE, RunId.random());

        assertThat(malformed.classification().source()).isEqualTo(ClassificationSource.RULES);
        assertThat(malformed.trace().fallbackReason()).contains("not JSON");
        assertThat(unknown.classification().source()).isEqualTo(ClassificationSource.RULES);
        assertThat(unknown.trace().fallbackReason()).contains("\"intent\" must be one of");
    }

    @Test
    void should_use_the_rules_without_a_model() {
        ModelClassifier rulesOnly = ModelClassifier.builder().build();

        ModelClassifier.Classified out = rulesOnly.classify(SHOP, LATE, RunId.random());

        assertThat(rulesOnly.hasModel()).isFalse();
        assertThat(out.classification().source()).isEqualTo(ClassificationSource.RULES);
        assertThat(out.trace().fallbackReason()).contains("no model");
    }
}
