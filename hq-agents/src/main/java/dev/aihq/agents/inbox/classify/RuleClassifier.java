package dev.aihq.agents.inbox.classify;

import dev.aihq.agents.text.PhraseBook;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.inbox.Classification;
import dev.aihq.api.inbox.ClassificationSource;
import dev.aihq.api.inbox.InboxEmotion;
import dev.aihq.api.inbox.InboxIntent;
import dev.aihq.api.inbox.InboxPriority;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The deterministic inbox classifier: weighted phrases in Russian, the review's rating and the message's kind.
 * It needs no model, so it is also the fallback of a model classifier.
 *
 * <h2>Intent</h2>
 * Each intent's score is the sum of the weights of its phrases found in the text (each phrase once; a negative
 * weight cancels a phrase that a negation turns around, e.g. "не рекомендую" against "рекомендую"), plus small
 * priors that only decide when phrases are silent or balanced: a product-card question leans to the questions
 * before purchase and away from praise; a review of 4–5★ leans to {@code praise}, 1–2★ away from it and towards
 * {@code quality_complaint}; a return in a review is mostly told as past fact; a question with no phrase is a
 * {@code product_question}; a greeting alone, or a text with no letters (unless it is a review with emoji or no text at all,
 * where the rating speaks), is {@code other}. The highest score wins.
 * Then three rules of the labelling guide: the deletion test (a {@code churn_risk} that also names a concrete
 * problem — wrong item, defect, delivery, return — is that problem), the cause before the remedy (a return asked
 * because of a wrong, defective or damaged item is the cause) and the question before the praise (a review that
 * praises and asks is the question).
 *
 * <h2>Tie-break order</h2>
 * Equal scores go to the intent earlier in {@link #precedence()}: by default {@code churn_risk},
 * {@code wrong_item}, {@code quality_complaint}, {@code delivery_problem}, {@code return_refund}, {@code sizing},
 * {@code compatibility}, {@code availability}, then the shop's own intents in the order their phrases were given,
 * then {@code product_question}, {@code praise}, {@code other} — problems before questions, questions before
 * praise, the narrower question first.
 *
 * <h2>Emotion</h2>
 * Angry, frustrated and happy phrases, caps, runs of "!" and "?", censored swearing, smileys and emoji, and the
 * rating (1–2★ lean frustrated, 4–5★ happy). Angry needs strong evidence, happy is only given to a message that is
 * not a complaint.
 *
 * <h2>Priority</h2>
 * As the labelling guide's table: {@code critical} for a safety hazard, fraud suspicion, or an angry buyer who
 * threatens to leave or complain or gives 1★; {@code high} for questions before purchase, problems in a chat or
 * from an unhappy buyer, any {@code churn_risk}, any 1–2★ review; {@code normal} for praise, other, and calm
 * 3–5★ reviews that ask nothing.
 *
 * <h2>Confidence and reasons</h2>
 * The confidence comes from the margin between the two best scores: {@code 0.4 + 0.55 × (best − second) / best},
 * at most 0.95; 0.3 when no phrase decided (priors only). The reasons are the matched phrases of the chosen
 * intent and the signals behind the emotion and priority, as written in the lists.
 *
 * <p>Immutable and thread-safe once built. The phrase lists are resources in the {@link PhraseBook} format:
 * {@code intents-ru.txt} (one {@code [section]} per intent name), {@code emotions-ru.txt} ({@code [angry]},
 * {@code [frustrated]}, {@code [happy]}) and {@code signals-ru.txt} ({@code [greeting]}, {@code [threat]},
 * {@code [safety]}, {@code [fraud]}, {@code [ask]}); a malformed list fails {@link Builder#build()} naming the
 * list and the line.
 */
public final class RuleClassifier implements MessageClassifier {

    /** Where the shipped phrase lists live on the class path. */
    public static final String RESOURCES = "/dev/aihq/agents/inbox/classify/";

    private static final List<InboxIntent> PROBLEMS = List.of(InboxIntent.WRONG_ITEM,
            InboxIntent.QUALITY_COMPLAINT, InboxIntent.DELIVERY_PROBLEM, InboxIntent.RETURN_REFUND);
    private static final List<InboxIntent> CAUSES = List.of(InboxIntent.WRONG_ITEM,
            InboxIntent.QUALITY_COMPLAINT, InboxIntent.DELIVERY_PROBLEM);
    private static final List<InboxIntent> QUESTIONS = List.of(InboxIntent.SIZING, InboxIntent.COMPATIBILITY,
            InboxIntent.AVAILABILITY, InboxIntent.PRODUCT_QUESTION);
    private static final Set<String> EMOTION_SECTIONS = Set.of("angry", "frustrated", "happy");
    private static final Set<String> SIGNAL_SECTIONS = Set.of("greeting", "threat", "safety", "fraud", "ask");
    private static final Pattern NO_LETTERS = Pattern.compile("[^\\p{L}]*");
    // A concrete problem must carry at least this much for the deletion test and the cause rule.
    private static final double CONCRETE = 2.0;
    private static final double EPSILON = 1e-9;

    private static volatile @Nullable RuleClassifier standard;

    private final List<PhraseBook> intentBooks;
    private final List<PhraseBook> emotionBooks;
    private final List<PhraseBook> signalBooks;
    private final List<InboxIntent> precedence;
    private final List<InboxIntent> custom;
    private final List<PhraseBook.Phrase> greetings;

    private RuleClassifier(List<PhraseBook> intentBooks, List<PhraseBook> emotionBooks, List<PhraseBook> signalBooks,
            List<InboxIntent> precedence, List<InboxIntent> custom) {
        this.intentBooks = intentBooks;
        this.emotionBooks = emotionBooks;
        this.signalBooks = signalBooks;
        this.precedence = precedence;
        this.custom = custom;
        // Longest first, so "можно вопрос" goes before "вопрос" would leave "можно".
        List<PhraseBook.Phrase> g = new ArrayList<>();
        signalBooks.forEach(book -> g.addAll(book.phrases("greeting")));
        g.sort(java.util.Comparator.comparingInt((PhraseBook.Phrase p) -> p.text().length()).reversed());
        this.greetings = List.copyOf(g);
    }

    /**
     * Returns the classifier with the shipped lists, built once.
     *
     * @return the shared classifier
     */
    public static RuleClassifier standard() {
        RuleClassifier c = standard;
        if (c == null) {
            synchronized (RuleClassifier.class) {
                c = standard;
                if (c == null) {
                    c = builder().build();
                    standard = c;
                }
            }
        }
        return c;
    }

    /**
     * Starts a classifier with the shipped lists, to which a shop may add its own phrases and intents.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the intents this classifier can give, in tie-break order.
     *
     * @return the intents, the most important first
     */
    public List<InboxIntent> precedence() {
        return precedence;
    }

    @Override
    public Classification classify(ClassifierInput input) {
        Objects.requireNonNull(input, "input");
        InboxText text = InboxText.of(input.text());
        List<String> reasons = new ArrayList<>();

        Map<InboxIntent, Double> scores = new LinkedHashMap<>();
        Map<InboxIntent, List<String>> matched = new LinkedHashMap<>();
        for (InboxIntent intent : precedence) {
            scores.put(intent, 0.0);
            matched.put(intent, new ArrayList<>());
        }
        boolean phraseFound = false;
        Map<InboxIntent, Double> phraseScores = new LinkedHashMap<>();
        for (PhraseBook book : intentBooks) {
            for (String section : book.sectionNames()) {
                InboxIntent intent = InboxIntent.of(section);
                for (PhraseBook.Hit hit : book.findEvery(section, text.normalized)) {
                    scores.merge(intent, hit.weight(), Double::sum);
                    phraseScores.merge(intent, hit.weight(), Double::sum);
                    if (hit.weight() > 0) {
                        matched.get(intent).add(hit.phrase());
                        phraseFound = true;
                    }
                }
            }
        }
        applyPriors(input, text, scores);

        InboxIntent intent = best(scores, precedence);
        intent = applyGuideRules(intent, text, scores, phraseScores);
        double bestScore = scores.get(intent);
        double second = Double.NEGATIVE_INFINITY;
        for (Map.Entry<InboxIntent, Double> e : scores.entrySet()) {
            if (!e.getKey().equals(intent)) {
                second = Math.max(second, e.getValue());
            }
        }
        double confidence;
        if (!phraseFound || matched.get(intent).isEmpty() || bestScore <= 0) {
            confidence = 0.3;
        } else {
            double margin = Math.max(0, bestScore - Math.max(0, second));
            confidence = Math.min(0.95, 0.4 + 0.55 * margin / bestScore);
        }
        for (String phrase : matched.get(intent)) {
            if (reasons.size() < 5) {
                reasons.add(intent.name() + ": " + phrase);
            }
        }
        if (input.rating() != null) {
            reasons.add("rating " + input.rating());
        }

        InboxEmotion emotion = emotion(input, text, intent, reasons);
        InboxPriority priority = priority(input, text, intent, emotion, reasons);
        List<String> kept = new ArrayList<>();
        for (String reason : reasons) {
            String r = reason.length() > Classification.MAX_REASON_LENGTH
                    ? reason.substring(0, Classification.MAX_REASON_LENGTH) : reason;
            if (kept.size() < Classification.MAX_REASONS && !r.isBlank() && !kept.contains(r)) {
                kept.add(r);
            }
        }
        return new Classification(intent, emotion, priority, ClassificationSource.RULES,
                Math.round(confidence * 100) / 100.0, kept);
    }

    private void applyPriors(ClassifierInput input, InboxText text, Map<InboxIntent, Double> scores) {
        boolean asks = text.questionMark || has(text, "ask");
        // A review without words still has its rating to go by.
        boolean ratingOnly = input.kind() == InboxItemKind.REVIEW && input.rating() != null && text.letters == 0
                && (input.text().isBlank() || text.positiveEmoji + text.negativeEmoji + text.angryEmoji > 0);
        if (!ratingOnly && isGreetingOnly(text)) {
            scores.merge(InboxIntent.OTHER, 3.0, Double::sum);
        }
        scores.merge(InboxIntent.OTHER, 0.25, Double::sum);
        switch (input.kind()) {
            case QUESTION -> {
                scores.merge(InboxIntent.PRAISE, -3.0, Double::sum);
                scores.merge(InboxIntent.PRODUCT_QUESTION, 0.5, Double::sum);
                for (InboxIntent q : questionIntents()) {
                    scores.merge(q, 0.3, Double::sum);
                }
            }
            case CHAT_MESSAGE -> {
                scores.merge(InboxIntent.PRAISE, -0.5, Double::sum);
                if (asks) {
                    scores.merge(InboxIntent.PRODUCT_QUESTION, 0.4, Double::sum);
                }
            }
            case REVIEW -> {
                Integer rating = input.rating();
                scores.merge(InboxIntent.RETURN_REFUND, -0.75, Double::sum);
                if (!asks) {
                    // A review is written after the purchase: words about the product there describe it.
                    scores.merge(InboxIntent.PRODUCT_QUESTION, -1.0, Double::sum);
                }
                if (rating != null) {
                    double praise = switch (rating) {
                        case 5 -> 1.5;
                        case 4 -> 1.2;
                        case 3 -> 0.3;
                        default -> -3.0;
                    };
                    scores.merge(InboxIntent.PRAISE, praise, Double::sum);
                    if (rating <= 2) {
                        scores.merge(InboxIntent.QUALITY_COMPLAINT, 0.6, Double::sum);
                    } else if (rating == 3) {
                        scores.merge(InboxIntent.QUALITY_COMPLAINT, 0.2, Double::sum);
                    }
                }
                if (asks) {
                    for (InboxIntent q : questionIntents()) {
                        scores.merge(q, 0.5, Double::sum);
                    }
                }
            }
        }
    }

    // The deletion test and the cause rule weigh the problems by their phrases only: a low rating alone is not a
    // concrete problem.
    private InboxIntent applyGuideRules(InboxIntent intent, InboxText text, Map<InboxIntent, Double> scores,
            Map<InboxIntent, Double> phraseScores) {
        // 2.2.1 the deletion test: a concrete problem left after the threats is the intent.
        if (intent.equals(InboxIntent.CHURN_RISK)) {
            // A problem named in passing beside a long declaration of leaving is background ("дважды прислали
            // не то ... ухожу"): it must carry at least half the weight of the leaving.
            InboxIntent problem = best(phraseScores, PROBLEMS);
            double weight = phraseScores.getOrDefault(problem, 0.0);
            if (weight >= CONCRETE && weight > scores.get(intent) / 2) {
                return problem;
            }
        }
        // 2.2.2 a seller-side cause outranks the remedy, unless it is only mentioned beside a long return request.
        if (intent.equals(InboxIntent.RETURN_REFUND)) {
            InboxIntent cause = best(phraseScores, CAUSES);
            double weight = phraseScores.getOrDefault(cause, 0.0);
            if (weight >= CONCRETE && weight > scores.get(intent) / 2) {
                return cause;
            }
        }
        // 2.4 a question outranks praise.
        if (intent.equals(InboxIntent.PRAISE) && text.questionMark) {
            InboxIntent question = best(scores, questionIntents());
            if (scores.get(question) >= 1.5) {
                return question;
            }
        }
        return intent;
    }

    private InboxEmotion emotion(ClassifierInput input, InboxText text, InboxIntent intent, List<String> reasons) {
        double angry = 0;
        double frustrated = 0;
        double happy = 0;
        List<String> angryWhy = new ArrayList<>();
        List<String> frustratedWhy = new ArrayList<>();
        List<String> happyWhy = new ArrayList<>();
        for (PhraseBook book : emotionBooks) {
            for (PhraseBook.Hit hit : book.findEvery("angry", text.normalized)) {
                angry += hit.weight();
                angryWhy.add(hit.phrase());
            }
            for (PhraseBook.Hit hit : book.findEvery("frustrated", text.normalized)) {
                frustrated += hit.weight();
                frustratedWhy.add(hit.phrase());
            }
            for (PhraseBook.Hit hit : book.findEvery("happy", text.normalized)) {
                happy += hit.weight();
                happyWhy.add(hit.phrase());
            }
        }
        boolean positiveIntent = intent.equals(InboxIntent.PRAISE);
        boolean complaint = PROBLEMS.contains(intent) || intent.equals(InboxIntent.CHURN_RISK);
        if (text.shouting()) {
            angry += 2.0;
            angryWhy.add("caps");
        }
        if (text.censored) {
            angry += 2.0;
            angryWhy.add("censored swearing");
        }
        if (text.exclamations) {
            if (positiveIntent || happy >= 1) {
                happy += 1.0;
                happyWhy.add("!!!");
            } else if (complaint) {
                angry += 1.0;
                angryWhy.add("!!!");
            }
        } else if (text.exclamation && complaint) {
            frustrated += 1.0;
            frustratedWhy.add("!");
        }
        if (text.questions && !positiveIntent) {
            frustrated += 1.0;
            frustratedWhy.add("??");
            if (text.manyQuestions && complaint) {
                angry += 1.0;
                angryWhy.add("???");
            }
        }
        if (complaint) {
            // Telling a problem is seldom done calmly; a word or a sign more makes it frustrated.
            frustrated += 0.5;
        }
        String threat = firstSignal(text, "threat");
        if (threat != null && complaint) {
            angry += 1.0;
            angryWhy.add(threat);
        }
        if (text.sadSmileys + text.negativeEmoji > 0) {
            frustrated += 1.5;
            frustratedWhy.add("sad smiley");
        }
        if (text.angryEmoji > 0) {
            angry += 2.0;
            angryWhy.add("angry emoji");
        }
        if (text.gladSmileys + text.positiveEmoji > 0) {
            happy += Math.min(2, text.gladSmileys + text.positiveEmoji);
            happyWhy.add("smiley");
        }
        Integer rating = input.rating();
        if (rating != null) {
            if (rating <= 2) {
                frustrated += 1.5;
                frustratedWhy.add("rating " + rating);
                if (rating == 1) {
                    angry += 0.5;
                }
            } else if (rating >= 4 && positiveIntent) {
                happy += 1.0;
            }
        }
        if (intent.equals(InboxIntent.CHURN_RISK)) {
            frustrated += 1.5;
        }
        if (positiveIntent) {
            happy += 0.5;
        }
        InboxEmotion emotion;
        List<String> why;
        if (angry >= 2.5 && (complaint || angry >= 4 || rating != null && rating <= 2)) {
            emotion = InboxEmotion.ANGRY;
            why = angryWhy;
        } else if (frustrated + Math.min(angry, 1.5) >= 1.5 && !positiveIntent) {
            emotion = InboxEmotion.FRUSTRATED;
            why = frustratedWhy.isEmpty() ? angryWhy : frustratedWhy;
        } else if (happy >= 1.5 && !complaint) {
            emotion = InboxEmotion.HAPPY;
            why = happyWhy;
        } else {
            emotion = InboxEmotion.NEUTRAL;
            why = List.of();
        }
        for (String w : why) {
            if (reasons.size() < 8) {
                reasons.add(emotion.wireValue() + ": " + w);
            }
        }
        return emotion;
    }

    private InboxPriority priority(ClassifierInput input, InboxText text, InboxIntent intent, InboxEmotion emotion,
            List<String> reasons) {
        Integer rating = input.rating();
        String safety = firstSignal(text, "safety");
        if (safety != null) {
            reasons.add("critical: safety " + safety);
            return InboxPriority.CRITICAL;
        }
        String fraud = firstSignal(text, "fraud");
        if (fraud != null) {
            reasons.add("critical: fraud " + fraud);
            return InboxPriority.CRITICAL;
        }
        if (emotion == InboxEmotion.ANGRY) {
            String threat = firstSignal(text, "threat");
            if (threat != null || intent.equals(InboxIntent.CHURN_RISK)) {
                reasons.add("critical: angry and a threat" + (threat == null ? "" : " " + threat));
                return InboxPriority.CRITICAL;
            }
            if (rating != null && rating == 1) {
                reasons.add("critical: angry 1-star review");
                return InboxPriority.CRITICAL;
            }
        }
        if (intent.equals(InboxIntent.PRAISE) || intent.equals(InboxIntent.OTHER)) {
            return InboxPriority.NORMAL;
        }
        if (intent.equals(InboxIntent.CHURN_RISK)) {
            return InboxPriority.HIGH;
        }
        if (input.kind() != InboxItemKind.REVIEW) {
            return InboxPriority.HIGH;
        }
        if (rating != null && rating <= 2) {
            return InboxPriority.HIGH;
        }
        boolean unhappy = emotion == InboxEmotion.FRUSTRATED || emotion == InboxEmotion.ANGRY;
        boolean asks = text.questionMark || has(text, "ask");
        if (PROBLEMS.contains(intent) && (unhappy || asks)) {
            return InboxPriority.HIGH;
        }
        if (!PROBLEMS.contains(intent) && text.questionMark) {
            return InboxPriority.HIGH;
        }
        return InboxPriority.NORMAL;
    }

    private List<InboxIntent> questionIntents() {
        List<InboxIntent> q = new ArrayList<>(QUESTIONS);
        q.addAll(custom);
        return q;
    }

    private boolean isGreetingOnly(InboxText text) {
        String rest = text.normalized;
        for (PhraseBook.Phrase phrase : greetings) {
            rest = phrase.pattern().matcher(rest).replaceAll(" ");
        }
        return NO_LETTERS.matcher(rest).matches();
    }

    private boolean has(InboxText text, String section) {
        return firstSignal(text, section) != null;
    }

    private @Nullable String firstSignal(InboxText text, String section) {
        for (PhraseBook book : signalBooks) {
            List<PhraseBook.Hit> hits = book.findEvery(section, text.normalized);
            for (PhraseBook.Hit hit : hits) {
                if (hit.weight() > 0) {
                    return hit.phrase();
                }
            }
        }
        return null;
    }

    private static InboxIntent best(Map<InboxIntent, Double> scores, List<InboxIntent> order) {
        InboxIntent best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (InboxIntent intent : order) {
            double s = scores.getOrDefault(intent, 0.0);
            if (s > bestScore + EPSILON) {
                best = intent;
                bestScore = s;
            }
        }
        return Objects.requireNonNull(best);
    }

    @Override
    public String toString() {
        return "RuleClassifier[intents " + precedence + "]";
    }

    /**
     * Builds a {@link RuleClassifier}: the shipped lists, replaced or extended with a shop's own. Phrase lists are
     * given as the lines of a {@link PhraseBook} list with a name for errors; every list is parsed and checked in
     * {@link #build()}, which fails naming the list and the line. Not thread-safe; the classifier it builds is.
     */
    public static final class Builder {

        private @Nullable List<String> intentLines;
        private String intentName = RESOURCES + "intents-ru.txt";
        private final Map<String, List<String>> extraIntents = new LinkedHashMap<>();
        private @Nullable List<String> emotionLines;
        private String emotionName = RESOURCES + "emotions-ru.txt";
        private final Map<String, List<String>> extraEmotions = new LinkedHashMap<>();
        private final Map<String, List<String>> extraSignals = new LinkedHashMap<>();
        private @Nullable List<InboxIntent> precedence;

        private Builder() {}

        /**
         * Replaces the shipped intent list ({@code intents-ru.txt}) with another, e.g. for another language.
         *
         * @param name the list's name, for errors
         * @param lines its lines: one {@code [section]} per intent name, phrases with optional {@code = weight}
         * @return this builder
         */
        public Builder intentPhrases(String name, List<String> lines) {
            this.intentName = Objects.requireNonNull(name, "name");
            this.intentLines = List.copyOf(lines);
            return this;
        }

        /**
         * Adds phrases to the intents: a section named like a default intent adds to it, any other valid intent
         * name ({@link InboxIntent}) becomes the shop's own intent. May be called for several lists.
         *
         * @param name the list's name, for errors; unique among the extra lists
         * @param lines its lines
         * @return this builder
         */
        public Builder extraIntentPhrases(String name, List<String> lines) {
            extraIntents.put(Objects.requireNonNull(name, "name"), List.copyOf(lines));
            return this;
        }

        /**
         * Replaces the shipped emotion list ({@code emotions-ru.txt}).
         *
         * @param name the list's name, for errors
         * @param lines its lines: sections {@code [angry]}, {@code [frustrated]}, {@code [happy]}
         * @return this builder
         */
        public Builder emotionPhrases(String name, List<String> lines) {
            this.emotionName = Objects.requireNonNull(name, "name");
            this.emotionLines = List.copyOf(lines);
            return this;
        }

        /**
         * Adds phrases to the emotions.
         *
         * @param name the list's name, for errors
         * @param lines its lines: sections {@code [angry]}, {@code [frustrated]}, {@code [happy]}
         * @return this builder
         */
        public Builder extraEmotionPhrases(String name, List<String> lines) {
            extraEmotions.put(Objects.requireNonNull(name, "name"), List.copyOf(lines));
            return this;
        }

        /**
         * Adds phrases to the priority signals.
         *
         * @param name the list's name, for errors
         * @param lines its lines: sections {@code [greeting]}, {@code [threat]}, {@code [safety]},
         *     {@code [fraud]}, {@code [ask]}
         * @return this builder
         */
        public Builder extraSignalPhrases(String name, List<String> lines) {
            extraSignals.put(Objects.requireNonNull(name, "name"), List.copyOf(lines));
            return this;
        }

        /**
         * Sets the tie-break order; it must name every intent the lists define, each once.
         *
         * @param order the intents, the most important first
         * @return this builder
         */
        public Builder precedence(List<InboxIntent> order) {
            this.precedence = List.copyOf(order);
            return this;
        }

        /**
         * Parses and checks every list and builds the classifier.
         *
         * @return the classifier
         * @throws IllegalStateException naming the list and line of a malformed phrase, a section that is not an
         *     intent, emotion or signal, or a precedence that does not match the intents
         */
        public RuleClassifier build() {
            List<PhraseBook> intents = new ArrayList<>();
            intents.add(intentLines == null ? PhraseBook.load(intentName) : PhraseBook.parse(intentName, intentLines));
            extraIntents.forEach((name, lines) -> intents.add(PhraseBook.parse(name, lines)));
            Set<InboxIntent> known = new LinkedHashSet<>();
            for (PhraseBook book : intents) {
                for (String section : book.sectionNames()) {
                    try {
                        known.add(InboxIntent.of(section));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException("phrase resource " + book.resource() + ": section ["
                                + section + "] is not an intent name: " + e.getMessage(), e);
                    }
                }
            }
            List<PhraseBook> emotions = new ArrayList<>();
            emotions.add(emotionLines == null ? PhraseBook.load(emotionName)
                    : PhraseBook.parse(emotionName, emotionLines));
            extraEmotions.forEach((name, lines) -> emotions.add(PhraseBook.parse(name, lines)));
            checkSections(emotions, EMOTION_SECTIONS);
            List<PhraseBook> signals = new ArrayList<>();
            signals.add(PhraseBook.load(RESOURCES + "signals-ru.txt"));
            extraSignals.forEach((name, lines) -> signals.add(PhraseBook.parse(name, lines)));
            checkSections(signals, SIGNAL_SECTIONS);

            Set<InboxIntent> custom = new LinkedHashSet<>(known);
            InboxIntent.DEFAULTS.forEach(custom::remove);
            List<InboxIntent> order;
            if (precedence == null) {
                order = new ArrayList<>(List.of(InboxIntent.CHURN_RISK, InboxIntent.WRONG_ITEM,
                        InboxIntent.QUALITY_COMPLAINT, InboxIntent.DELIVERY_PROBLEM, InboxIntent.RETURN_REFUND,
                        InboxIntent.SIZING, InboxIntent.COMPATIBILITY, InboxIntent.AVAILABILITY));
                order.addAll(custom);
                order.addAll(List.of(InboxIntent.PRODUCT_QUESTION, InboxIntent.PRAISE, InboxIntent.OTHER));
            } else {
                order = precedence;
                Set<InboxIntent> needed = new LinkedHashSet<>(InboxIntent.DEFAULTS);
                needed.addAll(known);
                if (new LinkedHashSet<>(order).size() != order.size() || !new LinkedHashSet<>(order).equals(needed)) {
                    throw new IllegalStateException("precedence must name each of " + needed + " once; got " + order);
                }
            }
            return new RuleClassifier(List.copyOf(intents), List.copyOf(emotions), List.copyOf(signals),
                    List.copyOf(order), List.copyOf(custom));
        }

        private static void checkSections(List<PhraseBook> books, Set<String> allowed) {
            for (PhraseBook book : books) {
                for (String section : book.sectionNames()) {
                    if (!allowed.contains(section)) {
                        throw new IllegalStateException("phrase resource " + book.resource() + ": section ["
                                + section + "] must be one of " + new java.util.TreeSet<>(allowed));
                    }
                }
            }
        }
    }
}
