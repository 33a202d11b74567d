package dev.aihq.agents.inbox.draft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.MessagingRules;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.inbox.InboxIntent;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.SalesSettings;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.ShopPromise;
import dev.aihq.api.shop.TaxMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The inbox's reply guard: the marketplaces' rules for every marketplace, promises, channel limits; templates pass. */
class ReplyCheckTest {

    private static final ReplyCheck CHECK = ReplyCheck.standard();
    private static final ReplyTemplates TEMPLATES = ReplyTemplates.standard();

    static Shop shop(Marketplace marketplace) {
        return Shop.builder(ShopId.of(marketplace.code() + "_shop"), marketplace).name("Магазин")
                .locale(Locale.forLanguageTag("ru-RU")).legalForm(LegalForm.OOO).taxMode(TaxMode.RU_USN_INCOME).build();
    }

    private static List<String> problems(Marketplace marketplace, InboxItemKind kind, String text) {
        return CHECK.problems(text, new ReplyCheck.Request(shop(marketplace), ReplyChannel.of(marketplace, kind),
                MessagingRules.none(), "Где мой заказ?", null, List.of()));
    }

    @Test
    void should_pass_every_template_on_both_marketplaces_with_and_without_an_order() {
        List<String> cases = new ArrayList<>(List.of(ReplyTemplates.NEGATIVE, ReplyTemplates.ASK_ORDER));
        InboxIntent.DEFAULTS.forEach(i -> cases.add(i.name()));
        for (Marketplace marketplace : List.of(Marketplace.WILDBERRIES, Marketplace.OZON)) {
            for (InboxItemKind kind : InboxItemKind.values()) {
                for (String name : cases) {
                    for (String order : new String[] {null, "23713478-0018-3"}) {
                        String text = TEMPLATES.write(kind, name, marketplace, "Кроссовки", order);
                        assertThat(problems(marketplace, kind, text)).as(kind + "/" + name + ": " + text).isEmpty();
                        assertThat(text).doesNotContain("{");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Отмените заказ, мы пришлём новый.",
        "Напишите ваш номер телефона, перезвоним.",
        "Вайлдберриз опять всё потерял, как всегда.",
        "Сами виноваты, надо было смотреть размер.",
        "Пишите нам в телеграм, там быстрее.",
        "Вернём деньги сразу, без возврата товара."
    })
    void should_refuse_what_no_marketplace_allows_even_without_the_connectors_rules(String text) {
        assertThat(problems(Marketplace.WILDBERRIES, InboxItemKind.CHAT_MESSAGE, text)).isNotEmpty();
    }

    @Test
    void should_allow_a_refund_promise_only_to_a_shop_that_makes_it() {
        String text = "Нам жаль! Вернём деньги за товар, как только он придёт на склад.";
        Shop generous = shop(Marketplace.OZON).toBuilder().settings(shop(Marketplace.OZON).settings().toBuilder()
                .sales(SalesSettings.builder().promise(ShopPromise.REFUND).build()).build()).build();

        List<String> refused = problems(Marketplace.OZON, InboxItemKind.CHAT_MESSAGE, text);
        List<String> allowed = CHECK.problems(text, new ReplyCheck.Request(generous,
                ReplyChannel.of(Marketplace.OZON, InboxItemKind.CHAT_MESSAGE), MessagingRules.none(), null, null,
                List.of()));

        assertThat(refused).anySatisfy(p -> assertThat(p).contains("a refund, compensation or replacement"));
        assertThat(allowed).isEmpty();
    }

    @Test
    void should_hold_replies_to_the_channels_length() {
        String chat = "Спасибо! ".repeat(120);

        assertThat(problems(Marketplace.OZON, InboxItemKind.CHAT_MESSAGE, chat))
                .anySatisfy(p -> assertThat(p).contains("the channel allows 1000"));
        assertThat(problems(Marketplace.WILDBERRIES, InboxItemKind.REVIEW, chat)).isEmpty();
        assertThat(problems(Marketplace.OZON, InboxItemKind.QUESTION, "Д"))
                .anySatisfy(p -> assertThat(p).contains("2-3000"));
        assertThat(ReplyChannel.of(Marketplace.OZON, InboxItemKind.REVIEW).source()).contains("no limit");
    }
}
