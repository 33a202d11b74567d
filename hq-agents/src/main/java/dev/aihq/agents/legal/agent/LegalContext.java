package dev.aihq.agents.legal.agent;

import dev.aihq.agents.legal.document.DraftInput;
import dev.aihq.agents.legal.rules.RuleConclusion;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.result.LegalAssessment;
import dev.aihq.api.result.LegalSource;
import dev.aihq.api.shop.Shop;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What the legal agent works from for one event: the rule layer's conclusion, the passages retrieved for it, the
 * usable documents, the shop's earlier cases, and the assessment code drafts without a model.
 *
 * @param event the event
 * @param shop its shop
 * @param conclusion what the rule layer decided
 * @param input the facts the template draft and the prompt are written from (passages, documents, seller, amounts,
 *     history)
 * @param sources the sources the texts may cite, by rule id: the conclusion's rules and context, and the passages
 * @param draft the assessment filled from the template without a model; the model's answer must keep its decisions
 * @param refusal why no assessment can be made (no rule covers the event), or {@code null}
 */
public record LegalContext(
        LegalEvent event,
        Shop shop,
        RuleConclusion conclusion,
        DraftInput input,
        Map<String, LegalSource> sources,
        LegalAssessment draft,
        @Nullable String refusal) {

    /** Requires every part and copies the sources. */
    public LegalContext {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(conclusion, "conclusion");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(draft, "draft");
        sources = Map.copyOf(sources);
    }

    /**
     * Returns the sources in the draft's order.
     *
     * @return the draft's sources
     */
    public List<LegalSource> draftSources() {
        return draft.sources();
    }
}
