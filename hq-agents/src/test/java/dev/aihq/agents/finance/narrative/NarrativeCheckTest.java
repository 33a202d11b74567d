package dev.aihq.agents.finance.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.agents.finance.narrative.NarrativeCheck.Metric;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NarrativeCheckTest {

    /** The seed's month: revenue 1 250 000, expenses 830 000, profit 420 000, tax 63 000 at 15 %. */
    private static final NarrativeCheck SEED = NarrativeCheck.builder()
            .amount(new BigDecimal("1250000")).amount(new BigDecimal("830000")).amount(new BigDecimal("420000"))
            .amount(new BigDecimal("63000")).percent(new BigDecimal("15")).percent(new BigDecimal("33.6"))
            .percent(new BigDecimal("6.96")).amount(new BigDecimal("-12400.50")).amount(BigDecimal.valueOf(3))
            .date(LocalDate.of(2026, 4, 28)).label("2026-01").label("2026")
            .change(Metric.REVENUE, 1).change(Metric.PROFIT, -1)
            .build();

    @Test
    void should_pass_a_narrative_that_restates_the_reports_numbers_in_any_usual_form() {
        // given
        String text = """
                1. Выручка за 2026-01 выросла до 1 250 000 ₸, расходы — 830\u00A0000 ₸, прибыль 420 000 ₸.
                2. Налог 63 000 ₸ по ставке 15 %; маржа 33,6 %, то есть около 34 %.
                3. Три товара убыточны: по одному из них убыток 12 400,50 ₸. Поднимите цену на 7 %.
                4. Revenue was 1,250,000, or 1.25 million; 1,25 млн ₸. Авансовый платёж до 28.04.2026 за 2026 год.
                """;

        // when / then
        assertThat(SEED.problems(text)).isEmpty();
    }

    @Test
    void should_name_every_number_the_report_does_not_have() {
        // given
        String text = "Прибыль составила 430 000 ₸, налог 6 300 ₸, поднимите цену на 9 %.";

        // when / then
        assertThat(SEED.problems(text)).containsExactly(
                "states 430 000, which is not in the computed report",
                "states 6 300, which is not in the computed report",
                "states 9 %, which is not in the computed report");
    }

    @Test
    void should_not_take_an_amount_for_a_percentage() {
        // given: 3 is a count of the report, not one of its percentages
        String text = "Маржа снизилась на 3 %.";

        // when / then
        assertThat(SEED.problems(text)).containsExactly("states 3 %, which is not in the computed report");
    }

    @Test
    void should_refuse_dates_and_periods_the_report_does_not_have() {
        // given
        String text = "Подайте декларацию до 15.08.2026 за период 2026-H1.";

        // when / then
        assertThat(SEED.problems(text)).containsExactly(
                "states the date 15.08.2026, which is not in the computed report",
                "states the period 2026-H1, which is not in the computed report");
    }

    @Test
    void should_refuse_a_direction_that_contradicts_the_computed_change() {
        // given: profit fell and revenue rose in the report
        String text = "Прибыль выросла по сравнению с прошлым месяцем. Выручка снизилась. Пайда өсті.";

        // when
        var problems = SEED.problems(text);

        // then
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith("says profit went up, but the computed change is a decrease");
        assertThat(problems.get(1)).startsWith("says revenue went down, but the computed change is an increase");
        assertThat(problems.get(2)).contains("Пайда өсті");
    }

    @Test
    void should_judge_each_clause_of_a_sentence_on_its_own() {
        // given
        String right = "Выручка выросла, а прибыль снизилась.";
        String wrong = "Выручка снизилась, а прибыль выросла.";

        // when / then
        assertThat(SEED.problems(right)).isEmpty();
        assertThat(SEED.problems(wrong)).hasSize(2);
    }

    @Test
    void should_read_a_comma_group_as_thousands_or_decimals_whichever_the_report_has() {
        // given
        NarrativeCheck check = NarrativeCheck.builder().amount(new BigDecimal("1250")).amount(new BigDecimal("2.5"))
                .build();

        // when / then
        assertThat(check.problems("Себестоимость 1,250 ₸ за штуку, доставка 2,5 ₸.")).isEmpty();
        assertThat(check.problems("Доставка 2,6 ₸.")).containsExactly("states 2,6, which is not in the computed report");
    }
}
