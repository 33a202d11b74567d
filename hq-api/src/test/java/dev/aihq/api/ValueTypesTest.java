package dev.aihq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.event.EventDate;
import dev.aihq.api.event.ReportingPeriod;
import dev.aihq.api.shop.QuietHours;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void should_reject_shop_ids_with_spaces_or_too_long() {
        assertThat(ShopId.of("kaspi_123").value()).isEqualTo("kaspi_123");
        assertThatThrownBy(() -> ShopId.of("kaspi 123")).hasMessageContaining("shop id");
        assertThatThrownBy(() -> ShopId.of("x".repeat(65))).hasMessageContaining("1-64");
    }

    @Test
    void should_accept_wb_as_wildberries() {
        assertThat(Marketplace.of("WB")).isEqualTo(Marketplace.WILDBERRIES);
        assertThat(Marketplace.of("kaspi")).isEqualTo(Marketplace.KASPI);
        assertThat(Marketplace.of("yandex_market").code()).isEqualTo("yandex_market");
    }

    @Test
    void should_parse_months_quarters_and_years() {
        assertThat(ReportingPeriod.parse("2026-01").end()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(ReportingPeriod.parse("2026-Q4").start()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(ReportingPeriod.parse("2026-Q4").end()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(ReportingPeriod.parse("2025").end()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThatThrownBy(() -> ReportingPeriod.parse("2026-13")).hasMessageContaining("month");
        assertThatThrownBy(() -> ReportingPeriod.parse("январь")).hasMessageContaining("2026-Q1");
    }

    @Test
    void should_keep_days_and_moments_apart() {
        assertThat(EventDate.parse("2026-02-18").dateTime()).isNull();
        EventDate moment = EventDate.parse("2026-03-10T09:00+05:00");
        assertThat(moment.date()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(moment.dateTime()).isNotNull();
        assertThat(moment.dateTime().toInstant().toString()).isEqualTo("2026-03-10T04:00:00Z");
    }

    @Test
    void should_span_midnight_when_quiet_hours_end_before_they_start() {
        QuietHours night = QuietHours.of(LocalTime.of(22, 0), LocalTime.of(9, 0));
        assertThat(night.contains(LocalTime.of(23, 30))).isTrue();
        assertThat(night.contains(LocalTime.of(3, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(9, 0))).isFalse();
        assertThat(night.contains(LocalTime.of(21, 59))).isFalse();
        QuietHours lunch = QuietHours.of(LocalTime.of(13, 0), LocalTime.of(14, 0));
        assertThat(lunch.contains(LocalTime.of(13, 30))).isTrue();
        assertThat(lunch.contains(LocalTime.of(14, 0))).isFalse();
    }
}
