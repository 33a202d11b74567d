package dev.aihq.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aihq.api.error.ConfigurationException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HqHttpClientBuilderTest {

    @Test
    void should_report_all_missing_parts_at_once_when_nothing_is_set() {
        // when
        ConfigurationException thrown = catchThrowableOfType(ConfigurationException.class,
                () -> HqHttpClient.builder().requestTimeout(Duration.ZERO).build());

        // then
        assertThat(thrown).hasMessageContaining("serviceName is required")
                .hasMessageContaining("baseUri is required")
                .hasMessageContaining("requestTimeout must be positive");
    }

    @Test
    void should_reject_conflicting_settings_when_own_http_client_is_given() {
        // when
        ConfigurationException thrown = catchThrowableOfType(ConfigurationException.class, () -> HqHttpClient.builder()
                .serviceName("kaspi")
                .baseUri("ftp://kaspi.kz/shop")
                .httpClient(HttpClient.newHttpClient())
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", 3128)))
                .connectTimeout(Duration.ofSeconds(1))
                .defaultHeader("Content-Length", "1")
                .build());

        // then
        assertThat(thrown).hasMessageStartingWith("HqHttpClient for kaspi is not configured correctly")
                .hasMessageContaining("baseUri must be an absolute http or https URI")
                .hasMessageContaining("proxy applies only")
                .hasMessageContaining("connectTimeout applies only")
                .hasMessageContaining("default header Content-Length");
    }

    @Test
    void should_join_base_uri_and_path_when_slashes_differ() {
        // given
        HqHttpClient client = HqHttpClient.builder()
                .serviceName("kaspi")
                .baseUri(URI.create("https://kaspi.kz/shop/api/"))
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", 3128)))
                .build();

        // expect
        assertThat(client.uriOf(HttpCall.get("/v2/orders").build()))
                .isEqualTo(URI.create("https://kaspi.kz/shop/api/v2/orders"));
        assertThat(client.uriOf(HttpCall.get("v2/orders").query(Map.of("page[size]", "100")).build()))
                .isEqualTo(URI.create("https://kaspi.kz/shop/api/v2/orders?page%5Bsize%5D=100"));
        assertThat(client.serviceName()).isEqualTo("kaspi");
        assertThat(client.toString()).isEqualTo("HqHttpClient[kaspi https://kaspi.kz/shop/api/]");
    }
}
