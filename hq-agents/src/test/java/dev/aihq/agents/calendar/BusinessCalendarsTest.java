package dev.aihq.agents.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.calendar.BusinessCalendar;
import dev.aihq.api.error.ConfigurationException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BusinessCalendarsTest {

    private static final BusinessCalendar KZ = BusinessCalendars.shipped("KZ");
    private static final BusinessCalendar RU = BusinessCalendars.shipped("ru");

    @Test
    void should_know_kazakh_public_holidays_and_their_moves_off_weekends() {
        assertThat(days(KZ, false, "2025-01-01", "2025-01-02", "2025-01-07", "2025-03-10", "2025-03-21", "2025-03-24",
                "2025-03-25", "2025-05-01", "2025-05-07", "2025-05-09", "2025-06-06", "2025-07-07", "2025-09-01",
                "2025-10-27", "2025-12-16", "2026-01-02", "2026-03-09", "2026-03-23", "2026-03-24", "2026-03-25",
                "2026-05-11", "2026-05-27", "2026-07-06", "2026-12-16")).isTrue();
        // 31 December and 17 December are working days in Kazakhstan, unlike Russia's 31 December
        assertThat(days(KZ, true, "2025-12-17", "2025-12-31", "2025-05-08", "2026-01-05", "2026-03-10")).isTrue();
    }

    @Test
    void should_know_russian_holidays_and_the_government_transfers() {
        assertThat(days(RU, false, "2025-01-01", "2025-01-08", "2025-05-02", "2025-05-08", "2025-06-12", "2025-06-13",
                "2025-11-03", "2025-11-04", "2025-12-31", "2026-01-09", "2026-02-23", "2026-03-09", "2026-05-11",
                "2026-06-12", "2026-11-04", "2026-12-31")).isTrue();
        assertThat(days(RU, true, "2025-01-09", "2025-02-24", "2025-03-10", "2026-01-12", "2026-11-05")).isTrue();
    }

    @Test
    void should_treat_weekends_as_days_off_unless_transferred_to_working_days() {
        assertThat(RU.isWorkingDay(LocalDate.parse("2025-11-01"))).as("Saturday made a working day").isTrue();
        assertThat(KZ.isWorkingDay(LocalDate.parse("2025-01-05"))).as("Sunday made a working day").isTrue();
        assertThat(RU.isWorkingDay(LocalDate.parse("2025-11-08"))).isFalse();
        assertThat(KZ.isWorkingDay(LocalDate.parse("2026-06-14"))).isFalse();
    }

    @Test
    void should_move_deadlines_off_days_off_with_the_rule_and_its_status() {
        // Russia: 28 March 2026 is a Saturday; the УСН payment of an organisation is due on Monday 30 March
        assertThat(RU.dueDate(LocalDate.parse("2026-03-28"))).isEqualTo("2026-03-30");
        assertThat(RU.shift().confirmed()).isTrue();
        // Kazakhstan: 15 February 2026 is a Sunday; moved by an assumption, and said so
        assertThat(KZ.dueDate(LocalDate.parse("2026-02-15"))).isEqualTo("2026-02-16");
        assertThat(KZ.shift().isAssumption()).isTrue();
        // the Nauryz days off and the weekend before them push 21 March 2026 to Thursday 26 March
        assertThat(KZ.dueDate(LocalDate.parse("2026-03-21"))).isEqualTo("2026-03-26");
        assertThat(KZ.dueDate(LocalDate.parse("2026-08-25"))).isEqualTo("2026-08-25");
    }

    @Test
    void should_count_working_days() {
        // January 2026 in Russia: holidays to the 11th, then 15 working days
        assertThat(RU.workingDaysBetween(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01"))).isEqualTo(15);
        assertThat(RU.nextWorkingDay(LocalDate.parse("2025-12-30"))).isEqualTo("2026-01-12");
        assertThat(KZ.plusWorkingDays(LocalDate.parse("2026-03-20"), 1)).isEqualTo("2026-03-26");
        assertThat(KZ.plusWorkingDays(LocalDate.parse("2026-03-20"), 0)).isEqualTo("2026-03-20");
        assertThat(KZ.workingDaysBetween(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-01"))).isEqualTo(246);
    }

    @Test
    void should_refuse_dates_outside_the_covered_range() {
        assertThatThrownBy(() -> KZ.isWorkingDay(LocalDate.parse("2027-01-04")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KZ calendar covers 2025-01-01 to 2026-12-31, not 2027-01-04");
        assertThatThrownBy(() -> RU.nextWorkingDay(LocalDate.parse("2026-12-30")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusinessCalendars.shipped("UZ"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("shipped: KZ, RU");
    }

    @Test
    void should_name_file_and_line_of_a_bad_data_line() {
        String header = "country: KZ\ncovers: 2025-01-01 2025-12-31\ndeadline-shift: next-working-day confirmed test\n";
        assertThatThrownBy(() -> BusinessCalendars.parse("X.calendar", header + "2025-13-01 holiday bad month\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("X.calendar line 4").hasMessageContaining("'2025-13-01' is not a date");
        assertThatThrownBy(() -> BusinessCalendars.parse("X.calendar", header + "# ok\n2025-01-01 feast New Year\n"))
                .hasMessageContaining("X.calendar line 5").hasMessageContaining("unknown day kind 'feast'");
        assertThatThrownBy(() -> BusinessCalendars.parse("X.calendar", header + "2025-01-06 working-day a Monday\n"))
                .hasMessageContaining("line 4").hasMessageContaining("only a weekend day");
        assertThatThrownBy(() -> BusinessCalendars.parse("X.calendar", header + "2026-01-01 holiday next year\n"))
                .hasMessageContaining("line 4").hasMessageContaining("outside the covered range");
        assertThatThrownBy(() -> BusinessCalendars.parse("X.calendar",
                header + "2025-01-01 holiday a\n2025-01-01 holiday b\n")).hasMessageContaining("line 5")
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> BusinessCalendars.parse("X.calendar", "country: KZ\n2025-01-01 holiday a\n"))
                .hasMessageContaining("line 2").hasMessageContaining("after the country, covers and deadline-shift");
    }

    private static boolean days(BusinessCalendar calendar, boolean working, String... dates) {
        for (String date : dates) {
            assertThat(calendar.isWorkingDay(LocalDate.parse(date))).as(calendar.country() + " " + date).isEqualTo(working);
        }
        return true;
    }
}
