package dev.aihq.agents.legal.agent;

import dev.aihq.agents.ModelAgent;
import dev.aihq.agents.PromptTemplate;
import dev.aihq.agents.finance.FinanceTexts;
import dev.aihq.agents.legal.document.CourtRoute;
import dev.aihq.agents.legal.document.DraftInput;
import dev.aihq.agents.legal.document.LegalTemplates;
import dev.aihq.agents.legal.document.LegalTexts;
import dev.aihq.agents.legal.document.SellerDetailsProvider;
import dev.aihq.agents.legal.document.TemplateDraftWriter;
import dev.aihq.agents.legal.knowledge.ShippedKnowledgeBase;
import dev.aihq.agents.legal.rules.AppliedRule;
import dev.aihq.agents.legal.rules.DamageTier;
import dev.aihq.agents.legal.rules.LegalRules;
import dev.aihq.agents.legal.rules.MustNot;
import dev.aihq.agents.legal.rules.PriorMeasure;
import dev.aihq.agents.legal.rules.RuleConclusion;
import dev.aihq.agents.legal.rules.RuleRequest;
import dev.aihq.agents.sales.SalesLanguage;
import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.document.DocumentLimits;
import dev.aihq.api.document.DocumentLookup;
import dev.aihq.api.document.DocumentProblem;
import dev.aihq.api.document.DocumentResolver;
import dev.aihq.api.document.DocumentSource;
import dev.aihq.api.document.ResolvedDocuments;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.event.EventDate;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.event.LegalEventType;
import dev.aihq.api.legal.KnowledgeBase;
import dev.aihq.api.legal.KnowledgeQuery;
import dev.aihq.api.legal.LegalSourceStatus;
import dev.aihq.api.legal.Passage;
import dev.aihq.api.result.LegalAssessment;
import dev.aihq.api.result.LegalSource;
import dev.aihq.api.result.RiskLevel;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.AgentPath;
import dev.aihq.api.store.AgentTrace;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.LegalCase;
import dev.aihq.api.store.LegalCaseStore;
import dev.aihq.api.store.MarketplaceAnswer;
import dev.aihq.api.store.RunLog;
import dev.aihq.api.store.ShopStore;
import dev.aihq.api.store.TokenUsageStore;
import dev.aihq.api.store.Transactions;
import dev.aihq.pipeline.AgentOutput;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.pipeline.ContextSource;
import dev.aihq.pipeline.DeliveryResult;
import dev.aihq.pipeline.GuardDecision;
import dev.aihq.pipeline.PipelineListener;
import dev.aihq.pipeline.json.SdkJson;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * Builds the legal agent's pipeline ({@value #NAME}) for {@code POST /legal-event}.
 *
 * <ol>
 *   <li><b>Context</b>: the event's documents resolved for its shop ({@link DocumentResolver}: inline texts, names
 *       through the {@link DocumentSource}, size limits; every unusable one reported); the shop's earlier cases from
 *       the {@link LegalCaseStore} (the fine history counts for the repeat rules, the marketplace's answers are shown);
 *       the rule layer's conclusion ({@link LegalRules}: can contest, risk floor, deadline on the business calendar,
 *       template); the knowledge passages for the event's jurisdiction and marketplace, the shop's own documents
 *       included; the computed amounts (Kaspi Delivery compensation per damage tier); and the template draft
 *       ({@link TemplateDraftWriter}) with the seller's requisites.</li>
 *   <li><b>Agent</b>: the model words the analysis, the document and the recommendation from all of that in the
 *       shop's language; its answer is checked ({@link LegalOutputCheck}), repaired once, and replaced by the
 *       template draft, marked as such, when it still fails or when there is no model.</li>
 *   <li><b>Guard</b>: the same check on the delivered assessment; a code-made template draft passes by
 *       construction.</li>
 *   <li><b>Delivery</b>: the assessment is kept as a {@link LegalCase} with the event, and the run completes with
 *       it as its result. An event no rule covers (e.g. a marketplace outside the rule data) is {@code REJECTED}
 *       with the reason; nothing is guessed.</li>
 * </ol>
 *
 * Thread-safe once built.
 */
public final class LegalPipelines {

    /** The pipeline's name. */
    public static final String NAME = "legal";

    /** How far back earlier cases count as the shop's history, by default. */
    public static final Duration DEFAULT_HISTORY = Duration.ofDays(365);

    private static final String PROMPTS = "/dev/aihq/agents/prompts/";
    private static final Duration CONTEXT_DEADLINE = Duration.ofSeconds(30);
    private static final int MAX_HISTORY_CASES = 200;
    private static final int SHOWN_CASES = 5;
    private static final int SHOWN_ANSWER_CHARS = 300;
    private static final int PROMPT_DOCUMENT_CHARS = 3_000;
    private static final int PROMPT_DOCUMENTS_CHARS = 12_000;
    private static final int QUERY_DOCUMENT_CHARS = 500;

    private final Builder b;
    private final DocumentResolver resolver;
    private final TemplateDraftWriter writer;
    private final LegalOutputCheck check;

    private LegalPipelines(Builder b) {
        this.b = b;
        this.resolver = new DocumentResolver(b.documents, b.documentLimits);
        this.writer = TemplateDraftWriter.create(b.templates);
        this.check = new LegalOutputCheck(b.templates);
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds the pipeline (not started).
     *
     * @return the pipeline
     */
    public AgentPipeline<LegalEvent, LegalContext, LegalAssessment> pipeline() {
        ContextSource<LegalEvent, LegalContext> legal = ContextSource.required("legal", CONTEXT_DEADLINE,
                request -> context(request.event(), request.shop()));
        Map<SalesLanguage, ModelAgent<LegalContext, LegalAssessment>> models = new EnumMap<>(SalesLanguage.class);
        for (SalesLanguage language : SalesLanguage.values()) {
            models.put(language, model(language));
        }
        AgentPipeline.Builder<LegalEvent, LegalContext, LegalAssessment> pipeline =
                AgentPipeline.<LegalEvent, LegalContext, LegalAssessment>builder(NAME)
                        .shops(b.shops).journal(b.journal).runLog(b.runLog).transactions(b.transactions)
                        .clock(b.clock)
                        .resumes(LegalEvent.TYPE_PREFIX).eventClass(LegalEvent.class)
                        .source(legal)
                        .assembler((event, shop, gathered) -> gathered.get(legal))
                        .agent(input -> {
                            LegalContext context = input.context();
                            if (context.refusal() != null) {
                                return new AgentOutput<>(context.draft(), AgentTrace.fallback(
                                        "no rule covers the event: the model is not asked"));
                            }
                            AgentOutput<LegalAssessment> out = models.get(context.input().language()).run(input);
                            if (out.trace().path() != AgentPath.MODEL) {
                                return out;
                            }
                            return new AgentOutput<>(withRuleSources(context, out.result()), out.trace());
                        })
                        .guard((context, assessment, shop) -> {
                            if (assessment.templateDraft()) {
                                return GuardDecision.accept(assessment);
                            }
                            List<String> problems = check.problems(context, assessment);
                            return problems.isEmpty() ? GuardDecision.accept(assessment)
                                    : GuardDecision.fail(assessment, String.join("; ", problems));
                        })
                        .delivery(request -> {
                            LegalContext context = request.context();
                            LegalAssessment assessment = request.result();
                            if (context.refusal() != null) {
                                return DeliveryResult.rejected(Objects.requireNonNull(context.refusal()));
                            }
                            b.cases.save(legalCase(context, assessment));
                            return DeliveryResult.completed(request.event().eventType().wireValue() + " assessed: risk "
                                    + assessment.riskLevel().wireValue() + ", can contest "
                                    + assessment.canContest().wireValue()
                                    + (assessment.templateDraft() ? "; template draft" : "; written by the model"));
                        });
        if (b.executor != null) {
            pipeline.executor(b.executor);
        }
        if (b.runLease != null) {
            pipeline.runLease(b.runLease);
        }
        if (b.recoveryInterval != null) {
            pipeline.recoveryInterval(b.recoveryInterval);
        }
        pipeline.maxAttempts(b.maxAttempts);
        b.listeners.forEach(pipeline::listener);
        return pipeline.build();
    }

    /**
     * Assesses an event without the pipeline: the context and the template draft, as the pipeline computes them
     * before the model is asked. For previews and tests; nothing is stored.
     *
     * @param event the event
     * @param shop its shop
     * @return the context, whose {@link LegalContext#draft()} is the template draft
     */
    public LegalContext context(LegalEvent event, Shop shop) {
        Instant applied = appliedAt(event, shop);
        ResolvedDocuments documents = resolver.resolve(shop.id(), event.documents());
        List<LegalCase> earlier = b.cases.history(shop.id(), applied.minus(b.history), applied.plusSeconds(1),
                        MAX_HISTORY_CASES).stream()
                .filter(c -> !c.key().equals(event.idempotencyKey()))
                .toList();
        RuleConclusion conclusion = b.rules.conclude(RuleRequest.builder(event, shop)
                .history(priors(earlier)).defectClaimed(DefectClaims.read(event)).build());
        Marketplace marketplace = event.marketplace() != null ? event.marketplace() : shop.marketplace();
        List<Passage> passages = conclusion.jurisdiction() == null ? List.of()
                : b.knowledge.search(new KnowledgeQuery(queryText(event, documents), conclusion.jurisdiction(),
                        marketplace, b.passages, shop.id()));
        SalesLanguage language = SalesLanguage.of(shop);
        LegalFragments fragments = LegalFragments.of(language);
        LocalDate today = b.clock.instant().atZone(shop.zone()).toLocalDate();
        DraftInput input = new DraftInput(event, shop, conclusion, passages, documents, b.sellers.details(shop),
                amounts(event, conclusion), historyLines(shop, earlier, fragments), language, today);
        Map<String, LegalSource> sources = sources(conclusion, passages);
        // The court route the draft names rests on its own rules: they are sources the texts may cite.
        List<String> routeIds = new ArrayList<>();
        CourtRoute route = CourtRoute.of(input, conclusion.templateId() == null ? null
                : b.templates.template(conclusion.templateId()));
        for (String id : route == null ? List.<String>of() : route.ruleIds()) {
            b.knowledge.find(id).ifPresent(e -> {
                sources.putIfAbsent(id, new LegalSource(id, e.title(), e.sourceUrl(), e.status()));
                routeIds.add(id);
            });
        }
        LegalTexts texts = writer.write(input);
        List<String> notes = new ArrayList<>(conclusion.notes());
        if (event.orderId() == null && (event.eventType() == LegalEventType.RETURN
                || event.eventType() == LegalEventType.CUSTOMER_DISPUTE)) {
            notes.add(fragments.text("note.no_order"));
        }
        String refusal = conclusion.supported() ? null : String.join("; ", conclusion.notes());
        OffsetDateTime deadline = conclusion.deadline() == null ? null
                : conclusion.deadline().truncatedTo(ChronoUnit.SECONDS).toOffsetDateTime();
        LegalAssessment draft = LegalAssessment.builder()
                .analysis(texts.analysis()).document(texts.document()).recommendation(texts.recommendation())
                .riskLevel(conclusion.riskFloor() != null ? conclusion.riskFloor() : RiskLevel.MEDIUM)
                .canContest(conclusion.canContest())
                .deadline(deadline, conclusion.deadlineOfficial(),
                        deadlineNote(conclusion, fragments.target(b.rules.internalTarget(shop, marketplace)), fragments))
                .sources(draftSources(conclusion, routeIds, sources))
                .jurisdiction(conclusion.jurisdiction())
                .template(conclusion.templateId(), true)
                .documentProblems(documents.problems())
                .notes(notes)
                .build();
        return new LegalContext(event, shop, conclusion, input, sources, draft, refusal);
    }

    private ModelAgent<LegalContext, LegalAssessment> model(SalesLanguage language) {
        ModelAgent.Builder<LegalContext, LegalAssessment> model = ModelAgent.<LegalContext, LegalAssessment>builder()
                .name(NAME)
                .chatModel(b.chatModel)
                .systemPrompt(PromptTemplate.resource(PROMPTS + language.resourceFolder() + "legal-system.txt"))
                .userPrompt(PromptTemplate.resource(PROMPTS + language.resourceFolder() + "legal-user.txt"))
                .variables(LegalPipelines::promptVariables)
                .parser(new LegalAnswerParser())
                .fallback(input -> input.context().draft())
                .responseSchema(LegalAnswerParser.SCHEMA)
                .validator(check::problems)
                .clock(b.clock);
        if (b.tokenUsage != null) {
            model.tokenUsage(b.tokenUsage);
        }
        if (b.modelSleeper != null) {
            model.sleeper(b.modelSleeper);
        }
        return model.build();
    }

    /** The model's assessment with the conclusion's rules among its sources, first, whether it cited them or not. */
    private static LegalAssessment withRuleSources(LegalContext context, LegalAssessment assessment) {
        Map<String, LegalSource> merged = new LinkedHashMap<>();
        for (AppliedRule rule : context.conclusion().rules()) {
            merged.put(rule.id(), context.sources().get(rule.id()));
        }
        // A cited passage gets its title, url and status from the context (the parser knew only the draft's).
        assessment.sources().forEach(s -> merged.putIfAbsent(s.ruleId(),
                context.sources().getOrDefault(s.ruleId(), s)));
        return assessment.toBuilder().sources(List.copyOf(merged.values())).build();
    }

    /**
     * Returns the values the legal prompts are filled with for a context, e.g. to preview or measure a prompt: the
     * event as data, the rule layer's decisions, the sources, the documents (each cut at 3,000 characters, 12,000
     * in all), the history, the template's headings and the draft.
     *
     * @param context the context
     * @return the values by placeholder name
     */
    public static Map<String, String> promptVariables(LegalContext context) {
        LegalFragments fragments = LegalFragments.of(context.input().language());
        LegalAssessment draft = context.draft();
        RuleConclusion conclusion = context.conclusion();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("shop_name", context.shop().name());
        v.put("marketplace", marketplace(context).toString());
        v.put("jurisdiction", Objects.toString(conclusion.jurisdiction(), "—"));
        v.put("legal_form", legalForm(context));
        v.put("event", SdkJson.write(facts(context.event())));
        v.put("can_contest", draft.canContest().wireValue());
        v.put("risk_level", draft.riskLevel().wireValue());
        v.put("deadline", draft.deadline() == null ? "" : draft.deadline().toString());
        v.put("deadline_official", Boolean.toString(draft.deadlineOfficial()));
        v.put("deadline_note", Objects.toString(draft.deadlineNote(), fragments.text("deadline.none")));
        v.put("template", Objects.toString(conclusion.templateId(), "—"));
        v.put("notes", bullets(conclusion.notes(), fragments));
        v.put("must_not", bullets(conclusion.mustNot().stream().map(MustNot::text).toList(), fragments));
        v.put("amounts", context.input().amounts().isEmpty() ? fragments.text("amounts.none")
                : context.input().amounts().entrySet().stream()
                        .map(a -> fragments.text("amount.line", Map.of("name", a.getKey(),
                                "amount", FinanceTexts.money(a.getValue()))))
                        .collect(Collectors.joining("\n")));
        v.put("sources", sourceLines(context, fragments));
        v.put("documents", documentBlock(context.input().documents(), fragments));
        v.put("document_problems", context.input().documents().problems().isEmpty() ? fragments.text("problems.none")
                : fragments.text("problems.line", Map.of("problems", context.input().documents().problems().stream()
                        .map(DocumentProblem::toString).collect(Collectors.joining("; ")))));
        v.put("history", context.input().history().isEmpty() ? fragments.text("history.none")
                : String.join("\n", context.input().history()));
        v.put("headings", conclusion.templateId() == null ? fragments.text("list.none")
                : bullets(LegalTemplates.shipped().template(conclusion.templateId())
                        .requiredHeadings(context.input().language()), fragments));
        v.put("draft", draft.document());
        return v;
    }

    private static String legalForm(LegalContext context) {
        return context.event().businessType() != null ? context.event().businessType().toString()
                : context.shop().legalForm().toString();
    }

    private static Marketplace marketplace(LegalContext context) {
        return context.event().marketplace() != null ? context.event().marketplace() : context.shop().marketplace();
    }

    private static String bullets(List<String> lines, LegalFragments fragments) {
        return lines.isEmpty() ? fragments.text("list.none")
                : lines.stream().map(l -> "- " + l).collect(Collectors.joining("\n"));
    }

    private static String sourceLines(LegalContext context, LegalFragments fragments) {
        Map<String, String> texts = new LinkedHashMap<>();
        context.input().passages().forEach(p -> texts.put(p.entry().ruleId(), p.entry().text()));
        return context.sources().values().stream()
                .sorted((a, c) -> a.ruleId().compareTo(c.ruleId()))
                .map(s -> fragments.text("sources.line", Map.of("rule", s.ruleId(), "status", s.status().wireValue(),
                        "title", s.title(), "text", texts.getOrDefault(s.ruleId(), ""),
                        "url", s.url().isEmpty() ? "—" : s.url())))
                .collect(Collectors.joining("\n"));
    }

    private static String documentBlock(ResolvedDocuments documents, LegalFragments fragments) {
        if (documents.documents().isEmpty()) {
            return fragments.text("documents.none");
        }
        StringBuilder block = new StringBuilder();
        int left = PROMPT_DOCUMENTS_CHARS;
        for (DocumentLookup.Found found : documents.documents()) {
            String text = found.text().strip();
            int room = Math.min(PROMPT_DOCUMENT_CHARS, Math.max(0, left));
            String shown = text.length() <= room ? text : text.substring(0, room) + fragments.text("document.cut");
            left -= Math.min(text.length(), room);
            if (block.length() > 0) {
                block.append('\n');
            }
            block.append(fragments.text("document.line", Map.of("name", found.name(), "text", shown)));
        }
        return block.toString();
    }

    /** The event's facts for the prompt, with the front door's field names. */
    private static Map<String, Object> facts(LegalEvent event) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("event_type", event.eventType().wireValue());
        facts.put("order_id", event.orderId() == null ? null : event.orderId().value());
        facts.put("product_name", event.productName());
        facts.put("fine_reason", event.fineReason());
        if (event.amount() != null) {
            facts.put("amount", Map.of("value", event.amount().amount().toPlainString(),
                    "currency", event.amount().currency().getCurrencyCode()));
        }
        if (event.measure() != null) {
            Map<String, Object> measure = new LinkedHashMap<>();
            measure.put("type", event.measure().type());
            measure.put("days", event.measure().days());
            measure.put("from", Objects.toString(event.measure().from(), null));
            measure.put("to", Objects.toString(event.measure().to(), null));
            facts.put("measure", measure);
        }
        if (!event.stats().isEmpty()) {
            Map<String, String> stats = new LinkedHashMap<>();
            event.stats().forEach((k, val) -> stats.put(k, val.toPlainString()));
            facts.put("stats", stats);
        }
        if (!event.dates().isEmpty()) {
            Map<String, String> dates = new LinkedHashMap<>();
            event.dates().forEach((k, d) -> dates.put(k, d.toString()));
            facts.put("dates", dates);
        }
        if (event.delivery() != null) {
            Map<String, Object> delivery = new LinkedHashMap<>();
            delivery.put("type", event.delivery().type());
            delivery.put("return_act_damage_mark", event.delivery().returnActDamageMark());
            facts.put("delivery", delivery);
        }
        facts.put("documents", event.documents().stream().map(d -> d.name()).toList());
        return facts;
    }

    private static String queryText(LegalEvent event, ResolvedDocuments documents) {
        StringBuilder text = new StringBuilder(event.eventType().wireValue().replace('_', ' '));
        for (String part : new String[] {event.fineReason(), event.productName(),
                event.measure() == null ? null : event.measure().type()}) {
            if (part != null) {
                text.append(' ').append(part);
            }
        }
        for (DocumentLookup.Found found : documents.documents()) {
            String t = found.text();
            text.append(' ').append(t.length() <= QUERY_DOCUMENT_CHARS ? t : t.substring(0, QUERY_DOCUMENT_CHARS));
        }
        return text.toString();
    }

    /**
     * What the template draft rests on: the conclusion's rules, its unconfirmed context (flagged by status) and the
     * court route's rules. The other retrieved passages stay citable but are not listed unless a text cites them.
     */
    private static List<LegalSource> draftSources(RuleConclusion conclusion, List<String> routeIds,
            Map<String, LegalSource> sources) {
        Map<String, LegalSource> draft = new LinkedHashMap<>();
        conclusion.rules().forEach(r -> draft.put(r.id(), sources.get(r.id())));
        conclusion.context().forEach(r -> draft.put(r.id(), sources.get(r.id())));
        routeIds.forEach(id -> draft.putIfAbsent(id, sources.get(id)));
        return List.copyOf(draft.values());
    }

    private static Map<String, LegalSource> sources(RuleConclusion conclusion, List<Passage> passages) {
        Map<String, LegalSource> sources = new LinkedHashMap<>();
        for (AppliedRule rule : conclusion.rules()) {
            sources.putIfAbsent(rule.id(), new LegalSource(rule.id(), rule.title(), rule.url(), rule.status()));
        }
        for (AppliedRule rule : conclusion.context()) {
            sources.putIfAbsent(rule.id(), new LegalSource(rule.id(), rule.title(), rule.url(), rule.status()));
        }
        for (Passage passage : passages) {
            sources.putIfAbsent(passage.entry().ruleId(), new LegalSource(passage.entry().ruleId(),
                    passage.entry().title(), passage.entry().sourceUrl(), passage.entry().status()));
        }
        return sources;
    }

    private Map<String, Money> amounts(LegalEvent event, RuleConclusion conclusion) {
        Map<String, Money> amounts = new LinkedHashMap<>();
        if (event.amount() != null && conclusion.ruleIds().contains("KASPI.DELIVERY.CLAIM")) {
            for (DamageTier tier : DamageTier.values()) {
                amounts.put("compensation_" + tier.wireValue(), b.rules.kaspiDeliveryCompensation(event.amount(), tier));
            }
        }
        return amounts;
    }

    private static @Nullable String deadlineNote(RuleConclusion conclusion, String internalTarget,
            LegalFragments fragments) {
        if (conclusion.deadline() == null || conclusion.deadlineStatus() == null) {
            return null;
        }
        AppliedRule rule = conclusion.rules().stream().filter(r -> r.id().equals(conclusion.deadlineRuleId()))
                .findFirst().orElse(null);
        String title = rule == null ? "" : rule.title();
        return switch (conclusion.deadlineStatus()) {
            case OFFICIAL -> fragments.text("deadline.official",
                    Map.of("rule", Objects.requireNonNull(conclusion.deadlineRuleId()), "title", title));
            case SECONDARY -> fragments.text("deadline.secondary",
                    Map.of("rule", Objects.requireNonNull(conclusion.deadlineRuleId()), "title", title));
            case INTERNAL, UNCONFIRMED -> fragments.text("deadline.internal", Map.of("target", internalTarget));
        };
    }

    private static List<PriorMeasure> priors(List<LegalCase> earlier) {
        return earlier.stream()
                .map(c -> new PriorMeasure(c.eventType(), c.appliedAt(), c.ruleIds().isEmpty() ? null : c.ruleIds().get(0)))
                .toList();
    }

    private List<String> historyLines(Shop shop, List<LegalCase> earlier, LegalFragments fragments) {
        List<String> lines = new ArrayList<>();
        for (LegalCase c : earlier.subList(0, Math.min(SHOWN_CASES, earlier.size()))) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("date", c.appliedAt().atZone(shop.zone()).toLocalDate().toString());
            values.put("type", fragments.text("type." + c.eventType().wireValue()));
            values.put("risk", c.riskLevel().wireValue());
            values.put("contest", c.canContest().wireValue());
            if (c.ruleIds().isEmpty()) {
                lines.add(fragments.text("history.case.norule", values));
            } else {
                values.put("rule", c.ruleIds().get(0));
                lines.add(fragments.text("history.case", values));
            }
            for (MarketplaceAnswer answer : b.cases.answers(shop.id(), c.key())) {
                String text = answer.text().replaceAll("\\s+", " ").strip();
                lines.add(fragments.text("history.answer", Map.of(
                        "date", answer.receivedAt().atZone(shop.zone()).toLocalDate().toString(),
                        "outcome", fragments.text("outcome." + answer.outcome().wireValue()),
                        "text", text.length() <= SHOWN_ANSWER_CHARS ? text
                                : text.substring(0, SHOWN_ANSWER_CHARS) + "…")));
            }
        }
        return lines;
    }

    /** When the measure was applied: the notice, else the measure's first day, else when the event happened. */
    private static Instant appliedAt(LegalEvent event, Shop shop) {
        EventDate notice = event.dates().get("notice_at");
        if (notice != null) {
            return notice.dateTime() != null ? notice.dateTime().toInstant() : notice.date().atStartOfDay(shop.zone())
                    .toInstant();
        }
        if (event.measure() != null && event.measure().from() != null) {
            return event.measure().from().atStartOfDay(shop.zone()).toInstant();
        }
        return event.occurredAt();
    }

    private LegalCase legalCase(LegalContext context, LegalAssessment assessment) {
        LegalEvent event = context.event();
        return new LegalCase(event.shopId(), event.idempotencyKey(), event.eventType(), marketplace(context),
                event.orderId(), event.productName(), event.measure() == null ? null : event.measure().type(),
                context.conclusion().ruleIds(), assessment.riskLevel(), assessment.canContest(),
                assessment.deadline() == null ? null : assessment.deadline().toInstant(), assessment.deadlineOfficial(),
                appliedAt(event, context.shop()), b.clock.instant(), SdkJson.write(assessment));
    }

    /** Builds {@link LegalPipelines}. Not thread-safe. */
    public static final class Builder {
        private @Nullable ShopStore shops;
        private @Nullable EventJournal journal;
        private @Nullable RunLog runLog;
        private Transactions transactions = Transactions.NONE;
        private @Nullable LegalCaseStore cases;
        private KnowledgeBase knowledge = ShippedKnowledgeBase.shipped();
        private LegalRules rules = LegalRules.shipped();
        private DocumentSource documents = DocumentSource.none();
        private DocumentLimits documentLimits = DocumentLimits.defaults();
        private SellerDetailsProvider sellers = SellerDetailsProvider.none();
        private LegalTemplates templates = LegalTemplates.shipped();
        private Duration history = DEFAULT_HISTORY;
        private int passages = KnowledgeQuery.DEFAULT_LIMIT;
        private @Nullable TokenUsageStore tokenUsage;
        private @Nullable ChatModel chatModel;
        private Clock clock = Clock.systemUTC();
        private @Nullable Executor executor;
        private @Nullable ModelAgent.Sleeper modelSleeper;
        private @Nullable Duration runLease;
        private @Nullable Duration recoveryInterval;
        private int maxAttempts = AgentPipeline.DEFAULT_MAX_ATTEMPTS;
        private final List<PipelineListener> listeners = new ArrayList<>();

        private Builder() {}

        /**
         * Sets the shops. Required.
         *
         * @param shops the shop store
         * @return this builder
         */
        public Builder shops(ShopStore shops) {
            this.shops = Objects.requireNonNull(shops, "shops");
            return this;
        }

        /**
         * Sets the journal. Required.
         *
         * @param journal the journal
         * @return this builder
         */
        public Builder journal(EventJournal journal) {
            this.journal = Objects.requireNonNull(journal, "journal");
            return this;
        }

        /**
         * Sets the run log. Required.
         *
         * @param runLog the run log
         * @return this builder
         */
        public Builder runLog(RunLog runLog) {
            this.runLog = Objects.requireNonNull(runLog, "runLog");
            return this;
        }

        /**
         * Sets how the journal stage's writes commit together. Default none.
         *
         * @param transactions the stores' transactions
         * @return this builder
         */
        public Builder transactions(Transactions transactions) {
            this.transactions = Objects.requireNonNull(transactions, "transactions");
            return this;
        }

        /**
         * Sets where assessments are kept and the fine history is read from. Required.
         *
         * @param cases the legal case store
         * @return this builder
         */
        public Builder cases(LegalCaseStore cases) {
            this.cases = Objects.requireNonNull(cases, "cases");
            return this;
        }

        /**
         * Sets the knowledge base. Default {@link ShippedKnowledgeBase#shipped()}; add the shops' own documents with
         * {@link ShippedKnowledgeBase#withDocuments}.
         *
         * @param knowledge the knowledge base
         * @return this builder
         */
        public Builder knowledgeBase(KnowledgeBase knowledge) {
            this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
            return this;
        }

        /**
         * Sets the rule layer, e.g. with the shops' internal targets. Default {@link LegalRules#shipped()}.
         *
         * @param rules the rule layer
         * @return this builder
         */
        public Builder rules(LegalRules rules) {
            this.rules = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /**
         * Sets where documents named by events are read. Default {@link DocumentSource#none()}: only documents sent
         * with their text are used, and a name alone is reported as not found.
         *
         * @param documents the document source
         * @return this builder
         */
        public Builder documents(DocumentSource documents) {
            this.documents = Objects.requireNonNull(documents, "documents");
            return this;
        }

        /**
         * Sets the size limits of an event's documents. Default {@link DocumentLimits#defaults()}.
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder documentLimits(DocumentLimits limits) {
            this.documentLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Sets where the sellers' requisites for document headers come from. Default none: the headers keep
         * placeholders for the seller to fill in.
         *
         * @param sellers the provider
         * @return this builder
         */
        public Builder sellerDetails(SellerDetailsProvider sellers) {
            this.sellers = Objects.requireNonNull(sellers, "sellers");
            return this;
        }

        /**
         * Sets the document templates. Default {@link LegalTemplates#shipped()}.
         *
         * @param templates the templates
         * @return this builder
         */
        public Builder templates(LegalTemplates templates) {
            this.templates = Objects.requireNonNull(templates, "templates");
            return this;
        }

        /**
         * Sets how far back earlier cases count as the shop's history. Default {@link #DEFAULT_HISTORY}.
         *
         * @param window a positive duration
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder history(Duration window) {
            if (window.isZero() || window.isNegative()) {
                throw new IllegalArgumentException("the history window must be positive, got " + window);
            }
            this.history = window;
            return this;
        }

        /**
         * Sets how many knowledge passages are retrieved per event. Default {@link KnowledgeQuery#DEFAULT_LIMIT}.
         *
         * @param limit 1–100
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder passages(int limit) {
            if (limit < 1 || limit > 100) {
                throw new IllegalArgumentException("passages must be 1-100, got " + limit);
            }
            this.passages = limit;
            return this;
        }

        /**
         * Sets where the model's tokens are counted against the shops' budgets. Required with a model.
         *
         * @param tokenUsage the token usage store
         * @return this builder
         */
        public Builder tokenUsage(TokenUsageStore tokenUsage) {
            this.tokenUsage = Objects.requireNonNull(tokenUsage, "tokenUsage");
            return this;
        }

        /**
         * Sets the model that writes the texts; {@code null} (the default) delivers the template draft.
         *
         * @param chatModel the model, or {@code null}
         * @return this builder
         */
        public Builder chatModel(@Nullable ChatModel chatModel) {
            this.chatModel = chatModel;
            return this;
        }

        /**
         * Sets the clock. Default system UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the executor of the runs. Default the pipeline's own.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Sets how the model's retries wait. Default real sleeps.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder modelSleeper(ModelAgent.Sleeper sleeper) {
            this.modelSleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets how long a run holds its journal entry before another worker may resume it. Default the
         * pipeline's.
         *
         * @param lease the lease
         * @return this builder
         */
        public Builder runLease(Duration lease) {
            this.runLease = Objects.requireNonNull(lease, "lease");
            return this;
        }

        /**
         * Sets how often lost runs are looked for. Default the pipeline's.
         *
         * @param interval the interval
         * @return this builder
         */
        public Builder recoveryInterval(Duration interval) {
            this.recoveryInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * Sets how many times a run is attempted in all before it fails for good. Default the pipeline's.
         *
         * @param attempts the attempts, at least 1
         * @return this builder
         */
        public Builder maxAttempts(int attempts) {
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * Adds a listener of the pipeline's stages.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(PipelineListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Builds the factory.
         *
         * @return the factory
         * @throws ConfigurationException naming every missing store
         */
        public LegalPipelines build() {
            List<String> missing = new ArrayList<>();
            if (shops == null) {
                missing.add("shops");
            }
            if (journal == null) {
                missing.add("journal");
            }
            if (runLog == null) {
                missing.add("runLog");
            }
            if (cases == null) {
                missing.add("cases");
            }
            if (chatModel != null && tokenUsage == null) {
                missing.add("tokenUsage (a model needs the token budgets)");
            }
            if (!missing.isEmpty()) {
                throw new ConfigurationException("LegalPipelines needs " + String.join(", ", missing));
            }
            return new LegalPipelines(this);
        }
    }
}
