package dev.aihq.agents.inbox.proactive;

import dev.aihq.api.Marketplace;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Whether a proactive scenario is possible for a shop on a marketplace and scheme, and why.
 *
 * @param scenario the scenario
 * @param marketplace the marketplace
 * @param scheme the fulfilment scheme asked about, or {@code null}
 * @param offered whether the SDK offers it
 * @param reason why, in the marketplace's terms
 * @param conditions what must hold each time it is used (empty when refused)
 */
public record ScenarioAnswer(ProactiveScenario scenario, Marketplace marketplace, @Nullable String scheme,
        boolean offered, String reason, List<String> conditions) {

    /** Requires the parts; copies the conditions. */
    public ScenarioAnswer {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(reason, "reason");
        conditions = List.copyOf(conditions);
    }
}
