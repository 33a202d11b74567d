package dev.aihq.connectors.ozon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.error.AuthenticationException;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.error.RateLimitedException;
import dev.aihq.api.error.RequestRejectedException;
import dev.aihq.api.error.ServiceUnavailableException;
import dev.aihq.connectors.ozon.internal.client.OzonErrorMapper;
import dev.aihq.connectors.ozon.internal.client.OzonHttp;
import dev.aihq.connectors.ozon.internal.client.OzonHttpAccess;
import dev.aihq.http.JsonCodec;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.ozon.FakeOzonApi;
import dev.aihq.testkit.ozon.FakeOzonApi.OzonError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OzonErrorsTest {

    private static final String LIST = OzonPostings.FBS_LIST_PATH;
    private static final String REVIEWS = "/v1/review/list";
    private static final Instant SINCE = OzonFixtures.NOW.minus(Duration.ofDays(1));

    private FakeOzonApi ozon;
    private SettableClock clock;
    private RecordingSleeper sleeper;

    @BeforeEach
    void start() {
        ozon = FakeOzonApi.start(OzonFixtures.CLIENT_ID, OzonFixtures.API_KEY);
        clock = SettableClock.at(OzonFixtures.NOW);
        sleeper = new RecordingSleeper(clock);
    }

    @AfterEach
    void stop() {
        ozon.close();
    }

    private OzonClient client(OzonSubscription subscription) {
        return OzonFixtures.client(ozon.baseUrl(), subscription, clock, sleeper);
    }

    private Throwable listFails(OzonClient client) {
        Throwable thrown = catchThrowable(() -> client.postings().fbsList(OzonFixtures.SHOP, SINCE,
                OzonFixtures.NOW, null));
        assertThat(thrown).isNotNull();
        assertThat(thrown.getMessage()).doesNotContain(OzonFixtures.API_KEY);
        return thrown;
    }

    @Test
    void should_refuse_once_with_ozons_text_when_the_api_key_is_wrong() {
        OzonClient wrong = OzonClient.builder(OzonFixtures.config(ozon.baseUrl()).build(),
                OzonCredentialsProvider.of(OzonFixtures.SHOP, OzonCredentials.of(OzonFixtures.CLIENT_ID,
                        "wrong-key-0000000000"), OzonSubscription.STANDARD)).clock(clock).sleeper(sleeper).build();

        Throwable thrown = listFails(wrong);

        assertThat(thrown).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("Invalid Api-Key, please check the key and try again").hasMessageContaining("code 16");
        assertThat(((MarketplaceException) thrown).status()).isEqualTo(401);
        assertThat(ozon.requests(LIST)).isEqualTo(1);
    }

    @Test
    void should_be_an_authentication_failure_when_the_offer_is_not_signed() {
        ozon.failNext(LIST, 1, OzonError.offerNotSigned());

        Throwable thrown = listFails(client(OzonSubscription.STANDARD));

        assertThat(thrown).isInstanceOf(AuthenticationException.class).hasMessageContaining("Offer not signed");
        assertThat(ozon.requests(LIST)).isEqualTo(1);
    }

    @Test
    void should_be_an_authentication_failure_when_the_key_is_restricted_to_other_ip_addresses() {
        ozon.failNext(LIST, 1, OzonError.ipRestricted());

        Throwable thrown = listFails(client(OzonSubscription.STANDARD));

        assertThat(thrown).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("Api-Key is restricted to specific IP addresses");
    }

    @Test
    void should_be_an_authentication_failure_when_the_ip_restriction_comes_with_a_400() {
        ozon.failNext(LIST, 1, OzonError.rpc(400, 7, "Api-Key is restricted to specific IP addresses"));

        assertThat(listFails(client(OzonSubscription.STANDARD))).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void should_name_the_missing_subscription_when_a_premium_method_answers_code_7() {
        ozon.failNext(REVIEWS, 1, OzonError.permissionDenied());
        OzonHttp http = OzonHttpAccess.http(client(OzonSubscription.PREMIUM_PLUS));

        Throwable thrown = catchThrowable(() -> http.query(OzonFixtures.SHOP, Capability.REVIEWS_READ, REVIEWS,
                Map.of("limit", 20), new TypeReference<JsonNode>() {}));

        assertThat(thrown).isInstanceOf(OzonSubscriptionRequiredException.class)
                .hasMessageContaining("Premium Plus").hasMessageContaining("PermissionDenied");
        OzonSubscriptionRequiredException e = (OzonSubscriptionRequiredException) thrown;
        assertThat(e.subscription()).isEqualTo(OzonSubscription.PREMIUM_PLUS);
        assertThat(e.capability()).isEqualTo(Capability.REVIEWS_READ);
        assertThat(e.isRetriable()).isFalse();
        assertThat(ozon.requests(REVIEWS)).isEqualTo(1);
    }

    @Test
    void should_refuse_before_any_request_when_the_shop_has_no_premium_plus() {
        OzonHttp http = OzonHttpAccess.http(client(OzonSubscription.STANDARD));

        Throwable thrown = catchThrowable(() -> http.query(OzonFixtures.SHOP, Capability.CHATS, "/v3/chat/list",
                Map.of(), new TypeReference<JsonNode>() {}));

        assertThat(thrown).isInstanceOf(CapabilityNotSupportedException.class).hasMessageContaining("Premium Plus");
        assertThat(((CapabilityNotSupportedException) thrown).capability()).isEqualTo(Capability.CHATS);
        assertThat(ozon.requests("/v3/chat/list")).isZero();
    }

    @Test
    void should_be_an_authentication_failure_when_code_7_comes_on_a_method_any_shop_may_call() {
        ozon.failNext(LIST, 1, OzonError.permissionDenied());

        assertThat(listFails(client(OzonSubscription.STANDARD))).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("PermissionDenied");
    }

    @Test
    void should_retry_waiting_retry_after_then_succeed_when_ozon_says_the_rate_limit_is_reached() {
        ozon.failNext(LIST, 1, OzonError.rateLimited(1));
        ozon.putPosting(FakeOzonApi.posting("1-1-1", "awaiting_packaging", SINCE.plusSeconds(1)));

        assertThat(client(OzonSubscription.STANDARD).postings().fbsList(OzonFixtures.SHOP, SINCE, OzonFixtures.NOW,
                null)).hasSize(1);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
        assertThat(ozon.requests(LIST)).isEqualTo(2);
    }

    @Test
    void should_be_rate_limited_with_ozons_text_when_the_limit_persists() {
        ozon.failNext(LIST, 3, OzonError.rateLimited(null));

        Throwable thrown = listFails(client(OzonSubscription.STANDARD));

        assertThat(thrown).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("You have reached request rate limit per second");
        assertThat(ozon.requests(LIST)).isEqualTo(3);
    }

    @Test
    void should_be_rate_limited_when_ozon_sends_the_rate_limit_text_with_another_status() {
        ozon.failNext(LIST, 3, OzonError.rpc(400, 8, FakeOzonApi.RATE_LIMIT_TEXT));

        assertThat(listFails(client(OzonSubscription.STANDARD))).isInstanceOf(RateLimitedException.class);
        assertThat(ozon.requests(LIST)).isEqualTo(3);
    }

    @Test
    void should_retry_and_succeed_when_the_circle_is_open_for_a_while() {
        ozon.failNext(LIST, 2, OzonError.circleOpen());

        assertThat(client(OzonSubscription.STANDARD).postings().fbsList(OzonFixtures.SHOP, SINCE, OzonFixtures.NOW,
                null)).isEmpty();
        assertThat(sleeper.waits()).hasSize(2);
        assertThat(ozon.requests(LIST)).isEqualTo(3);
    }

    @Test
    void should_be_retriable_unavailable_when_the_circle_is_open_even_with_a_4xx() {
        ozon.failNext(LIST, 3, OzonError.rpc(400, 14, "Circle is open"));

        Throwable thrown = listFails(client(OzonSubscription.STANDARD));

        assertThat(thrown).isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("Circle is open");
        assertThat(ozon.requests(LIST)).isEqualTo(3);
    }

    @Test
    void should_reject_with_ozons_message_and_details_when_the_request_is_invalid() {
        ozon.failNext(LIST, 1, OzonError.rpc(400, 3, "invalid filter"));

        Throwable thrown = listFails(client(OzonSubscription.STANDARD));

        assertThat(thrown).isInstanceOf(RequestRejectedException.class).hasMessageContaining("Ozon said: invalid"
                + " filter (code 3)").hasMessageContaining("POST /v3/posting/fbs/list");
        assertThat(ozon.requests(LIST)).isEqualTo(1);
    }

    @Test
    void should_keep_the_status_mapping_when_the_body_is_an_html_page() {
        ozon.failNext(LIST, 3, OzonError.htmlPage(502));

        assertThat(listFails(client(OzonSubscription.STANDARD))).isInstanceOf(ServiceUnavailableException.class);
    }

    @Test
    void should_say_the_chat_window_closed_when_a_chat_method_answers_access_period_has_expired() {
        ozon.failNext("/v3/chat/history", 1, OzonError.rpc(400, 9, "Access period has expired"));
        OzonHttp http = OzonHttpAccess.http(client(OzonSubscription.PREMIUM_PLUS));

        Throwable thrown = catchThrowable(() -> http.query(OzonFixtures.SHOP, Capability.CHATS, "/v3/chat/history",
                Map.of("chat_id", "c-1"), new TypeReference<JsonNode>() {}));

        assertThat(thrown).isInstanceOf(OzonChatWindowClosedException.class).hasMessageContaining("48 h")
                .hasMessageContaining("Ozon said: Access period has expired (code 9)");
        assertThat(ozon.requests("/v3/chat/history")).as("not retried").isEqualTo(1);
    }

    @Test
    void should_map_access_period_has_expired_by_status_when_the_method_is_not_a_chat() {
        ozon.failNext(LIST, 1, OzonError.rpc(400, 9, "access period has expired"));

        assertThat(listFails(client(OzonSubscription.STANDARD))).isInstanceOf(RequestRejectedException.class)
                .isNotInstanceOf(OzonChatWindowClosedException.class);
    }

    @Test
    void should_quote_the_string_details_of_a_questions_and_answers_error() {
        ozon.failNext("/v1/question/list", 1, OzonError.rpc(400, 3, "invalid request"));
        OzonHttp http = OzonHttpAccess.http(client(OzonSubscription.PREMIUM_PLUS));

        Throwable thrown = catchThrowable(() -> http.query(OzonFixtures.SHOP, Capability.QUESTIONS,
                "/v1/question/list", Map.of(), new TypeReference<JsonNode>() {}));

        assertThat(thrown).isInstanceOf(RequestRejectedException.class)
                .hasMessageContaining("Ozon said: invalid request (code 3)");
        byte[] body = FakeOzonApi.qaErrorBody(3, "invalid text", "text must be 2-3000 characters")
                .getBytes(StandardCharsets.UTF_8);
        var rpc = new OzonErrorMapper("ozon", JsonCodec.defaults(), Capability.QUESTIONS).read(body);
        assertThat(rpc).isNotNull();
        assertThat(rpc.details()).containsExactly("text must be 2-3000 characters");
        assertThat(rpc.describe()).isEqualTo("invalid text [text must be 2-3000 characters] (code 3)");
    }
}
