package dev.aihq.agents.inbox.classify;

import dev.aihq.api.inbox.Classification;
import java.util.List;

/**
 * Prints how the rule classifier does on the labelled inbox messages:
 * {@code ./mvnw -q -Pbench-inbox -DskipTests verify} in {@code hq-agents} prints the per-intent table for the
 * tuning and the held-out halves (counts only, no message texts). With the argument {@code --tuning-errors} it
 * prints the tuning half's misclassified messages instead, to work on the rules; it never reads the held-out half
 * then. With {@code --classify} it reads lines {@code kind|rating|text} (kind {@code review}, {@code question} or
 * {@code chat_message}; rating empty unless a review) from standard input and prints each classification.
 */
public final class InboxClassificationBench {

    private InboxClassificationBench() {}

    /**
     * Runs the benchmark.
     *
     * @param args none, {@code --tuning-errors} or {@code --classify}
     * @throws java.io.IOException if standard input cannot be read
     */
    public static void main(String[] args) throws java.io.IOException {
        RuleClassifier classifier = RuleClassifier.standard();
        if (args.length > 0 && args[0].equals("--classify")) {
            java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\\|", 3);
                if (f.length < 3) {
                    continue;
                }
                ClassifierInput input = new ClassifierInput(dev.aihq.api.Marketplace.WILDBERRIES,
                        dev.aihq.api.event.InboxItemKind.valueOf(f[0].strip().toUpperCase(java.util.Locale.ROOT)),
                        f[2], f[1].isBlank() ? null : Integer.valueOf(f[1].strip()));
                Classification c = classifier.classify(input);
                System.out.printf("%s %s %s %.2f %s | %s%n", c.intent(), c.emotion().wireValue(),
                        c.priority().wireValue(), c.confidence(), c.reasons(), line);
            }
            return;
        }
        if (args.length > 0 && args[0].equals("--tuning-errors")) {
            printTuningErrors(classifier);
            return;
        }
        System.out.println(ClassificationReport.evaluate(classifier, LabelledSet.messages(LabelledSet.TUNING))
                .toMarkdown("Tuning half"));
        String sha = LabelledSet.sha256(LabelledSet.HELDOUT);
        System.out.println("held-out SHA-256 " + sha + (sha.equals(LabelledSet.HELDOUT_SHA256) ? " (as recorded)"
                : " DIFFERS FROM THE RECORDED " + LabelledSet.HELDOUT_SHA256));
        System.out.println();
        System.out.println(ClassificationReport.evaluate(classifier, LabelledSet.messages(LabelledSet.HELDOUT))
                .toMarkdown("Held-out half"));
    }

    private static void printTuningErrors(RuleClassifier classifier) {
        List<LabelledSet.Entry> tuning = LabelledSet.read(LabelledSet.TUNING);
        for (LabelledSet.Entry e : tuning) {
            LabelledMessage m = e.message();
            Classification c = classifier.classify(m.input());
            boolean intent = c.intent().equals(m.intent());
            boolean emotion = c.emotion() == m.emotion();
            boolean priority = c.priority() == m.priority();
            if (!intent || !emotion || !priority) {
                System.out.printf("%s %s %s | %s%s %s%s %s%s | %s%n    %s%n", e.id(), m.input().kind().wireValue(),
                        m.input().rating(), intent ? "" : "INTENT ", m.intent() + (intent ? "" : "→" + c.intent()),
                        emotion ? "" : "EMO ", m.emotion().wireValue() + (emotion ? "" : "→" + c.emotion().wireValue()),
                        priority ? "" : "PRIO ",
                        m.priority().wireValue() + (priority ? "" : "→" + c.priority().wireValue()), c.reasons(),
                        m.input().text());
            }
        }
        System.out.println(ClassificationReport.evaluate(classifier,
                tuning.stream().map(LabelledSet.Entry::message).toList()).toMarkdown("Tuning half"));
    }
}
