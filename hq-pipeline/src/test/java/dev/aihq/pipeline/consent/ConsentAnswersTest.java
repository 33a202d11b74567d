package dev.aihq.pipeline.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.CustomerReplyEvent;
import java.time.Instant;
import java.util.Optional;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConsentAnswersTest {

    private static final ShopId SHOP = ShopId.of("kaspi_123");
    private static final PhoneNumber CUSTOMER = PhoneNumber.parse("+77011234567");
    private static final Instant AT = Instant.parse("2026-03-02T07:00:00Z");

    private final ConsentAnswers answers = ConsentAnswers.defaults();

    private static CustomerReplyEvent typed(String text) {
        return reply(text, null);
    }

    private static CustomerReplyEvent reply(String text, @Nullable String buttonId) {
        return new CustomerReplyEvent(SHOP, "whatsapp", CUSTOMER, null, text, buttonId, "wamid.1", AT,
                CustomerReplyEvent.keyFor("whatsapp", "wamid.1"));
    }

    @ParameterizedTest
    @CsvSource({
        "consent:yes, 'Иә / Да', YES, true",
        "consent:yes, 'Иә / Да', YES, false",
        "consent:no, 'Жоқ / Нет', NO, true",
        "consent:no, 'Жоқ / Нет', NO, false",
        "consent:stop, 'Не писать / Тоқтату', STOP, true",
        "consent:stop, 'Не писать / Тоқтату', STOP, false"
    })
    void reads_each_button_by_its_id_whether_or_not_the_question_is_pending(String buttonId, String title,
            ConsentAnswer expected, boolean pending) {
        assertThat(answers.read(reply(title, buttonId), pending)).contains(expected);
    }

    @Test
    void reads_the_button_id_and_not_the_title_that_came_with_it() {
        // the title is untrusted text: a yes button whose title says "нет" is still yes
        assertThat(answers.read(reply("нет", "consent:yes"), false)).contains(ConsentAnswer.YES);
        assertThat(answers.read(reply("да", "consent:no"), true)).contains(ConsentAnswer.NO);
    }

    @Test
    void reads_the_text_of_an_unknown_button_like_typed_text() {
        assertThat(answers.read(reply("Да", "offer:buy"), false)).isEmpty();
        assertThat(answers.read(reply("Да", "offer:buy"), true)).contains(ConsentAnswer.YES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"СТОП", "стоп!", "Отписаться", "Не пишите мне больше", "ТОҚТАТУ", "тоқтат",
        "Маған жазбаңыз", "Хабарлама жібермеңіз"})
    void reads_an_opt_out_in_russian_or_kazakh_at_any_time(String text) {
        assertThat(answers.read(typed(text), true)).as(text + " while pending").contains(ConsentAnswer.STOP);
        assertThat(answers.read(typed(text), false)).as(text + " at another time").contains(ConsentAnswer.STOP);
    }

    @ParameterizedTest
    @CsvSource({
        "да, YES",
        "'Да, покажите', YES",
        "иә, YES",
        "Иә рахмет, YES",
        "ДА, YES",
        "нет, NO",
        "жоқ, NO",
        "не надо, NO",
        "'Нет, спасибо', NO"
    })
    void reads_a_typed_yes_or_no_while_the_question_is_pending(String text, ConsentAnswer expected) {
        assertThat(answers.read(typed(text), true)).as(text).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"да", "Да, покажите", "иә", "нет", "жоқ", "не надо"})
    void ignores_a_typed_yes_or_no_when_no_question_is_pending(String text) {
        assertThat(answers.read(typed(text), false)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Да, а сколько стоит доставка в Алматы?", "да я уже купил чехол вчера",
        "Иә, бірақ бағасы қымбат емес пе", "нет у вас такого же но синего цвета"})
    void ignores_a_longer_sentence_that_starts_with_yes_or_no(String text) {
        assertThat(answers.read(typed(text), true)).as(text).isEmpty();
    }

    @Test
    void reads_no_when_the_customer_does_not_want_it() {
        // "хочу" alone is yes; "не хочу" must not be read as yes
        assertThat(answers.read(typed("не хочу"), true)).contains(ConsentAnswer.NO);
        assertThat(answers.read(typed("Не хочу, спасибо"), true)).contains(ConsentAnswer.NO);
        assertThat(answers.read(typed("хочу"), true)).contains(ConsentAnswer.YES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Да не надо", "да нет", "Иә, жоқ", "да, не хочу"})
    void does_not_read_a_yes_that_carries_a_no_as_consent(String text) {
        // colloquial refusals that start with "да": never consent to offers
        assertThat(answers.read(typed(text), true)).as(text).isNotEqualTo(Optional.of(ConsentAnswer.YES));
    }

    @ParameterizedTest
    @CsvSource({
        "'Да!!! 👍', YES",
        "'👍 иә 🙏', YES",
        "'...да...', YES",
        "'Нет.', NO",
        "'❌ жоқ!', NO",
        "'«не надо»', NO"
    })
    void ignores_emoji_and_punctuation(String text, ConsentAnswer expected) {
        assertThat(answers.read(typed(text), true)).as(text).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Спасибо!", "👍", "Когда доставка?", "Рахмет, алдым"})
    void reads_nothing_in_an_ordinary_reply(String text) {
        assertThat(answers.read(typed(text), true)).as(text).isEmpty();
    }

    @Test
    void reads_the_words_of_a_question_of_its_own() {
        ConsentQuestion shipped = ConsentQuestion.defaults();
        ConsentQuestion own = new ConsentQuestion("Прислать скидки?", shipped.yes(), shipped.no(), shipped.stop(),
                java.util.Set.of("Ладно"), java.util.Set.of("Отстаньте"));
        ConsentAnswers custom = new ConsentAnswers(own, OptOutPhrases.defaults());

        assertThat(custom.read(typed("ладно!"), true)).contains(ConsentAnswer.YES);
        assertThat(custom.read(typed("отстаньте"), true)).contains(ConsentAnswer.NO);
        assertThat(custom.read(typed("да"), true)).isEqualTo(Optional.empty());
    }
}
