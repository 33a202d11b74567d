package dev.aihq.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.error.ConfigurationException;
import dev.aihq.http.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WhatsAppCloudConfigTest {

    private static final String TOKEN = "EAAJsecretTokenValue1234567890";

    @Test
    void should_apply_defaults_when_only_required_fields_are_set() {
        // when
        WhatsAppCloudConfig config = WhatsAppCloudConfig.builder().phoneNumberId("106540352242922").accessToken(TOKEN).build();

        // then
        assertThat(config.baseUrl()).hasToString("https://graph.facebook.com");
        assertThat(config.apiVersion()).isEqualTo("v25.0");
        assertThat(config.messagesPath()).isEqualTo("/v25.0/106540352242922/messages");
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.retryPolicy()).isEqualTo(RetryPolicy.defaults());
        assertThat(config.retryAmbiguousFailures()).isTrue();
    }

    @Test
    void should_report_every_missing_field_by_name_when_nothing_is_set() {
        // when / then
        assertThatThrownBy(() -> WhatsAppCloudConfig.builder().build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("phoneNumberId is required")
                .hasMessageContaining("accessToken is required");
    }

    @Test
    void should_name_each_invalid_field_when_values_are_wrong() {
        // when / then
        assertThatThrownBy(() -> WhatsAppCloudConfig.builder()
                .baseUrl("ftp://graph.facebook.com")
                .apiVersion("25")
                .phoneNumberId("+7 707 123 45 67")
                .accessToken("Bearer abc")
                .connectTimeout(Duration.ZERO)
                .requestTimeout(Duration.ofSeconds(-1))
                .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("baseUrl")
                .hasMessageContaining("apiVersion")
                .hasMessageContaining("phoneNumberId must be the numeric id")
                .hasMessageContaining("accessToken must be printable ASCII without spaces")
                .hasMessageContaining("connectTimeout must be positive")
                .hasMessageContaining("requestTimeout must be positive")
                .hasMessageNotContaining("abc");
    }

    @Test
    void should_mask_token_and_round_trip_when_printed_and_copied() {
        // given
        WhatsAppCloudConfig config = WhatsAppCloudConfig.builder().phoneNumberId("1").accessToken(TOKEN)
                .apiVersion("v26.0").retryAmbiguousFailures(false).build();

        // when
        WhatsAppCloudConfig copy = config.toBuilder().build();

        // then
        assertThat(config.toString()).doesNotContain(TOKEN).doesNotContain("EAAJ").contains("accessToken=****");
        assertThat(copy.accessToken()).isEqualTo(TOKEN);
        assertThat(copy.apiVersion()).isEqualTo("v26.0");
        assertThat(copy.retryAmbiguousFailures()).isFalse();
    }
}
