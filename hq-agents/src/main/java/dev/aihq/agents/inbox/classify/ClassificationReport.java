package dev.aihq.agents.inbox.classify;

import dev.aihq.api.inbox.Classification;
import dev.aihq.api.inbox.InboxIntent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How well a {@link MessageClassifier} agrees with labelled messages: precision, recall and F1 per intent, the
 * macro-F1 over intents, intent, emotion and priority accuracy, and the confusion matrix by intent. Only counts:
 * no message text is kept, so a report may be printed for a held-out set without showing its messages.
 *
 * <p>Macro-F1 is the unweighted mean of the F1 of every intent that is labelled or predicted at least once (an
 * intent with no labelled message that the classifier predicts counts with F1 0). Immutable.
 */
public final class ClassificationReport {

    /**
     * The scores of one intent.
     *
     * @param intent the intent
     * @param support how many messages are labelled with it
     * @param predicted how many messages the classifier gave it
     * @param correct how many of those were labelled with it
     */
    public record IntentScore(InboxIntent intent, int support, int predicted, int correct) {

        /**
         * Returns the share of the predictions that were right.
         *
         * @return 0–1; 0 when never predicted
         */
        public double precision() {
            return predicted == 0 ? 0 : (double) correct / predicted;
        }

        /**
         * Returns the share of the labelled messages that were found.
         *
         * @return 0–1; 0 when never labelled
         */
        public double recall() {
            return support == 0 ? 0 : (double) correct / support;
        }

        /**
         * Returns the harmonic mean of precision and recall.
         *
         * @return 0–1
         */
        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final int size;
    private final List<IntentScore> intents;
    private final Map<InboxIntent, Map<InboxIntent, Integer>> confusion;
    private final int intentCorrect;
    private final int emotionCorrect;
    private final int priorityCorrect;

    private ClassificationReport(int size, List<IntentScore> intents,
            Map<InboxIntent, Map<InboxIntent, Integer>> confusion, int intentCorrect, int emotionCorrect,
            int priorityCorrect) {
        this.size = size;
        this.intents = intents;
        this.confusion = confusion;
        this.intentCorrect = intentCorrect;
        this.emotionCorrect = emotionCorrect;
        this.priorityCorrect = priorityCorrect;
    }

    /**
     * Classifies every message and compares with its labels.
     *
     * @param classifier the classifier
     * @param messages the labelled messages, at least one
     * @return the report
     */
    public static ClassificationReport evaluate(MessageClassifier classifier, List<LabelledMessage> messages) {
        Objects.requireNonNull(classifier, "classifier");
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("messages must not be empty");
        }
        Set<InboxIntent> seen = new LinkedHashSet<>(InboxIntent.DEFAULTS);
        List<InboxIntent[]> pairs = new ArrayList<>();
        int emotions = 0;
        int priorities = 0;
        for (LabelledMessage m : messages) {
            Classification c = Objects.requireNonNull(classifier.classify(m.input()), "classification");
            pairs.add(new InboxIntent[] {m.intent(), c.intent()});
            seen.add(m.intent());
            seen.add(c.intent());
            emotions += c.emotion() == m.emotion() ? 1 : 0;
            priorities += c.priority() == m.priority() ? 1 : 0;
        }
        Map<InboxIntent, Map<InboxIntent, Integer>> confusion = new LinkedHashMap<>();
        for (InboxIntent labelled : seen) {
            Map<InboxIntent, Integer> row = new LinkedHashMap<>();
            for (InboxIntent predicted : seen) {
                row.put(predicted, 0);
            }
            confusion.put(labelled, row);
        }
        int correct = 0;
        for (InboxIntent[] p : pairs) {
            confusion.get(p[0]).merge(p[1], 1, Integer::sum);
            correct += p[0].equals(p[1]) ? 1 : 0;
        }
        List<IntentScore> scores = new ArrayList<>();
        for (InboxIntent intent : seen) {
            int support = 0;
            int predicted = 0;
            for (InboxIntent[] p : pairs) {
                support += p[0].equals(intent) ? 1 : 0;
                predicted += p[1].equals(intent) ? 1 : 0;
            }
            scores.add(new IntentScore(intent, support, predicted, confusion.get(intent).get(intent)));
        }
        Map<InboxIntent, Map<InboxIntent, Integer>> frozen = new LinkedHashMap<>();
        confusion.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
        return new ClassificationReport(messages.size(), List.copyOf(scores), frozen, correct, emotions, priorities);
    }

    /**
     * Returns how many messages were classified.
     *
     * @return the count
     */
    public int size() {
        return size;
    }

    /**
     * Returns the scores per intent: the defaults in their order, then any other labelled or predicted.
     *
     * @return the scores, including intents with neither label nor prediction (all zero)
     */
    public List<IntentScore> intents() {
        return intents;
    }

    /**
     * Returns the unweighted mean F1 over the intents labelled or predicted at least once.
     *
     * @return 0–1
     */
    public double macroF1() {
        double sum = 0;
        int n = 0;
        for (IntentScore s : intents) {
            if (s.support() > 0 || s.predicted() > 0) {
                sum += s.f1();
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /**
     * Returns the share of messages whose intent was right.
     *
     * @return 0–1
     */
    public double intentAccuracy() {
        return (double) intentCorrect / size;
    }

    /**
     * Returns the share of messages whose emotion was right.
     *
     * @return 0–1
     */
    public double emotionAccuracy() {
        return (double) emotionCorrect / size;
    }

    /**
     * Returns the share of messages whose priority was right.
     *
     * @return 0–1
     */
    public double priorityAccuracy() {
        return (double) priorityCorrect / size;
    }

    /**
     * Returns how many messages labelled with one intent were classified as another.
     *
     * @param labelled the labelled intent
     * @param predicted the classifier's intent
     * @return the count
     */
    public int confusion(InboxIntent labelled, InboxIntent predicted) {
        Map<InboxIntent, Integer> row = confusion.get(labelled);
        return row == null ? 0 : row.getOrDefault(predicted, 0);
    }

    /**
     * Prints the report as Markdown tables: per-intent precision, recall and F1, the summary figures, and the
     * confusion matrix (rows labelled, columns predicted, intents abbreviated to their initials).
     *
     * @param title the heading, e.g. the set's name
     * @return the text
     */
    public String toMarkdown(String title) {
        StringBuilder b = new StringBuilder();
        b.append("### ").append(title).append(" (").append(size).append(" messages)\n\n");
        b.append("| Intent | Support | Predicted | Precision | Recall | F1 |\n");
        b.append("|---|---:|---:|---:|---:|---:|\n");
        for (IntentScore s : intents) {
            if (s.support() == 0 && s.predicted() == 0) {
                continue;
            }
            b.append(String.format(Locale.ROOT, "| `%s` | %d | %d | %.2f | %.2f | %.2f |%n", s.intent(),
                    s.support(), s.predicted(), s.precision(), s.recall(), s.f1()));
        }
        b.append(String.format(Locale.ROOT, "%nMacro-F1 %.3f · intent accuracy %.3f · emotion accuracy %.3f"
                + " · priority accuracy %.3f%n%n", macroF1(), intentAccuracy(), emotionAccuracy(),
                priorityAccuracy()));
        List<InboxIntent> shown = new ArrayList<>();
        for (IntentScore s : intents) {
            if (s.support() > 0 || s.predicted() > 0) {
                shown.add(s.intent());
            }
        }
        b.append("| labelled \\ predicted |");
        for (InboxIntent p : shown) {
            b.append(' ').append(initials(p)).append(" |");
        }
        b.append("\n|---|");
        b.append("---:|".repeat(shown.size()));
        b.append('\n');
        for (InboxIntent l : shown) {
            b.append("| `").append(l).append("` |");
            for (InboxIntent p : shown) {
                int n = confusion(l, p);
                b.append(' ').append(n == 0 ? "·" : Integer.toString(n)).append(" |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String initials(InboxIntent intent) {
        StringBuilder b = new StringBuilder();
        for (String part : intent.name().split("_")) {
            b.append(part.charAt(0));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ClassificationReport[%d messages, macro-F1 %.3f]", size, macroF1());
    }
}
