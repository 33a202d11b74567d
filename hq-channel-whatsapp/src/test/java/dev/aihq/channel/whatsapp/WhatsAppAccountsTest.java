package dev.aihq.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.ShopId;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.channel.whatsapp.WhatsAppTemplates.Purpose;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-shop accounts and the templates they name. */
class WhatsAppAccountsTest {

    private static WhatsAppCloudConfig config(String numberId) {
        return WhatsAppCloudConfig.builder().phoneNumberId(numberId).accessToken("EAAJtoken1234567890").build();
    }

    private static WhatsAppAccount account(String shop, String numberId) {
        return new WhatsAppAccount(ShopId.of(shop), config(numberId), WhatsAppTemplates.none());
    }

    @Test
    void should_find_accounts_by_shop_and_shops_by_phone_number_id() {
        // given
        WhatsAppAccounts accounts = WhatsAppAccounts.of(List.of(account("shop-1", "1065"), account("shop-2", "2077")));

        // then
        assertThat(accounts.forShop(ShopId.of("shop-2")).map(WhatsAppAccount::phoneNumberId)).contains("2077");
        assertThat(accounts.forShop(ShopId.of("shop-3"))).isEmpty();
        assertThat(accounts.shopForPhoneNumberId("1065")).contains(ShopId.of("shop-1"));
        assertThat(accounts.shopForPhoneNumberId("9999")).isEmpty();
        assertThat(accounts.toString()).isEqualTo("WhatsAppAccounts[2 shops]");
    }

    @Test
    void should_refuse_a_shop_or_a_number_given_twice_naming_each() {
        assertThatThrownBy(() -> WhatsAppAccounts.of(List.of(account("shop-1", "1065"), account("shop-1", "2077"),
                account("shop-2", "1065"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("shop shop-1 is given twice")
                .hasMessageContaining("phone number id 1065 is given for shops shop-1 and shop-2");
    }

    @Test
    void should_choose_the_template_purpose_by_quick_replies_then_category() {
        assertThat(WhatsAppTemplates.purposeOf(MessageCategory.MARKETING, false)).isEqualTo(Purpose.MARKETING);
        assertThat(WhatsAppTemplates.purposeOf(MessageCategory.UTILITY, false)).isEqualTo(Purpose.UTILITY);
        assertThat(WhatsAppTemplates.purposeOf(MessageCategory.SERVICE, false)).isEqualTo(Purpose.UTILITY);
        assertThat(WhatsAppTemplates.purposeOf(MessageCategory.MARKETING, true)).isEqualTo(Purpose.CONSENT_QUESTION);
        assertThat(WhatsAppTemplates.purposeOf(MessageCategory.SERVICE, true)).isEqualTo(Purpose.CONSENT_QUESTION);
    }

    @Test
    void should_keep_each_template_optional() {
        // given
        WhatsAppTemplates templates = WhatsAppTemplates.builder().consentQuestion("aihq_consent_v1", "kk").build();

        // then
        assertThat(templates.forPurpose(Purpose.CONSENT_QUESTION))
                .contains(new WhatsAppTemplates.Template("aihq_consent_v1", "kk"));
        assertThat(templates.forPurpose(Purpose.MARKETING)).isEmpty();
        assertThat(templates.forPurpose(Purpose.UTILITY)).isEmpty();
        assertThat(templates.toString()).contains("consentQuestion=aihq_consent_v1/kk", "marketing=none");
        assertThat(WhatsAppTemplates.none().forPurpose(Purpose.UTILITY)).isEmpty();
    }

    @Test
    void should_refuse_malformed_template_names_and_languages() {
        assertThatThrownBy(() -> WhatsAppTemplates.builder().marketing("Offer-V1", "ru"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Offer-V1");
        assertThatThrownBy(() -> WhatsAppTemplates.builder().utility("order_update", "en-US"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("underscore");
    }
}
