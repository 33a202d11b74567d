package dev.aihq.connectors.ozon;

import dev.aihq.api.ShopId;
import dev.aihq.http.RetryPolicy;
import dev.aihq.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;

/** Shared values of the Ozon tests. */
final class OzonFixtures {

    static final ShopId SHOP = ShopId.of("ozon_1");
    static final String CLIENT_ID = "836412";
    static final String API_KEY = "3f9a1c7e-52b4-4d8e-9a61-0c2f7b8e4d19";
    static final Instant NOW = Instant.parse("2025-09-15T10:00:00Z");

    private OzonFixtures() {}

    static OzonConfig.Builder config(String baseUrl) {
        return OzonConfig.builder().baseUrl(baseUrl).requestTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).jitter(0).build());
    }

    static OzonCredentialsProvider credentials(OzonSubscription subscription) {
        return OzonCredentialsProvider.of(SHOP, OzonCredentials.of(CLIENT_ID, API_KEY), subscription);
    }

    static OzonClient client(String baseUrl, OzonSubscription subscription, SettableClock clock,
            RecordingSleeper sleeper) {
        return OzonClient.builder(config(baseUrl).build(), credentials(subscription)).clock(clock).sleeper(sleeper)
                .build();
    }

    static OzonClient client(OzonConfig config, OzonSubscription subscription, SettableClock clock,
            RecordingSleeper sleeper) {
        return OzonClient.builder(config, credentials(subscription)).clock(clock).sleeper(sleeper).build();
    }
}
