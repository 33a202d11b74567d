package dev.aihq.agents.sales.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.connector.MessagingRule;
import dev.aihq.api.connector.MessagingRules;
import dev.aihq.api.connector.SourceStatus;
import dev.aihq.api.shop.SalesSettings;
import dev.aihq.api.shop.Shop;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The marketplace messaging rules and the shop's forbidden phrases in {@link OfferCheck}: posing as the
 * marketplace, a reward for a positive review, and the shop's own phrases are refused naming the rule; naming
 * the marketplace, a plain review request and words that merely contain a phrase pass.
 */
class MarketplaceRulesCheckTest {

    private static final OfferCheck CHECK = OfferCheck.standard();
    private static final String IMPERSONATION = "kaspi.no-impersonation";
    private static final String INCENTIVE = "kaspi.no-review-incentive";
    /** The rules as the Kaspi connector declares them (that module is not a dependency of this one). */
    private static final MessagingRules KASPI = MessagingRules.of(
            MessagingRule.noImpersonation(IMPERSONATION, Set.of("Kaspi", "Каспи"), SourceStatus.CONFIRMED,
                    List.of("https://business.whatsapp.com/policy"), "never present the seller as Kaspi"),
            MessagingRule.noReviewIncentive(INCENTIVE, SourceStatus.UNCONFIRMED, List.of("reference"),
                    "no reward for a positive review"));

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final Locale KK = Locale.forLanguageTag("kk");

    private static List<String> problems(String text, Locale locale, MessagingRules rules) {
        GuardContext context = GuardContext.builder(GuardFixtures.shop(locale, Set.of()))
                .candidates(GuardFixtures.candidates()).catalog(GuardFixtures.catalog()).messagingRules(rules).build();
        return CHECK.problems(text, List.of(), null, null, context);
    }

    private static List<String> problems(String text, Locale locale) {
        return problems(text, locale, KASPI);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Здравствуйте! Вас беспокоит Kaspi по поводу вашего заказа, спасибо за покупку.",
        "Здравствуйте, это служба поддержки KASPI: ваш заказ уже в пути, спасибо за покупку.",
        "Kaspi магазин благодарит вас за покупку и желает хорошего дня!",
        "Здравствуйте, мы — Kaspi. Спасибо, что сделали заказ у нас сегодня.",
        "Вас беспокоит Каспи: спасибо за заказ, надеемся, покупка вам понравится.",
        "Добрый день! Пишем вам из kaspi.kz по поводу вашего заказа, всё ли в порядке?",
        "Спасибо за заказ! С уважением, команда Kaspi и все наши сотрудники."
    })
    void should_refuse_a_russian_message_that_speaks_as_kaspi(String text) {
        // when / then
        assertThat(problems(text, RU)).anySatisfy(p -> assertThat(p)
                .startsWith("the text presents the seller as the marketplace")
                .contains("rule " + IMPERSONATION));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Сәлеметсіз бе! Kaspi-ден жазып отырмыз, тапсырысыңыз үшін рахмет.",
        "Сәлеметсіз бе! Біз — KASPI, тапсырысыңыз үшін рахмет айтамыз.",
        "Kaspi қолдау қызметі: тапсырысыңыз жолда, сатып алғаныңыз үшін рахмет.",
        "Сәлеметсіз бе! Каспиден хабарласып отырмыз, тапсырысыңыз дайын."
    })
    void should_refuse_a_kazakh_message_that_speaks_as_kaspi(String text) {
        // when / then
        assertThat(problems(text, KK)).anySatisfy(p -> assertThat(p).contains("rule " + IMPERSONATION));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Спасибо за ваш заказ на Kaspi! Надеемся, покупка вам понравится.",
        "Оставьте, пожалуйста, отзыв на Kaspi о покупке — нам это очень поможет.",
        // Two sentences: the shop thanks the customer; Kaspi is only where the order is.
        "Спасибо за заказ на Kaspi. Магазин благодарит вас за покупку!",
        "Мы на Каспи давно и будем рады вашему следующему заказу у нас."
    })
    void should_pass_a_russian_message_that_names_kaspi_without_posing_as_it(String text) {
        // when / then
        assertThat(problems(text, RU)).isEmpty();
    }

    @Test
    void should_pass_a_kazakh_message_that_names_kaspi_without_posing_as_it() {
        // when / then
        assertThat(problems("Kaspi-дегі тапсырысыңыз үшін рахмет! Kaspi-де пікір қалдырсаңыз, қуанамыз.", KK))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Поставьте 5 звёзд и получите скидку 5 % на следующий заказ!",
        "За положительный отзыв дарим бонус на следующую покупку.",
        "За отзыв 5★ — промокод SPRING10 на следующую покупку.",
        "ЗА ПЯТЬ ЗВЁЗД В ОТЗЫВЕ — ПОДАРОК К СЛЕДУЮЩЕМУ ЗАКАЗУ!"
    })
    void should_refuse_a_russian_reward_for_a_positive_review(String text) {
        // when / then
        assertThat(problems(text, RU)).anySatisfy(p -> assertThat(p).startsWith("the text offers a reward")
                .contains("for a positive review").contains("rule " + INCENTIVE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "5 жұлдыз қойсаңыз, келесі тапсырысқа жеңілдік береміз.",
        "Жақсы пікір қалдырсаңыз, сізге сыйлық жібереміз."
    })
    void should_refuse_a_kazakh_reward_for_a_positive_review(String text) {
        // when / then
        assertThat(problems(text, KK)).anySatisfy(p -> assertThat(p).contains("rule " + INCENTIVE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Будем благодарны за честный отзыв о покупке на Kaspi.",
        // The shop's review discount is the same for any review: not a reward for a good one.
        "Оставьте отзыв о покупке и получите скидку 5 % на следующий заказ.",
        "К защитному стеклу подойдёт чехол, по промокоду SPRING10 скидка 10 %."
    })
    void should_pass_a_plain_review_request_and_an_offer_unrelated_to_the_review(String text) {
        // when / then
        assertThat(problems(text, RU)).isEmpty();
    }

    @Test
    void should_apply_no_marketplace_rule_when_the_context_has_none() {
        // when
        List<String> problems = problems("Здравствуйте! Вас беспокоит Kaspi по поводу вашего заказа.", RU,
                MessagingRules.none());

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void should_enforce_an_unconfirmed_rule_like_a_confirmed_one() {
        // given only the unconfirmed rule
        MessagingRules unconfirmed = MessagingRules.of(KASPI.find(INCENTIVE).orElseThrow());

        // when / then
        assertThat(problems("За положительный отзыв дарим бонус на следующую покупку.", RU, unconfirmed))
                .anySatisfy(p -> assertThat(p).contains("rule " + INCENTIVE));
    }

    private static Shop shopForbidding(String... phrases) {
        SalesSettings.Builder sales = SalesSettings.builder();
        for (String phrase : phrases) {
            sales.forbiddenPhrase(phrase);
        }
        return GuardFixtures.shop(RU, Set.of()).toBuilder()
                .settings(GuardFixtures.shop(RU, Set.of()).settings().toBuilder().sales(sales.build()).build())
                .build();
    }

    private static List<String> forbidden(Shop shop, String text) {
        GuardContext context = GuardContext.builder(shop).candidates(GuardFixtures.candidates())
                .catalog(GuardFixtures.catalog()).build();
        return CHECK.problems(text, List.of(), null, null, context);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Это не дешевка, а надёжное защитное стекло для вашего телефона.",
        "ЭТО НЕ ДЕШЁВКА, А НАДЁЖНОЕ ЗАЩИТНОЕ СТЕКЛО ДЛЯ ВАШЕГО ТЕЛЕФОНА.",
        "Это не Дёшевка, а надёжное защитное стекло для вашего телефона."
    })
    void should_refuse_a_forbidden_phrase_of_the_shop_ignoring_case_and_yo(String text) {
        // given
        Shop shop = shopForbidding("дешёвка");

        // when / then
        // the phrase as the shop wrote it, then the words found (normalised: lower case, ё as е)
        assertThat(forbidden(shop, text)).containsExactly("the text contains the shop's forbidden phrase «дешёвка»"
                + " («дешевка»), rule " + OfferCheck.FORBIDDEN_PHRASE_RULE);
    }

    @Test
    void should_refuse_a_latin_and_a_multi_word_forbidden_phrase_written_with_other_case_and_punctuation() {
        // given
        Shop shop = shopForbidding("Magnum Store", "китайская подделка");

        // when
        List<String> problems = forbidden(shop, "Стекло лучше, чем в MAGNUM store: это не китайская, подделка"
                + " исключена, только оригинал.");

        // then
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("«Magnum Store»").contains("rule "
                + OfferCheck.FORBIDDEN_PHRASE_RULE))
                .anySatisfy(p -> assertThat(p).contains("«китайская подделка»"));
    }

    @Test
    void should_pass_a_word_that_only_contains_a_forbidden_phrase() {
        // given
        Shop shop = shopForbidding("тест", "glass");

        // when / then
        assertThat(forbidden(shop, "Стекло протестировано и прошло тестирование: тестовый образец Glassware был"
                + " надёжным.")).isEmpty();
    }

    @Test
    void should_refuse_a_phrase_the_caller_adds_to_the_shops() {
        // given
        GuardContext context = GuardContext.builder(shopForbidding("дешёвка")).forbiddenPhrase("распродажа склада")
                .build();

        // when
        List<String> problems = CHECK.problems("Спасибо за заказ! У нас распродажа склада до конца недели.",
                List.of(), null, null, context);

        // then
        assertThat(context.forbiddenPhrases()).containsExactlyInAnyOrder("дешёвка", "распродажа склада");
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("«распродажа склада»"));
    }
}
