package dev.aihq.connectors.kaspi.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.ResourceNotFoundException;
import dev.aihq.api.error.ServiceUnavailableException;
import dev.aihq.http.HttpLogSink;
import dev.aihq.http.RetryPolicy;
import dev.aihq.pipeline.memory.InMemoryCatalogStore;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link KaspiFeedFetcher} on WireMock: the request, parsing the body, and the SDK's failures. */
class KaspiFeedFetcherTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void setUp() {
        SERVER.resetAll();
        waits.clear();
    }

    private KaspiFeedFetcher fetcher(String pathAndQuery) {
        return KaspiFeedFetcher.builder(URI.create(SERVER.baseUrl() + pathAndQuery))
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(100)).jitter(0)
                        .build())
                .sleeper(waits::add)
                .logSink(HttpLogSink.none())
                .header("Authorization", "Basic c2VsbGVyOnNlY3JldA==")
                .build();
    }

    @Test
    void should_get_the_url_and_parse_the_body_when_the_host_serves_the_feed() {
        // given
        SERVER.stubFor(get(urlEqualTo("/feeds/kaspi.xml?key=s3cr3t")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/xml").withBody(FeedFixtures.bytes("price-list.xml"))));

        // when
        KaspiPriceList list = fetcher("/feeds/kaspi.xml?key=s3cr3t").fetch();

        // then
        assertThat(list.offers()).hasSize(4);
        assertThat(list.offers().get(0).model()).isEqualTo("Смартфон Samsung Galaxy A55 8/128 ГБ");
        LoggedRequest request = SERVER.findAll(getRequestedFor(urlEqualTo("/feeds/kaspi.xml?key=s3cr3t"))).get(0);
        assertThat(request.getHeader("Accept")).startsWith("application/xml");
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic c2VsbGVyOnNlY3JldA==");
    }

    @Test
    void should_keep_a_trailing_slash_and_stream_offers_when_fetching_with_a_consumer() {
        // given
        SERVER.stubFor(get(urlEqualTo("/price-list/")).willReturn(aResponse().withStatus(200)
                .withBody(FeedFixtures.bytes("malformed.xml"))));
        List<Sku> skus = new ArrayList<>();

        // when
        KaspiFeedSummary summary = fetcher("/price-list/").fetch(offer -> skus.add(offer.sku()));

        // then
        assertThat(skus).containsExactly(Sku.of("GOOD-1"), Sku.of("GOOD-2"));
        assertThat(summary.offerCount()).isEqualTo(2);
        assertThat(summary.problems()).hasSize(9);
    }

    @Test
    void should_import_into_the_store_when_the_opened_body_is_applied() {
        // given
        SERVER.stubFor(get(urlEqualTo("/kaspi.xml")).willReturn(aResponse().withStatus(200)
                .withBody(FeedFixtures.bytes("price-list-cp1251.xml"))));
        InMemoryCatalogStore store = new InMemoryCatalogStore();

        // when
        KaspiImportReport report = KaspiCatalogImport.of(store).apply(ShopId.of("kaspi_123"),
                fetcher("/kaspi.xml").open());

        // then
        assertThat(report.created()).isEqualTo(1);
        assertThat(store.find(ShopId.of("kaspi_123"), Sku.of("KETTLE-1")).orElseThrow().name())
                .isEqualTo("Электрический чайник Бирюса, 1,7 л");
    }

    @Test
    void should_throw_resource_not_found_after_one_request_when_the_host_answers_404() {
        // given
        SERVER.stubFor(get(urlEqualTo("/kaspi.xml")).willReturn(aResponse().withStatus(404).withBody("Not Found")));

        // when
        ResourceNotFoundException e = catchThrowableOfType(() -> fetcher("/kaspi.xml").fetch(),
                ResourceNotFoundException.class);

        // then
        assertThat(e).isNotNull();
        assertThat(e.service()).isEqualTo(KaspiFeedFetcher.SERVICE);
        assertThat(e.status()).isEqualTo(404);
        assertThat(SERVER.findAll(getRequestedFor(urlEqualTo("/kaspi.xml")))).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void should_retry_then_throw_service_unavailable_when_the_host_answers_500() {
        // given
        SERVER.stubFor(get(urlEqualTo("/kaspi.xml")).willReturn(aResponse().withStatus(500).withBody("oops")));

        // when
        ServiceUnavailableException e = catchThrowableOfType(() -> fetcher("/kaspi.xml").fetch(),
                ServiceUnavailableException.class);

        // then
        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(500);
        assertThat(e.isRetriable()).isTrue();
        assertThat(SERVER.findAll(getRequestedFor(urlEqualTo("/kaspi.xml")))).hasSize(3);
        assertThat(waits).hasSize(2);
    }

    @Test
    void should_throw_a_feed_exception_when_the_host_serves_something_else() {
        // given
        SERVER.stubFor(get(urlEqualTo("/kaspi.xml")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Магазин на обслуживании</body></html>")));

        // when
        KaspiFeedException e = catchThrowableOfType(() -> fetcher("/kaspi.xml").fetch(), KaspiFeedException.class);

        // then
        assertThat(e).hasMessageContaining("the root element is <html>");
    }

    @Test
    void should_refuse_a_url_that_is_not_absolute_http_and_hide_the_query_when_described() {
        assertThat(catchThrowableOfType(() -> KaspiFeedFetcher.create(URI.create("file:///etc/passwd")),
                ConfigurationException.class)).hasMessageContaining("absolute http or https URL");
        assertThat(catchThrowableOfType(() -> KaspiFeedFetcher.create(URI.create("/kaspi.xml")),
                ConfigurationException.class)).isNotNull();
        assertThat(KaspiFeedFetcher.create(URI.create("https://shop.example.kz/kaspi.xml?key=s3cr3t")).toString())
                .contains("https://shop.example.kz/kaspi.xml?…").doesNotContain("s3cr3t");
    }
}
