package dev.aihq.connectors.ozon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.ShopId;
import dev.aihq.connectors.ozon.internal.client.OzonRateLimiter;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.ozon.FakeOzonApi;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OzonRateLimitTest {

    private static final Duration TICK = Duration.ofMillis(20);

    @Test
    void should_let_fifty_requests_through_then_space_them_by_a_fiftieth_of_a_second() {
        // given
        SettableClock clock = SettableClock.at(OzonFixtures.NOW);
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        OzonRateLimiter limiter = new OzonRateLimiter(50, clock, sleeper, "ozon");

        // when
        for (int i = 0; i < 60; i++) {
            limiter.acquire("836412");
        }

        // then
        assertThat(sleeper.waits()).hasSize(10).containsOnly(TICK);
    }

    @Test
    void should_keep_one_bucket_per_client_id_when_shops_have_different_client_ids() {
        // given
        SettableClock clock = SettableClock.at(OzonFixtures.NOW);
        RecordingSleeper sleeper = new RecordingSleeper(null);
        OzonRateLimiter limiter = new OzonRateLimiter(50, clock, sleeper, "ozon");

        // when
        for (int i = 0; i < 50; i++) {
            limiter.acquire("111");
        }
        for (int i = 0; i < 50; i++) {
            limiter.acquire("222");
        }
        Duration next = limiter.acquire("111");

        // then
        assertThat(sleeper.waits()).containsExactly(TICK);
        assertThat(next).isEqualTo(TICK);
    }

    @Test
    void should_refill_with_time_when_the_clock_moves_on() {
        SettableClock clock = SettableClock.at(OzonFixtures.NOW);
        RecordingSleeper sleeper = new RecordingSleeper(null);
        OzonRateLimiter limiter = new OzonRateLimiter(50, clock, sleeper, "ozon");
        for (int i = 0; i < 50; i++) {
            limiter.acquire("111");
        }

        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 50; i++) {
            limiter.acquire("111");
        }

        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void should_wait_for_the_bucket_and_send_the_credential_headers_when_requests_go_through_the_client() {
        // given
        try (FakeOzonApi ozon = FakeOzonApi.start(OzonFixtures.CLIENT_ID, OzonFixtures.API_KEY)) {
            SettableClock clock = SettableClock.at(OzonFixtures.NOW);
            RecordingSleeper sleeper = new RecordingSleeper(clock);
            OzonClient client = OzonFixtures.client(OzonFixtures.config(ozon.baseUrl()).requestsPerSecond(2).build(),
                    OzonSubscription.STANDARD, clock, sleeper);

            // when
            for (int i = 0; i < 4; i++) {
                client.postings().fbsList(OzonFixtures.SHOP, OzonFixtures.NOW.minusSeconds(60), OzonFixtures.NOW, null);
            }

            // then
            assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
            assertThat(ozon.requests(OzonPostings.FBS_LIST_PATH)).isEqualTo(4);
        }
    }

    @Test
    void should_share_the_bucket_when_two_shops_use_one_client_id() {
        SettableClock clock = SettableClock.at(OzonFixtures.NOW);
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        try (FakeOzonApi ozon = FakeOzonApi.start(OzonFixtures.CLIENT_ID, OzonFixtures.API_KEY)) {
            ShopId other = ShopId.of("ozon_2");
            OzonCredentials creds = OzonCredentials.of(OzonFixtures.CLIENT_ID, OzonFixtures.API_KEY);
            OzonClient client = OzonClient.builder(OzonFixtures.config(ozon.baseUrl()).requestsPerSecond(1).build(),
                    OzonCredentialsProvider.builder().shop(OzonFixtures.SHOP, creds, OzonSubscription.STANDARD)
                            .shop(other, creds, OzonSubscription.STANDARD).build())
                    .clock(clock).sleeper(sleeper).build();

            client.postings().fbsList(OzonFixtures.SHOP, OzonFixtures.NOW.minusSeconds(60), OzonFixtures.NOW, null);
            client.postings().fbsList(other, OzonFixtures.NOW.minusSeconds(60), OzonFixtures.NOW, null);

            assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
        }
    }

}
