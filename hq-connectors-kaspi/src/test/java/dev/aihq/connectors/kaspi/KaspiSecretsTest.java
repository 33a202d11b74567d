package dev.aihq.connectors.kaspi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.error.AuthenticationException;
import dev.aihq.http.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The token stays out of logs, descriptions and exception messages; the buyer's phone out of descriptions. */
class KaspiSecretsTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final ShopId SHOP = ShopId.of("shop-astana-7");
    private static final Instant TO = Instant.ofEpochMilli(KaspiFixtures.CREATED).plus(Duration.ofHours(1));

    @BeforeEach
    void resetServer() {
        SERVER.resetAll();
    }

    private KaspiConnector connector() {
        KaspiConfig config = KaspiConfig.builder().baseUrl(SERVER.baseUrl())
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).jitter(0).build()).build();
        return KaspiConnector.of(KaspiClient.builder(config, KaspiCredentialsProvider.of(SHOP, KaspiFixtures.TOKEN))
                .sleeper(wait -> { })
                .build()); // the default SLF4J sink, at DEBUG in the tests
    }

    @Test
    void should_keep_the_token_out_of_every_log_line_when_requests_succeed_and_fail() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/orders")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", KaspiClient.MEDIA_TYPE)
                .withBody(KaspiFixtures.ordersPage(List.of("A1"), 1, KaspiFixtures.Shape.FULL))));
        SERVER.stubFor(get(urlPathEqualTo("/orders/A1/entries")).willReturn(aResponse().withStatus(503)));
        KaspiConnector connector = connector();

        // when
        String logged;
        try (LogCapture log = new LogCapture()) {
            connector.listOrders(SHOP, KaspiOrderQuery.of(KaspiOrderState.NEW, TO.minus(Duration.ofDays(1)), TO));
            catchThrowable(() -> connector.client().orderEntries(SHOP, "A1"));
            logged = log.text();
        }

        // then
        assertThat(logged).contains("X-Auth-Token").contains("/orders");
        assertThat(logged).doesNotContain(KaspiFixtures.TOKEN);
        assertThat(logged).doesNotContain("7012345678");
    }

    @Test
    void should_keep_the_token_out_of_the_exception_when_it_is_refused() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/orders")).willReturn(aResponse().withStatus(401)
                .withBody("{\"errors\":[{\"title\":\"Invalid token\"}]}")));

        // when
        Throwable thrown = catchThrowable(() -> connector().listOrders(SHOP,
                KaspiOrderQuery.of(KaspiOrderState.NEW, TO.minus(Duration.ofDays(1)), TO)));

        // then
        assertThat(thrown).isInstanceOf(AuthenticationException.class).hasMessageContaining("401")
                .hasMessageContaining("GET /orders");
        assertThat(thrown.getMessage()).doesNotContain(KaspiFixtures.TOKEN);
        assertThat(String.valueOf(thrown.getCause())).doesNotContain(KaspiFixtures.TOKEN);
    }

    @Test
    void should_mask_the_token_in_every_description() {
        KaspiCredentials credentials = KaspiCredentials.of(KaspiFixtures.TOKEN);
        KaspiConnector connector = connector();

        assertThat(credentials.toString()).doesNotContain(KaspiFixtures.TOKEN).contains("****");
        assertThat(KaspiCredentialsProvider.of(SHOP, KaspiFixtures.TOKEN).toString())
                .doesNotContain(KaspiFixtures.TOKEN);
        assertThat(connector.toString()).doesNotContain(KaspiFixtures.TOKEN);
        assertThat(connector.client().toString()).doesNotContain(KaspiFixtures.TOKEN);
    }

    @Test
    void should_reject_a_malformed_token_without_quoting_it() {
        Throwable thrown = catchThrowable(() -> KaspiCredentials.of("X-Auth-Token: secret-value-123"));

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        assertThat(thrown.getMessage()).doesNotContain("secret-value-123");
    }

    @Test
    void should_mask_the_phone_when_a_customer_is_described() {
        KaspiCustomer customer = new KaspiCustomer("C1", null, "Айгерим", "Нурланова",
                PhoneNumber.parse("+77012345678"));

        assertThat(customer.toString()).doesNotContain("7012345678").contains("Айгерим Нурланова");
        assertThat(customer.toString()).contains(customer.phone().masked());
    }
}
