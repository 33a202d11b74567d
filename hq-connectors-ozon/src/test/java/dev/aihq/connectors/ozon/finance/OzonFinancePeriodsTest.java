package dev.aihq.connectors.ozon.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.event.ReportingPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class OzonFinancePeriodsTest {

    @Test
    void aRangeIsCutAtTheStartsOfUtcMonths() {
        assertThat(OzonFinancePeriods.months(at("2025-02-10T08:00:00Z"), at("2025-04-05T00:00:00Z"))).containsExactly(
                window("2025-02-10T08:00:00Z", "2025-03-01T00:00:00Z"),
                window("2025-03-01T00:00:00Z", "2025-04-01T00:00:00Z"),
                window("2025-04-01T00:00:00Z", "2025-04-05T00:00:00Z"));
    }

    @Test
    void aRangeWithinOneMonthIsOneWindow() {
        assertThat(OzonFinancePeriods.months(at("2025-06-03T10:00:00Z"), at("2025-06-20T10:00:00Z")))
                .containsExactly(window("2025-06-03T10:00:00Z", "2025-06-20T10:00:00Z"));
        // Up to the month's end exactly: still one window.
        assertThat(OzonFinancePeriods.months(at("2025-06-01T00:00:00Z"), at("2025-07-01T00:00:00Z")))
                .containsExactly(OzonFinancePeriods.month(YearMonth.of(2025, 6)));
    }

    @Test
    void februaryOfALeapYearHas29Days() {
        List<OzonFinanceWindow> leap = OzonFinancePeriods.months(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1));
        assertThat(leap).containsExactly(
                window("2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z"),
                window("2024-03-01T00:00:00Z", "2024-03-02T00:00:00Z"));
        assertThat(days(leap.get(0))).isEqualTo(29);
        assertThat(days(OzonFinancePeriods.month(YearMonth.of(2023, 2)))).isEqualTo(28);
        assertThat(days(OzonFinancePeriods.month(YearMonth.of(2000, 2)))).isEqualTo(29);
        assertThat(days(OzonFinancePeriods.month(YearMonth.of(2100, 2)))).isEqualTo(28);
        // 29 February itself falls in February's window.
        assertThat(OzonFinancePeriods.months(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 2, 29)))
                .containsExactly(window("2024-02-29T00:00:00Z", "2024-03-01T00:00:00Z"));
    }

    @Test
    void aRangeOverTheYearsEndAndWholeYearsIsOneWindowAMonth() {
        assertThat(OzonFinancePeriods.months(at("2024-12-31T23:59:59Z"), at("2025-01-01T00:00:01Z"))).containsExactly(
                window("2024-12-31T23:59:59Z", "2025-01-01T00:00:00Z"),
                window("2025-01-01T00:00:00Z", "2025-01-01T00:00:01Z"));
        List<OzonFinanceWindow> year = OzonFinancePeriods.months(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        assertThat(year).hasSize(12);
        assertThat(year.stream().mapToLong(OzonFinancePeriodsTest::days).sum()).isEqualTo(366);
        for (int i = 1; i < year.size(); i++) {
            assertThat(year.get(i).from()).isEqualTo(year.get(i - 1).to());
        }
        // No window is longer than the longest month.
        assertThat(year).allSatisfy(w -> assertThat(days(w)).isBetween(28L, 31L));
    }

    @Test
    void anEmptyRangeHasNoWindowAndAReversedOneIsRefused() {
        assertThat(OzonFinancePeriods.months(at("2025-06-01T00:00:00Z"), at("2025-06-01T00:00:00Z"))).isEmpty();
        assertThatThrownBy(() -> OzonFinancePeriods.months(at("2025-06-02T00:00:00Z"), at("2025-06-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OzonFinancePeriods.months(LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> window("2025-06-01T00:00:00Z", "2025-06-01T00:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMoscowShopsMonthIsTwoWindowsEndingAtItsLocalMonthsEnd() {
        ReportingPeriod june = ReportingPeriod.month(YearMonth.of(2025, 6));
        ZoneId moscow = ZoneId.of("Europe/Moscow");

        assertThat(OzonFinancePeriods.months(june.startIn(moscow), june.endIn(moscow))).containsExactly(
                window("2025-05-31T21:00:00Z", "2025-06-01T00:00:00Z"),
                window("2025-06-01T00:00:00Z", "2025-06-30T21:00:00Z"));
    }

    private static long days(OzonFinanceWindow window) {
        return ChronoUnit.DAYS.between(window.from(), window.to());
    }

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    private static OzonFinanceWindow window(String from, String to) {
        return new OzonFinanceWindow(at(from), at(to));
    }
}
