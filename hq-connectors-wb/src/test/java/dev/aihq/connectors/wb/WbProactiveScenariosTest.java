package dev.aihq.connectors.wb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.agents.inbox.proactive.ProactiveScenario;
import dev.aihq.agents.inbox.proactive.ProactiveScenarios;
import dev.aihq.agents.inbox.proactive.ScenarioAnswer;
import dev.aihq.testkit.SettableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed's proactive scenarios on Wildberries: every one refused, each with WB's own reason. */
class WbProactiveScenariosTest {

    @Test
    void should_refuse_every_proactive_scenario_with_wildberries_reasons() {
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
        WbConnector wb = WbConnector.of(WbFixtures.client(WbFixtures.config("http://localhost:9").build(), clock,
                new RecordingSleeper(clock)));

        List<ScenarioAnswer> answers = ProactiveScenarios.assessAll(wb, WbFixtures.SHOP, "fbs");

        assertThat(answers).hasSize(ProactiveScenario.values().length)
                .allSatisfy(a -> assertThat(a.offered()).as(a.scenario().name()).isFalse());
        assertThat(answers.get(ProactiveScenario.SERVICE_MESSAGE.ordinal()).reason()).contains("wildberries");
        assertThat(answers.get(ProactiveScenario.WIN_BACK.ordinal()).reason()).contains("DBS");
    }
}
