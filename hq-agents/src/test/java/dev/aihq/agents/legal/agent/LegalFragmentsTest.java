package dev.aihq.agents.legal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.agents.PromptTemplate;
import dev.aihq.agents.legal.rules.InternalTarget;
import dev.aihq.agents.sales.SalesLanguage;
import org.junit.jupiter.api.Test;

/** The legal agent's Russian and Kazakh fragments say the same things. */
class LegalFragmentsTest {

    @Test
    void both_languages_have_every_fragment() {
        assertThat(PromptTemplate.bundle("/dev/aihq/agents/prompts/kk/legal-fragments.properties").keySet())
                .isEqualTo(PromptTemplate.bundle("/dev/aihq/agents/prompts/legal-fragments.properties").keySet());
    }

    @Test
    void an_internal_target_takes_the_russian_plural_of_its_count() {
        LegalFragments ru = LegalFragments.of(SalesLanguage.RU);

        assertThat(ru.target(InternalTarget.calendarDays(1))).isEqualTo("1 календарный день");
        assertThat(ru.target(InternalTarget.calendarDays(3))).isEqualTo("3 календарных дня");
        assertThat(ru.target(InternalTarget.calendarDays(7))).isEqualTo("7 календарных дней");
        assertThat(ru.target(InternalTarget.businessDays(11))).isEqualTo("11 рабочих дней");
        assertThat(ru.target(InternalTarget.businessDays(21))).isEqualTo("21 рабочий день");
        assertThat(ru.target(InternalTarget.businessDays(22))).isEqualTo("22 рабочих дня");
        assertThat(LegalFragments.of(SalesLanguage.KK).target(InternalTarget.calendarDays(3)))
                .isEqualTo("3 күнтізбелік күн");
    }
}
