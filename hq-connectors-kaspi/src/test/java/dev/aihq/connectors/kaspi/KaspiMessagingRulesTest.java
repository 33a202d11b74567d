package dev.aihq.connectors.kaspi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.ShopId;
import dev.aihq.api.connector.MessagingRule;
import dev.aihq.api.connector.MessagingRuleKind;
import dev.aihq.api.connector.MessagingRules;
import dev.aihq.api.connector.SourceStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The messaging rules Kaspi's connector declares, and how honestly they are sourced. */
class KaspiMessagingRulesTest {

    private static final ShopId WITH_TOKEN = ShopId.of("kaspi_123");
    private static final ShopId WITHOUT_TOKEN = ShopId.of("kaspi_999");

    private final KaspiConnector connector = KaspiConnector.of(KaspiClient.builder(
            KaspiConfig.builder().baseUrl("http://127.0.0.1:9").build(),
            KaspiCredentialsProvider.of(Map.of(WITH_TOKEN, KaspiFixtures.TOKEN))).build());

    @Test
    void should_declare_the_confirmed_impersonation_rule_protecting_both_spellings_of_kaspi() {
        // when
        MessagingRule rule = connector.messagingRules(WITH_TOKEN).find("kaspi.no-impersonation").orElseThrow();

        // then
        assertThat(rule.kind()).isEqualTo(MessagingRuleKind.NO_IMPERSONATION);
        assertThat(rule.protectedNames()).containsExactlyInAnyOrder("Kaspi", "Каспи");
        assertThat(rule.status()).isEqualTo(SourceStatus.CONFIRMED);
        assertThat(rule.sources()).anySatisfy(s -> assertThat(s).contains("https://business.whatsapp.com/policy"))
                .anySatisfy(s -> assertThat(s).contains("https://guide.kaspi.kz/partner/ru/profile/brand/q3991"));
        // Kaspi's own rules on contacting buyers were not found, and the description must not claim otherwise.
        assertThat(rule.description()).contains("contacting buyers were not found (unconfirmed)");
    }

    @Test
    void should_declare_the_review_incentive_rule_as_unconfirmed() {
        // when
        MessagingRule rule = connector.messagingRules(WITH_TOKEN).find("kaspi.no-review-incentive").orElseThrow();

        // then
        assertThat(rule.kind()).isEqualTo(MessagingRuleKind.NO_REVIEW_INCENTIVE);
        assertThat(rule.status()).isEqualTo(SourceStatus.UNCONFIRMED);
        assertThat(rule.protectedNames()).isEmpty();
        assertThat(rule.description()).contains("honest review").contains("unconfirmed");
    }

    @Test
    void should_declare_exactly_the_two_rules_for_every_shop_with_or_without_a_token() {
        // when
        MessagingRules withToken = connector.messagingRules(WITH_TOKEN);
        MessagingRules withoutToken = connector.messagingRules(WITHOUT_TOKEN);

        // then the rules are the marketplace's, not the token's
        assertThat(withToken.rules()).extracting(MessagingRule::id)
                .containsExactly(KaspiConnector.NO_IMPERSONATION, KaspiConnector.NO_REVIEW_INCENTIVE);
        assertThat(withoutToken).isEqualTo(withToken);
    }
}
