package dev.aihq.api.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportingPeriodTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void halfYearsCoverJanuaryToJuneAndJulyToDecember() {
        ReportingPeriod first = ReportingPeriod.parse("2026-H1");
        ReportingPeriod second = ReportingPeriod.parse("2026-H2");

        assertThat(first.start()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(first.end()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(second.start()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(second.end()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(second.label()).isEqualTo("2026-H2");
    }

    @Test
    void anUnknownFormNamesEveryAcceptedOne() {
        assertThatThrownBy(() -> ReportingPeriod.parse("2026-H3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-01").hasMessageContaining("2026-Q1")
                .hasMessageContaining("2026-H1").hasMessageContaining("(2026)");
        assertThatThrownBy(() -> ReportingPeriod.quarter(2026, 5)).hasMessageContaining("1-4");
    }

    @Test
    void thePreviousPeriodHasTheSameLengthAndCrossesYears() {
        assertThat(ReportingPeriod.parse("2026-01").previous()).isEqualTo(ReportingPeriod.parse("2025-12"));
        assertThat(ReportingPeriod.parse("2026-03").previous()).isEqualTo(ReportingPeriod.parse("2026-02"));
        assertThat(ReportingPeriod.parse("2026-Q1").previous()).isEqualTo(ReportingPeriod.parse("2025-Q4"));
        assertThat(ReportingPeriod.parse("2026-Q3").previous()).isEqualTo(ReportingPeriod.parse("2026-Q2"));
        assertThat(ReportingPeriod.parse("2026-H2").previous()).isEqualTo(ReportingPeriod.parse("2026-H1"));
        assertThat(ReportingPeriod.parse("2026-H1").previous()).isEqualTo(ReportingPeriod.parse("2025-H2"));
        assertThat(ReportingPeriod.parse("2026").previous()).isEqualTo(ReportingPeriod.parse("2025"));
    }

    @Test
    void aPeriodOfOtherDatesIsPrecededByAsManyDays() {
        ReportingPeriod tenDays = new ReportingPeriod("custom", LocalDate.of(2026, 3, 11), LocalDate.of(2026, 3, 21));

        ReportingPeriod previous = tenDays.previous();

        assertThat(previous.start()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(previous.end()).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(previous.label()).isEqualTo("2026-03-01/2026-03-11");
    }

    @Test
    void theInstantsFollowTheShopsTimeZone() {
        ReportingPeriod january = ReportingPeriod.parse("2026-01");

        // Almaty is UTC+5 since 1 March 2024, Moscow UTC+3
        assertThat(january.startIn(ALMATY)).isEqualTo(Instant.parse("2025-12-31T19:00:00Z"));
        assertThat(january.endIn(ALMATY)).isEqualTo(Instant.parse("2026-01-31T19:00:00Z"));
        assertThat(january.startIn(MOSCOW)).isEqualTo(Instant.parse("2025-12-31T21:00:00Z"));
    }

    @Test
    void anInstantLateOnTheLastLocalDayBelongsToThatPeriod() {
        // 31 January 23:30 in Almaty is 18:30 UTC the same day; 1 February 00:30 Almaty is still 31 January UTC
        Instant lateLastDay = Instant.parse("2026-01-31T18:30:00Z");
        Instant earlyNextDay = Instant.parse("2026-01-31T19:30:00Z");

        assertThat(ReportingPeriod.parse("2026-01").contains(lateLastDay, ALMATY)).isTrue();
        assertThat(ReportingPeriod.parse("2026-01").contains(earlyNextDay, ALMATY)).isFalse();
        assertThat(ReportingPeriod.parse("2026-02").contains(earlyNextDay, ALMATY)).isTrue();
        assertThat(ReportingPeriod.parse("2026-H1").contains(Instant.parse("2026-06-30T18:59:59Z"), ALMATY)).isTrue();
        assertThat(ReportingPeriod.parse("2026-H1").contains(Instant.parse("2026-06-30T19:00:00Z"), ALMATY)).isFalse();
        assertThat(ReportingPeriod.parse("2025").contains(Instant.parse("2025-12-31T18:59:59Z"), ALMATY)).isTrue();
        assertThat(ReportingPeriod.parse("2026").contains(Instant.parse("2025-12-31T19:00:00Z"), ALMATY)).isTrue();
    }
}
