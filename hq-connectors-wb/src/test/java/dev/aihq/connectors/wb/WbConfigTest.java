package dev.aihq.connectors.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aihq.api.error.ConfigurationException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** WB's hosts by default, each overridable; every invalid setting reported at once. */
class WbConfigTest {

    @Test
    void should_default_to_wbs_hosts_per_api_category() {
        // when
        WbConfig config = WbConfig.defaults();

        // then
        assertThat(config.baseUrl(WbApi.FEEDBACKS)).isEqualTo(URI.create("https://feedbacks-api.wildberries.ru"));
        assertThat(config.baseUrl(WbApi.BUYER_CHAT)).isEqualTo(URI.create("https://buyer-chat-api.wildberries.ru"));
        assertThat(config.baseUrl(WbApi.MARKETPLACE)).isEqualTo(URI.create("https://marketplace-api.wildberries.ru"));
        assertThat(config.baseUrl(WbApi.STATISTICS)).isEqualTo(URI.create("https://statistics-api.wildberries.ru"));
        assertThat(config.baseUrl(WbApi.FINANCE)).isEqualTo(URI.create("https://finance-api.wildberries.ru"));
        assertThat(config.baseUrl(WbApi.COMMON)).isEqualTo(URI.create("https://common-api.wildberries.ru"));
        assertThat(config.feedbackPageSize()).isEqualTo(5000);
        assertThat(config.proxy()).isEmpty();
    }

    @Test
    void should_override_one_host_and_keep_the_others() {
        // when
        WbConfig config = WbConfig.builder().baseUrl(WbApi.FEEDBACKS, "https://feedbacks-api-sandbox.wildberries.ru")
                .build();

        // then
        assertThat(config.baseUrl(WbApi.FEEDBACKS).getHost()).isEqualTo("feedbacks-api-sandbox.wildberries.ru");
        assertThat(config.baseUrl(WbApi.BUYER_CHAT).getHost()).isEqualTo("buyer-chat-api.wildberries.ru");
        assertThat(config.toBuilder().build().baseUrl(WbApi.FEEDBACKS)).isEqualTo(config.baseUrl(WbApi.FEEDBACKS));
    }

    @Test
    void should_report_every_invalid_setting_at_once() {
        // when
        Throwable thrown = catchThrowable(() -> WbConfig.builder().baseUrl(WbApi.FEEDBACKS, "ftp://x")
                .feedbackPageSize(5001).questionPageSize(0).build());

        // then
        assertThat(thrown).isInstanceOf(ConfigurationException.class).hasMessageContaining("FEEDBACKS")
                .hasMessageContaining("feedbackPageSize must be 1-5000").hasMessageContaining("questionPageSize");
    }
}
