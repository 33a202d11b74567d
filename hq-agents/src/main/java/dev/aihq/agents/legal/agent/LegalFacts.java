package dev.aihq.agents.legal.agent;

import dev.aihq.agents.legal.document.DraftInput;
import dev.aihq.agents.legal.rules.AppliedRule;
import dev.aihq.agents.legal.rules.MustNot;
import dev.aihq.api.Money;
import dev.aihq.api.document.DocumentLookup;
import dev.aihq.api.event.EventDate;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.legal.KnowledgeEntry;
import dev.aihq.api.legal.Passage;
import dev.aihq.api.result.LegalAssessment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The texts and dates of a legal context that an assessment may take its numbers and dates from. */
final class LegalFacts {

    private LegalFacts() {}

    /** Every text of the inputs: event, documents, passages, rule layer, amounts, history, seller and the draft. */
    static List<String> texts(LegalContext context) {
        DraftInput input = context.input();
        LegalEvent event = context.event();
        List<String> texts = new ArrayList<>();
        texts.add(Objects.toString(event.orderId(), ""));
        texts.add(Objects.toString(event.productName(), ""));
        texts.add(Objects.toString(event.fineReason(), ""));
        if (event.amount() != null) {
            texts.add(event.amount().amount().toPlainString());
        }
        event.stats().values().forEach(v -> texts.add(v.toPlainString()));
        if (event.measure() != null) {
            texts.add(event.measure().type() + " " + Objects.toString(event.measure().days(), ""));
        }
        event.documents().forEach(d -> texts.add(d.name()));
        for (DocumentLookup.Found found : input.documents().documents()) {
            texts.add(found.name());
            texts.add(found.text());
        }
        for (Passage passage : input.passages()) {
            KnowledgeEntry entry = passage.entry();
            texts.add(entry.ruleId() + " " + entry.title() + " " + entry.text());
        }
        for (AppliedRule rule : context.conclusion().rules()) {
            texts.add(rule.id() + " " + rule.title());
        }
        for (AppliedRule rule : context.conclusion().context()) {
            texts.add(rule.id() + " " + rule.title());
        }
        texts.addAll(context.conclusion().notes());
        context.conclusion().mustNot().stream().map(MustNot::text).forEach(texts::add);
        for (Map.Entry<String, Money> amount : input.amounts().entrySet()) {
            BigDecimal value = amount.getValue().amount();
            texts.add(value.toPlainString());
            texts.add(value.stripTrailingZeros().toPlainString());
        }
        texts.addAll(input.history());
        texts.addAll(input.seller().identifiers().values());
        LegalAssessment draft = context.draft();
        texts.add(draft.analysis());
        texts.add(draft.document());
        texts.add(draft.recommendation());
        texts.addAll(draft.notes());
        return texts;
    }

    /** Every date of the event, the measure, the deadline, today and the passages' effective dates. */
    static List<LocalDate> dates(LegalContext context) {
        ZoneId zone = context.shop().zone();
        List<LocalDate> dates = new ArrayList<>();
        for (EventDate date : context.event().dates().values()) {
            dates.add(date.dateTime() != null ? date.dateTime().atZoneSameInstant(zone).toLocalDate() : date.date());
        }
        if (context.event().measure() != null) {
            if (context.event().measure().from() != null) {
                dates.add(context.event().measure().from());
            }
            if (context.event().measure().to() != null) {
                dates.add(context.event().measure().to());
            }
        }
        dates.add(context.event().occurredAt().atZone(zone).toLocalDate());
        if (context.conclusion().deadline() != null) {
            dates.add(context.conclusion().deadline().withZoneSameInstant(zone).toLocalDate());
        }
        dates.add(context.input().today());
        for (Passage passage : context.input().passages()) {
            if (passage.entry().effectiveFrom() != null) {
                dates.add(passage.entry().effectiveFrom());
            }
            if (passage.entry().effectiveTo() != null) {
                dates.add(passage.entry().effectiveTo());
            }
        }
        return dates;
    }
}
