package dev.aihq.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.aihq.api.error.AuthenticationException;
import dev.aihq.api.error.RateLimitedException;
import dev.aihq.api.error.RemoteTimeoutException;
import dev.aihq.api.error.RequestRejectedException;
import dev.aihq.api.error.ResourceNotFoundException;
import dev.aihq.api.error.ServiceUnavailableException;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HqHttpClientTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final Instant NOW = Instant.parse("2025-10-21T07:28:00Z");

    /** A Kaspi-like camelCase wire record. */
    record Order(String code, BigDecimal totalPrice, OffsetDateTime creationDate) {}

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final CapturingLogSink log = new CapturingLogSink();

    private HqHttpClient client() {
        return client(RetryPolicy.builder().jitter(0).build());
    }

    private HqHttpClient client(RetryPolicy policy) {
        return HqHttpClient.builder()
                .serviceName("kaspi")
                .baseUri(SERVER.baseUrl() + "/shop/api")
                .retryPolicy(policy)
                .sleeper(sleeper)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .extraRetryAfterHeaders(HttpStatusMapper.WILDBERRIES_RETRY_HEADERS)
                .logSink(log)
                .build();
    }

    @Test
    void should_parse_json_into_record_when_get_returns_200() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/v2/orders/A1"))
                .willReturn(okJson("{\"code\":\"A1\",\"totalPrice\":1499.99,"
                        + "\"creationDate\":\"2024-03-01T10:15:30+05:00\"}")));

        // when
        Order order = client().getJson("/v2/orders/A1", Map.of(), Order.class);

        // then
        assertThat(order).isEqualTo(new Order("A1", new BigDecimal("1499.99"),
                OffsetDateTime.of(2024, 3, 1, 10, 15, 30, 0, ZoneOffset.ofHours(5))));
        SERVER.verify(1, getRequestedFor(urlPathEqualTo("/shop/api/v2/orders/A1"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", equalTo("aihq/" + HqHttpClient.VERSION)));
        assertThat(HqHttpClient.VERSION).doesNotStartWith("$").isNotEqualTo("dev");
    }

    @Test
    void should_keep_money_exact_and_ignore_unknown_fields_when_reading_response() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/v2/orders/A2"))
                .willReturn(okJson("{\"code\":\"A2\",\"totalPrice\":1499.99,\"brandNewField\":{\"x\":[1,2]},"
                        + "\"creationDate\":\"2024-03-01T10:15:30+05:00\",\"another\":true}")));

        // when
        Order order = client().getJson("/v2/orders/A2", Map.of(), Order.class);

        // then
        assertThat(order.totalPrice()).isEqualTo(new BigDecimal("1499.99"));
        assertThat(order.totalPrice().toPlainString()).isEqualTo("1499.99");
    }

    @Test
    void should_encode_brackets_in_query_when_kaspi_style_keys_are_used() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/v2/orders")).willReturn(okJson("{}")));
        HttpCall call = HttpCall.get("/v2/orders")
                .query("page[number]", "0")
                .query("filter[orders][state]", "NEW")
                .build();

        // when
        HttpResult result = client().execute(call);

        // then
        assertThat(result.status()).isEqualTo(200);
        SERVER.verify(1, getRequestedFor(
                urlEqualTo("/shop/api/v2/orders?page%5Bnumber%5D=0&filter%5Borders%5D%5Bstate%5D=NEW"))
                .withQueryParam("page[number]", equalTo("0"))
                .withQueryParam("filter[orders][state]", equalTo("NEW")));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void should_throw_authentication_exception_after_one_request_when_credentials_are_refused(int status) {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/v2/orders"))
                .willReturn(aResponse().withStatus(status).withBody("{\"error\":\"invalid token\"}")));

        // when
        AuthenticationException thrown = catchThrowableOfType(AuthenticationException.class,
                () -> client().execute(HttpCall.get("/v2/orders").build()));

        // then
        assertThat(thrown.status()).isEqualTo(status);
        assertThat(thrown.service()).isEqualTo("kaspi");
        assertThat(thrown.isRetriable()).isFalse();
        assertThat(thrown).hasMessageContaining("kaspi answered HTTP " + status).hasMessageContaining("invalid token");
        SERVER.verify(1, getRequestedFor(urlPathEqualTo("/shop/api/v2/orders")));
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void should_throw_what_the_error_mapper_reads_in_the_body_and_retry_when_it_is_retriable() {
        // given: an API that says "slow down" in the body of an HTTP 400, then succeeds
        SERVER.stubFor(post(urlPathEqualTo("/shop/api/v1/send")).inScenario("throttled")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":{\"code\":130429}}"))
                .willSetStateTo("ok"));
        SERVER.stubFor(post(urlPathEqualTo("/shop/api/v1/send")).inScenario("throttled").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"id\":\"m1\"}")));
        java.util.List<String> seen = new java.util.ArrayList<>();
        HqHttpClient client = HqHttpClient.builder().serviceName("graph").baseUri(SERVER.baseUrl() + "/shop/api")
                .retryPolicy(RetryPolicy.builder().jitter(0).build()).sleeper(sleeper)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).logSink(log)
                .errorMapper((request, status, headers, body, byStatus) -> {
                    seen.add(request + " " + status + " " + byStatus.getClass().getSimpleName());
                    return new String(body, StandardCharsets.UTF_8).contains("130429")
                            ? new RateLimitedException("graph", status, request + ": throughput", Duration.ofSeconds(3),
                                    byStatus)
                            : null;
                })
                .build();

        // when
        HttpResult result = client.execute(HttpCall.post("/v1/send")
                .jsonBody("{}".getBytes(StandardCharsets.UTF_8)).retryable(true).build());

        // then
        assertThat(result.status()).isEqualTo(200);
        assertThat(seen).containsExactly("POST /v1/send 400 RequestRejectedException");
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
        SERVER.verify(2, postRequestedFor(urlPathEqualTo("/shop/api/v1/send")));
    }

    @Test
    void should_keep_the_status_mapping_when_the_error_mapper_answers_null() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/v2/orders/NOPE"))
                .willReturn(aResponse().withStatus(404).withBody("<html>not json</html>")));
        HqHttpClient client = HqHttpClient.builder().serviceName("graph").baseUri(SERVER.baseUrl() + "/shop/api")
                .sleeper(sleeper).logSink(log).errorMapper((request, status, headers, body, byStatus) -> null).build();

        // when
        ResourceNotFoundException thrown = catchThrowableOfType(ResourceNotFoundException.class,
                () -> client.execute(HttpCall.get("/v2/orders/NOPE").build()));

        // then
        assertThat(thrown.status()).isEqualTo(404);
    }

    @Test
    void should_throw_not_found_when_status_is_404() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/v2/orders/NOPE"))
                .willReturn(aResponse().withStatus(404).withBody("{\"message\":\"order not found\"}")));

        // when
        ResourceNotFoundException thrown = catchThrowableOfType(ResourceNotFoundException.class,
                () -> client().execute(HttpCall.get("/v2/orders/NOPE").build()));

        // then
        assertThat(thrown.status()).isEqualTo(404);
        assertThat(thrown).hasMessageContaining("GET /v2/orders/NOPE").hasMessageContaining("order not found");
        SERVER.verify(1, getRequestedFor(urlPathEqualTo("/shop/api/v2/orders/NOPE")));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 422})
    void should_throw_request_rejected_with_body_excerpt_when_status_is_client_error(int status) {
        // given
        SERVER.stubFor(post(urlPathEqualTo("/shop/api/v2/prices"))
                .willReturn(aResponse().withStatus(status)
                        .withBody("{\"errors\":[{\"field\":\"price\",\"message\":\"price must be positive\"}]}")));

        // when
        RequestRejectedException thrown = catchThrowableOfType(RequestRejectedException.class,
                () -> client().postJson("/v2/prices", Map.of("price", -1), Map.class));

        // then
        assertThat(thrown.status()).isEqualTo(status);
        assertThat(thrown).hasMessageContaining("kaspi answered HTTP " + status)
                .hasMessageContaining("POST /v2/prices")
                .hasMessageContaining("price must be positive");
        SERVER.verify(1, postRequestedFor(urlPathEqualTo("/shop/api/v2/prices"))
                .withRequestBody(equalToJson("{\"price\":-1}")));
    }

    @Test
    void should_wait_retry_after_and_succeed_when_429_is_followed_by_200() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/v2/orders")).inScenario("rate limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7"))
                .willSetStateTo("open"));
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/v2/orders")).inScenario("rate limit")
                .whenScenarioStateIs("open")
                .willReturn(okJson("{\"ok\":true}")));

        // when
        HttpResult result = client().execute(HttpCall.get("/v2/orders").build());

        // then
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.bodyText()).isEqualTo("{\"ok\":true}");
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
        SERVER.verify(2, getRequestedFor(urlPathEqualTo("/shop/api/v2/orders")));
    }

    @Test
    void should_wait_until_http_date_when_retry_after_is_a_date() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/v2/orders")).inScenario("dated")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "Tue, 21 Oct 2025 07:28:30 GMT"))
                .willSetStateTo("open"));
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/v2/orders")).inScenario("dated")
                .whenScenarioStateIs("open")
                .willReturn(okJson("{}")));

        // when
        client().execute(HttpCall.get("/v2/orders").build());

        // then
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void should_read_wildberries_header_when_429_has_no_retry_after() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/v2/stocks")).inScenario("wb")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("X-Ratelimit-Retry", "3"))
                .willSetStateTo("open"));
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/v2/stocks")).inScenario("wb")
                .whenScenarioStateIs("open")
                .willReturn(okJson("{}")));

        // when
        client().execute(HttpCall.get("/v2/stocks").build());

        // then
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void should_throw_rate_limited_after_max_attempts_when_429_never_ends() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/v2/orders"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));

        // when
        RateLimitedException thrown = catchThrowableOfType(RateLimitedException.class,
                () -> client().execute(HttpCall.get("/v2/orders").build()));

        // then
        assertThat(thrown.status()).isEqualTo(429);
        assertThat(thrown.retryAfter()).contains(Duration.ofSeconds(1));
        SERVER.verify(3, getRequestedFor(urlPathEqualTo("/shop/api/v2/orders")));
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void should_back_off_exponentially_and_succeed_when_503_twice_then_200() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/v2/orders")).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("second"));
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/v2/orders")).inScenario("flaky")
                .whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("up"));
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/v2/orders")).inScenario("flaky")
                .whenScenarioStateIs("up")
                .willReturn(okJson("{}")));

        // when
        HttpResult result = client().execute(HttpCall.get("/v2/orders").build());

        // then
        assertThat(result.status()).isEqualTo(200);
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
        SERVER.verify(3, getRequestedFor(urlPathEqualTo("/shop/api/v2/orders")));
    }

    @Test
    void should_throw_service_unavailable_after_max_attempts_when_500_never_ends() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/v2/orders"))
                .willReturn(aResponse().withStatus(500).withBody("Internal Server Error")));

        // when
        ServiceUnavailableException thrown = catchThrowableOfType(ServiceUnavailableException.class,
                () -> client(RetryPolicy.builder().maxAttempts(4).jitter(0).build())
                        .execute(HttpCall.get("/v2/orders").build()));

        // then
        assertThat(thrown.status()).isEqualTo(500);
        assertThat(thrown).hasMessageContaining("Internal Server Error");
        SERVER.verify(4, getRequestedFor(urlPathEqualTo("/shop/api/v2/orders")));
        assertThat(sleeper.waits())
                .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void should_throw_without_waiting_when_retry_after_exceeds_cap() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/v2/orders"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")));

        // when
        RateLimitedException thrown = catchThrowableOfType(RateLimitedException.class,
                () -> client().execute(HttpCall.get("/v2/orders").build()));

        // then
        assertThat(thrown.retryAfter()).contains(Duration.ofMinutes(10));
        assertThat(sleeper.waits()).isEmpty();
        SERVER.verify(1, getRequestedFor(urlPathEqualTo("/shop/api/v2/orders")));
        assertThat(log.lines()).anyMatch(line -> line.contains("not retrying") && line.contains("cap"));
    }

    @Test
    void should_send_once_when_post_is_not_retryable_and_503_is_returned() {
        // given
        SERVER.stubFor(post(urlPathEqualTo("/shop/api/messages"))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
        HttpCall call = HttpCall.post("/messages").jsonBody("{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8))
                .build();

        // when
        ServiceUnavailableException thrown = catchThrowableOfType(ServiceUnavailableException.class,
                () -> client().execute(call));

        // then
        assertThat(call.retryable()).isFalse();
        assertThat(thrown.status()).isEqualTo(503);
        SERVER.verify(1, postRequestedFor(urlPathEqualTo("/shop/api/messages")));
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void should_retry_post_when_caller_marks_it_retryable() {
        // given
        SERVER.stubFor(post(urlPathEqualTo("/shop/api/prices")).inScenario("idempotent")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502))
                .willSetStateTo("up"));
        SERVER.stubFor(post(urlPathEqualTo("/shop/api/prices")).inScenario("idempotent")
                .whenScenarioStateIs("up")
                .willReturn(okJson("{}")));
        HttpCall call = HttpCall.post("/prices").jsonBody("{}".getBytes(StandardCharsets.UTF_8))
                .retryable(true)
                .build();

        // when
        HttpResult result = client().execute(call);

        // then
        assertThat(result.status()).isEqualTo(200);
        SERVER.verify(2, postRequestedFor(urlPathEqualTo("/shop/api/prices"))
                .withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void should_throw_remote_timeout_when_response_is_slower_than_call_timeout() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/slow"))
                .willReturn(okJson("{}").withFixedDelay(1_000)));
        HttpCall call = HttpCall.get("/slow").timeout(Duration.ofMillis(200)).build();

        // when
        RemoteTimeoutException thrown = catchThrowableOfType(RemoteTimeoutException.class,
                () -> client(RetryPolicy.none()).execute(call));

        // then
        assertThat(thrown.status()).isZero();
        assertThat(thrown.isRetriable()).isTrue();
        assertThat(thrown).hasMessageContaining("kaspi: GET /slow").hasMessageContaining("no response in time");
    }

    @Test
    void should_throw_service_unavailable_with_status_0_when_connection_is_refused() throws IOException {
        // given
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HqHttpClient client = HqHttpClient.builder()
                .serviceName("wildberries")
                .baseUri("http://127.0.0.1:" + closedPort)
                .connectTimeout(Duration.ofSeconds(2))
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).jitter(0).build())
                .sleeper(sleeper)
                .logSink(log)
                .build();

        // when
        ServiceUnavailableException thrown = catchThrowableOfType(ServiceUnavailableException.class,
                () -> client.execute(HttpCall.get("/api/v3/stocks").build()));

        // then
        assertThat(thrown.status()).isZero();
        assertThat(thrown.service()).isEqualTo("wildberries");
        assertThat(thrown).hasMessageStartingWith("wildberries: GET /api/v3/stocks");
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void should_throw_json_format_exception_naming_the_field_when_200_body_has_wrong_type() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/v2/orders/A3"))
                .willReturn(okJson("{\n  \"code\": \"A3\",\n  \"totalPrice\": \"call +77011234567\"\n}")));

        // when
        JsonFormatException thrown = catchThrowableOfType(JsonFormatException.class,
                () -> client().getJson("/v2/orders/A3", Map.of(), Order.class));

        // then
        assertThat(thrown.path()).isEqualTo("$.totalPrice");
        assertThat(thrown.line()).isEqualTo(3);
        assertThat(thrown).hasMessageStartingWith("kaspi GET /v2/orders/A3: cannot read Order from JSON at $.totalPrice")
                .hasMessageContaining("line 3")
                .hasMessageContaining("BigDecimal")
                .hasMessageNotContaining("77011234567");
        SERVER.verify(1, getRequestedFor(urlPathEqualTo("/shop/api/v2/orders/A3")));
    }

    @Test
    void should_throw_json_format_exception_when_200_body_is_malformed() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/v2/orders/A4"))
                .willReturn(okJson("{\"code\": \"A4\" \"totalPrice\": 10}")));

        // when
        JsonFormatException thrown = catchThrowableOfType(JsonFormatException.class,
                () -> client().getJson("/v2/orders/A4", Map.of(), Order.class));

        // then
        assertThat(thrown.line()).isEqualTo(1);
        assertThat(thrown.column()).isEqualTo(15);
        assertThat(thrown.path()).isEqualTo("$.code");
        assertThat(thrown).hasMessageContaining("not well-formed JSON").hasMessageContaining("column 15");
    }

    @Test
    void should_stop_and_keep_interrupt_flag_when_interrupted_while_waiting_to_retry() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/v2/orders")).willReturn(aResponse().withStatus(503)));
        HqHttpClient client = HqHttpClient.builder()
                .serviceName("kaspi")
                .baseUri(SERVER.baseUrl() + "/shop/api")
                .sleeper(duration -> {
                    throw new InterruptedException("shutting down");
                })
                .logSink(log)
                .build();

        // when
        ServiceUnavailableException thrown = catchThrowableOfType(ServiceUnavailableException.class,
                () -> client.execute(HttpCall.get("/v2/orders").build()));
        boolean interrupted = Thread.interrupted();

        // then
        assertThat(interrupted).isTrue();
        assertThat(thrown.status()).isZero();
        assertThat(thrown).hasMessageContaining("interrupted while waiting to retry");
        assertThat(thrown.getSuppressed()).singleElement().isInstanceOf(ServiceUnavailableException.class);
        SERVER.verify(1, getRequestedFor(urlPathEqualTo("/shop/api/v2/orders")));
    }

    @Test
    void should_return_headers_case_insensitively_when_response_has_headers() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/v2/orders"))
                .willReturn(okJson("{}").withHeader("X-Total-Count", "42")));

        // when
        HttpResult result = client().execute(HttpCall.get("/v2/orders").build());

        // then
        assertThat(result.header("x-total-count")).contains("42");
        assertThat(result.headerValues("X-TOTAL-COUNT")).containsExactly("42");
        assertThat(result.header("missing")).isEmpty();
    }

    @Test
    void should_let_call_headers_override_default_headers_when_names_differ_in_case() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/shop/api/v2/orders")).willReturn(okJson("[]")));
        HqHttpClient client = HqHttpClient.builder()
                .serviceName("kaspi")
                .baseUri(SERVER.baseUrl() + "/shop/api/")
                .defaultHeader("X-Auth-Token", "default-token-value")
                .defaultHeader("Accept", "application/vnd.api+json")
                .logSink(HttpLogSink.none())
                .build();

        // when
        List<Map<String, Object>> orders = client.getJson("v2/orders", Map.of(),
                new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() {});

        // then
        assertThat(orders).isEmpty();
        SERVER.verify(1, getRequestedFor(urlEqualTo("/shop/api/v2/orders"))
                .withHeader("X-Auth-Token", equalTo("default-token-value"))
                .withHeader("Accept", equalTo("application/json")));
    }
}
