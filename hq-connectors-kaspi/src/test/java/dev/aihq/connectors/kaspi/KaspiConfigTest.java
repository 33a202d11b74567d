package dev.aihq.connectors.kaspi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.error.ConfigurationException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link KaspiConfig}: the reference's defaults and validation reporting every problem at once. */
class KaspiConfigTest {

    @Test
    void should_default_to_kaspis_v2_url_and_pages_of_100_when_nothing_is_set() {
        KaspiConfig config = KaspiConfig.defaults();

        assertThat(config.baseUrl()).hasToString("https://kaspi.kz/shop/api/v2");
        assertThat(config.pageSize()).isEqualTo(100);
        assertThat(config.proxy()).isEmpty();
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(KaspiConfig.MAX_WINDOW).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void should_list_every_problem_when_several_settings_are_wrong() {
        assertThatThrownBy(() -> KaspiConfig.builder().baseUrl("kaspi.kz").pageSize(101)
                .requestTimeout(Duration.ZERO).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("baseUrl must be an absolute http or https URL")
                .hasMessageContaining("pageSize must be 1-100")
                .hasMessageContaining("requestTimeout must be positive");
    }

    @Test
    void should_keep_the_proxy_and_settings_when_copied_through_the_builder() {
        ProxySelector proxy = ProxySelector.of(new InetSocketAddress("proxy.example.kz", 3128));
        KaspiConfig config = KaspiConfig.builder().proxy(proxy).pageSize(50).build();

        KaspiConfig copy = config.toBuilder().build();

        assertThat(copy.proxy()).containsSame(proxy);
        assertThat(copy.pageSize()).isEqualTo(50);
        assertThat(copy.toString()).contains("proxy=true");
    }

    @Test
    void should_refuse_a_query_whose_window_ends_before_it_starts() {
        assertThatThrownBy(() -> KaspiOrderQuery.of(KaspiOrderState.NEW, java.time.Instant.parse("2024-11-02T00:00:00Z"),
                java.time.Instant.parse("2024-11-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
    }
}
