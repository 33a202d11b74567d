package dev.aihq.agents.finance.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Money;
import dev.aihq.api.event.ReportingPeriod;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.TaxMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TaxEngineTest {

    private static final TaxEngine ENGINE = TaxEngine.shipped();

    @Test
    void v1_kz_ip_simplified_2026_first_half_year_is_all_ipn_at_4_percent() {
        // given
        TaxRequest request = kz910(LegalForm.IP, half(2026, 1), 30_000_000).build();

        // when
        TaxAssessment a = ENGINE.assess(request);

        // then: 30,000,000 × 4 % = 1,200,000, all IPN, no social tax
        assertThat(a.taxDue()).isEqualTo(Money.kzt(1_200_000));
        assertThat(a.ratePercent()).isEqualByComparingTo("4");
        assertThat(a.ruleId()).isEqualTo("kz.2026.910.rate");
        assertThat(a.component("ИПН").amount()).isEqualTo(Money.kzt(1_200_000));
        assertThat(a.components()).extracting(TaxComponent::name).doesNotContain("социальный налог");
        assertThat(a.estimate()).isFalse();
        assertThat(a.estimateLabel()).isNull();
        assertThat(a.taxPeriod().label()).isEqualTo("2026-H1");
        assertThat(a.warnings()).isEmpty();
        // the location was not given: the base rate is used and said so
        assertThat(a.assumptions()).anyMatch(s -> s.contains("no maslikhat rate was given"));
        // 15 August 2026 is a Saturday: the declaration moves to Monday 17 August, by an assumption
        DueDate declaration = a.due(DueKind.DECLARATION);
        assertThat(declaration.statutoryDate()).isEqualTo("2026-08-15");
        assertThat(declaration.dueDate()).isEqualTo("2026-08-17");
        assertThat(a.assumptions()).anyMatch(s -> s.contains("falls on a day off (2026-08-15) and is moved to 2026-08-17"));
        assertThat(a.due(DueKind.PAYMENT).dueDate()).isEqualTo("2026-08-25");
        assertThat(a.vat().status()).isEqualTo(VatObligation.Status.NOT_ALLOWED);
    }

    @Test
    void v2_kz_ip_simplified_2025_first_half_year_splits_ipn_and_social_tax_reduced_by_so() {
        // given: СО for self at 1 МЗП: 5 % × 85,000 × 6 = 25,500
        TaxRequest request = kz910(LegalForm.IP, half(2025, 1), 30_000_000).contributions(Money.kzt(25_500)).build();

        // when
        TaxAssessment a = ENGINE.assess(request);

        // then: 900,000 → IPN 450,000 + social tax 450,000 − 25,500 = 424,500
        assertThat(a.ratePercent()).isEqualByComparingTo("3");
        assertThat(a.component("ИПН").amount()).isEqualTo(Money.kzt(450_000));
        assertThat(a.component("уменьшение на СО").amount()).isEqualTo(Money.kzt(-25_500));
        assertThat(a.component("социальный налог").amount()).isEqualTo(Money.kzt(424_500));
        assertThat(a.taxDue()).isEqualTo(Money.kzt(874_500));
        assertThat(a.due(DueKind.DECLARATION).dueDate()).isEqualTo("2025-08-15");
        assertThat(a.due(DueKind.PAYMENT).dueDate()).isEqualTo("2025-08-25");
        assertThat(a.warnings()).isEmpty();
        assertThat(a.assumptions()).anyMatch(s -> s.startsWith("[kz.2025.910-gross-income]"));
    }

    @Test
    void should_never_let_so_make_the_2025_social_tax_negative() {
        TaxAssessment a = ENGINE.assess(kz910(LegalForm.IP, half(2025, 1), 1_000_000)
                .contributions(Money.kzt(25_500)).build());

        // 30,000 → IPN 15,000; social half 15,000 − 25,500 → 0
        assertThat(a.component("социальный налог").amount()).isEqualTo(Money.kzt(0));
        assertThat(a.taxDue()).isEqualTo(Money.kzt(15_000));
    }

    @Test
    void v3_ru_usn_income_minus_expenses_2025_pays_the_minimum_tax() {
        // given
        TaxRequest request = ru(TaxMode.RU_USN_INCOME_MINUS_EXPENSES, LegalForm.IP, year(2025), 10_000_000)
                .expense(ExpenseKind.COST_OF_GOODS, Money.rub(8_000_000))
                .expense(ExpenseKind.MARKETPLACE_COMMISSION, Money.rub(1_200_000))
                .expense(ExpenseKind.DELIVERY, Money.rub(300_000))
                .previousYearIncome(Money.rub(9_000_000))
                .build();

        // when
        TaxAssessment a = ENGINE.assess(request);

        // then: 500,000 × 15 % = 75,000 < 1 % × 10,000,000 = 100,000
        assertThat(a.base()).isEqualTo(Money.rub(500_000));
        assertThat(a.component("налог по ставке").amount()).isEqualTo(Money.rub(75_000));
        assertThat(a.component("минимальный налог").amount()).isEqualTo(Money.rub(100_000));
        assertThat(a.component("разница, включаемая в расходы будущих лет").amount()).isEqualTo(Money.rub(25_000));
        assertThat(a.taxDue()).isEqualTo(Money.rub(100_000));
        assertThat(a.vat().status()).isEqualTo(VatObligation.Status.EXEMPT);
        assertThat(a.estimate()).isFalse();
    }

    @Test
    void v4_ru_usn_income_2025_is_reduced_by_all_of_the_ip_contributions_without_employees() {
        // given: no contributions given, so the year's formula is used: 53,658 + 1 % × (3,000,000 − 300,000)
        TaxRequest request = ru(TaxMode.RU_USN_INCOME, LegalForm.IP, year(2025), 3_000_000).build();

        // when
        TaxAssessment a = ENGINE.assess(request);

        // then: 180,000 − 80,658 = 99,342
        assertThat(a.component("страховые взносы ИП за себя").amount()).isEqualTo(Money.rub(80_658));
        assertThat(a.component("налог до уменьшения").amount()).isEqualTo(Money.rub(180_000));
        assertThat(a.component("уменьшение на страховые взносы").amount()).isEqualTo(Money.rub(-80_658));
        assertThat(a.taxDue()).isEqualTo(Money.rub(99_342));
        assertThat(a.assumptions()).anyMatch(s -> s.contains("taken as paid"));

        // the same with the contributions given explicitly
        TaxAssessment given = ENGINE.assess(ru(TaxMode.RU_USN_INCOME, LegalForm.IP, year(2025), 3_000_000)
                .contributions(Money.rub(80_658)).build());
        assertThat(given.taxDue()).isEqualTo(Money.rub(99_342));
    }

    @Test
    void should_limit_the_usn_income_reduction_to_half_with_employees() {
        TaxAssessment a = ENGINE.assess(ru(TaxMode.RU_USN_INCOME, LegalForm.IP, year(2025), 1_000_000)
                .contributions(Money.rub(50_000)).employees(true).build());

        // 60,000 tax, 50,000 contributions, at most 30,000 off
        assertThat(a.taxDue()).isEqualTo(Money.rub(30_000));
    }

    @Test
    void v5_kz_too_general_regime_2026_cit_below_the_vat_threshold() {
        // given
        TaxRequest request = TaxRequest.builder().country("KZ").taxMode(TaxMode.KZ_GENERAL).legalForm(LegalForm.TOO)
                .period(year(2026)).income(Money.kzt(40_000_000))
                .expense(ExpenseKind.COST_OF_GOODS, Money.kzt(22_000_000))
                .expense(ExpenseKind.MARKETPLACE_COMMISSION, Money.kzt(4_800_000))
                .expense(ExpenseKind.DELIVERY, Money.kzt(1_200_000))
                .expense(ExpenseKind.OTHER, Money.kzt(2_000_000))
                .build();

        // when
        TaxAssessment a = ENGINE.assess(request);

        // then: (40,000,000 − 30,000,000) × 20 % = 2,000,000
        assertThat(a.regime()).isEqualTo("KZ_GENERAL_TOO_CIT");
        assertThat(a.base()).isEqualTo(Money.kzt(10_000_000));
        assertThat(a.taxDue()).isEqualTo(Money.kzt(2_000_000));
        assertThat(a.base().minus(a.taxDue())).isEqualTo(Money.kzt(8_000_000));
        assertThat(a.vat().status()).isEqualTo(VatObligation.Status.EXEMPT);
        assertThat(a.vat().threshold()).isEqualTo(Money.kzt(43_250_000));
        // 40,000,000 is 92.4855 % of 43,250,000 (shown cut to 92.48): a warning, not crossed
        ThresholdWarning vat = a.warnings().get(0);
        assertThat(vat.kind()).isEqualTo(ThresholdKind.VAT_REGISTRATION);
        assertThat(vat.crossed()).isFalse();
        assertThat(vat.percentReached()).isEqualByComparingTo("92.48");
        assertThat(vat.consequence()).contains("5 working days").contains("cannot register for VAT");
        assertThat(a.assumptions()).anyMatch(s -> s.startsWith("[kz.2026.cit.art-286]"));
    }

    @Test
    void should_read_the_seeds_ip_usn_as_usn_income_minus_expenses_with_an_assumption() {
        // given: the seed's shop, tax_mode "IP_USN", revenue 1,250,000, costs 830,000
        ResolvedTaxMode mode = TaxModeResolver.resolve("IP_USN", "RU");
        TaxRequest request = TaxRequest.builder().country("RU").taxMode(mode).legalForm(LegalForm.IP)
                .period(year(2025)).income(Money.rub(1_250_000))
                .expense(ExpenseKind.COST_OF_GOODS, Money.rub(830_000))
                .previousYearIncome(Money.rub(1_000_000))
                .build();

        // when
        TaxAssessment a = ENGINE.assess(request);

        // then
        assertThat(a.mode()).isEqualTo(TaxMode.RU_USN_INCOME_MINUS_EXPENSES);
        assertThat(a.base()).isEqualTo(Money.rub(420_000));
        assertThat(a.taxDue()).isEqualTo(Money.rub(63_000));
        assertThat(a.component("минимальный налог").amount()).isEqualTo(Money.rub(12_500));
        assertThat(a.assumptions()).anyMatch(s -> s.startsWith("tax mode IP_USN is read as RU_USN_INCOME_MINUS_EXPENSES"));
    }

    @Test
    void should_give_a_labelled_estimate_for_a_month_of_a_910_half_year_with_its_due_dates() {
        // given
        TaxRequest request = kz910(LegalForm.IP, ReportingPeriod.parse("2026-03"), 5_000_000)
                .yearToDateIncome(Money.kzt(14_000_000)).build();

        // when
        TaxAssessment a = ENGINE.assess(request);

        // then
        assertThat(a.taxDue()).isEqualTo(Money.kzt(200_000));
        assertThat(a.estimate()).isTrue();
        assertThat(a.estimateLabel()).isEqualTo("accrual estimate for 2026-03, part of tax period 2026-H1");
        assertThat(a.taxPeriod().start()).isEqualTo("2026-01-01");
        assertThat(a.taxPeriod().end()).isEqualTo("2026-07-01");
        assertThat(a.dueDates()).extracting(DueDate::kind, DueDate::dueDate).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DueKind.DECLARATION, LocalDate.parse("2026-08-17")),
                org.assertj.core.groups.Tuple.tuple(DueKind.PAYMENT, LocalDate.parse("2026-08-25")));
    }

    @Test
    void should_compare_the_usn_minimum_tax_only_for_the_full_year() {
        // given: V3's figures for one quarter
        TaxRequest request = ru(TaxMode.RU_USN_INCOME_MINUS_EXPENSES, LegalForm.IP, ReportingPeriod.parse("2025-Q1"),
                10_000_000).expense(ExpenseKind.COST_OF_GOODS, Money.rub(9_500_000)).build();

        // when
        TaxAssessment a = ENGINE.assess(request);

        // then: the rate only, and the Q1 advance is due on 28 April
        assertThat(a.taxDue()).isEqualTo(Money.rub(75_000));
        assertThat(a.components()).extracting(TaxComponent::name).doesNotContain("минимальный налог");
        assertThat(a.notes()).anyMatch(s -> s.contains("compared only for the full year"));
        assertThat(a.estimateLabel()).isEqualTo("accrual estimate for 2025-Q1, part of tax period 2025");
        assertThat(a.due(DueKind.ADVANCE_PAYMENT).dueDate()).isEqualTo("2025-04-28");
        assertThat(a.due(DueKind.PAYMENT).dueDate()).isEqualTo("2026-04-28");
    }

    @Test
    void should_choose_the_rules_of_the_periods_tax_year() {
        TaxAssessment in2025 = ENGINE.assess(kz910(LegalForm.TOO, ReportingPeriod.parse("2025-05"), 1_000_000).build());
        TaxAssessment in2026 = ENGINE.assess(kz910(LegalForm.TOO, ReportingPeriod.parse("2026-05"), 1_000_000).build());

        assertThat(in2025.taxYear()).isEqualTo(2025);
        assertThat(in2025.ruleId()).isEqualTo("kz.2025.910.rate");
        assertThat(in2025.taxDue()).isEqualTo(Money.kzt(30_000));
        assertThat(in2025.component("КПН").amount()).isEqualTo(Money.kzt(15_000));
        assertThat(in2026.ruleId()).isEqualTo("kz.2026.910.rate");
        assertThat(in2026.taxDue()).isEqualTo(Money.kzt(40_000));
        assertThat(in2026.component("КПН").amount()).isEqualTo(Money.kzt(40_000));
    }

    @Test
    void should_apply_the_maslikhat_rate_of_the_location_within_the_legal_band() {
        // given: Almaty city set 3 % for 2026
        LocalRate almaty = new LocalRate(new BigDecimal("3"), "Almaty city maslikhat decision (2026)");
        TaxAssessment a = ENGINE.assess(kz910(LegalForm.IP, half(2026, 1), 30_000_000).localRate(almaty).build());

        assertThat(a.ratePercent()).isEqualByComparingTo("3");
        assertThat(a.taxDue()).isEqualTo(Money.kzt(900_000));
        assertThat(a.ruleId()).isEqualTo("kz.2026.910.maslikhat-band");
        assertThat(a.source()).startsWith("Almaty city maslikhat decision (2026)");
        assertThat(a.assumptions()).noneMatch(s -> s.contains("no maslikhat rate"));

        LocalRate tooHigh = new LocalRate(new BigDecimal("7"), "made up");
        assertThatThrownBy(() -> ENGINE.assess(kz910(LegalForm.IP, half(2026, 1), 1).localRate(tooHigh).build()))
                .isInstanceOf(TaxRefusedException.class).hasMessageContaining("outside the band 2–6 %");
    }

    @Test
    void should_round_kazakh_2026_tax_to_whole_tenge_half_up_and_say_the_half_way_rule_is_assumed() {
        // 12,345.50 × 4 % = 493.82 → 494
        TaxAssessment a = ENGINE.assess(kz910(LegalForm.IP, ReportingPeriod.parse("2026-01"), 0)
                .income(Money.of("12345.50", Money.KZT)).build());

        assertThat(a.taxDue()).isEqualTo(Money.kzt(494));
        assertThat(a.assumptions()).anyMatch(s -> s.startsWith("[kz.2026.rounding-half-up]"));
    }

    @Test
    void should_warn_at_80_percent_of_the_910_ceiling_and_on_crossing_it() {
        // 600,000 МРП × 4,325 = 2,595,000,000; 80 % = 2,076,000,000
        TaxAssessment near = ENGINE.assess(kz910(LegalForm.IP, half(2026, 2), 1_000_000_000)
                .yearToDateIncome(Money.kzt(2_076_000_000L)).build());
        ThresholdWarning warning = near.warnings().get(0);
        assertThat(warning.kind()).isEqualTo(ThresholdKind.REGIME_CEILING);
        assertThat(warning.threshold()).isEqualTo(Money.kzt(2_595_000_000L));
        assertThat(warning.percentReached()).isEqualByComparingTo("80.00");
        assertThat(warning.crossed()).isFalse();

        TaxAssessment below = ENGINE.assess(kz910(LegalForm.IP, half(2026, 2), 1_000_000_000)
                .yearToDateIncome(Money.kzt(2_075_999_999L)).build());
        assertThat(below.warnings()).isEmpty();

        TaxAssessment crossed = ENGINE.assess(kz910(LegalForm.IP, half(2026, 2), 1_000_000_000)
                .yearToDateIncome(Money.kzt(2_600_000_000L)).build());
        assertThat(crossed.warnings().get(0).crossed()).isTrue();
        assertThat(crossed.assumptions()).anyMatch(s -> s.startsWith("[kz.2026.910.ceiling-exceeded]"));

        TaxAssessment earlier = ENGINE.assess(kz910(LegalForm.IP, half(2026, 2), 1_000_000_000)
                .yearToDateIncome(Money.kzt(1_600_000_000L)).warningShare(new BigDecimal("0.6")).build());
        assertThat(earlier.warnings()).hasSize(1);
    }

    @Test
    void should_warn_when_a_russian_usn_payer_crosses_the_vat_exemption_threshold() {
        // 2026: the exemption ends above 20,000,000; crossed in March
        TaxAssessment a = ENGINE.assess(ru(TaxMode.RU_USN_INCOME, LegalForm.IP, ReportingPeriod.parse("2026-03"),
                6_000_000).yearToDateIncome(Money.rub(25_000_000)).previousYearIncome(Money.rub(15_000_000)).build());

        assertThat(a.vat().status()).isEqualTo(VatObligation.Status.OBLIGED_FROM_CROSSING);
        assertThat(a.vat().ratePercent()).isEqualByComparingTo("5");
        assertThat(a.warnings()).extracting(ThresholdWarning::kind, ThresholdWarning::crossed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ThresholdKind.VAT_REGISTRATION, true));
        assertThat(a.due(DueKind.ADVANCE_PAYMENT).dueDate()).isEqualTo("2026-04-28");
    }

    @Test
    void should_refuse_unknown_modes_and_ip_usn_for_a_kazakh_shop() {
        assertThatThrownBy(() -> TaxModeResolver.resolve("PATENT", "KZ"))
                .isInstanceOf(UnknownTaxModeException.class)
                .hasMessageContaining("'PATENT'").hasMessageContaining("KZ_SIMPLIFIED_DECLARATION");
        assertThatThrownBy(() -> TaxModeResolver.resolve("IP_USN", "KZ"))
                .isInstanceOf(UnknownTaxModeException.class)
                .hasMessageContaining("Kazakhstan does not have")
                .satisfies(e -> assertThat(((UnknownTaxModeException) e).accepted()).doesNotContain("IP_USN"));
        assertThatThrownBy(() -> TaxModeResolver.resolve("RU_NPD", "KZ")).hasMessageContaining("another country");
        assertThat(TaxModeResolver.resolve(" ru_usn_income ", "RU").mode()).isEqualTo(TaxMode.RU_USN_INCOME);
        assertThat(TaxModeResolver.resolve("RU_USN_INCOME", "RU").assumption()).isNull();
    }

    @Test
    void should_refuse_what_the_rule_data_cannot_support() {
        assertThatThrownBy(() -> ENGINE.assess(TaxRequest.builder().country("KZ").taxMode(TaxMode.KZ_RETAIL_TAX)
                .legalForm(LegalForm.IP).period(year(2026)).income(Money.kzt(1)).build()))
                .isInstanceOf(TaxRefusedException.class).hasMessageContaining("abolished from 1 January 2026");
        assertThatThrownBy(() -> ENGINE.assess(TaxRequest.builder().country("KZ").taxMode(TaxMode.KZ_RETAIL_TAX)
                .legalForm(LegalForm.IP).period(year(2025)).income(Money.kzt(1)).build()))
                .hasMessageStartingWith("not supported yet: KZ retail tax");
        assertThatThrownBy(() -> ENGINE.assess(ru(TaxMode.RU_GENERAL, LegalForm.OOO, year(2026), 1).build()))
                .hasMessageStartingWith("not supported yet: RU general system");
        assertThatThrownBy(() -> ENGINE.assess(ru(TaxMode.RU_USN_INCOME, LegalForm.IP, year(2027), 1).build()))
                .hasMessageContaining("no tax rules for RU 2027");
        assertThatThrownBy(() -> ENGINE.assess(kz910(LegalForm.IP, year(2026), 1).build()))
                .hasMessageContaining("spans both half-years");
        assertThatThrownBy(() -> ENGINE.assess(ru(TaxMode.RU_NPD, LegalForm.OOO, ReportingPeriod.parse("2026-01"), 1)
                .build())).hasMessageContaining("not open to a ООО");
    }

    @Test
    void should_move_a_russian_due_date_off_a_weekend_by_the_confirmed_rule() {
        // an organisation's УСН tax for 2025 is due 28 March 2026, a Saturday → Monday 30 March
        TaxAssessment a = ENGINE.assess(ru(TaxMode.RU_USN_INCOME_MINUS_EXPENSES, LegalForm.OOO, year(2025), 1_000_000)
                .previousYearIncome(Money.rub(1_000_000)).build());

        DueDate payment = a.due(DueKind.PAYMENT);
        assertThat(payment.statutoryDate()).isEqualTo("2026-03-28");
        assertThat(payment.dueDate()).isEqualTo("2026-03-30");
        assertThat(payment.moved()).isTrue();
        assertThat(payment.checkedAgainstCalendar()).isTrue();
        assertThat(a.assumptions()).noneMatch(s -> s.contains("moved to"));
    }

    @Test
    void should_move_a_kazakh_due_date_by_assumption_and_leave_uncovered_years_unchecked() {
        // H2 2025: declaration 15 February 2026, a Sunday → 16 February
        TaxAssessment h2of2025 = ENGINE.assess(kz910(LegalForm.IP, half(2025, 2), 1_000_000)
                .firstHalfYearIncome(Money.kzt(0)).build());
        assertThat(h2of2025.due(DueKind.DECLARATION).dueDate()).isEqualTo("2026-02-16");
        assertThat(h2of2025.assumptions()).anyMatch(s -> s.contains("moved to 2026-02-16 by assumption"));

        // H2 2026: due in 2027, beyond the shipped calendar
        TaxAssessment h2of2026 = ENGINE.assess(kz910(LegalForm.IP, half(2026, 2), 1_000_000).build());
        DueDate declaration = h2of2026.due(DueKind.DECLARATION);
        assertThat(declaration.dueDate()).isEqualTo("2027-02-15");
        assertThat(declaration.checkedAgainstCalendar()).isFalse();
        assertThat(h2of2026.assumptions()).anyMatch(s -> s.contains("not checked for days off"));
    }

    @Test
    void should_tax_npd_income_from_individuals_and_businesses_at_their_rates() {
        TaxAssessment a = ENGINE.assess(ru(TaxMode.RU_NPD, LegalForm.IP, ReportingPeriod.parse("2026-03"), 100_000)
                .incomeFromBusinesses(Money.rub(20_000)).build());

        // 80,000 × 4 % + 20,000 × 6 % = 4,400, due 28 April
        assertThat(a.taxDue()).isEqualTo(Money.rub(4_400));
        assertThat(a.estimate()).isFalse();
        assertThat(a.due(DueKind.PAYMENT).dueDate()).isEqualTo("2026-04-28");
        assertThat(a.notes()).anyMatch(s -> s.contains("reselling"));
    }

    @Test
    void should_apply_the_2026_progressive_scale_to_an_ip_on_the_kazakh_general_regime() {
        // bracket 230,000 × 4,325 = 994,750,000: 99,475,000 + 5,250,000 × 15 % = 100,262,500
        TaxAssessment in2026 = ENGINE.assess(TaxRequest.builder().country("KZ").taxMode(TaxMode.KZ_GENERAL)
                .legalForm(LegalForm.IP).period(year(2026)).income(Money.kzt(1_000_000_000L)).build());
        assertThat(in2026.taxDue()).isEqualTo(Money.kzt(100_262_500L));
        assertThat(in2026.vat().status()).isEqualTo(VatObligation.Status.OBLIGED_FROM_CROSSING);

        TaxAssessment in2025 = ENGINE.assess(TaxRequest.builder().country("KZ").taxMode(TaxMode.KZ_GENERAL)
                .legalForm(LegalForm.IP).period(year(2025)).income(Money.kzt(10_000_000))
                .expense(ExpenseKind.COST_OF_GOODS, Money.kzt(6_000_000)).build());
        assertThat(in2025.taxDue()).isEqualTo(Money.of("400000.00", Money.KZT));
    }

    private static TaxRequest.Builder kz910(LegalForm form, ReportingPeriod period, long income) {
        return TaxRequest.builder().country("KZ").taxMode(TaxMode.KZ_SIMPLIFIED_DECLARATION).legalForm(form)
                .period(period).income(Money.kzt(income));
    }

    private static TaxRequest.Builder ru(TaxMode mode, LegalForm form, ReportingPeriod period, long income) {
        return TaxRequest.builder().country("RU").taxMode(mode).legalForm(form).period(period).income(Money.rub(income));
    }

    private static ReportingPeriod half(int year, int half) {
        LocalDate start = LocalDate.of(year, half == 1 ? 1 : 7, 1);
        return new ReportingPeriod(year + "-H" + half, start, start.plusMonths(6));
    }

    private static ReportingPeriod year(int year) {
        return ReportingPeriod.parse(String.valueOf(year));
    }
}
