package dev.aihq.agents.sales.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.connector.MessagingRule;
import dev.aihq.api.connector.MessagingRuleKind;
import dev.aihq.api.connector.MessagingRules;
import dev.aihq.api.connector.SourceStatus;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The communication-policy kinds of {@link OfferCheck} (Ozon's policy, reference §3.10): asking to cancel, asking for
 * personal data, disparaging the marketplace, competitors or other sellers, rudeness. Each is refused naming the
 * rule; the nearby wording a seller needs (the order number, how the marketplace's cancellation works, naming
 * Ozon, a product's own «паспорт изделия») passes.
 */
class PolicyRulesCheckTest {

    private static final OfferCheck CHECK = OfferCheck.standard();
    private static final List<String> SOURCE = List.of("https://docs.ozon.ru/global/en/policies/communication/");
    /** The rules as the Ozon connector declares them (that module is not a dependency of this one). */
    private static final MessagingRules OZON = MessagingRules.of(
            MessagingRule.forbidding("ozon.no-cancellation-request", MessagingRuleKind.NO_CANCELLATION_REQUEST,
                    SourceStatus.CONFIRMED, SOURCE, "never ask a buyer to cancel"),
            MessagingRule.forbidding("ozon.no-personal-data", MessagingRuleKind.NO_PERSONAL_DATA_REQUEST,
                    SourceStatus.CONFIRMED, SOURCE, "never collect personal data"),
            MessagingRule.noDisparagement("ozon.no-disparagement", Set.of("Ozon", "Озон"), SourceStatus.CONFIRMED,
                    SOURCE, "no negative statements about Ozon, competitors or other sellers"),
            MessagingRule.forbidding("ozon.no-rudeness", MessagingRuleKind.NO_RUDENESS, SourceStatus.CONFIRMED,
                    SOURCE, "no rudeness or profanity"));

    private static List<String> problems(String text) {
        GuardContext context = GuardContext.builder(GuardFixtures.shop(Locale.forLanguageTag("ru"), Set.of()))
                .candidates(GuardFixtures.candidates()).catalog(GuardFixtures.catalog()).messagingRules(OZON).build();
        return CHECK.problems(text, List.of(), null, null, context);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Пожалуйста, отмените заказ, мы отправим новый быстрее.",
        "Просим вас отменить этот заказ в личном кабинете.",
        "Откажитесь, пожалуйста, от заказа при получении в пункте выдачи.",
        "Лучше не забирайте заказ, он придёт повторно.",
        "Не могли бы вы отменить его? Товара нет на складе."
    })
    void should_refuse_asking_the_buyer_to_cancel(String text) {
        assertThat(problems(text)).anySatisfy(p -> assertThat(p)
                .startsWith("the text asks the buyer to cancel or refuse the order")
                .contains("rule ozon.no-cancellation-request"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Напишите, пожалуйста, ваш номер телефона, мы перезвоним.",
        "Оставьте вашу почту — пришлём инструкцию.",
        "Пришлите фото паспорта для оформления возврата.",
        "Сообщите ваш домашний адрес и фамилию, отправим замену.",
        "Укажите номер карты, и мы вернём деньги.",
        "Подскажите ваш WhatsApp, так будет удобнее."
    })
    void should_refuse_asking_for_personal_data(String text) {
        assertThat(problems(text)).anySatisfy(p -> assertThat(p)
                .startsWith("the text asks for the buyer's personal data")
                .contains("rule ozon.no-personal-data"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Задержка случилась по вине Ozon, мы тут ни при чём.",
        "Озон опять потерял посылку, как всегда.",
        "У конкурентов сплошные подделки, берите только у нас.",
        "Другие продавцы обманывают с размерами, а мы нет."
    })
    void should_refuse_disparaging_the_marketplace_competitors_or_other_sellers(String text) {
        assertThat(problems(text)).anySatisfy(p -> assertThat(p)
                .startsWith("the text speaks ill of the marketplace, a competitor or another seller")
                .contains("rule ozon.no-disparagement"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Сами виноваты, надо было смотреть таблицу размеров.",
        "Вы читать не умеете? В описании всё написано.",
        "Не нравится — не покупайте.",
        "Это ваши проблемы, а не наши."
    })
    void should_refuse_rudeness(String text) {
        assertThat(problems(text)).anySatisfy(p -> assertThat(p).startsWith("the text is rude or offensive")
                .contains("rule ozon.no-rudeness"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Подскажите, пожалуйста, номер заказа — проверим, где посылка.",
        "Отменить заказ можно в личном кабинете Ozon, пока он не передан в доставку.",
        "Спасибо за заказ на Ozon! Доставка Озон привезёт его в выбранный пункт выдачи.",
        "Паспорт изделия лежит в коробке вместе с инструкцией.",
        "Курьер привезёт заказ по вашему адресу в выбранный день.",
        "Нам очень жаль, что размер не подошёл: оформите возврат в личном кабинете, мы примем товар."
    })
    void should_pass_what_a_seller_may_say(String text) {
        assertThat(problems(text)).isEmpty();
    }
}
