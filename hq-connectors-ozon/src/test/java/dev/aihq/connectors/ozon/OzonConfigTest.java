package dev.aihq.connectors.ozon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.error.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OzonConfigTest {

    @Test
    void should_use_ozons_host_and_limit_when_nothing_is_set() {
        OzonConfig config = OzonConfig.defaults();

        assertThat(config.baseUrl().toString()).isEqualTo("https://api-seller.ozon.ru");
        assertThat(config.requestsPerSecond()).isEqualTo(50);
        assertThat(config.postingPageSize()).isEqualTo(1000);
        assertThat(config.proxy()).isEmpty();
        assertThat(config.toBuilder().build().toString()).isEqualTo(config.toString());
    }

    @Test
    void should_list_every_invalid_setting_when_built() {
        assertThatThrownBy(() -> OzonConfig.builder().baseUrl("ftp://x").requestsPerSecond(51).postingPageSize(0)
                .requestTimeout(Duration.ZERO).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("baseUrl").hasMessageContaining("requestsPerSecond")
                .hasMessageContaining("postingPageSize").hasMessageContaining("requestTimeout");
    }

    @Test
    void should_refuse_blank_or_spaced_credentials() {
        assertThatThrownBy(() -> OzonCredentials.of(" ", "key")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OzonCredentials.of("1", "Api-Key: x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("x");
    }
}
