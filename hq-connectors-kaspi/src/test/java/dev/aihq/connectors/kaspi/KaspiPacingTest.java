package dev.aihq.connectors.kaspi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.ShopId;
import dev.aihq.http.HttpLogSink;
import dev.aihq.http.RetryPolicy;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.kaspi.FakeKaspiApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client keeps each shop's requests {@link KaspiConfig#requestInterval()} apart; shops do not wait for each other. */
class KaspiPacingTest {

    private static final ShopId FIRST = ShopId.of("kaspi_1");
    private static final ShopId SECOND = ShopId.of("kaspi_2");
    private static final Instant NOW = Instant.parse("2026-03-10T06:00:00Z");

    private final FakeKaspiApi kaspi = FakeKaspiApi.start(KaspiFixtures.TOKEN);
    private final SettableClock clock = SettableClock.at(NOW);
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        kaspi.close();
    }

    private KaspiClient client(Duration interval) {
        KaspiConfig config = KaspiConfig.builder().baseUrl(kaspi.baseUrl()).retryPolicy(RetryPolicy.none())
                .requestInterval(interval).build();
        return KaspiClient.builder(config, shop -> shop.equals(FIRST) || shop.equals(SECOND)
                        ? Optional.of(KaspiCredentials.of(KaspiFixtures.TOKEN)) : Optional.empty())
                .clock(clock).logSink(HttpLogSink.none())
                .sleeper(wait -> {
                    waits.add(wait);
                    clock.advance(wait); // the waiting thread's time passes
                })
                .build();
    }

    private static KaspiOrderQuery lastDay() {
        return KaspiOrderQuery.of(KaspiOrderState.NEW, NOW.minus(Duration.ofDays(1)), NOW);
    }

    @Test
    void should_wait_out_the_interval_between_one_shops_requests_by_default() {
        // given
        KaspiClient client = client(KaspiConfig.DEFAULT_REQUEST_INTERVAL);

        // when: three requests at once, then one after 2 s
        client.listOrders(FIRST, lastDay());
        client.listOrders(FIRST, lastDay());
        client.listOrders(FIRST, lastDay());
        clock.advance(Duration.ofSeconds(2));
        client.listOrders(FIRST, lastDay());

        // then: 2 requests a second at most, and no wait once the interval has passed by itself
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
        assertThat(kaspi.listingRequests()).isEqualTo(4);
    }

    @Test
    void should_not_make_one_shop_wait_for_another() {
        // given
        KaspiClient client = client(Duration.ofSeconds(1));

        // when
        client.listOrders(FIRST, lastDay());
        client.listOrders(SECOND, lastDay());

        // then
        assertThat(waits).isEmpty();
    }

    @Test
    void should_not_wait_when_pacing_is_off() {
        // given
        KaspiClient client = client(Duration.ZERO);

        // when
        for (int i = 0; i < 5; i++) {
            client.listOrders(FIRST, lastDay());
        }

        // then
        assertThat(waits).isEmpty();
        assertThat(kaspi.listingQueries()).extracting(q -> q.get("filter[orders][state]")).containsOnly("NEW");
        assertThat(kaspi.listingQueries()).hasSize(5).allSatisfy(q -> assertThat(q).containsKey("page[size]"));
    }
}
