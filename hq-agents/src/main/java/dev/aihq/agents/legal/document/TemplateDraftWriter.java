package dev.aihq.agents.legal.document;

import dev.aihq.agents.legal.knowledge.ShippedKnowledgeBase;
import dev.aihq.agents.legal.rules.AppliedRule;
import dev.aihq.agents.legal.rules.RuleConclusion;
import dev.aihq.agents.sales.SalesLanguage;
import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.document.DocumentLookup;
import dev.aihq.api.document.DocumentProblem;
import dev.aihq.api.event.EventDate;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.event.LegalEventType;
import dev.aihq.api.event.LegalMeasure;
import dev.aihq.api.legal.KnowledgeEntry;
import dev.aihq.api.legal.LegalSourceStatus;
import dev.aihq.api.legal.Passage;
import dev.aihq.api.shop.LegalForm;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Writes a legal answer without a model: the analysis, the document and the recommendation, filled from the rule
 * layer's conclusion, the retrieved passages and the event's own facts. The document's first line marks it as a
 * template draft filled without a model, to be checked and completed before sending.
 *
 * <p>The document is the template of {@link RuleConclusion#templateId()} with every section heading of the
 * template, in order, exactly as in {@link LegalTemplates}. Sections hold facts only: the event's reason, measure,
 * statistics, dates and amounts, the named amounts computed by code, short quotes of the usable documents (at
 * most {@value #QUOTE_LENGTH} characters each), the rules the conclusion applied with their ids (a secondary
 * source marked as needing verification, an unconfirmed one flagged and never cited as a rule, the shop's internal
 * target never cited at all), and bracketed placeholders ({@code [заполнить: …]}) for everything not known. No
 * number is made up: every amount, date and period comes from the input. A deadline appears in the document only
 * when an official or secondary rule sets it; the shop's internal target is written in the analysis and the
 * recommendation only, worded as the shop's own target and not a requirement of the marketplace or the law.
 *
 * <p>Formats: days as {@code dd.MM.yyyy}; moments as {@code dd.MM.yyyy HH:mm (UTC+05:00)} at their own offset;
 * amounts by {@link #money(Money)}, e.g. {@code 86 997 KZT}. The header shows the identifiers the seller's
 * jurisdiction and legal form use (KZ ИП: ИИН; KZ ТОО or another legal entity: БИН; RU ООО or another legal entity:
 * ИНН, ОГРН and КПП when given; RU ИП: ИНН, ОГРНИП), each missing one as a placeholder such as {@code [указать БИН]}.
 *
 * <p>Immutable and thread-safe.
 */
public final class TemplateDraftWriter {

    /** The longest quote of a document, in characters. */
    public static final int QUOTE_LENGTH = 300;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final List<String> DATE_ORDER = List.of("ordered_at", "received_by_buyer_at", "claim_received_at",
            "notice_at", "blocked_at", "received_by_seller_at", "damage_found_at");
    private static final List<String> STAT_ORDER = List.of("orders_30d", "cancelled_as_seller_fault",
            "prior_violations_90d");
    private static final Set<String> HEADER_DATES = Set.of("notice_at", "claim_received_at");

    private final LegalTemplates templates;

    private TemplateDraftWriter(LegalTemplates templates) {
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    /**
     * A writer with the shipped templates and texts.
     *
     * @return the writer
     */
    public static TemplateDraftWriter create() {
        return new TemplateDraftWriter(LegalTemplates.shipped());
    }

    /**
     * A writer with other templates (the texts are the shipped ones; a section id the writer does not know is
     * written as a placeholder).
     *
     * @param templates the templates
     * @return the writer
     */
    public static TemplateDraftWriter create(LegalTemplates templates) {
        return new TemplateDraftWriter(templates);
    }

    /**
     * Writes the analysis, the document and the recommendation.
     *
     * @param input what to write from
     * @return the three texts
     * @throws IllegalArgumentException when the conclusion names a template these templates do not have
     */
    public LegalTexts write(DraftInput input) {
        Objects.requireNonNull(input, "input");
        Draft d = new Draft(input, input.conclusion().templateId() == null ? null
                : templates.template(input.conclusion().templateId()));
        return new LegalTexts(d.analysis(), d.document(), d.recommendation());
    }

    /**
     * Formats an amount: rounded half-up to the currency's minor units, fractions only when not zero (with a
     * decimal comma), thousands separated by a plain space, then the ISO currency code: {@code 86 997 KZT},
     * {@code 1 000 RUB}, {@code 1 499,50 RUB}.
     *
     * @param money the amount
     * @return the text
     */
    public static String money(Money money) {
        Objects.requireNonNull(money, "money");
        int minor = Math.max(money.currency().getDefaultFractionDigits(), 0);
        BigDecimal amount = money.amount().setScale(minor, RoundingMode.HALF_UP);
        boolean negative = amount.signum() < 0;
        amount = amount.abs();
        BigDecimal whole = amount.setScale(0, RoundingMode.DOWN);
        String digits = whole.toPlainString();
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append(' ');
            }
            grouped.append(digits.charAt(i));
        }
        BigDecimal fraction = amount.subtract(whole);
        if (fraction.signum() != 0) {
            StringBuilder minorDigits = new StringBuilder(
                    fraction.movePointRight(minor).setScale(0, RoundingMode.UNNECESSARY).toPlainString());
            while (minorDigits.length() < minor) {
                minorDigits.insert(0, '0');
            }
            grouped.append(',').append(minorDigits);
        }
        return (negative ? "-" : "") + grouped + " " + money.currency().getCurrencyCode();
    }

    /** The shipped corpus's titles by upper-case rule id, loaded once. */
    private static final class CorpusTitles {
        static final Map<String, String> TITLES = load();

        private static Map<String, String> load() {
            Map<String, String> titles = new HashMap<>();
            for (KnowledgeEntry entry : ShippedKnowledgeBase.shipped().entries()) {
                titles.putIfAbsent(entry.ruleId().toUpperCase(Locale.ROOT), entry.title());
            }
            return Map.copyOf(titles);
        }
    }

    /** One answer being written. */
    private static final class Draft {
        private final DraftInput in;
        private final LegalEvent event;
        private final RuleConclusion conclusion;
        private final DraftTexts t;
        private final SalesLanguage language;
        private final @Nullable LegalTemplates.Template template;
        private final Marketplace marketplace;
        private final @Nullable String jurisdiction;
        private final LegalForm form;

        Draft(DraftInput in, @Nullable LegalTemplates.Template template) {
            this.in = in;
            this.event = in.event();
            this.conclusion = in.conclusion();
            this.language = in.language();
            this.t = DraftTexts.of(language);
            this.template = template;
            this.marketplace = event.marketplace() != null ? event.marketplace() : in.shop().marketplace();
            String j = conclusion.jurisdiction() != null ? conclusion.jurisdiction() : event.country();
            if (j == null) {
                if (marketplace.equals(Marketplace.KASPI)) {
                    j = "KZ";
                } else if (marketplace.equals(Marketplace.WILDBERRIES) || marketplace.equals(Marketplace.OZON)) {
                    j = "RU";
                }
            }
            this.jurisdiction = j;
            this.form = event.businessType() != null ? event.businessType() : in.shop().legalForm();
        }

        // ---------------------------------------------------------------- document

        String document() {
            StringBuilder out = new StringBuilder();
            out.append(t.text("mark")).append("\n\n");
            if (template == null) {
                out.append(t.text("unsupported.document")).append("\n\n");
                eventFacts().forEach(l -> out.append(l).append('\n'));
                return out.toString().strip();
            }
            out.append(template.title(language)).append("\n\n");
            for (LegalTemplates.Section section : template.sections()) {
                out.append(section.heading(language)).append('\n');
                List<String> lines = section(section);
                if (lines.isEmpty()) {
                    lines = List.of(fill(section.heading(language)));
                }
                lines.forEach(l -> out.append(l).append('\n'));
                out.append('\n');
            }
            return out.toString().strip();
        }

        private List<String> section(LegalTemplates.Section section) {
            String id = Objects.requireNonNull(template).id();
            List<String> l = new ArrayList<>();
            switch (section.id()) {
                case "header" -> l.addAll(header());
                case "attachments" -> l.addAll(attachments());
                case "signature" -> l.addAll(signature());
                case "measure" -> {
                    measure().ifPresent(m -> l.add(t.text("header.measure", "measure", m)));
                    reason(l);
                    l.addAll(stats());
                }
                case "facts" -> {
                    if (template.section("measure") == null) {
                        reason(l);
                        l.addAll(dates(null));
                        eventAmount(l);
                    }
                    l.addAll(documentQuotes());
                    if (id.equals("T1")) {
                        l.add(t.text("t1.facts.table"));
                    }
                }
                case "grounds" -> {
                    if (id.equals("T1")) {
                        l.add(t.text(lateHandover() ? "t1.grounds.delivery" : "t1.grounds"));
                    }
                    l.addAll(documentRules());
                    if (id.equals("T1")) {
                        l.add(t.text("t1.grounds.orders"));
                    }
                }
                case "recalculation" -> {
                    l.addAll(stats());
                    l.add(t.text("t1.recalculation"));
                }
                case "request" -> {
                    String request = t.optional("request." + id + (id.equals("T1") && lateHandover() ? ".delivery" : ""));
                    l.add(request != null ? request : fill(section.heading(language)));
                }
                case "corrective_steps" -> l.add(t.text("t1.corrective"));
                case "receipt" -> {
                    l.addAll(dates(Set.of("received_by_seller_at", "damage_found_at", "received_by_buyer_at")));
                    if (event.delivery() != null) {
                        String type = event.delivery().type();
                        if (type != null) {
                            String label = t.optional("delivery." + type);
                            l.add(t.text("delivery.line", "type", label != null ? label : type));
                        }
                        Boolean mark = event.delivery().returnActDamageMark();
                        l.add(t.text(mark == null ? "delivery.mark.unknown" : "delivery.mark." + mark));
                    } else {
                        l.add(t.text("delivery.mark.unknown"));
                    }
                }
                case "damage" -> {
                    reason(l);
                    l.addAll(documentRules());
                    l.add(t.text("t2.damage"));
                }
                case "evidence", "documents" -> l.addAll(documentQuotes());
                case "packaging" -> {
                    l.add(t.text("t2.packaging"));
                    l.add(t.text("t2.packaging.fill"));
                }
                case "amount", "demand_amount" -> l.addAll(amounts());
                case "product" -> {
                    product(l);
                    reason(l);
                    l.addAll(dates(null));
                }
                case "answer" -> {
                    l.addAll(documentRules());
                    l.add(t.text("t3.answer"));
                }
                case "corrections" -> l.add(t.text("t3.corrections"));
                case "ground" -> {
                    reason(l);
                    eventAmount(l);
                    l.addAll(documentRules());
                }
                case "objection" -> l.add(t.text("t4.objection"));
                case "proportionality" -> {
                    eventAmount(l);
                    l.add(t.text("t4.proportionality"));
                }
                case "cited_rule" -> {
                    reason(l);
                    eventAmount(l);
                    l.addAll(dates(Set.of("blocked_at")));
                }
                case "proof" -> {
                    l.addAll(documentQuotes());
                    l.addAll(documentRules());
                    l.add(t.text("t5.proof"));
                }
                case "appeal_window", "answer_deadline" -> l.add(documentDeadline());
                case "contract" -> l.add(t.text("t6.contract"));
                case "court_notice" -> {
                    CourtRoute route = route();
                    l.add(route == null ? t.text("rec.court.unknown")
                            : t.text("t6.court", "route", route.text(language)));
                }
                case "buyer_demand" -> {
                    reason(l);
                    eventAmount(l);
                }
                case "checked_facts" -> {
                    product(l);
                    l.addAll(dates(null));
                    l.addAll(documentQuotes());
                }
                case "decision" -> {
                    switch (conclusion.canContest()) {
                        case YES -> l.add(t.text("t7.decision.yes"));
                        case NO -> l.add(t.text("t7.decision.no"));
                        default -> { }
                    }
                    l.add(t.text("t7.decision.fill"));
                }
                case "legal_basis" -> {
                    l.addAll(documentRules());
                    if (conclusion.deadline() != null && conclusion.deadlineOfficial()) {
                        l.add(t.text("t7.reply_by", "deadline", deadline(conclusion.deadline()),
                                "rule", ruleRef(Objects.requireNonNull(conclusion.deadlineRuleId()))));
                    }
                }
                case "next_steps" -> {
                    l.add(t.text("t7.next_steps"));
                    l.add(t.text("t7.next_steps.fill"));
                }
                case "contact" -> l.add(t.text("contact.line", "contact",
                        or(in.seller().contact(), fill(t.text("label.contact")))));
                case "goods" -> {
                    product(l);
                    l.add(t.text("t8.goods"));
                }
                case "checker" -> l.add(t.text("t8.checker"));
                case "payment" -> {
                    l.addAll(documentRules());
                    l.add(t.text("t8.payment"));
                }
                case "buyer_rights" -> l.add(t.text("t8.buyer_rights"));
                case "outcome" -> l.add(t.text("t8.outcome"));
                case "penalty" -> {
                    eventAmount(l);
                    l.add(t.text("t9.penalty"));
                }
                case "consequences" -> l.add(t.text("t9.consequences"));
                case "proportion" -> l.add(t.text("t9.proportion"));
                case "exceptional" -> l.add(t.text("t9.exceptional"));
                default -> l.add(fill(section.heading(language)));
            }
            return l;
        }

        private List<String> header() {
            List<String> l = new ArrayList<>();
            l.add(t.text("addressee.label", "addressee", addressee()));
            l.add(t.text("header.from", "name", or(in.seller().legalName(), fill(t.text("label.legal_name"))),
                    "form", form.label()));
            for (String label : identifierLabels()) {
                String value = in.seller().identifier(label);
                l.add(t.text("header.identifier", "label", label,
                        "value", value != null ? value : t.text("identifier.missing", "label", label)));
            }
            l.add(t.text("header.address", "address", or(in.seller().address(), fill(t.text("label.address")))));
            l.add(t.text("header.shop", "shop", event.shopId().value(), "marketplace", marketplace.code()));
            l.add(t.text("header.date", "date", DAY.format(in.today())));
            if (event.orderId() != null) {
                l.add(t.text("header.order", "order", event.orderId().value()));
            }
            product(l);
            measure().ifPresent(m -> l.add(t.text("header.measure", "measure", m)));
            l.addAll(dates(HEADER_DATES));
            return l;
        }

        private String addressee() {
            String kind = Objects.requireNonNull(template).addressee();
            return switch (kind) {
                case "buyer" -> t.text("addressee.buyer", "order",
                        event.orderId() != null ? event.orderId().value() : fill(t.text("label.order")));
                case "court" -> t.text("addressee.court");
                default -> {
                    String known = t.optional("addressee." + marketplace.code());
                    yield known != null ? known : t.text("addressee.other", "marketplace", marketplace.code());
                }
            };
        }

        private List<String> identifierLabels() {
            boolean person = form == LegalForm.IP;
            if ("KZ".equals(jurisdiction)) {
                return List.of(person ? "ИИН" : "БИН");
            }
            if ("RU".equals(jurisdiction)) {
                if (person) {
                    return List.of("ИНН", "ОГРНИП");
                }
                return in.seller().identifier("КПП") != null ? List.of("ИНН", "ОГРН", "КПП") : List.of("ИНН", "ОГРН");
            }
            return List.copyOf(in.seller().identifiers().keySet());
        }

        private List<String> attachments() {
            List<String> l = new ArrayList<>();
            int n = 1;
            for (DocumentLookup.Found doc : in.documents().documents()) {
                l.add(t.text("attachment.line", "n", Integer.toString(n++), "name", doc.name()));
            }
            if ("T6".equals(Objects.requireNonNull(template).id())) {
                l.add(t.text("attachment.line", "n", Integer.toString(n), "name", t.text("t6.proof_of_sending")));
            } else if (l.isEmpty()) {
                l.add(t.text("attachments.none"));
            }
            return l;
        }

        private List<String> signature() {
            List<String> l = new ArrayList<>();
            l.add(t.text("signature.line", "signatory", or(in.seller().signatory(), fill(t.text("label.signatory"))),
                    "position", or(in.seller().position(), fill(t.text("label.position")))));
            if ("T6".equals(Objects.requireNonNull(template).id())) {
                l.add(t.text("signature.ecp"));
            }
            return l;
        }

        /** The deadline as a document may state it: official or secondary only, never the internal target. */
        private String documentDeadline() {
            ZonedDateTime deadline = conclusion.deadline();
            LegalSourceStatus status = conclusion.deadlineStatus();
            if (deadline == null || status == null || status == LegalSourceStatus.INTERNAL) {
                return t.text("deadline.fill");
            }
            return deadlineSentence();
        }

        /** A Kaspi measure for a late handover: the rule layer applied the delivery rules, not the cancellation share. */
        private boolean lateHandover() {
            return conclusion.ruleIds().contains("KASPI.Q3047");
        }

        private List<String> documentRules() {
            List<String> l = new ArrayList<>();
            for (AppliedRule rule : conclusion.rules()) {
                switch (rule.status()) {
                    case OFFICIAL -> l.add(t.text("rule.official", "id", rule.id(), "title", title(rule)));
                    case SECONDARY -> l.add(t.text("rule.secondary", "id", rule.id(), "title", title(rule)));
                    case UNCONFIRMED -> l.add(t.text("rule.unconfirmed", "id", rule.id(), "title", title(rule)));
                    case INTERNAL -> { }
                }
            }
            for (AppliedRule rule : conclusion.context()) {
                l.add(t.text("rule.unconfirmed", "id", rule.id(), "title", title(rule)));
            }
            if (l.isEmpty()) {
                l.add(t.text("rules.none"));
            }
            return l;
        }

        private List<String> documentQuotes() {
            List<String> l = new ArrayList<>();
            for (DocumentLookup.Found doc : in.documents().documents()) {
                String quote = quote(doc.text());
                l.add(quote.isEmpty() ? t.text("fact.document.empty", "name", doc.name())
                        : t.text("fact.document", "name", doc.name(), "quote", quote));
            }
            if (l.isEmpty()) {
                l.add(t.text("fact.documents.none"));
            }
            return l;
        }

        private List<String> amounts() {
            List<String> l = new ArrayList<>();
            eventAmount(l);
            in.amounts().forEach((name, value) -> {
                String label = t.optional("amount." + name);
                l.add(t.text("amount.line", "label", label != null ? label : name, "amount", money(value)));
            });
            if (in.amounts().isEmpty()) {
                l.add(t.text("amount.none"));
            }
            return l;
        }

        private void eventAmount(List<String> l) {
            if (event.amount() != null) {
                l.add(t.text("fact.amount", "amount", money(event.amount())));
            }
        }

        private void reason(List<String> l) {
            if (event.fineReason() != null && !event.fineReason().isBlank()) {
                l.add(t.text("fact.reason", "reason", quote(event.fineReason())));
            }
        }

        private void product(List<String> l) {
            if (event.productName() != null && !event.productName().isBlank()) {
                l.add(t.text("header.product", "product", event.productName().strip()));
            }
        }

        private List<String> eventFacts() {
            List<String> l = new ArrayList<>();
            reason(l);
            product(l);
            if (event.orderId() != null) {
                l.add(t.text("header.order", "order", event.orderId().value()));
            }
            eventAmount(l);
            l.addAll(dates(Set.copyOf(event.dates().keySet())));
            return l;
        }

        private java.util.Optional<String> measure() {
            LegalMeasure m = event.measure();
            if (m == null) {
                return java.util.Optional.empty();
            }
            String type = t.optional("measure.type." + m.type());
            List<String> parts = new ArrayList<>();
            parts.add(type != null ? type : m.type());
            if (m.days() != null) {
                parts.add(t.text("measure.days", "days", Integer.toString(m.days())));
            }
            if (m.from() != null && m.to() != null) {
                parts.add(t.text("measure.period", "from", DAY.format(m.from()), "to", DAY.format(m.to())));
            } else if (m.from() != null) {
                parts.add(t.text("measure.from", "from", DAY.format(m.from())));
            } else if (m.to() != null) {
                parts.add(t.text("measure.to", "to", DAY.format(m.to())));
            }
            return java.util.Optional.of(String.join(", ", parts));
        }

        private List<String> stats() {
            List<String> l = new ArrayList<>();
            for (String name : ordered(event.stats().keySet(), STAT_ORDER)) {
                String label = t.optional("stat." + name);
                BigDecimal v = event.stats().get(name).stripTrailingZeros();
                String value = (v.scale() < 0 ? v.setScale(0) : v).toPlainString().replace('.', ',');
                l.add(t.text("stat.line", "label", label != null ? label : name, "value", value));
            }
            return l;
        }

        /**
         * The event's dates in a stable order: only the given names, or when {@code only} is null all but those the
         * header already shows.
         */
        private List<String> dates(@Nullable Set<String> only) {
            List<String> l = new ArrayList<>();
            for (String name : ordered(event.dates().keySet(), DATE_ORDER)) {
                if (only != null ? !only.contains(name) : HEADER_DATES.contains(name)) {
                    continue;
                }
                String label = t.optional("date." + name);
                l.add(t.text("header.dated", "label", label != null ? label : name, "date",
                        date(event.dates().get(name))));
            }
            return l;
        }

        // ---------------------------------------------------------------- analysis

        String analysis() {
            List<String> l = new ArrayList<>();
            l.add(t.text("analysis.event", "type", t.text("event.type." + event.eventType().wireValue()),
                    "marketplace", marketplace.code(),
                    "jurisdiction", jurisdiction != null ? jurisdiction : t.text("analysis.jurisdiction.unknown")));
            l.addAll(eventFacts());
            measure().ifPresent(m -> l.add(t.text("header.measure", "measure", m)));
            if (!conclusion.supported()) {
                l.add(t.text("analysis.unsupported"));
                notes(l);
            } else {
                if (template != null) {
                    l.add(t.text("analysis.template", "id", template.id(), "title", template.title(language)));
                }
                l.add(t.text("analysis.contest", "value", t.text("contest." + conclusion.canContest().wireValue())));
                if (conclusion.riskFloor() != null) {
                    l.add(t.text("analysis.risk", "value", t.text("risk." + conclusion.riskFloor().wireValue())));
                }
                l.add(deadlineSentence());
                measureEnd(l);
                notes(l);
                List<String> rules = new ArrayList<>();
                for (AppliedRule rule : conclusion.rules()) {
                    String key = switch (rule.status()) {
                        case OFFICIAL -> "rule.official.analysis";
                        case SECONDARY -> "rule.secondary";
                        case UNCONFIRMED -> "rule.unconfirmed";
                        case INTERNAL -> "rule.internal";
                    };
                    rules.add("- " + t.text(key, "id", rule.id(), "title", title(rule)));
                }
                block(l, "analysis.rules", rules);
                block(l, "analysis.context", conclusion.context().stream()
                        .map(r -> "- " + t.text("rule.unconfirmed", "id", r.id(), "title", title(r))).toList());
            }
            block(l, "analysis.problems", in.documents().problems().stream()
                    .map(p -> t.text("analysis.problem", "name", p.name(), "reason", p.reason())).toList());
            block(l, "analysis.history", in.history().stream().map(h -> "- " + h.strip()).toList());
            return String.join("\n", l);
        }

        private void notes(List<String> l) {
            block(l, "analysis.notes", conclusion.notes().stream().map(n -> "- " + n).toList());
        }

        private void block(List<String> l, String headingKey, List<String> lines) {
            if (!lines.isEmpty()) {
                l.add(t.text(headingKey));
                l.addAll(lines);
            }
        }

        // ---------------------------------------------------------------- recommendation

        String recommendation() {
            List<String> l = new ArrayList<>();
            if (!conclusion.supported() || template == null) {
                l.add(t.text("rec.unsupported"));
            } else {
                l.add(t.text("rec.send", "title", template.title(language), "id", template.id()));
                l.add(deadlineSentence());
                measureEnd(l);
                List<String> names = in.documents().documents().stream().map(DocumentLookup.Found::name).toList();
                l.add(names.isEmpty() ? t.text("rec.attach.none") : t.text("rec.attach", "names", String.join(", ", names)));
            }
            List<String> broken = in.documents().problems().stream().map(DocumentProblem::name).toList();
            if (!broken.isEmpty()) {
                l.add(t.text("rec.reattach", "names", String.join(", ", broken)));
            }
            if (conclusion.supported()) {
                CourtRoute route = route();
                if (route == null) {
                    l.add(t.text("rec.court.unknown"));
                } else {
                    l.add(t.text("rec.court", "route", route.text(language)));
                    if (!route.ruleIds().isEmpty()) {
                        l.add(t.text("rec.court.rules", "ids", String.join(", ", route.ruleIds())));
                    }
                }
                if (conclusion.ruleIds().contains("RU.289FZ.DISPUTE")) {
                    l.add(t.text("rec.fz289"));
                }
            }
            l.add(t.text("rec.check"));
            return String.join("\n", l);
        }

        private @Nullable CourtRoute route() {
            return CourtRoute.of(in, template);
        }

        // ---------------------------------------------------------------- shared

        /** The deadline with its status wording, for the analysis and the recommendation. */
        private String deadlineSentence() {
            ZonedDateTime deadline = conclusion.deadline();
            LegalSourceStatus status = conclusion.deadlineStatus();
            if (deadline == null || status == null) {
                return t.text("deadline.none");
            }
            String rule = ruleRef(Objects.requireNonNull(conclusion.deadlineRuleId()));
            String key = switch (status) {
                case OFFICIAL -> "deadline.official";
                case SECONDARY -> "deadline.secondary";
                default -> "deadline.internal";
            };
            return t.text(key, "deadline", deadline(deadline), "rule", rule);
        }

        private void measureEnd(List<String> l) {
            if (conclusion.deadline() != null && event.measure() != null && event.measure().to() != null) {
                l.add(t.text("deadline.measure_end", "to", DAY.format(event.measure().to())));
            }
        }

        private String ruleRef(String id) {
            String title = titleOf(id);
            return title == null ? id : id + " «" + title + "»";
        }

        private String title(AppliedRule rule) {
            String title = titleOf(rule.id());
            return title != null ? title : rule.title();
        }

        /**
         * The rule's title: the retrieved passage's, else the shipped corpus entry's (both in the corpus's language),
         * else the rule data's.
         */
        private @Nullable String titleOf(String id) {
            for (Passage p : in.passages()) {
                if (p.entry().ruleId().equalsIgnoreCase(id)) {
                    return p.entry().title();
                }
            }
            String shipped = CorpusTitles.TITLES.get(id.toUpperCase(Locale.ROOT));
            if (shipped != null) {
                return shipped;
            }
            for (AppliedRule r : conclusion.rules()) {
                if (r.id().equals(id) && !r.title().isBlank()) {
                    return r.title();
                }
            }
            for (AppliedRule r : conclusion.context()) {
                if (r.id().equals(id) && !r.title().isBlank()) {
                    return r.title();
                }
            }
            return null;
        }

        private String fill(String what) {
            return t.text("fill", "what", what);
        }

        private static String or(@Nullable String value, String otherwise) {
            return value == null || value.isBlank() ? otherwise : value.strip();
        }

        private static String date(EventDate date) {
            if (date.dateTime() == null) {
                return DAY.format(date.date());
            }
            return MOMENT.format(date.dateTime()) + " (UTC" + date.dateTime().getOffset().getId()
                    .replace("Z", "+00:00") + ")";
        }

        private static String deadline(ZonedDateTime deadline) {
            if (!deadline.toLocalTime().isBefore(LocalTime.of(23, 59, 59))) {
                return DAY.format(deadline);
            }
            return MOMENT.format(deadline) + " (UTC" + deadline.getOffset().getId().replace("Z", "+00:00") + ")";
        }

        /** Collapses whitespace and cuts at a word boundary to at most {@link #QUOTE_LENGTH} characters. */
        private static String quote(String text) {
            String flat = text.strip().replaceAll("\\s+", " ");
            if (flat.length() <= QUOTE_LENGTH) {
                return flat;
            }
            int cut = flat.lastIndexOf(' ', QUOTE_LENGTH - 1);
            return flat.substring(0, cut > 0 ? cut : QUOTE_LENGTH - 1).strip() + "…";
        }

        private static List<String> ordered(Set<String> names, List<String> known) {
            List<String> out = new ArrayList<>();
            for (String k : known) {
                if (names.contains(k)) {
                    out.add(k);
                }
            }
            names.stream().filter(n -> !known.contains(n)).sorted(Comparator.naturalOrder()).forEach(out::add);
            return out;
        }
    }
}
