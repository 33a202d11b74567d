package dev.aihq.pipeline.retention;

import static dev.aihq.testkit.Fixtures.CUSTOMER;
import static dev.aihq.testkit.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.shop.SalesSettings;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.ConversationMessage.Direction;
import dev.aihq.api.store.ConversationMessage;
import dev.aihq.api.store.ErasureReport;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.api.store.PersonalDataStore;
import dev.aihq.api.store.PurgeReport;
import dev.aihq.pipeline.memory.InMemoryStores;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;

class RetentionJobTest {

    private static final ShopId MONTHLY = ShopId.of("kaspi_monthly");
    private static final ShopId YEARLY = ShopId.of("kaspi_yearly");

    private final InMemoryStores stores = InMemoryStores.create();
    private final SettableClock clock = SettableClock.at(NOW);

    private void givenShop(ShopId id, Duration retention, boolean active) {
        stores.shops().save(Fixtures.kaspiShop(id).active(active)
                .settings(ShopSettings.builder().personalDataRetention(retention).build()).build());
    }

    private void givenMessage(ShopId shop, String key, Instant at) {
        stores.conversations().append(new ConversationMessage(shop, CUSTOMER, Direction.INBOUND, "Здравствуйте", at, key));
    }

    private RetentionJob job(PersonalDataStore personalData, int pageSize) {
        return RetentionJob.builder().shops(stores.shops()).personalData(personalData).clock(clock)
                .pageSize(pageSize).build();
    }

    @Test
    void should_purge_each_shop_by_its_own_retention_when_run() {
        // given
        givenShop(MONTHLY, Duration.ofDays(30), true);
        givenShop(YEARLY, Duration.ofDays(365), false);
        givenMessage(MONTHLY, "m-old", NOW.minus(Duration.ofDays(40)));
        givenMessage(MONTHLY, "m-new", NOW.minus(Duration.ofDays(20)));
        givenMessage(YEARLY, "y-old", NOW.minus(Duration.ofDays(40)));

        // when
        RetentionReport report = job(stores.personalData(), 100).runOnce();

        // then
        assertThat(report.at()).isEqualTo(NOW);
        assertThat(report.failures()).isEmpty();
        assertThat(report.purged()).containsExactly(
                new PurgeReport(MONTHLY, NOW.minus(Duration.ofDays(30)), 0, 0, 0, 1),
                new PurgeReport(YEARLY, NOW.minus(Duration.ofDays(365)), 0, 0, 0, 0));
        assertThat(stores.conversations().recent(MONTHLY, CUSTOMER, 10)).extracting(ConversationMessage::messageKey)
                .containsExactly("m-new");
        assertThat(stores.conversations().recent(YEARLY, CUSTOMER, 10)).hasSize(1);
    }

    @Test
    void should_drop_the_offers_that_waited_for_consent_longer_than_each_shops_expiry() {
        // given a shop whose offers wait three days for consent, one waiting four days, one a day
        stores.shops().save(Fixtures.kaspiShop(MONTHLY).settings(ShopSettings.builder()
                .sales(SalesSettings.builder().consentExpiry(Duration.ofDays(3)).build()).build()).build());
        stores.outbox().schedule(Fixtures.outboxMessage(MONTHLY, "stale", CUSTOMER, NOW.minus(Duration.ofDays(4)))
                .awaitingConsent());
        stores.outbox().schedule(Fixtures.outboxMessage(MONTHLY, "fresh", CUSTOMER, NOW.minus(Duration.ofDays(1)))
                .awaitingConsent());

        // when
        RetentionReport report = RetentionJob.builder().shops(stores.shops()).personalData(stores.personalData())
                .outbox(stores.outbox()).clock(clock).build().runOnce();

        // then
        assertThat(report.expiredOffers()).isEqualTo(1);
        assertThat(stores.outbox().find(MONTHLY, "stale").orElseThrow()).satisfies(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.CANCELLED);
            assertThat(m.lastError()).isEqualTo("cancelled: no answer to the consent question within 3 days");
        });
        assertThat(stores.outbox().find(MONTHLY, "fresh").orElseThrow().status())
                .isEqualTo(OutboxStatus.AWAITING_CONSENT);
    }

    @Test
    void should_purge_what_has_aged_when_the_clock_moves_on() {
        // given
        givenShop(YEARLY, Duration.ofDays(365), true);
        givenMessage(YEARLY, "y-old", NOW.minus(Duration.ofDays(40)));
        RetentionJob job = job(stores.personalData(), 100);
        assertThat(job.runOnce().total()).isZero();

        // when
        clock.advance(Duration.ofDays(330));
        RetentionReport report = job.runOnce();

        // then
        assertThat(report.total()).isEqualTo(1);
        assertThat(stores.conversations().recent(YEARLY, CUSTOMER, 10)).isEmpty();
    }

    @Test
    void should_visit_every_shop_when_shops_fill_several_pages() {
        // given
        for (int i = 0; i < 5; i++) {
            ShopId shop = ShopId.of("shop_" + i);
            givenShop(shop, Duration.ofDays(30), true);
            givenMessage(shop, "k" + i, NOW.minus(Duration.ofDays(31)));
        }

        // when
        RetentionReport report = job(stores.personalData(), 2).runOnce();

        // then
        assertThat(report.purged()).extracting(PurgeReport::shopId).extracting(ShopId::value)
                .containsExactly("shop_0", "shop_1", "shop_2", "shop_3", "shop_4");
        assertThat(report.total()).isEqualTo(5);
    }

    @Test
    void should_go_on_with_the_next_shop_when_one_purge_fails() {
        // given
        givenShop(MONTHLY, Duration.ofDays(30), true);
        givenShop(YEARLY, Duration.ofDays(365), true);
        PersonalDataStore failingForMonthly = new PersonalDataStore() {
            @Override
            public ErasureReport erase(ShopId shopId, PhoneNumber customer, @Nullable String name, Instant at) {
                throw new UnsupportedOperationException();
            }

            @Override
            public PurgeReport purgeBefore(ShopId shopId, Instant before) {
                if (shopId.equals(MONTHLY)) {
                    throw new StoreException("runs table unavailable");
                }
                return stores.personalData().purgeBefore(shopId, before);
            }
        };

        // when
        RetentionReport report = job(failingForMonthly, 100).runOnce();

        // then
        assertThat(report.failures()).containsOnlyKeys(MONTHLY);
        assertThat(report.failures().get(MONTHLY)).contains("runs table unavailable");
        assertThat(report.purged()).extracting(PurgeReport::shopId).containsExactly(YEARLY);
    }

    @Test
    void should_run_passes_on_the_callers_scheduler_when_scheduled() throws InterruptedException {
        // given
        givenShop(MONTHLY, Duration.ofDays(30), true);
        CountDownLatch passes = new CountDownLatch(2);
        PersonalDataStore counting = new PersonalDataStore() {
            @Override
            public ErasureReport erase(ShopId shopId, PhoneNumber customer, @Nullable String name, Instant at) {
                throw new UnsupportedOperationException();
            }

            @Override
            public PurgeReport purgeBefore(ShopId shopId, Instant before) {
                passes.countDown();
                return stores.personalData().purgeBefore(shopId, before);
            }
        };
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            // when
            ScheduledFuture<?> task = job(counting, 100).schedule(scheduler, Duration.ZERO, Duration.ofMillis(1));

            // then
            assertThat(passes.await(10, TimeUnit.SECONDS)).isTrue();
            task.cancel(false);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void should_report_every_missing_part_when_built_empty() {
        assertThatThrownBy(() -> RetentionJob.builder().pageSize(0).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("the retention job is misconfigured: shops is missing; personalData is missing;"
                        + " pageSize must be at least 1, got 0");
    }

    @Test
    void should_refuse_an_interval_when_not_positive() {
        RetentionJob job = job(stores.personalData(), 100);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            assertThatThrownBy(() -> job.schedule(scheduler, Duration.ZERO, Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention interval");
            assertThatThrownBy(() -> job.schedule(scheduler, Duration.ofSeconds(-1), Duration.ofDays(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention initial delay");
        } finally {
            scheduler.shutdownNow();
        }
    }
}
