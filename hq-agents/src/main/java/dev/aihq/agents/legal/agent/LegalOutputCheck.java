package dev.aihq.agents.legal.agent;

import dev.aihq.agents.legal.document.LegalTemplates;
import dev.aihq.agents.legal.rules.MustNot;
import dev.aihq.agents.legal.rules.RuleConclusion;
import dev.aihq.agents.sales.SalesLanguage;
import dev.aihq.api.legal.LegalSourceStatus;
import dev.aihq.api.result.LegalAssessment;
import dev.aihq.api.result.LegalSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The legal agent's guard: checks an assessment written by the model against what code decided and retrieved.
 * Each problem is a sentence the model can act on. An assessment is rejected when it:
 *
 * <ul>
 *   <li>lowers the risk below the rule layer's floor, or changes {@code can_contest}, the deadline or
 *       {@code deadline_official};</li>
 *   <li>cites a rule id, in {@code sources} or in its texts, that is not among the context's sources (the
 *       conclusion's rules and context and the retrieved passages), or links a page that is not a source's;</li>
 *   <li>states a number or a date that appears nowhere in the event, its documents, the passages, the rule layer's
 *       notes, the computed amounts or the template draft (an invented amount, percentage, period or date);</li>
 *   <li>presents the shop's internal target as a deadline: puts its date into the document, gives the date on a
 *       line that does not say it is internal, or states a period as an obligation in a sentence that does not; or
 *       gives a secondary-source deadline on a line that does not say it must be verified;</li>
 *   <li>leaves out a required section heading of the template, or breaks a must-not of the rule layer (citing
 *       289-ФЗ before it applies, a «Закон РК об электронной торговле», refusing a defect claim without a quality
 *       check).</li>
 * </ul>
 *
 * Thread-safe.
 */
public final class LegalOutputCheck {

    /** Rule ids as the corpus writes them: an upper-case prefix, a dot, then letters, digits, dots and dashes. */
    private static final Pattern RULE_ID = Pattern.compile("(?<![\\p{L}\\d.])[A-Z][A-Z0-9]{1,9}(?:\\.[A-Za-z0-9-]+)+");
    private static final Pattern URL = Pattern.compile("https?://[^\\s»\"'<>)\\]]+");
    private static final Pattern DOTTED_DATE = Pattern.compile("(?<!\\d)(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?!\\d)");
    private static final Pattern ISO_DATE = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?:T[0-9:.]+(?:Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern NUMBER =
            Pattern.compile("(?<![\\d.,])\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3})+(?:[.,]\\d+)?|(?<![\\d.,])\\d+(?:[.,]\\d+)?");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final Pattern OBLIGATION = Pattern.compile(
            "требует|требуется|обязан|установлен|по закону|по правилам|предусмотрен|нормативн|талап|міндетті|заң бойынша",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern INTERNAL_MARKER = Pattern.compile(
            "внутренн|не установлен|не является|не требование|не требует|ішкі|белгіленбеген",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern VERIFY_MARKER = Pattern.compile(
            "вторичн|провер|уточн|подтвер|неофициальн|тексер|нақтыл|расталмаған",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern KZ_ECOMMERCE_LAW = Pattern.compile(
            "закон[^.\\n]{0,60}об\\s+электронной\\s+торговл", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern FZ289 = Pattern.compile("289\\s*-\\s*ФЗ", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern REFUSAL = Pattern.compile("отказыва|отказ в удовлетворении|отклоня|бас тарт",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern QUALITY_CHECK = Pattern.compile("проверк[аиу] качества|экспертиз|сапасын тексер",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Section and list numbers, counts of documents: small integers need no source. */
    private static final int FREE_INTEGERS = 20;

    private final LegalTemplates templates;

    /**
     * Creates the check.
     *
     * @param templates the templates whose required headings a document must keep
     */
    public LegalOutputCheck(LegalTemplates templates) {
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    /**
     * Lists what is wrong with an assessment.
     *
     * @param context the run's context
     * @param candidate the assessment to check
     * @return the problems; empty when the assessment may be delivered
     */
    public List<String> problems(LegalContext context, LegalAssessment candidate) {
        List<String> problems = new ArrayList<>();
        LegalAssessment draft = context.draft();
        decisions(draft, candidate, context.shop().zone(), problems);
        citations(context, candidate, problems);
        Facts facts = Facts.of(context);
        for (Part part : parts(candidate)) {
            facts.check(part.name(), part.text(), problems);
        }
        deadlineWording(context.conclusion(), candidate, context.shop().zone(), problems);
        sections(context, candidate, problems);
        mustNots(context.conclusion(), candidate, problems);
        return problems;
    }

    private static void decisions(LegalAssessment draft, LegalAssessment candidate, ZoneId zone, List<String> problems) {
        if (candidate.riskLevel().compareTo(draft.riskLevel()) < 0) {
            problems.add("risk_level must be at least \"" + draft.riskLevel().wireValue() + "\", the rule layer's floor;"
                    + " the answer says \"" + candidate.riskLevel().wireValue() + "\"");
        }
        if (candidate.canContest() != draft.canContest()) {
            problems.add("can_contest must stay \"" + draft.canContest().wireValue() + "\" as the rule layer decided;"
                    + " the answer says \"" + candidate.canContest().wireValue() + "\"");
        }
        if (!sameMoment(draft.deadline(), candidate.deadline())) {
            problems.add("deadline must stay " + (draft.deadline() == null ? "empty (none can be computed)"
                    : "\"" + draft.deadline() + "\"") + "; the answer says "
                    + (candidate.deadline() == null ? "none" : "\"" + candidate.deadline() + "\""));
        }
        if (candidate.deadlineOfficial() != draft.deadlineOfficial()) {
            problems.add("deadline_official must stay " + draft.deadlineOfficial()
                    + (draft.deadlineOfficial() ? "" : ": no official source sets this deadline"));
        }
    }

    private static boolean sameMoment(@Nullable OffsetDateTime a, @Nullable OffsetDateTime b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.toInstant().truncatedTo(ChronoUnit.SECONDS).equals(b.toInstant().truncatedTo(ChronoUnit.SECONDS));
    }

    private static void citations(LegalContext context, LegalAssessment candidate, List<String> problems) {
        Set<String> allowed = context.sources().keySet();
        for (LegalSource source : candidate.sources()) {
            if (!allowed.contains(source.ruleId())) {
                problems.add("sources cites \"" + source.ruleId() + "\", which is not among the given sources; cite only"
                        + " the given rule ids");
            }
        }
        Set<String> urls = new HashSet<>();
        context.sources().values().forEach(s -> urls.add(trimUrl(s.url())));
        for (Part part : parts(candidate)) {
            Set<String> unknown = new LinkedHashSet<>();
            Matcher m = RULE_ID.matcher(part.text());
            while (m.find()) {
                String id = trimId(m.group());
                if (!allowed.contains(id)) {
                    unknown.add(id);
                }
            }
            if (!unknown.isEmpty()) {
                problems.add(part.name() + " cites " + unknown + ", not among the given sources; cite only the given"
                        + " rule ids");
            }
            Matcher u = URL.matcher(part.text());
            while (u.find()) {
                String url = trimUrl(u.group());
                if (!urls.contains(url)) {
                    problems.add(part.name() + " links " + url + ", which is not a given source's url");
                }
            }
        }
    }

    private static void deadlineWording(RuleConclusion conclusion, LegalAssessment candidate, ZoneId zone,
            List<String> problems) {
        if (conclusion.deadline() == null || conclusion.deadlineStatus() == null) {
            return;
        }
        LocalDate day = conclusion.deadline().withZoneSameInstant(zone).toLocalDate();
        if (conclusion.deadlineStatus() == LegalSourceStatus.INTERNAL) {
            if (mentions(candidate.document(), day)) {
                problems.add("document must not state the shop's internal target date " + day + " to the addressee:"
                        + " it is not a deadline set by the marketplace or by law; keep it in the recommendation");
            }
            for (Part part : parts(candidate)) {
                for (String line : part.text().split("\n")) {
                    if (mentions(line, day) && !INTERNAL_MARKER.matcher(line).find()) {
                        problems.add(part.name() + " gives " + day + " without saying it is the shop's internal"
                                + " target, not a rule: \"" + excerpt(line) + "\"");
                    }
                }
                for (String sentence : SENTENCE_END.split(part.text())) {
                    if (!INTERNAL_MARKER.matcher(sentence).find() && OBLIGATION.matcher(sentence).find()
                            && statesDays(sentence)) {
                        problems.add(part.name() + " presents a period as required by the marketplace or by law,"
                                + " where no source sets one: \"" + excerpt(sentence) + "\"");
                    }
                }
            }
        } else if (conclusion.deadlineStatus() == LegalSourceStatus.SECONDARY) {
            for (Part part : parts(candidate)) {
                for (String line : part.text().split("\n")) {
                    if (mentions(line, day) && !VERIFY_MARKER.matcher(line).find()) {
                        problems.add(part.name() + " gives " + day + " without saying that its source is secondary"
                                + " and must be verified: \"" + excerpt(line) + "\"");
                    }
                }
            }
        }
    }

    private static boolean statesDays(String sentence) {
        return Pattern.compile("\\d+\\s*(?:календарн\\S*\\s+|рабоч\\S*\\s+|жұмыс\\s+)?(?:дн|день|сут|күн)",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(sentence).find();
    }

    private static boolean mentions(String text, LocalDate day) {
        for (LocalDate d : dates(text)) {
            if (d.equals(day)) {
                return true;
            }
        }
        return false;
    }

    private void sections(LegalContext context, LegalAssessment candidate, List<String> problems) {
        String template = context.conclusion().templateId();
        if (template == null) {
            return;
        }
        String document = normalize(candidate.document());
        List<String> missing = new ArrayList<>();
        for (String heading : templates.template(template).requiredHeadings(SalesLanguage.of(context.shop()))) {
            if (!document.contains(normalize(heading))) {
                missing.add(heading);
            }
        }
        if (!missing.isEmpty()) {
            problems.add("document leaves out required sections of template " + template + ": " + missing
                    + "; write each heading exactly as given");
        }
    }

    private static void mustNots(RuleConclusion conclusion, LegalAssessment candidate, List<String> problems) {
        for (Part part : parts(candidate)) {
            Matcher law = KZ_ECOMMERCE_LAW.matcher(part.text());
            if (law.find()) {
                problems.add(part.name() + " cites a law on electronic commerce of Kazakhstan; no such law exists:"
                        + " \"" + excerpt(law.group()) + "\"");
            }
        }
        Set<String> ids = new HashSet<>();
        conclusion.mustNot().stream().map(MustNot::id).forEach(ids::add);
        if (ids.contains("fz289_before")) {
            for (Part part : List.of(new Part("document", candidate.document()),
                    new Part("recommendation", candidate.recommendation()))) {
                if (FZ289.matcher(part.text()).find()) {
                    problems.add(part.name() + " relies on 289-ФЗ, which does not apply: the event is before 2026-10-01");
                }
            }
        }
        if (ids.contains("defect_without_check") && REFUSAL.matcher(candidate.document()).find()
                && !QUALITY_CHECK.matcher(candidate.document()).find()) {
            problems.add("document refuses a defect claim without a quality check; offer the check first");
        }
    }

    private static List<Part> parts(LegalAssessment a) {
        return List.of(new Part("analysis", a.analysis()), new Part("document", a.document()),
                new Part("recommendation", a.recommendation()));
    }

    private static String trimId(String id) {
        String t = id;
        while (t.endsWith(".") || t.endsWith("-")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    private static String trimUrl(String url) {
        String t = url.strip();
        while (!t.isEmpty() && ".,;:!?".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    private static String normalize(String text) {
        return text.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String excerpt(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 160 ? line : line.substring(0, 160) + "…";
    }

    /** Every date a text writes as {@code dd.MM.yyyy} or ISO; invalid ones are skipped. */
    static List<LocalDate> dates(String text) {
        List<LocalDate> dates = new ArrayList<>();
        Matcher d = DOTTED_DATE.matcher(text);
        while (d.find()) {
            add(dates, d.group(3), d.group(2), d.group(1));
        }
        Matcher i = ISO_DATE.matcher(text);
        while (i.find()) {
            add(dates, i.group(1), i.group(2), i.group(3));
        }
        return dates;
    }

    private static void add(List<LocalDate> dates, String year, String month, String day) {
        try {
            dates.add(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (RuntimeException e) {
            // not a date (e.g. 31.02.2026): its digits are checked as numbers
        }
    }

    /** Every number a text states, dates taken out first, normalised (no group separators, no trailing zeros). */
    static List<BigDecimal> numbers(String text) {
        String rest = ISO_DATE.matcher(DOTTED_DATE.matcher(text).replaceAll(" ")).replaceAll(" ");
        List<BigDecimal> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(rest);
        while (m.find()) {
            String plain = m.group().replaceAll("[ \\u00A0\\u202F]", "").replace(',', '.');
            try {
                numbers.add(normal(new BigDecimal(plain)));
            } catch (NumberFormatException e) {
                // not reachable with the pattern above; skip rather than fail the check
            }
        }
        return numbers;
    }

    /** A number without trailing zeros and never in exponent form, so that 30, 30.00 and 3E+1 are one value. */
    static BigDecimal normal(BigDecimal n) {
        BigDecimal stripped = n.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private record Part(String name, String text) {}

    /** The dates and numbers an assessment may state: those of its inputs and of the template draft. */
    private record Facts(Set<LocalDate> knownDates, Set<BigDecimal> knownNumbers) {

        static Facts of(LegalContext context) {
            Set<LocalDate> dates = new HashSet<>();
            Set<BigDecimal> numbers = new HashSet<>();
            for (String text : LegalFacts.texts(context)) {
                dates.addAll(LegalOutputCheck.dates(text));
                numbers.addAll(LegalOutputCheck.numbers(text));
                // The digits of dates count as numbers too ("до 13 марта", "2026 года").
                for (LocalDate d : LegalOutputCheck.dates(text)) {
                    numbers.add(normal(BigDecimal.valueOf(d.getDayOfMonth())));
                    numbers.add(normal(BigDecimal.valueOf(d.getYear())));
                }
            }
            for (LocalDate d : LegalFacts.dates(context)) {
                dates.add(d);
                numbers.add(normal(BigDecimal.valueOf(d.getDayOfMonth())));
                numbers.add(normal(BigDecimal.valueOf(d.getYear())));
            }
            return new Facts(dates, numbers);
        }

        void check(String part, String text, List<String> problems) {
            Set<LocalDate> unknownDates = new LinkedHashSet<>();
            for (LocalDate d : LegalOutputCheck.dates(text)) {
                if (!knownDates.contains(d)) {
                    unknownDates.add(d);
                }
            }
            if (!unknownDates.isEmpty()) {
                problems.add(part + " states dates found nowhere in the event, its documents or the rules: "
                        + unknownDates + "; use only the given dates");
            }
            Set<String> unknown = new LinkedHashSet<>();
            for (BigDecimal n : LegalOutputCheck.numbers(text)) {
                boolean free = n.scale() <= 0 && n.signum() >= 0 && n.compareTo(BigDecimal.valueOf(FREE_INTEGERS)) <= 0;
                if (!free && !knownNumbers.contains(n)) {
                    unknown.add(n.toPlainString());
                }
            }
            if (!unknown.isEmpty()) {
                problems.add(part + " states numbers found nowhere in the event, its documents, the rules or the"
                        + " computed amounts: " + unknown + "; do not invent amounts, percentages or periods");
            }
        }
    }
}
