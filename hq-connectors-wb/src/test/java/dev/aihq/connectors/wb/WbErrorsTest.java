package dev.aihq.connectors.wb;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.aihq.api.error.AuthenticationException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.error.RateLimitedException;
import dev.aihq.api.error.RequestRejectedException;
import dev.aihq.api.error.ServiceUnavailableException;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.wb.FakeWbApi;
import dev.aihq.testkit.wb.FakeWbApi.ErrorShape;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each WB error shape read into the exception the status maps to, with WB's own text; retries and their waits. */
class WbErrorsTest {

    private static final String LIST = "/api/v1/feedbacks";

    private FakeWbApi wb;
    private RecordingSleeper sleeper;
    private WbClient client;

    @BeforeEach
    void start() {
        wb = FakeWbApi.start(WbFixtures.TOKEN);
        SettableClock clock = SettableClock.at(WbFixtures.CREATED);
        sleeper = new RecordingSleeper(clock);
        client = WbFixtures.client(WbFixtures.config(wb.baseUrl()).build(), clock, sleeper);
    }

    @AfterEach
    void stop() {
        wb.close();
    }

    private Throwable listing() {
        return catchThrowable(() -> client.feedbacks().list(WbFixtures.SHOP, WbListQuery.unanswered()));
    }

    @Test
    void should_quote_errortext_when_the_feedbacks_envelope_reports_a_400() {
        // given
        wb.failNext(LIST, 1, 400, ErrorShape.FEEDBACKS_ENVELOPE, "Некорректный параметр take", null);

        // when
        Throwable thrown = listing();

        // then
        assertThat(thrown).isInstanceOf(RequestRejectedException.class)
                .hasMessageContaining("HTTP 400").hasMessageContaining("GET /api/v1/feedbacks")
                .hasMessageContaining("Wildberries said: Некорректный параметр take").hasMessageContaining("requestId");
        assertThat(wb.requests(LIST)).isEqualTo(1);
    }

    @Test
    void should_quote_title_detail_and_origin_when_the_answer_api_reports_a_400() {
        // given
        wb.putFeedback(FakeWbApi.feedback("fb-1", 5, "", WbFixtures.CREATED));
        wb.failNext("/api/v1/feedbacks/answer", 1, 400, ErrorShape.FEEDBACK_ANSWER, "Ответ содержит ссылку", null);

        // when
        Throwable thrown = catchThrowable(() -> client.feedbacks().answer(WbFixtures.SHOP, "fb-1", "Смотрите сайт"));

        // then
        assertThat(thrown).isInstanceOf(RequestRejectedException.class)
                .hasMessageContaining("Bad request: Ответ содержит ссылку").hasMessageContaining("origin fbapi");
    }

    @Test
    void should_quote_the_chat_shape_and_the_marketplace_shape() {
        // given
        wb.failNext(LIST, 1, 400, ErrorShape.CHAT, "Invalid value for \"next\"", null);
        wb.failNext(WbFixtures.ORDERS_PATH, 1, 409, ErrorShape.MARKETPLACE, "Сборочное задание уже в поставке", null);

        // when
        Throwable chat = listing();
        Throwable marketplace = catchThrowable(() -> client.orders().fbs(WbFixtures.SHOP, WbFixtures.CREATED,
                WbFixtures.CREATED.plusSeconds(60)));

        // then
        assertThat(chat).isInstanceOf(RequestRejectedException.class)
                .hasMessageContaining("Invalid value for \"next\"").hasMessageContaining("origin proxy-chats");
        assertThat(marketplace).isInstanceOf(RequestRejectedException.class).hasMessageContaining("HTTP 409")
                .hasMessageContaining("IncorrectParameter: Сборочное задание уже в поставке");
    }

    @Test
    void should_stop_with_an_authentication_exception_after_one_request_when_the_token_is_refused() {
        // given
        wb.failNext(LIST, 1, 401, ErrorShape.PROBLEM_JSON, "token problem; token is expired", null);

        // when
        Throwable thrown = listing();

        // then
        assertThat(thrown).isInstanceOf(AuthenticationException.class).hasMessageContaining("HTTP 401")
                .hasMessageContaining("unauthorized: token problem; token is expired")
                .hasMessageNotContaining(WbFixtures.TOKEN);
        assertThat(((MarketplaceException) thrown).isRetriable()).isFalse();
        assertThat(wb.requests(LIST)).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void should_refuse_a_bearer_prefixed_token_before_sending_without_quoting_it() {
        // when
        Throwable thrown = catchThrowable(() -> WbCredentials.of("Bearer " + WbFixtures.TOKEN));

        // then
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Bearer")
                .hasMessageNotContaining(WbFixtures.TOKEN);
    }

    @Test
    void should_map_402_payment_required_as_rejected_naming_it() {
        // given
        wb.failNext(LIST, 1, 402, ErrorShape.PROBLEM_JSON, "balance is exhausted", null);

        // expect
        assertThat(listing()).isInstanceOf(RequestRejectedException.class).hasMessageContaining("payment required")
                .hasMessageContaining("balance is exhausted");
    }

    @Test
    void should_wait_x_ratelimit_retry_seconds_then_succeed_when_rate_limited() {
        // given
        wb.putFeedback(FakeWbApi.feedback("fb-1", 5, "", WbFixtures.CREATED));
        wb.failNext(LIST, 1, 429, ErrorShape.PROBLEM_JSON, "limited by 4f1c", 7);

        // when
        var listed = client.feedbacks().list(WbFixtures.SHOP, WbListQuery.unanswered());

        // then
        assertThat(listed).extracting(WbFeedback::id).containsExactly("fb-1");
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
        assertThat(wb.requests(LIST)).isEqualTo(2);
    }

    @Test
    void should_prefer_x_ratelimit_retry_over_retry_after_and_name_the_limit_when_it_persists() {
        // given
        SettableClock clock = SettableClock.at(Instant.parse("2025-10-21T07:28:00Z"));
        RecordingSleeper waits = new RecordingSleeper(clock);
        WireMockServer server = new WireMockServer(
                wireMockConfig().dynamicPort());
        server.start();
        try {
            server.stubFor(get(
                    urlPathEqualTo(LIST)).willReturn(
                    aResponse().withStatus(429)
                            .withHeader("Retry-After", "30").withHeader("X-Ratelimit-Retry", "2")
                            .withHeader("Content-Type", "application/problem+json")
                            .withBody(ErrorShape.PROBLEM_JSON.body(429, "limited by 9a0b"))));
            WbClient limited = WbFixtures.client(WbFixtures.config(server.baseUrl()).build(), clock, waits);

            // when
            Throwable thrown = catchThrowable(() -> limited.feedbacks().list(WbFixtures.SHOP, WbListQuery.unanswered()));

            // then
            assertThat(thrown).isInstanceOf(RateLimitedException.class).hasMessageContaining("too many requests")
                    .hasMessageContaining("limited by 9a0b");
            assertThat(((RateLimitedException) thrown).retryAfter()).contains(Duration.ofSeconds(2));
            assertThat(waits.waits()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        } finally {
            server.stop();
        }
    }

    @Test
    void should_retry_a_5xx_html_page_and_keep_the_status_message() {
        // given
        wb.failNext(LIST, 3, 503, ErrorShape.HTML, "Service Unavailable", null);

        // when
        Throwable thrown = listing();

        // then
        assertThat(thrown).isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("HTTP 503");
        assertThat(wb.requests(LIST)).isEqualTo(3);
        assertThat(sleeper.waits()).hasSize(2);
    }

    @Test
    void should_name_the_field_when_a_feedback_has_no_id() {
        // given
        WireMockServer server = new WireMockServer(
                wireMockConfig().dynamicPort());
        server.start();
        try {
            server.stubFor(get(
                    urlPathEqualTo(LIST)).willReturn(
                    okJson("{\"data\":{\"countUnanswered\":1,"
                            + "\"countArchive\":0,\"feedbacks\":[{\"text\":\"x\",\"createdDate\":\"2025-10-01T12:00:00+03:00\"}]},"
                            + "\"error\":false,\"errorText\":\"\",\"additionalErrors\":null}")));
            WbClient odd = WbFixtures.client(WbFixtures.config(server.baseUrl()).build(),
                    SettableClock.at(WbFixtures.CREATED), sleeper);

            // when
            Throwable thrown = catchThrowable(() -> odd.feedbacks().list(WbFixtures.SHOP, WbListQuery.unanswered()));

            // then
            assertThat(thrown).isInstanceOf(WbResponseException.class).hasMessageContaining("data.feedbacks[0].id");
            assertThat(((WbResponseException) thrown).field()).isEqualTo("data.feedbacks[0].id");
        } finally {
            server.stop();
        }
    }

    @Test
    void should_reject_when_a_200_envelope_says_error_true() {
        // given
        WireMockServer server = new WireMockServer(
                wireMockConfig().dynamicPort());
        server.start();
        try {
            server.stubFor(get(
                    urlPathEqualTo(LIST)).willReturn(
                    okJson("{\"data\":null,\"error\":true,"
                            + "\"errorText\":\"Сервис временно недоступен\",\"additionalErrors\":[\"retry later\"]}")));
            WbClient odd = WbFixtures.client(WbFixtures.config(server.baseUrl()).build(),
                    SettableClock.at(WbFixtures.CREATED), sleeper);

            // expect
            assertThat(catchThrowable(() -> odd.feedbacks().list(WbFixtures.SHOP, WbListQuery.unanswered())))
                    .isInstanceOf(RequestRejectedException.class).hasMessageContaining("Сервис временно недоступен")
                    .hasMessageContaining("retry later");
        } finally {
            server.stop();
        }
    }
}
