package dev.aihq.agents.inbox.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Marketplace;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.inbox.Classification;
import dev.aihq.api.inbox.ClassificationSource;
import dev.aihq.api.inbox.InboxEmotion;
import dev.aihq.api.inbox.InboxIntent;
import dev.aihq.api.inbox.InboxPriority;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

// The examples are written for these tests (the labelling guide's borderline cases and others like them), not
// taken from the labelled set.
class RuleClassifierTest {

    private final RuleClassifier classifier = RuleClassifier.standard();

    private Classification chat(String text) {
        return classifier.classify(ClassifierInput.chat(Marketplace.WILDBERRIES, text));
    }

    private Classification question(String text) {
        return classifier.classify(ClassifierInput.question(Marketplace.OZON, text));
    }

    private Classification review(int rating, String text) {
        return classifier.classify(ClassifierInput.review(Marketplace.WILDBERRIES, rating, text));
    }

    @Test
    void should_read_each_default_intent_from_its_phrases() {
        // when / then
        assertThat(chat("Где моя посылка? Трек не обновляется пятый день").intent())
                .isEqualTo(InboxIntent.DELIVERY_PROBLEM);
        assertThat(question("Какой размер взять на рост 170, обычно ношу 46?").intent()).isEqualTo(InboxIntent.SIZING);
        assertThat(question("Когда будет поступление 42 размера?").intent()).isEqualTo(InboxIntent.AVAILABILITY);
        assertThat(question("Подойдет на Лада Веста 2019?").intent()).isEqualTo(InboxIntent.COMPATIBILITY);
        assertThat(question("Из какого материала сделана подошва?").intent()).isEqualTo(InboxIntent.PRODUCT_QUESTION);
        assertThat(chat("Не подошёл цвет, как оформить возврат?").intent()).isEqualTo(InboxIntent.RETURN_REFUND);
        assertThat(chat("Чайник протекает снизу, что делать?").intent()).isEqualTo(InboxIntent.QUALITY_COMPLAINT);
        assertThat(chat("Заказывала розовый, пришёл фиолетовый").intent()).isEqualTo(InboxIntent.WRONG_ITEM);
        assertThat(chat("Разочарована. Больше ничего у вас не закажу").intent()).isEqualTo(InboxIntent.CHURN_RISK);
        assertThat(review(5, "Отличный товар, всем рекомендую!").intent()).isEqualTo(InboxIntent.PRAISE);
        assertThat(chat("Здравствуйте").intent()).isEqualTo(InboxIntent.OTHER);
    }

    @Test
    void should_follow_the_guides_borderline_rules() {
        // when / then: the deletion test leaves a concrete problem
        Classification wrong = chat("Пришла синяя вместо черной. Верните деньги и я вас больше не знаю!!!");
        assertThat(wrong.intent()).isEqualTo(InboxIntent.WRONG_ITEM);
        assertThat(wrong.emotion()).isEqualTo(InboxEmotion.ANGRY);
        assertThat(chat("Молния сломалась через день, как оформить возврат? больше не закажу").intent())
                .isEqualTo(InboxIntent.QUALITY_COMPLAINT);
        // a question outranks praise
        Classification beige = review(5, "Супер! а есть такая же но в бежевом?");
        assertThat(beige.intent()).isEqualTo(InboxIntent.AVAILABILITY);
        assertThat(beige.priority()).isEqualTo(InboxPriority.HIGH);
        // a 4-5 star review with a minor remark is praise
        assertThat(review(5, "Всё супер, только пахнет немного, выветрилось за день").intent())
                .isEqualTo(InboxIntent.PRAISE);
        // a low rating that praises the seller is the complaint
        assertThat(review(3, "Продавец вежливый, спасибо, но ткань просвечивает").intent())
                .isEqualTo(InboxIntent.QUALITY_COMPLAINT);
        // suitability for a person is a product question, not compatibility
        assertThat(question("Подойдет ли для чувствительной кожи?").intent()).isEqualTo(InboxIntent.PRODUCT_QUESTION);
    }

    @Test
    void should_rate_the_priority_by_the_guides_table() {
        // when / then
        Classification burning = chat("Зарядка греется так что не дотронуться, пахнет горелым");
        assertThat(burning.intent()).isEqualTo(InboxIntent.QUALITY_COMPLAINT);
        assertThat(burning.priority()).isEqualTo(InboxPriority.CRITICAL);
        assertThat(chat("Коробка пустая пришла. Это как вообще?").priority()).isEqualTo(InboxPriority.CRITICAL);
        Classification threat = chat("Заказ потерян!!! Если завтра не решите, пишу жалобу в Роспотребнадзор");
        assertThat(threat.emotion()).isEqualTo(InboxEmotion.ANGRY);
        assertThat(threat.priority()).isEqualTo(InboxPriority.CRITICAL);
        Classification calmFit = review(3, "Маломерит, берите на размер больше");
        assertThat(calmFit.intent()).isEqualTo(InboxIntent.SIZING);
        assertThat(calmFit.emotion()).isEqualTo(InboxEmotion.NEUTRAL);
        assertThat(calmFit.priority()).isEqualTo(InboxPriority.NORMAL);
        assertThat(question("Маломерит? Берём обычно 44, что брать?").priority()).isEqualTo(InboxPriority.HIGH);
        assertThat(review(2, "Наушники хрипят, звук ужасный").priority()).isEqualTo(InboxPriority.HIGH);
        Classification thanks = review(5, "Спасибо! Очень довольна покупкой");
        assertThat(thanks.emotion()).isEqualTo(InboxEmotion.HAPPY);
        assertThat(thanks.priority()).isEqualTo(InboxPriority.NORMAL);
    }

    @Test
    void should_normalise_case_yo_repeated_letters_and_emoji() {
        // when
        Classification shouted = chat("ГДЕ МОЯ ПОСЫЛКААААА??? ");
        Classification praise = review(5, "Ооочень довоооольна 😍😍 всё супер");

        // then
        assertThat(shouted.intent()).isEqualTo(InboxIntent.DELIVERY_PROBLEM);
        assertThat(shouted.emotion()).isEqualTo(InboxEmotion.ANGRY);
        assertThat(praise.intent()).isEqualTo(InboxIntent.PRAISE);
        assertThat(praise.emotion()).isEqualTo(InboxEmotion.HAPPY);
        assertThat(question("Подойдёт к iPhone 13?").intent()).isEqualTo(question("подойдет к iphone 13?").intent());
    }

    @Test
    void should_mark_the_source_give_the_matched_phrases_and_a_confidence_from_the_margin() {
        // when
        Classification clear = chat("Пришел не тот цвет, вместо черного прислали синий");
        Classification vague = question("а?");

        // then
        assertThat(clear.source()).isEqualTo(ClassificationSource.RULES);
        assertThat(clear.reasons()).contains("wrong_item: не тот", "wrong_item: вместо");
        assertThat(clear.confidence()).isGreaterThan(0.6);
        assertThat(vague.confidence()).isEqualTo(0.3);
        assertThat(vague.intent()).isEqualTo(InboxIntent.PRODUCT_QUESTION);
    }

    @Test
    void should_classify_a_shops_own_intent_and_extra_phrases() {
        // given
        RuleClassifier shop = RuleClassifier.builder()
                .extraIntentPhrases("shop-intents.txt", List.of(
                        "# the shop sells to businesses too",
                        "[wholesale]",
                        "оптов* = 3",
                        "для юрлиц* = 2",
                        "[praise]",
                        "годнота = 2"))
                .build();

        // when
        Classification wholesale = shop.classify(ClassifierInput.question(Marketplace.OZON,
                "Какие оптовые цены от 100 штук?"));
        Classification praise = shop.classify(ClassifierInput.review(Marketplace.OZON, 4, "годнота"));

        // then
        assertThat(wholesale.intent()).isEqualTo(InboxIntent.of("wholesale"));
        assertThat(wholesale.priority()).isEqualTo(InboxPriority.HIGH);
        assertThat(wholesale.reasons()).contains("wholesale: оптов*");
        assertThat(praise.intent()).isEqualTo(InboxIntent.PRAISE);
        assertThat(shop.precedence()).contains(InboxIntent.of("wholesale"))
                .containsAll(InboxIntent.DEFAULTS);
        assertThat(shop.precedence().indexOf(InboxIntent.of("wholesale")))
                .isLessThan(shop.precedence().indexOf(InboxIntent.PRODUCT_QUESTION));
    }

    @Test
    void should_replace_the_shipped_intents_and_check_the_precedence() {
        // given
        RuleClassifier tiny = RuleClassifier.builder()
                .intentPhrases("tiny.txt", List.of("[delivery_problem]", "где ... посылк* = 3"))
                .build();

        // when / then
        assertThat(tiny.classify(ClassifierInput.chat(Marketplace.OZON, "Где посылка?")).intent())
                .isEqualTo(InboxIntent.DELIVERY_PROBLEM);
        assertThat(tiny.classify(ClassifierInput.chat(Marketplace.OZON, "Маломерит")).intent())
                .isEqualTo(InboxIntent.OTHER);
        assertThatThrownBy(() -> RuleClassifier.builder().precedence(List.of(InboxIntent.OTHER)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("precedence must name each of");
    }

    @Test
    void should_fail_at_build_naming_the_list_and_line_of_a_malformed_phrase() {
        // when / then
        assertThatThrownBy(() -> RuleClassifier.builder()
                .extraIntentPhrases("shop-intents.txt", List.of("[wholesale]", "опт*овый"))
                .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shop-intents.txt line 2");
        assertThatThrownBy(() -> RuleClassifier.builder()
                .extraIntentPhrases("shop-intents.txt", List.of("[wholesale]", "оптов* = много"))
                .build())
                .hasMessageContaining("shop-intents.txt line 2: a weight must be written");
        assertThatThrownBy(() -> RuleClassifier.builder()
                .extraIntentPhrases("shop-intents.txt", List.of("[Wholesale Deals]", "оптов*"))
                .build())
                .hasMessageContaining("shop-intents.txt: section [Wholesale Deals] is not an intent name");
        assertThatThrownBy(() -> RuleClassifier.builder()
                .extraEmotionPhrases("shop-emotions.txt", List.of("[sad]", "грустно"))
                .build())
                .hasMessageContaining("shop-emotions.txt: section [sad] must be one of [angry, frustrated, happy]");
        assertThatThrownBy(() -> RuleClassifier.builder()
                .emotionPhrases("emotions.txt", List.of("грустно"))
                .build())
                .hasMessageContaining("emotions.txt line 1: the phrase 'грустно' comes before any [section]");
    }

    @Test
    void should_validate_the_input_naming_the_field() {
        // when / then
        assertThatThrownBy(() -> new ClassifierInput(null, InboxItemKind.REVIEW, "x", 5))
                .isInstanceOf(NullPointerException.class).hasMessage("marketplace");
        assertThatThrownBy(() -> new ClassifierInput(Marketplace.OZON, null, "x", null))
                .isInstanceOf(NullPointerException.class).hasMessage("kind");
        assertThatThrownBy(() -> new ClassifierInput(Marketplace.OZON, InboxItemKind.CHAT_MESSAGE, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("text");
        assertThatThrownBy(() -> ClassifierInput.review(Marketplace.OZON, 6, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("rating must be 1 to 5; got 6");
        assertThatThrownBy(() -> new ClassifierInput(Marketplace.OZON, InboxItemKind.QUESTION, "x", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating is only for reviews; got 3 on a question");
        assertThatThrownBy(() -> ClassifierInput.chat(Marketplace.OZON, "я".repeat(ClassifierInput.MAX_TEXT_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("text must be at most");
        assertThat(ClassifierInput.chat(Marketplace.OZON, "секрет").toString()).doesNotContain("секрет");
    }

    @Test
    void should_classify_a_review_with_a_rating_only() {
        // when
        Classification five = classifier.classify(new ClassifierInput(Marketplace.WILDBERRIES, InboxItemKind.REVIEW,
                "", 5));
        Classification one = classifier.classify(new ClassifierInput(Marketplace.WILDBERRIES, InboxItemKind.REVIEW,
                " ", 1));

        // then
        assertThat(five.intent()).isEqualTo(InboxIntent.PRAISE);
        assertThat(five.priority()).isEqualTo(InboxPriority.NORMAL);
        assertThat(one.priority()).isEqualTo(InboxPriority.HIGH);
    }

    @Test
    void should_give_the_same_answers_from_many_threads() throws Exception {
        // given
        List<String> texts = List.of("Где моя посылка?", "Маломерит, берите больше", "Пришел не тот цвет",
                "Спасибо, всё супер", "Подойдет на Kia Rio?");
        List<Classification> expected = texts.stream().map(this::chat).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            // when
            List<Future<List<Classification>>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> texts.stream().map(this::chat).toList()));
            }

            // then
            for (Future<List<Classification>> run : runs) {
                assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
