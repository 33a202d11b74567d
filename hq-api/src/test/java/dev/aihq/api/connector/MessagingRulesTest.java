package dev.aihq.api.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessagingRulesTest {

    private static final List<String> SOURCE = List.of("https://business.whatsapp.com/policy");

    private static MessagingRule impersonation() {
        return MessagingRule.noImpersonation("kaspi.no-impersonation", Set.of(" Kaspi ", "Каспи"),
                SourceStatus.CONFIRMED, SOURCE, "never present the seller as Kaspi");
    }

    private static MessagingRule incentive() {
        return MessagingRule.noReviewIncentive("kaspi.no-review-incentive", SourceStatus.UNCONFIRMED,
                List.of("reference text"), "no reward for a positive review");
    }

    @Test
    void should_keep_the_names_stripped_and_find_rules_by_id_and_kind() {
        // given
        MessagingRules rules = MessagingRules.of(impersonation(), incentive());

        // when / then
        assertThat(rules.find("kaspi.no-impersonation").orElseThrow().protectedNames())
                .containsExactlyInAnyOrder("Kaspi", "Каспи");
        assertThat(rules.ofKind(MessagingRuleKind.NO_REVIEW_INCENTIVE)).containsExactly(incentive());
        assertThat(rules.find("kaspi.other")).isEmpty();
        assertThat(MessagingRules.none().isEmpty()).isTrue();
    }

    @Test
    void should_refuse_an_impersonation_rule_without_names_and_an_incentive_rule_with_names() {
        assertThatThrownBy(() -> MessagingRule.noImpersonation("kaspi.no-impersonation", Set.of(),
                SourceStatus.CONFIRMED, SOURCE, "x")).hasMessageContaining("needs at least one protected name");
        assertThatThrownBy(() -> new MessagingRule("kaspi.no-review-incentive", MessagingRuleKind.NO_REVIEW_INCENTIVE,
                Set.of("Kaspi"), SourceStatus.UNCONFIRMED, SOURCE, "x")).hasMessageContaining("has no protected names");
    }

    @Test
    void should_require_marketplace_names_for_disparagement_and_none_for_the_other_new_kinds() {
        MessagingRule disparagement = MessagingRule.noDisparagement("ozon.no-disparagement", Set.of("Ozon", "Озон"),
                SourceStatus.CONFIRMED, SOURCE, "no negative statements about Ozon, competitors or other sellers");
        assertThat(disparagement.protectedNames()).containsExactlyInAnyOrder("Ozon", "Озон");
        assertThatThrownBy(() -> MessagingRule.noDisparagement("ozon.no-disparagement", Set.of(),
                SourceStatus.CONFIRMED, SOURCE, "x")).hasMessageContaining("needs at least one protected name");
        for (MessagingRuleKind kind : List.of(MessagingRuleKind.NO_CANCELLATION_REQUEST,
                MessagingRuleKind.NO_PERSONAL_DATA_REQUEST, MessagingRuleKind.NO_RUDENESS)) {
            assertThat(MessagingRule.forbidding("ozon.x", kind, SourceStatus.CONFIRMED, SOURCE, "x").kind())
                    .isEqualTo(kind);
        }
        assertThatThrownBy(() -> MessagingRule.forbidding("ozon.x", MessagingRuleKind.NO_IMPERSONATION,
                SourceStatus.CONFIRMED, SOURCE, "x")).hasMessageContaining("needs at least one protected name");
    }

    @Test
    void should_refuse_malformed_ids_names_sources_and_descriptions() {
        assertThatThrownBy(() -> MessagingRule.noReviewIncentive("Kaspi NoIncentive", SourceStatus.CONFIRMED,
                SOURCE, "x")).hasMessageContaining("lower-case words");
        assertThatThrownBy(() -> MessagingRule.noImpersonation("kaspi.no-impersonation", Set.of("Kaspi*"),
                SourceStatus.CONFIRMED, SOURCE, "x")).hasMessageContaining("protected name");
        assertThatThrownBy(() -> MessagingRule.noReviewIncentive("kaspi.x", SourceStatus.CONFIRMED, List.of(),
                "x")).hasMessageContaining("at least one source");
        assertThatThrownBy(() -> MessagingRule.noReviewIncentive("kaspi.x", SourceStatus.CONFIRMED, List.of(" "),
                "x")).hasMessageContaining("source must not be blank");
        assertThatThrownBy(() -> MessagingRule.noReviewIncentive("kaspi.x", SourceStatus.CONFIRMED, SOURCE, " "))
                .hasMessageContaining("description must not be blank");
    }

    @Test
    void should_refuse_two_rules_with_one_id_unless_combining_equal_ones() {
        // given
        MessagingRule other = MessagingRule.noReviewIncentive("kaspi.no-impersonation", SourceStatus.SECONDARY,
                SOURCE, "something else");

        // when / then
        assertThatThrownBy(() -> MessagingRules.of(impersonation(), other)).hasMessageContaining("appears twice");
        assertThat(MessagingRules.of(impersonation()).and(MessagingRules.of(impersonation(), incentive())).rules())
                .containsExactly(impersonation(), incentive());
        assertThatThrownBy(() -> MessagingRules.of(impersonation()).and(MessagingRules.of(other)))
                .hasMessageContaining("declared twice");
    }

    @Test
    void should_declare_no_rules_by_default_for_a_connector() {
        // given
        MarketplaceConnector connector = new MarketplaceConnector() {
            @Override
            public Marketplace marketplace() {
                return Marketplace.OZON;
            }

            @Override
            public CapabilitySet capabilities(ShopId shopId) {
                return CapabilitySet.builder(shopId).build();
            }
        };

        // when / then
        assertThat(connector.messagingRules(ShopId.of("ozon_1"))).isEqualTo(MessagingRules.none());
    }
}
