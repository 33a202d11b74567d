package dev.aihq.api.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SLA clock's business hours: deadlines counted only while the shop answers, in its own zone. */
class BusinessHoursTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessHours NINE_TO_NINE = BusinessHours.daily(OpeningSpan.of(LocalTime.of(9, 0),
            LocalTime.of(21, 0)));

    @Test
    void should_add_the_answer_time_as_it_is_round_the_clock() {
        Instant night = Instant.parse("2026-03-02T20:30:00Z"); // 01:30 in Almaty

        assertThat(BusinessHours.always().deadline(night, Duration.ofHours(1), ALMATY))
                .isEqualTo(Instant.parse("2026-03-02T21:30:00Z"));
        assertThat(BusinessHours.always().isAlways()).isTrue();
        assertThat(NINE_TO_NINE.isAlways()).isFalse();
    }

    @Test
    void should_start_a_night_message_clock_at_the_next_opening_in_the_shops_zone() {
        // 23:40 in Almaty on Monday; the shop opens at 09:00
        Instant night = Instant.parse("2026-03-02T18:40:00Z");

        Instant deadline = NINE_TO_NINE.deadline(night, Duration.ofHours(1), ALMATY);

        assertThat(deadline.atZone(ALMATY).toLocalDateTime()).hasToString("2026-03-03T10:00");
        assertThat(NINE_TO_NINE.isOpen(night, ALMATY)).isFalse();
    }

    @Test
    void should_carry_what_is_left_at_closing_into_the_next_day() {
        // 20:00 in Almaty with 4 hours: 1 hour today, 3 tomorrow from 09:00
        Instant evening = Instant.parse("2026-03-02T15:00:00Z");

        Instant deadline = NINE_TO_NINE.deadline(evening, Duration.ofHours(4), ALMATY);

        assertThat(deadline.atZone(ALMATY).toLocalDateTime()).hasToString("2026-03-03T12:00");
    }

    @Test
    void should_skip_a_lunch_break_closed_weekdays_and_holidays() {
        // Mon-Fri 09-13 and 14-18; Friday 6 March 12:30 with 6 hours; 9 March (Monday) a holiday
        Map<DayOfWeek, List<OpeningSpan>> week = new java.util.EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(OpeningSpan.of(LocalTime.of(14, 0), LocalTime.of(18, 0)),
                    OpeningSpan.of(LocalTime.of(9, 0), LocalTime.of(13, 0))));
        }
        BusinessHours office = new BusinessHours(week, Set.of(LocalDate.of(2026, 3, 9)));
        Instant friday = LocalDate.of(2026, 3, 6).atTime(12, 30).atZone(ALMATY).toInstant();

        Instant deadline = office.deadline(friday, Duration.ofHours(6), ALMATY);

        // 30 min before lunch and 4 h after it on Friday; the last 1.5 h on Tuesday 10 March
        assertThat(deadline.atZone(ALMATY).toLocalDateTime()).hasToString("2026-03-10T10:30");
        assertThat(office.deadline(friday, Duration.ofHours(4), ALMATY).atZone(ALMATY).toLocalDateTime())
                .hasToString("2026-03-06T17:30");
        assertThat(office.week().get(DayOfWeek.MONDAY)).extracting(OpeningSpan::open)
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(14, 0));
    }

    @Test
    void should_count_local_hours_across_a_daylight_saving_change() {
        // Berlin moves to summer time on Sunday 29 March 2026 at 02:00; the shop is open the whole day
        BusinessHours sundays = new BusinessHours(Map.of(DayOfWeek.SUNDAY, List.of(OpeningSpan.WHOLE_DAY)), Set.of());
        Instant saturday = LocalDate.of(2026, 3, 28).atTime(22, 0).atZone(BERLIN).toInstant();

        Instant deadline = sundays.deadline(saturday, Duration.ofHours(3), BERLIN);

        // opens Sunday 00:00 local; three real hours later it is 04:00 local (02:00-03:00 does not exist)
        assertThat(deadline.atZone(BERLIN).toLocalDateTime()).hasToString("2026-03-29T04:00");
    }

    @Test
    void should_refuse_overlapping_spans_an_empty_week_and_a_negative_answer_time() {
        assertThatThrownBy(() -> new BusinessHours(Map.of(DayOfWeek.MONDAY, List.of(
                OpeningSpan.of(LocalTime.of(9, 0), LocalTime.of(13, 0)),
                OpeningSpan.of(LocalTime.of(12, 0), LocalTime.of(18, 0)))), Set.of()))
                .hasMessageContaining("opening spans of MONDAY overlap");
        assertThatThrownBy(() -> new BusinessHours(Map.of(), Set.of()))
                .hasMessageContaining("at least one opening span");
        assertThatThrownBy(() -> OpeningSpan.of(LocalTime.of(18, 0), LocalTime.of(9, 0)))
                .hasMessageContaining("must open before it closes");
        assertThatThrownBy(() -> NINE_TO_NINE.deadline(Instant.EPOCH, Duration.ofMinutes(-1), ALMATY))
                .hasMessageContaining("answer time must not be negative");
    }
}
