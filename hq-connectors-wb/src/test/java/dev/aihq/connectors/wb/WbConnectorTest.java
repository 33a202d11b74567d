package dev.aihq.connectors.wb;

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
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the connector declares: capabilities per shop, WB's messaging rules, refusals without a token. */
class WbConnectorTest {

    private final WbConnector connector = WbConnector.of(WbClient.create(WbConfig.defaults(),
            WbCredentialsProvider.of(WbFixtures.SHOP, WbFixtures.TOKEN)));

    @Test
    void should_declare_reply_only_chats_and_no_contact_or_first_message_when_the_shop_has_a_token() {
        // when
        CapabilitySet set = connector.capabilities(WbFixtures.SHOP);

        // then
        assertThat(connector.marketplace()).isEqualTo(Marketplace.WILDBERRIES);
        assertThat(set.supported()).containsOnlyKeys(Capability.ORDERS, Capability.REVIEWS_READ,
                Capability.REVIEW_REPLY, Capability.QUESTIONS, Capability.CHATS, Capability.CHAT_ORDER_LINK,
                Capability.FINANCE_DATA);
        assertThat(set.supported().get(Capability.CHATS)).contains("reply only");
        assertThat(set.refusal(Capability.PROACTIVE_MESSAGE)).get().asString().contains("no method to start a chat")
                .contains("chat with a reviewer");
        assertThat(set.refusal(Capability.CUSTOMER_CONTACT)).get().asString().contains("FBS/FBW").contains("DBS");
        assertThat(set.refusal(Capability.CUSTOMER_CONTACT)).get().asString().contains("delivering the order only")
                .contains("never a marketing contact");
        assertThat(set.refusal(Capability.PUSH_EVENTS)).isPresent();
        assertThat(set.refusal(Capability.PURCHASE_HISTORY)).isPresent();
    }

    @Test
    void should_refuse_everything_before_any_request_when_the_shop_has_no_token() {
        // given
        ShopId stranger = ShopId.of("wb_unknown");

        // when
        CapabilitySet set = connector.capabilities(stranger);
        Throwable reviews = catchThrowable(() -> connector.newReviewsAndQuestions(stranger, Instant.EPOCH));
        Throwable direct = catchThrowable(() -> connector.client().feedbacks().list(stranger, WbListQuery.unanswered()));

        // then
        assertThat(set.supported()).isEmpty();
        assertThat(reviews).isInstanceOf(CapabilityNotSupportedException.class).hasMessageContaining("REVIEWS_READ");
        assertThat(direct).isInstanceOf(CapabilityNotSupportedException.class).hasMessageContaining("token");
    }

    @Test
    void should_declare_wbs_unconfirmed_messaging_rules_for_every_shop() {
        // when
        var rules = connector.messagingRules(WbFixtures.SHOP).rules();

        // then
        assertThat(rules).extracting(MessagingRule::id)
                .containsExactly(WbConnector.NO_IMPERSONATION, WbConnector.NO_REVIEW_INCENTIVE);
        assertThat(rules).allSatisfy(rule -> assertThat(rule.status()).isEqualTo(SourceStatus.UNCONFIRMED));
        assertThat(rules.get(0).kind()).isEqualTo(MessagingRuleKind.NO_IMPERSONATION);
        assertThat(rules.get(0).protectedNames()).contains("Wildberries", "WB", "Вайлдберриз");
        assertThat(connector.messagingRules(ShopId.of("wb_unknown")).rules()).hasSize(2);
    }
}
