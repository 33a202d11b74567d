package dev.aihq.agents.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.channel.OutboundMessage;
import dev.aihq.api.connector.CapabilitySet;
import dev.aihq.api.connector.MarketplaceConnector;
import dev.aihq.api.connector.MessagingRule;
import dev.aihq.api.connector.MessagingRules;
import dev.aihq.api.connector.SourceStatus;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.AgentPath;
import dev.aihq.api.store.RunRecord;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.ScriptedChatModel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The sales purchase pipeline with connectors: the guard applies the messaging rules of the connector whose
 * marketplace is the shop's, through the usual reject → repair → template or hold path, and names the rule.
 */
class MessagingRulesPipelineTest {

    private static final String CONDITIONER = "CD-HS-275";
    private static final String GOOD = "Спасибо за заказ! К шампуню часто берут «Бальзам-ополаскиватель Head & Shoulders"
            + " Основной уход 275 мл» — 2 990 ₸. Если интересно, ответьте на это сообщение.";
    private static final String POSING = "Здравствуйте, вас беспокоит Kaspi! " + GOOD;

    private static MarketplaceConnector connector(Marketplace marketplace) {
        return new MarketplaceConnector() {
            @Override
            public Marketplace marketplace() {
                return marketplace;
            }

            @Override
            public CapabilitySet capabilities(ShopId shopId) {
                return CapabilitySet.builder(shopId).build();
            }

            @Override
            public MessagingRules messagingRules(ShopId shopId) {
                return MessagingRules.of(MessagingRule.noImpersonation(marketplace.code() + ".no-impersonation",
                        Set.of("Kaspi", "Wildberries"), SourceStatus.CONFIRMED, List.of("test"), "do not pose"));
            }
        };
    }

    private static String json(String text) {
        return "{\"text\": \"" + text + "\", \"offered_products\": [\"" + CONDITIONER + "\"], \"promo_code\": null,"
                + " \"discount_percent\": null}";
    }

    private static ShopSettings holding(ShopSettings settings) {
        return settings.toBuilder().sales(settings.sales().toBuilder().holdRejectedForReview(true).build()).build();
    }

    @Test
    void should_hold_a_draft_posing_as_kaspi_naming_the_rule_when_the_kaspi_connector_is_registered() {
        // given a shop that holds rejected drafts, and a model that keeps posing as Kaspi
        ScriptedChatModel model = ScriptedChatModel.create().replyAlways(json(POSING));

        try (SalesWorld world = new SalesWorld(SalesWorld.RUSSIAN, holding(SalesWorld.immediateSettings()), model,
                Fixtures.NOW, List.of(connector(Marketplace.KASPI)))) {
            // when
            RunRecord run = world.buyShampoo("512345678");

            // then
            assertThat(run.outcome()).as(run.reason()).isEqualTo(RunOutcome.HELD_FOR_REVIEW);
            assertThat(run.reason()).contains("kaspi.no-impersonation");
            assertThat(run.agent().path()).isEqualTo(AgentPath.REJECTED);
            assertThat(model.callCount()).as("the draft and its repair").isEqualTo(2);
            assertThat(world.channel.sent()).isEmpty();
        }
    }

    @Test
    void should_send_the_template_instead_when_the_shop_does_not_hold_drafts() {
        // given
        ScriptedChatModel model = ScriptedChatModel.create().replyAlways(json(POSING));

        try (SalesWorld world = new SalesWorld(SalesWorld.RUSSIAN, SalesWorld.immediateSettings(), model,
                Fixtures.NOW, List.of(connector(Marketplace.KASPI)))) {
            // when
            RunRecord run = world.buyShampoo("512345678");

            // then
            assertThat(run.outcome()).as(run.reason()).isEqualTo(RunOutcome.SENT);
            assertThat(run.agent().path()).isEqualTo(AgentPath.FALLBACK);
            assertThat(String.join(" | ", run.agent().rejections())).contains("kaspi.no-impersonation");
            assertThat(world.channel.sent()).extracting(OutboundMessage::text).noneMatch(t -> t.contains("беспокоит"));
        }
    }

    @Test
    void should_apply_no_marketplace_rule_when_no_connector_serves_the_shops_marketplace() {
        // given only a Wildberries connector for a Kaspi shop
        ScriptedChatModel model = ScriptedChatModel.create().replyAlways(json(POSING));

        try (SalesWorld world = new SalesWorld(SalesWorld.RUSSIAN, SalesWorld.immediateSettings(), model,
                Fixtures.NOW, List.of(connector(Marketplace.WILDBERRIES)))) {
            // when
            RunRecord run = world.buyShampoo("512345678");

            // then the Kaspi shop gets no Wildberries rule: the draft goes as written
            assertThat(run.outcome()).as(run.reason()).isEqualTo(RunOutcome.SENT);
            assertThat(run.agent().path()).as(String.join("; ", run.agent().rejections())).isEqualTo(AgentPath.MODEL);
            assertThat(world.channel.sent()).extracting(OutboundMessage::text).containsExactly(POSING);
        }
    }

    @Test
    void should_hold_a_draft_with_a_forbidden_phrase_of_the_shop_without_any_connector() {
        // given
        ShopSettings settings = holding(SalesWorld.immediateSettings());
        settings = settings.toBuilder().sales(settings.sales().toBuilder().forbiddenPhrase("часто берут").build())
                .build();
        ScriptedChatModel model = ScriptedChatModel.create().replyAlways(json(GOOD));

        try (SalesWorld world = new SalesWorld(SalesWorld.RUSSIAN, settings, model, Fixtures.NOW)) {
            // when
            RunRecord run = world.buyShampoo("512345678");

            // then
            assertThat(run.outcome()).as(run.reason()).isEqualTo(RunOutcome.HELD_FOR_REVIEW);
            assertThat(run.reason()).contains("«часто берут»").contains("shop.forbidden-phrase");
            assertThat(world.channel.sent()).isEmpty();
        }
    }
}
