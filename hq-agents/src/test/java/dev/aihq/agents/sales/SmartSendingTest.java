package dev.aihq.agents.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.channel.OutboundMessage;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.shop.FrequencyCap;
import dev.aihq.api.shop.QuietHours;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.RunRecord;
import dev.aihq.pipeline.delivery.OutboxDispatcher;
import dev.aihq.testkit.DemoCatalog;
import dev.aihq.testkit.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The seed's "smart sending" on the {@code sales.purchase} pipeline and the {@link OutboxDispatcher}: the send
 * delay, quiet hours across midnight in the shop's zone, the frequency cap, and an order's offer and review
 * request never on the same day.
 */
class SmartSendingTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final QuietHours NIGHT = QuietHours.of(LocalTime.of(22, 0), LocalTime.of(9, 0));

    @Test
    void should_use_a_kaspi_shop_in_almaty() {
        assertThat(Fixtures.kaspiShop().build().zone()).isEqualTo(ALMATY);
    }

    @ParameterizedTest(name = "bought at {0} → offer at {2} {1} day(s) later")
    @CsvSource({
            // after midnight: the end of the same night
            "23:30, 1, 09:00",
            "00:30, 0, 09:00",
            "08:50, 0, 09:05",
            // the delay itself lands in quiet hours
            "21:50, 1, 09:00",
            "21:40, 0, 21:55",
            "12:00, 0, 12:15"})
    void should_wait_the_send_delay_and_the_end_of_quiet_hours_in_the_shops_zone(LocalTime bought, int days,
            LocalTime due) {
        // given a shop with a 15 min delay and quiet hours 22:00–09:00
        Instant purchase = local(DAY, bought);
        Instant expected = local(DAY.plusDays(days), due);

        try (SalesWorld world = world(settings(Duration.ofMinutes(15), NIGHT, null), purchase)) {
            // when
            RunRecord run = world.buyShampoo("512345678");

            // then the offer waits in the outbox
            assertThat(run.outcome()).as(run.reason()).isEqualTo(RunOutcome.SCHEDULED);
            assertThat(run.scheduledFor()).isEqualTo(expected);
            assertThat(world.channel.sent()).isEmpty();

            // and the dispatcher sends nothing a minute before, the offer at its time
            OutboxDispatcher dispatcher = dispatcher(world);
            world.clock.set(expected.minus(Duration.ofMinutes(1)));
            assertThat(dispatcher.dispatchDue()).isZero();
            assertThat(world.channel.sent()).isEmpty();
            world.clock.set(expected);
            assertThat(dispatcher.dispatchDue()).isEqualTo(1);
            assertThat(world.channel.sent()).singleElement().satisfies(m -> {
                assertThat(m.text()).contains("№512345678", "Бальзам");
                assertThat(m.category()).isEqualTo(MessageCategory.MARKETING);
            });
        }
    }

    @Test
    void should_say_why_the_offer_waits() {
        try (SalesWorld world = world(settings(Duration.ofMinutes(15), NIGHT, null), local(DAY, LocalTime.of(23, 30)))) {
            // when
            RunRecord run = world.buyShampoo("512345678");

            // then
            assertThat(run.reason()).contains("send delay 15 min", "quiet hours 22:00–09:00", "Asia/Almaty");
        }
    }

    @Test
    void should_send_at_once_without_a_delay_or_quiet_hours() {
        try (SalesWorld world = world(settings(Duration.ZERO, null, null), local(DAY, LocalTime.of(23, 30)))) {
            // when
            RunRecord run = world.buyShampoo("512345678");

            // then
            assertThat(run.outcome()).as(run.reason()).isEqualTo(RunOutcome.SENT);
            assertThat(world.channel.sent()).hasSize(1);
        }
    }

    @Test
    void should_not_send_the_third_offer_of_a_week_when_the_cap_is_two() {
        // given a cap of two marketing messages a week, and no delay
        Instant monday = local(DAY, LocalTime.of(12, 0));
        try (SalesWorld world = world(settings(Duration.ZERO, NIGHT, FrequencyCap.of(2, Duration.ofDays(7))),
                monday)) {
            // when the customer buys three times in a week
            RunRecord first = world.buyShampoo("512340001");
            world.clock.advance(Duration.ofDays(2));
            RunRecord second = world.buyShampoo("512340002");
            world.clock.advance(Duration.ofDays(2));
            RunRecord third = world.buyShampoo("512340003");

            // then two offers went, the third did not, and the run says why
            assertThat(first.outcome()).as(first.reason()).isEqualTo(RunOutcome.SENT);
            assertThat(second.outcome()).as(second.reason()).isEqualTo(RunOutcome.SENT);
            assertThat(third.outcome()).as(third.reason()).isEqualTo(RunOutcome.COMPLETED);
            assertThat(third.reason()).startsWith("not sent: frequency cap reached: 2 message(s) to this customer"
                    + " in 7 d, at most 2 allowed");
            assertThat(world.channel.sent()).extracting(OutboundMessage::text)
                    .hasSize(2)
                    .allSatisfy(text -> assertThat(text).doesNotContain("512340003"));

            // and a week after the first offer the customer may get one again
            world.clock.set(monday.plus(Duration.ofDays(7)).plusSeconds(1));
            RunRecord fourth = world.buyShampoo("512340004");
            assertThat(fourth.outcome()).as(fourth.reason()).isEqualTo(RunOutcome.SENT);
        }
    }

    @Test
    void should_not_count_the_review_requests_against_the_cap() {
        // given a cap of two, and each order's review request (no discount: a utility message) five days later
        Instant monday = local(DAY, LocalTime.of(12, 0));
        try (SalesWorld world = world(settings(Duration.ZERO, null, FrequencyCap.of(2, Duration.ofDays(7))),
                monday)) {
            world.buyShampoo("512340001");
            world.clock.advance(Duration.ofDays(5));
            OutboxDispatcher dispatcher = dispatcher(world);
            assertThat(dispatcher.dispatchDue()).isEqualTo(1);

            // when the customer buys again the same day
            RunRecord second = world.buyShampoo("512340002");

            // then the second offer still goes
            assertThat(second.outcome()).as(second.reason()).isEqualTo(RunOutcome.SENT);
            assertThat(world.channel.sent()).extracting(OutboundMessage::category).containsExactly(
                    MessageCategory.MARKETING, MessageCategory.UTILITY, MessageCategory.MARKETING);
        }
    }

    @ParameterizedTest(name = "bought at {0}, delivered {1} h later")
    @CsvSource({
            "10:00, 4",
            "10:00, 20",
            "21:50, 2",
            "21:50, 11",
            "23:30, 9",
            "08:50, 1",
            "20:00, 26"})
    void should_never_send_the_offer_and_the_review_request_on_the_same_day(LocalTime bought, int deliveredAfter) {
        // given the shop's defaults: 15 min delay, quiet hours 22:00–09:00, a day between offer and review
        Instant purchase = local(DAY, bought);
        ShopSettings settings = settings(Duration.ofMinutes(15), NIGHT, null);
        assertThat(settings.sales().reviewOfferGap()).isEqualTo(Duration.ofDays(1));

        try (SalesWorld world = world(settings, purchase)) {
            OutboxDispatcher dispatcher = dispatcher(world);
            List<Instant> sentAt = new ArrayList<>();
            RunRecord accepted = world.buyShampoo("512345678");
            assertThat(accepted.outcome()).as(accepted.reason()).isIn(RunOutcome.SCHEDULED, RunOutcome.SENT);
            Instant delivery = purchase.plus(Duration.ofHours(deliveredAfter));

            // when time passes minute by minute, the delivery is reported on its hour and the outbox is dispatched
            boolean reported = false;
            for (Instant t = purchase; t.isBefore(purchase.plus(Duration.ofDays(4))); t = t.plus(Duration.ofMinutes(5))) {
                world.clock.set(t);
                if (!reported && !t.isBefore(delivery)) {
                    RunRecord run = world.purchases.run(world.shampooDelivered("512345678", t));
                    assertThat(run.outcome()).as(run.reason()).isIn(RunOutcome.SCHEDULED, RunOutcome.SENT);
                    reported = true;
                    record(world, sentAt, t);
                }
                dispatcher.dispatchDue();
                record(world, sentAt, t);
            }

            // then the offer and one review request went, on different days in Almaty, neither in quiet hours
            List<OutboundMessage> sent = world.channel.sent();
            assertThat(sent).hasSize(2);
            assertThat(sent.get(0).category()).isEqualTo(MessageCategory.MARKETING);
            assertThat(sent.get(1).text()).contains("оцените товар");
            assertThat(sentAt.get(0).atZone(ALMATY).toLocalDate()).isNotEqualTo(sentAt.get(1).atZone(ALMATY)
                    .toLocalDate());
            assertThat(Duration.between(sentAt.get(0), sentAt.get(1))).isGreaterThanOrEqualTo(Duration.ofDays(1));
            assertThat(sentAt).allSatisfy(at -> assertThat(NIGHT.contains(at.atZone(ALMATY).toLocalTime())).isFalse());
        }
    }

    /** Notes the time of each message the channel received since the last call. */
    private static void record(SalesWorld world, List<Instant> sentAt, Instant now) {
        while (sentAt.size() < world.channel.sent().size()) {
            sentAt.add(now);
        }
    }

    private static ShopSettings settings(Duration delay, @Nullable QuietHours quiet, @Nullable FrequencyCap cap) {
        return DemoCatalog.shopSettings().toBuilder().sendDelay(delay).quietHours(quiet).frequencyCap(cap).build();
    }

    private static SalesWorld world(ShopSettings settings, Instant now) {
        return new SalesWorld(SalesWorld.RUSSIAN, settings, null, now);
    }

    private static OutboxDispatcher dispatcher(SalesWorld world) {
        return OutboxDispatcher.builder().outbox(world.stores.outbox()).channel(world.channel).clock(world.clock)
                .consents(world.stores.consents()).build();
    }

    private static Instant local(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(LocalDateTime.of(day, time), ALMATY).toInstant();
    }
}
