package dev.aihq.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.shop.FrequencyCap;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.QuietHours;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.api.result.RunId;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.pipeline.memory.InMemoryOutbox;
import dev.aihq.testkit.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {

    private final InMemoryOutbox outbox = new InMemoryOutbox();

    private static Shop shop(ShopSettings settings) {
        return Fixtures.kaspiShop().settings(settings).build();
    }

    private static ShopSettings.Builder settings() {
        return ShopSettings.builder().quietHours(QuietHours.of(LocalTime.of(22, 0), LocalTime.of(9, 0)))
                .frequencyCap(null);
    }

    @Test
    void should_wait_the_send_delay_when_it_ends_outside_quiet_hours() {
        // given: 12:00 in Almaty (07:00Z)
        Instant now = Instant.parse("2026-03-02T07:00:00Z");

        // when
        DeliveryPlan plan = DeliveryPolicy.shopSettings().plan(shop(settings().sendDelay(Duration.ofMinutes(15))
                .build()), Fixtures.CUSTOMER, now, outbox);

        // then
        assertThat(plan.sendAt()).isEqualTo(Instant.parse("2026-03-02T07:15:00Z"));
        assertThat(plan.reason()).isEqualTo("send delay 15 min");
    }

    @Test
    void should_wait_for_the_morning_in_the_shops_zone_when_the_delay_ends_at_night() {
        // given: 21:50 in Almaty (16:50Z) + 15 min = 22:05, inside 22:00-09:00
        Instant now = Instant.parse("2026-03-02T16:50:00Z");

        // when
        DeliveryPlan plan = DeliveryPolicy.shopSettings().plan(shop(settings().sendDelay(Duration.ofMinutes(15))
                .build()), Fixtures.CUSTOMER, now, outbox);

        // then: 09:00 Almaty next day = 04:00Z
        assertThat(plan.sendAt()).isEqualTo(Instant.parse("2026-03-03T04:00:00Z"));
        assertThat(plan.reason()).contains("quiet hours 22:00–09:00 (Asia/Almaty)");
    }

    @Test
    void should_wait_until_nine_the_same_morning_when_the_event_comes_after_midnight() {
        // given: 02:00 in Almaty = 21:00Z the day before
        Instant now = Instant.parse("2026-03-01T21:00:00Z");

        DeliveryPlan plan = DeliveryPolicy.shopSettings().plan(shop(settings().sendDelay(Duration.ZERO).build()),
                Fixtures.CUSTOMER, now, outbox);

        assertThat(plan.sendAt()).isEqualTo(Instant.parse("2026-03-02T04:00:00Z"));
    }

    @Test
    void should_use_moscow_time_when_the_shop_is_russian() {
        // given: 07:30Z is 10:30 in Moscow but 12:30 in Almaty; quiet until 11:00 local
        Shop ozon = Shop.builder(ShopId.of("ozon_1"), Marketplace.OZON).legalForm(LegalForm.OOO)
                .taxMode(TaxMode.RU_USN_INCOME)
                .settings(settings().sendDelay(Duration.ZERO)
                        .quietHours(QuietHours.of(LocalTime.of(21, 0), LocalTime.of(11, 0))).build())
                .build();

        DeliveryPlan plan = DeliveryPolicy.shopSettings().plan(ozon, Fixtures.CUSTOMER,
                Instant.parse("2026-03-02T07:30:00Z"), outbox);

        assertThat(plan.sendAt()).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
    }

    @Test
    void should_carry_the_shops_frequency_cap_without_counting_when_the_shop_has_one() {
        // given: the customer is already at the cap; the policy does not look, the outbox enforces it
        Instant now = Instant.parse("2026-03-02T07:00:00Z");
        FrequencyCap cap = FrequencyCap.of(2, Duration.ofDays(7));
        for (int i = 0; i < 2; i++) {
            outbox.schedule(OutboxMessage.pending("m" + i, Fixtures.SHOP_ID, RunId.of("r" + i), "whatsapp",
                    Fixtures.CUSTOMER, "hi", "k" + i, now.minus(Duration.ofDays(i + 1))));
        }
        Shop capped = shop(settings().sendDelay(Duration.ZERO).frequencyCap(cap).build());

        // when
        DeliveryPlan plan = DeliveryPolicy.shopSettings().plan(capped, Fixtures.CUSTOMER, now, outbox);

        // then
        assertThat(plan.sendAt()).isEqualTo(now);
        assertThat(plan.cap()).isEqualTo(cap);
        assertThat(DeliveryPolicy.shopSettings().plan(shop(settings().build()), Fixtures.CUSTOMER, now, outbox)
                .cap()).isNull();
    }

    @Test
    void should_send_at_once_when_the_policy_is_immediate() {
        Instant night = Instant.parse("2026-03-02T19:00:00Z");
        DeliveryPlan plan = DeliveryPolicy.immediate().plan(shop(settings()
                .frequencyCap(FrequencyCap.of(1, Duration.ofDays(1))).build()), Fixtures.CUSTOMER, night, outbox);

        assertThat(plan.sendAt()).isEqualTo(night);
        assertThat(plan.cap()).isNull();
    }
}
