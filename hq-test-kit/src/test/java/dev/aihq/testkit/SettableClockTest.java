package dev.aihq.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SettableClockTest {

    private static final Instant START = Instant.parse("2026-03-02T06:00:00Z");

    @Test
    void should_stand_still_when_not_moved() {
        // given
        SettableClock clock = SettableClock.at(START);

        // when / then
        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void should_move_by_duration_when_advanced() {
        // given
        SettableClock clock = SettableClock.at(START);

        // when
        Instant moved = clock.advance(Duration.ofMinutes(15));

        // then
        assertThat(moved).isEqualTo(START.plusSeconds(900));
        assertThat(clock.instant()).isEqualTo(moved);
        assertThat(clock.advance(Duration.ofMinutes(-20))).isEqualTo(START.minusSeconds(300));
    }

    @Test
    void should_jump_to_instant_when_set() {
        // given
        SettableClock clock = SettableClock.at(START);
        Instant target = Instant.parse("2026-12-31T18:59:59Z");

        // when
        clock.set(target);

        // then
        assertThat(clock.instant()).isEqualTo(target);
    }

    @Test
    void should_share_time_when_viewed_in_another_zone() {
        // given
        SettableClock utc = SettableClock.at(START);
        SettableClock almaty = utc.withZone(ZoneId.of("Asia/Almaty"));

        // when
        utc.advance(Duration.ofHours(1));

        // then
        assertThat(almaty.getZone()).isEqualTo(ZoneId.of("Asia/Almaty"));
        assertThat(almaty.instant()).isEqualTo(START.plusSeconds(3600));
        assertThat(LocalDateTime.now(almaty)).isEqualTo(LocalDateTime.of(2026, 3, 2, 12, 0));
        assertThat(utc.withZone(ZoneOffset.UTC)).isSameAs(utc);
    }

    @Test
    void should_keep_every_step_when_threads_advance_concurrently() {
        // given
        SettableClock clock = SettableClock.at(START);

        // when
        Concurrency.race(8, i -> {
            for (int n = 0; n < 1_000; n++) {
                clock.advance(Duration.ofMillis(1));
            }
            return null;
        });

        // then
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(8));
    }
}
