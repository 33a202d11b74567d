package dev.aihq.agents.finance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.agents.sales.SalesLanguage;
import dev.aihq.api.Money;
import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FinanceTextsTest {

    @Test
    void everyLanguageHasATextForEveryReasonAndRecommendation() {
        for (SalesLanguage language : SalesLanguage.values()) {
            FinanceTexts texts = FinanceTexts.of(language);
            assertThat(texts.keys()).isEqualTo(FinanceTexts.of(SalesLanguage.RU).keys());
            Arrays.stream(LossReason.values())
                    .forEach(reason -> assertThat(texts.keys()).contains("reason." + reason.name()));
            Arrays.stream(Recommendation.Kind.values())
                    .forEach(kind -> assertThat(texts.keys()).contains("recommendation." + kind.name()));
            assertThat(texts.keys()).contains("recommendation.DELIST_NO_SALES");
        }
    }

    @Test
    void amountsAndPercentsAreWrittenAsSellersReadThem() {
        assertThat(FinanceTexts.money(Money.of("4308.00", Money.KZT))).isEqualTo("4 308 ₸");
        assertThat(FinanceTexts.money(Money.of("1499.505", Money.RUB))).isEqualTo("1 499,51 ₽");
        assertThat(FinanceTexts.percent(new BigDecimal("7.0"))).isEqualTo("7");
        assertThat(FinanceTexts.percent(new BigDecimal("12.50"))).isEqualTo("12,5");
        assertThat(FinanceTexts.percent(new BigDecimal("1E+1"))).isEqualTo("10");
    }
}
