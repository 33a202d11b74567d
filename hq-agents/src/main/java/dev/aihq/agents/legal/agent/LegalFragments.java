package dev.aihq.agents.legal.agent;

import dev.aihq.agents.PromptTemplate;
import dev.aihq.agents.legal.rules.InternalTarget;
import dev.aihq.agents.legal.rules.RussianPlural;
import dev.aihq.agents.sales.SalesLanguage;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** The legal agent's text fragments in one language, read from {@code prompts/…/legal-fragments.properties}. */
final class LegalFragments {

    private static final Map<SalesLanguage, LegalFragments> LOADED = new EnumMap<>(SalesLanguage.class);

    private final Map<String, PromptTemplate> fragments;

    private LegalFragments(Map<String, PromptTemplate> fragments) {
        this.fragments = fragments;
    }

    static synchronized LegalFragments of(SalesLanguage language) {
        return LOADED.computeIfAbsent(language, l -> new LegalFragments(PromptTemplate.bundle(
                "/dev/aihq/agents/prompts/" + l.resourceFolder() + "legal-fragments.properties")));
    }

    String text(String key, Map<String, String> values) {
        PromptTemplate template = Objects.requireNonNull(fragments.get(key), () -> "no legal fragment '" + key + "'");
        return template.render(values);
    }

    String text(String key) {
        return text(key, Map.of());
    }

    /** The shop's internal target in words, e.g. «3 календарных дня», with the Russian plural of the count. */
    String target(InternalTarget target) {
        String unit = target.unit() == InternalTarget.DayUnit.CALENDAR_DAYS ? "calendar" : "business";
        int n = target.amount();
        String form = RussianPlural.of(n, "one", "few", "many");
        return text("target." + unit + "." + form, Map.of("amount", Integer.toString(n)));
    }
}
