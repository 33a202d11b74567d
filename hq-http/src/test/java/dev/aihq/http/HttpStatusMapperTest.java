package dev.aihq.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.error.AuthenticationException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.error.RateLimitedException;
import dev.aihq.api.error.RemoteTimeoutException;
import dev.aihq.api.error.RequestRejectedException;
import dev.aihq.api.error.ResourceNotFoundException;
import dev.aihq.api.error.RetriableMarketplaceException;
import dev.aihq.api.error.ServiceUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpStatusMapperTest {

    private static final Instant NOW = Instant.parse("2025-10-21T07:28:00Z");
    private static final HttpStatusMapper MAPPER = new HttpStatusMapper("wildberries",
            Clock.fixed(NOW, ZoneOffset.UTC), HttpStatusMapper.WILDBERRIES_RETRY_HEADERS);

    @ParameterizedTest
    @CsvSource({
            "401, AUTHENTICATION", "403, AUTHENTICATION", "404, NOT_FOUND", "408, REQUEST_TIMEOUT",
            "429, RATE_LIMITED", "400, REJECTED", "409, REJECTED", "422, REJECTED", "302, REJECTED",
            "500, SERVER_ERROR", "502, SERVER_ERROR", "503, SERVER_ERROR", "504, SERVER_ERROR",
            "520, SERVER_ERROR", "501, REJECTED"})
    void should_pick_the_table_row_when_status_is_given(int status, HttpStatusMapper.Mapping expected) {
        // when
        HttpStatusMapper.Mapping mapping = HttpStatusMapper.mappingFor(status);
        MarketplaceException exception = MAPPER.fromResponse(status, Map.of(), new byte[0]);

        // then
        assertThat(mapping).isEqualTo(expected);
        assertThat(exception).isExactlyInstanceOf(expected.exceptionType());
        assertThat(exception.isRetriable()).isEqualTo(expected.retriable());
        assertThat(exception.status()).isEqualTo(status);
    }

    @Test
    void should_refuse_to_map_a_success() {
        assertThatThrownBy(() -> HttpStatusMapper.mappingFor(204)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_build_exact_exception_types_when_mapping_the_table() {
        // expect
        assertThat(MAPPER.fromResponse(401, Map.of(), new byte[0])).isInstanceOf(AuthenticationException.class);
        assertThat(MAPPER.fromResponse(404, Map.of(), new byte[0])).isInstanceOf(ResourceNotFoundException.class);
        assertThat(MAPPER.fromResponse(429, Map.of(), new byte[0])).isInstanceOf(RateLimitedException.class);
        assertThat(MAPPER.fromResponse(422, Map.of(), new byte[0])).isInstanceOf(RequestRejectedException.class);
        assertThat(MAPPER.fromResponse(503, Map.of(), new byte[0])).isInstanceOf(ServiceUnavailableException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Retry-After       | 7                             | PT7S",
            "retry-after       | 0                             | PT0S",
            "Retry-After       | 1.5                           | PT1.5S",
            "Retry-After       | Tue, 21 Oct 2025 07:29:00 GMT | PT1M",
            "Retry-After       | Tue, 21 Oct 2025 07:00:00 GMT | PT0S",
            "X-Ratelimit-Retry | 3                             | PT3S",
            "X-Ratelimit-Reset | 12                            | PT12S",
            "X-Ratelimit-Reset | 1761031700                    | PT20S",
            "X-Ratelimit-Reset | 1761031690000                 | PT10S"})
    void should_parse_wait_when_header_gives_one(String header, String value, Duration expected) {
        // when
        RetriableMarketplaceException exception = (RetriableMarketplaceException) MAPPER.fromResponse(429,
                Map.of(header, List.of(value)), new byte[0]);

        // then
        assertThat(exception.retryAfter()).contains(expected);
    }

    @Test
    void should_prefer_retry_after_and_skip_unusable_values_when_several_headers_are_present() {
        // expect
        assertThat(MAPPER.retryAfter(Map.of("Retry-After", List.of("5"), "X-Ratelimit-Retry", List.of("9"))))
                .contains(Duration.ofSeconds(5));
        assertThat(MAPPER.retryAfter(Map.of("Retry-After", List.of("soon"), "X-Ratelimit-Retry", List.of("9"))))
                .contains(Duration.ofSeconds(9));
        assertThat(MAPPER.retryAfter(Map.of("Retry-After", List.of("-3")))).isEmpty();
        assertThat(HttpStatusMapper.of("kaspi").retryAfter(Map.of("X-Ratelimit-Retry", List.of("9")))).isEmpty();
    }

    @Test
    void should_read_headers_in_the_given_order_when_the_extra_headers_name_retry_after() {
        // given
        HttpStatusMapper ownHeaderFirst = new HttpStatusMapper("wildberries", Clock.fixed(NOW, ZoneOffset.UTC),
                List.of("X-Ratelimit-Retry", "Retry-After", "X-Ratelimit-Reset"));

        // expect
        assertThat(ownHeaderFirst.retryAfter(Map.of("Retry-After", List.of("5"), "X-Ratelimit-Retry", List.of("9"))))
                .contains(Duration.ofSeconds(9));
        assertThat(ownHeaderFirst.retryAfter(Map.of("retry-after", List.of("5"), "X-Ratelimit-Reset", List.of("7"))))
                .contains(Duration.ofSeconds(5));
        assertThat(ownHeaderFirst.retryAfter(Map.of("X-Ratelimit-Reset", List.of("7"))))
                .contains(Duration.ofSeconds(7));
        assertThat(ownHeaderFirst.retryAfter(Map.of())).isEmpty();
    }

    @Test
    void should_honour_retry_after_on_503_but_not_on_client_errors() {
        // expect
        assertThat(((RetriableMarketplaceException) MAPPER.fromResponse(503, Map.of("Retry-After", List.of("30")),
                new byte[0])).retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(MAPPER.fromResponse(400, Map.of("Retry-After", List.of("30")), new byte[0]))
                .hasMessageNotContaining("retry after");
    }

    @Test
    void should_name_service_status_request_and_masked_excerpt_when_building_message() {
        // given
        String body = "{\"error\":\"bad phone 87011234567\",\"details\":\"" + "d".repeat(1000) + "\"}";

        // when
        MarketplaceException exception = MAPPER.fromResponse("POST /api/v3/orders", 400, Map.of(),
                body.getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(exception).hasMessageStartingWith(
                "wildberries answered HTTP 400: POST /api/v3/orders: request rejected; body: {\"error\":\"bad phone 8701*****67\"")
                .hasMessageNotContaining("87011234567");
        String excerpt = exception.getMessage().substring(exception.getMessage().indexOf("body: ") + 6);
        assertThat(excerpt).hasSize(HttpStatusMapper.EXCERPT_LENGTH + 1).endsWith("…");
    }

    @Test
    void should_map_io_failures_to_status_0_when_no_response_arrived() {
        // when
        RetriableMarketplaceException timeout = MAPPER.fromFailure("GET /x", new HttpTimeoutException("request timed out"));
        RetriableMarketplaceException refused = MAPPER.fromFailure("GET /x", new ConnectException());
        RetriableMarketplaceException broken = MAPPER.fromFailure(null, new IOException("connection reset"));

        // then
        assertThat(timeout).isInstanceOf(RemoteTimeoutException.class).hasMessage("wildberries: GET /x: no response in time");
        assertThat(refused).isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("connection refused or failed");
        assertThat(broken).isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("connection reset");
        assertThat(List.of(timeout.status(), refused.status(), broken.status())).containsOnly(0);
    }
}
