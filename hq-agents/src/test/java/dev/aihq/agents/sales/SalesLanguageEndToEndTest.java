package dev.aihq.agents.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.channel.OutboundMessage;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.store.AgentPath;
import dev.aihq.api.store.RunRecord;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.ScriptedChatModel;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.List;
import java.util.Locale;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The language the sales agent works in, end to end: a Kazakh shop's prompts and templates are Kazakh; a
 * Russian shop answers a customer who writes Kazakh in Kazakh.
 */
class SalesLanguageEndToEndTest {

    private static final String ORDER = "512345678";
    private static final String SHAMPOO_NAME = "Шампунь Head & Shoulders Men Ultra Old Spice 400 мл";
    private static final String CONDITIONER_NAME = "Бальзам-ополаскиватель Head & Shoulders Основной уход 275 мл";
    private static final String KAZAKH_OFFER = "Тапсырысыңызға рахмет! Сусабынмен бірге көбіне «" + CONDITIONER_NAME
            + "» алады — 2 990 ₸. Қызықты болса, осы хабарламаға жауап беріңіз.";
    private static final String KAZAKH_ANSWER = "Рахмет, сұрағыңызды менеджерге бердік, ол жақын арада жауап береді.";

    private final ScriptedChatModel model = ScriptedChatModel.create();

    @Test
    void should_write_the_kazakh_prompts_for_a_kazakh_shop() {
        // given
        model.reply(json(KAZAKH_OFFER, "CD-HS-275"));

        try (SalesWorld world = world(SalesWorld.KAZAKH, model)) {
            // when
            RunRecord run = world.buyShampoo(ORDER);

            // then the model was asked in Kazakh, and its Kazakh text went
            ChatRequest request = model.lastRequest();
            assertThat(system(request)).startsWith("Сен — ").contains("«Электроника Алматы» дүкенінің",
                    "қазақ тілінде").doesNotContain("Ты — ", "Правила");
            assertThat(user(request)).contains("Сатып алушы №" + ORDER + " тапсырысын рәсімдеді", "Тапсырма: ",
                    SHAMPOO_NAME, "[CD-HS-275]").doesNotContain("Покупатель оформил заказ", "Задача");
            assertThat(run.outcome()).as(run.reason()).isEqualTo(RunOutcome.SENT);
            assertThat(run.agent().path()).isEqualTo(AgentPath.MODEL);
            assertThat(world.channel.sent()).extracting(OutboundMessage::text).containsExactly(KAZAKH_OFFER);
        }
    }

    @Test
    void should_write_the_russian_prompts_for_a_russian_shop() {
        // given
        model.reply(json("Спасибо за заказ! К шампуню часто берут «" + CONDITIONER_NAME + "» — 2 990 ₸.",
                "CD-HS-275"));

        try (SalesWorld world = world(SalesWorld.RUSSIAN, model)) {
            // when
            world.buyShampoo(ORDER);

            // then
            ChatRequest request = model.lastRequest();
            assertThat(system(request)).startsWith("Ты — ").doesNotContain("Сен — ");
            assertThat(user(request)).contains("Покупатель оформил заказ №" + ORDER).doesNotContain("Тапсырма");
        }
    }

    @Test
    void should_fill_the_kazakh_template_for_a_kazakh_shop_without_a_model() {
        try (SalesWorld world = world(SalesWorld.KAZAKH, null)) {
            // when
            RunRecord run = world.buyShampoo(ORDER);

            // then
            assertThat(run.outcome()).as(run.reason()).isEqualTo(RunOutcome.SENT);
            assertThat(world.channel.sent()).singleElement().extracting(OutboundMessage::text).satisfies(text -> {
                assertThat(text).startsWith("Сәлеметсіз бе!").contains("«Электроника Алматы» дүкеніндегі №" + ORDER
                        + " тапсырысыңызға рахмет", "«" + SHAMPOO_NAME + "»", "2 990 ₸");
                assertThat(text).doesNotContain("Здравствуйте", "Спасибо", "часто берут");
            });
            // and the review request waiting for its day is Kazakh too
            assertThat(world.stores.outbox().find(Fixtures.SHOP_ID, PurchaseDelivery.delayedReviewIdentity(
                    world.shampooPurchase(ORDER, Fixtures.NOW)).id())).hasValueSatisfying(review ->
                    assertThat(review.text()).startsWith("Сәлеметсіз бе!").doesNotContain("Здравствуйте"));
        }
    }

    @Test
    void should_fill_the_same_kazakh_template_when_the_model_fails() {
        // given
        model.failAlways(new AuthenticationException("Incorrect API key provided"));
        String template;
        try (SalesWorld withoutModel = world(SalesWorld.KAZAKH, null)) {
            withoutModel.buyShampoo(ORDER);
            template = withoutModel.channel.sent().get(0).text();
        }

        try (SalesWorld world = world(SalesWorld.KAZAKH, model)) {
            // when
            RunRecord run = world.buyShampoo(ORDER);

            // then
            assertThat(run.agent().path()).isEqualTo(AgentPath.FALLBACK);
            assertThat(run.agent().fallbackReason()).startsWith("model failed: ");
            assertThat(world.channel.sent()).extracting(OutboundMessage::text).containsExactly(template);
            assertThat(template).startsWith("Сәлеметсіз бе!");
        }
    }

    @Test
    void should_answer_in_kazakh_when_the_customer_of_a_russian_shop_writes_kazakh() {
        // given
        model.reply(json(KAZAKH_ANSWER));

        try (SalesWorld world = world(SalesWorld.RUSSIAN, model)) {
            // when
            RunRecord run = world.customerWrites("Сәлеметсіз бе! Бальзамның арзанырақ түрі бар ма?");

            // then the reply prompts were Kazakh and carried the customer's message
            ChatRequest request = model.lastRequest();
            assertThat(system(request)).startsWith("Сен — ").doesNotContain("Ты — ");
            assertThat(user(request)).contains("Сатып алушының жаңа хабарламасы",
                    "Бальзамның арзанырақ түрі бар ма?").doesNotContain("Новое сообщение покупателя");
            assertThat(run.outcome()).as(run.reason()).isEqualTo(RunOutcome.SENT);
            assertThat(world.channel.sent()).extracting(OutboundMessage::text).containsExactly(KAZAKH_ANSWER);
        }
    }

    @Test
    void should_answer_in_russian_when_the_customer_of_a_russian_shop_writes_russian() {
        // given
        model.reply(json("Спасибо, передали ваш вопрос менеджеру, он скоро ответит."));

        try (SalesWorld world = world(SalesWorld.RUSSIAN, model)) {
            // when
            world.customerWrites("Здравствуйте! А есть бальзам подешевле?");

            // then
            ChatRequest request = model.lastRequest();
            assertThat(system(request)).startsWith("Ты — ");
            assertThat(user(request)).contains("Новое сообщение покупателя").doesNotContain("Сатып алушы");
        }
    }

    @Test
    void should_fall_back_to_the_kazakh_reply_template_when_a_kazakh_writing_customer_gets_a_russian_answer() {
        // given a model that answers in Russian whatever it is told
        model.replyAlways(json("Спасибо, что написали! Ваш вопрос уже у менеджера, он скоро ответит вам."));

        try (SalesWorld world = world(SalesWorld.RUSSIAN, model)) {
            // when
            RunRecord run = world.customerWrites("Сәлеметсіз бе! Бальзамның арзанырақ түрі бар ма?");

            // then the Kazakh template answers
            assertThat(run.agent().path()).isEqualTo(AgentPath.FALLBACK);
            assertThat(String.join(" | ", run.agent().rejections())).contains("Kazakh");
            assertThat(world.channel.sent()).singleElement().extracting(OutboundMessage::text).satisfies(text ->
                    assertThat(text).startsWith("Сәлеметсіз бе! «Электроника Алматы» дүкеніне жазғаныңызға рахмет")
                            .doesNotContain("Спасибо"));
        }
    }

    private static SalesWorld world(Locale locale, @Nullable ScriptedChatModel model) {
        return new SalesWorld(locale, SalesWorld.immediateSettings(), model, Fixtures.NOW);
    }

    private static String system(ChatRequest request) {
        return text(request.messages(), SystemMessage.class);
    }

    private static String user(ChatRequest request) {
        return text(request.messages(), UserMessage.class);
    }

    private static String text(List<ChatMessage> messages, Class<? extends ChatMessage> type) {
        ChatMessage message = messages.stream().filter(type::isInstance).findFirst().orElseThrow();
        return ScriptedChatModel.textOf(ChatRequest.builder().messages(message).build());
    }

    private static String json(String text, String... products) {
        StringBuilder skus = new StringBuilder();
        for (String sku : products) {
            skus.append(skus.length() == 0 ? "" : ", ").append('"').append(sku).append('"');
        }
        return "{\"text\": \"" + text + "\", \"offered_products\": [" + skus + "], \"promo_code\": null,"
                + " \"discount_percent\": null}";
    }
}
