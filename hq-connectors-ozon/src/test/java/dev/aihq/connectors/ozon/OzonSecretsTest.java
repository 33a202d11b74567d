package dev.aihq.connectors.ozon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aihq.http.Masking;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.ozon.FakeOzonApi;
import dev.aihq.testkit.ozon.FakeOzonApi.OzonError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OzonSecretsTest {

    @Test
    void should_keep_the_api_key_and_the_rfbs_phone_out_of_every_log_line_when_requests_succeed_fail_and_retry() {
        // given
        try (FakeOzonApi ozon = FakeOzonApi.start(OzonFixtures.CLIENT_ID, OzonFixtures.API_KEY)) {
            ozon.putPosting(FakeOzonApi.posting("777-0001-1", "awaiting_deliver", OzonFixtures.NOW.minusSeconds(60))
                    .rfbs(new FakeOzonApi.Customer(5L, "Олег", "+79267654321", "Тверь", "ул. Советская, 2")));
            ozon.failNext(OzonPostings.FBS_LIST_PATH, 1, OzonError.rateLimited(1));
            ozon.failNext(OzonPostings.FBS_GET_PATH, 1, OzonError.offerNotSigned());
            SettableClock clock = SettableClock.at(OzonFixtures.NOW);
            OzonClient client = OzonClient.builder(OzonFixtures.config(ozon.baseUrl()).build(),
                    OzonFixtures.credentials(OzonSubscription.STANDARD))
                    .clock(clock).sleeper(new RecordingSleeper(clock)).build(); // the default SLF4J sink

            // when
            String logged;
            List<Object> described = new ArrayList<>();
            try (LogCapture log = new LogCapture()) {
                described.addAll(client.postings().fbsList(OzonFixtures.SHOP,
                        OzonFixtures.NOW.minus(Duration.ofDays(1)), OzonFixtures.NOW, null));
                described.add(catchThrowable(() -> client.postings().fbs(OzonFixtures.SHOP, "777-0001-1"))
                        .getMessage());
                described.add(client.postings().fbs(OzonFixtures.SHOP, "777-0001-1"));
                described.add(client);
                logged = log.text();
            }

            // then
            assertThat(logged).contains("Api-Key").contains("Client-Id").contains("/v3/posting/fbs/list")
                    .contains("429").contains("Offer not signed");
            assertThat(logged).doesNotContain(OzonFixtures.API_KEY)
                    .doesNotContain(OzonFixtures.API_KEY.substring(4, 20))
                    .doesNotContain("79267654321").doesNotContain("9267654321");
            assertThat(described.toString()).doesNotContain(OzonFixtures.API_KEY.substring(4, 20))
                    .doesNotContain("9267654321").doesNotContain("Олег").doesNotContain("Советская");
        }
    }

    @Test
    void should_mask_the_api_key_when_credentials_are_printed() {
        OzonCredentials credentials = OzonCredentials.of(OzonFixtures.CLIENT_ID, OzonFixtures.API_KEY);

        assertThat(credentials.toString()).contains(OzonFixtures.CLIENT_ID).contains(Masking.MASK)
                .doesNotContain(OzonFixtures.API_KEY.substring(0, 8));
        assertThat(OzonFixtures.credentials(OzonSubscription.STANDARD).toString())
                .doesNotContain(OzonFixtures.API_KEY.substring(0, 8));
    }

    @Test
    void should_mask_both_ozon_credential_headers_when_hq_http_logs_them() {
        assertThat(Masking.isSensitiveHeader("Api-Key")).isTrue();
        assertThat(Masking.isSensitiveHeader("Client-Id")).isTrue();
        assertThat(Masking.maskHeaderValue("Api-Key", OzonFixtures.API_KEY)).isEqualTo("3f9a" + Masking.MASK);
    }
}
