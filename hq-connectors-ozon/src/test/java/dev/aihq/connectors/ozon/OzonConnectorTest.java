package dev.aihq.connectors.ozon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.connector.CapabilitySet;
import dev.aihq.api.connector.MessagingRule;
import dev.aihq.api.connector.MessagingRuleKind;
import dev.aihq.api.connector.SourceStatus;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.web.WebhookRoute;
import dev.aihq.connectors.ozon.push.OzonPushRoute;
import dev.aihq.connectors.ozon.push.OzonPushSecrets;
import dev.aihq.testkit.RecordingEventSink;
import dev.aihq.testkit.SettableClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OzonConnectorTest {

    private static final List<Capability> PREMIUM = List.of(Capability.REVIEWS_READ, Capability.REVIEW_REPLY,
            Capability.QUESTIONS, Capability.CHATS, Capability.CHAT_ORDER_LINK, Capability.PROACTIVE_MESSAGE);

    private static OzonConnector connector(OzonSubscription subscription) {
        SettableClock clock = SettableClock.at(OzonFixtures.NOW);
        return OzonConnector.of(OzonFixtures.client("http://localhost:9", subscription, clock,
                new RecordingSleeper(clock)));
    }

    @Test
    void should_refuse_reviews_questions_and_chats_naming_premium_plus_when_the_shop_has_no_subscription() {
        CapabilitySet set = connector(OzonSubscription.STANDARD).capabilities(OzonFixtures.SHOP);

        assertThat(set.supports(Capability.ORDERS)).isTrue();
        assertThat(set.supports(Capability.FINANCE_DATA)).isTrue();
        for (Capability capability : PREMIUM) {
            assertThat(set.supports(capability)).as(capability.name()).isFalse();
            assertThat(set.refusal(capability)).get().asString().contains("Premium Plus");
        }
        Throwable thrown = catchThrowable(() -> connector(OzonSubscription.STANDARD)
                .require(OzonFixtures.SHOP, Capability.CHATS));
        assertThat(thrown).isInstanceOf(CapabilityNotSupportedException.class).hasMessageContaining("Premium Plus");
    }

    @Test
    void should_support_them_with_the_windows_of_the_reference_when_the_shop_has_premium_plus() {
        CapabilitySet set = connector(OzonSubscription.PREMIUM_PLUS).capabilities(OzonFixtures.SHOP);

        assertThat(PREMIUM).allSatisfy(c -> assertThat(set.supports(c)).as(c.name()).isTrue());
        assertThat(set.supported().get(Capability.PROACTIVE_MESSAGE)).contains("72 h").contains("FBS/rFBS")
                .contains("FBO");
        assertThat(set.supported().get(Capability.CHATS)).contains("48 h").contains("1000");
    }

    @Test
    void should_refuse_contact_history_and_push_with_reasons_for_every_shop() {
        for (OzonSubscription subscription : OzonSubscription.values()) {
            CapabilitySet set = connector(subscription).capabilities(OzonFixtures.SHOP);

            assertThat(set.refusal(Capability.CUSTOMER_CONTACT)).get().asString().contains("rFBS")
                    .contains("delivering").contains("never a marketing contact");
            assertThat(set.refusal(Capability.PURCHASE_HISTORY)).isPresent();
            assertThat(set.refusal(Capability.PUSH_EVENTS)).isPresent();
        }
    }

    @Test
    void should_support_push_and_offer_its_per_shop_route_only_for_a_shop_with_a_push_secret() {
        SettableClock clock = SettableClock.at(OzonFixtures.NOW);
        OzonClient client = OzonFixtures.client("http://localhost:9", OzonSubscription.STANDARD, clock,
                new RecordingSleeper(clock));
        OzonPushRoute withShop = OzonPushRoute.builder()
                .secrets(OzonPushSecrets.of(Map.of(OzonFixtures.SHOP, "k7Qz-2vR9_xLmP4sTw8Yb3Nc")))
                .sink(new RecordingEventSink()).build();
        OzonPushRoute otherShopOnly = OzonPushRoute.builder()
                .secrets(OzonPushSecrets.of(Map.of(ShopId.of("ozon_other"), "Zx8-Qw2_Er5tYu7iOp0aSd")))
                .sink(new RecordingEventSink()).build();

        OzonConnector pushed = OzonConnector.builder(client).push(withShop).build();
        OzonConnector notForShop = OzonConnector.builder(client).push(otherShopOnly).build();
        OzonConnector without = OzonConnector.of(client);

        assertThat(pushed.capabilities(OzonFixtures.SHOP).supported().get(Capability.PUSH_EVENTS))
                .contains("secret path").contains("poll");
        assertThat(pushed.webhookRoutes()).extracting(WebhookRoute::path)
                .containsExactly("/ozon/push/k7Qz-2vR9_xLmP4sTw8Yb3Nc");
        assertThat(pushed.push()).containsSame(withShop);
        assertThat(notForShop.capabilities(OzonFixtures.SHOP).refusal(Capability.PUSH_EVENTS)).get().asString()
                .contains("no secret for this shop");
        assertThat(without.capabilities(OzonFixtures.SHOP).refusal(Capability.PUSH_EVENTS)).get().asString()
                .contains("without a push route");
        assertThat(without.webhookRoutes()).isEmpty();
        assertThat(pushed.toString()).doesNotContain("k7Qz");
    }

    @Test
    void should_refuse_everything_when_the_shop_has_no_credentials() {
        OzonConnector connector = connector(OzonSubscription.PREMIUM_PLUS);
        ShopId other = ShopId.of("ozon_other");

        CapabilitySet set = connector.capabilities(other);

        assertThat(set.supported()).isEmpty();
        assertThat(set.refused()).hasSize(Capability.values().length);
        assertThat(connector.marketplace()).isEqualTo(Marketplace.OZON);
    }

    @Test
    void should_declare_the_policy_rules_as_confirmed_and_the_defaults_as_unconfirmed() {
        List<MessagingRule> rules = connector(OzonSubscription.STANDARD).messagingRules(OzonFixtures.SHOP).rules();

        assertThat(rules).extracting(MessagingRule::id).containsExactlyInAnyOrder(OzonConnector.NO_IMPERSONATION,
                OzonConnector.NO_REVIEW_INCENTIVE, OzonConnector.NO_CANCELLATION_REQUEST,
                OzonConnector.NO_PERSONAL_DATA, OzonConnector.NO_DISPARAGEMENT, OzonConnector.NO_RUDENESS);
        assertThat(rules).filteredOn(r -> r.status() == SourceStatus.CONFIRMED).extracting(MessagingRule::kind)
                .containsExactlyInAnyOrder(MessagingRuleKind.NO_CANCELLATION_REQUEST,
                        MessagingRuleKind.NO_PERSONAL_DATA_REQUEST, MessagingRuleKind.NO_DISPARAGEMENT,
                        MessagingRuleKind.NO_RUDENESS);
        assertThat(rules).filteredOn(r -> r.kind() == MessagingRuleKind.NO_DISPARAGEMENT).singleElement()
                .satisfies(r -> assertThat(r.protectedNames()).containsExactlyInAnyOrder("Ozon", "Озон"));
        assertThat(rules).allSatisfy(r -> assertThat(r.sources()).anySatisfy(s -> assertThat(s).contains("§3.10")));
    }
}
