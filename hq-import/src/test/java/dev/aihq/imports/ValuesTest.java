package dev.aihq.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Money;
import dev.aihq.imports.table.TableCell;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ValuesTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    @Test
    void readsTheRegionsNumberFormats() {
        assertThat(Values.decimal("1 234,56")).isEqualByComparingTo("1234.56");
        assertThat(Values.decimal("1\u00A0234\u00A0567,5")).isEqualByComparingTo("1234567.5");
        assertThat(Values.decimal("1,234.56")).isEqualByComparingTo("1234.56");
        assertThat(Values.decimal("1.234,56")).isEqualByComparingTo("1234.56");
        assertThat(Values.decimal("1234.56")).isEqualByComparingTo("1234.56");
        assertThat(Values.decimal("1,5")).isEqualByComparingTo("1.5");
        assertThat(Values.decimal("1,234,567")).isEqualByComparingTo("1234567");
        assertThat(Values.decimal("(1 234)")).isEqualByComparingTo("-1234");
        assertThat(Values.decimal("−250")).isEqualByComparingTo("-250");
        assertThat(Values.decimal("-")).isNull();
        assertThat(Values.decimal("")).isNull();
        assertThat(Values.money("25 000,50 ₸", Money.KZT)).isEqualTo(Money.of("25000.50", Money.KZT));
        assertThat(Values.money("1 499 руб.", Money.RUB)).isEqualTo(Money.rub(1499));
    }

    @Test
    void refusesWhatIsNotANumber() {
        assertThatThrownBy(() -> Values.decimal("4 99O")).isInstanceOf(ValueFormatException.class)
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> Values.decimal("1,23,4")).isInstanceOf(ValueFormatException.class);
        assertThatThrownBy(() -> Values.decimal("1e5")).isInstanceOf(ValueFormatException.class);
        assertThatThrownBy(() -> Values.money("1 499 ₽", Money.KZT)).isInstanceOf(ValueFormatException.class)
                .hasMessageContaining("RUB");
    }

    @Test
    void readsTheCommonDateFormatsInTheShopsZone() {
        Instant midnight = Instant.parse("2026-03-01T00:00:00+05:00");
        assertThat(Values.instant("01.03.2026", ALMATY)).isEqualTo(midnight);
        assertThat(Values.instant("1.3.26", ALMATY)).isEqualTo(midnight);
        assertThat(Values.instant("01/03/2026", ALMATY)).isEqualTo(midnight);
        assertThat(Values.instant("2026-03-01", ALMATY)).isEqualTo(midnight);
        assertThat(Values.instant("01.03.2026 14:35", ALMATY)).isEqualTo(Instant.parse("2026-03-01T09:35:00Z"));
        assertThat(Values.instant("2026-03-01T10:15:00+03:00", ALMATY)).isEqualTo(Instant.parse("2026-03-01T07:15:00Z"));
        assertThat(Values.instant(new TableCell("46082", new BigDecimal("46082"), null), ALMATY)).isEqualTo(midnight);
        assertThatThrownBy(() -> Values.instant("31.02.2026", ALMATY)).isInstanceOf(ValueFormatException.class)
                .hasMessageContaining("not a valid date");
        assertThatThrownBy(() -> Values.instant("March 1", ALMATY)).isInstanceOf(ValueFormatException.class);
    }
}
