package dev.aihq.agents.inbox.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aihq.api.Marketplace;
import dev.aihq.api.inbox.Classification;
import dev.aihq.api.inbox.ClassificationSource;
import dev.aihq.api.inbox.InboxEmotion;
import dev.aihq.api.inbox.InboxIntent;
import dev.aihq.api.inbox.InboxPriority;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {

    private static LabelledMessage labelled(String text, InboxIntent intent) {
        return new LabelledMessage(ClassifierInput.chat(Marketplace.OZON, text), intent, InboxEmotion.NEUTRAL,
                InboxPriority.HIGH);
    }

    @Test
    void should_compute_precision_recall_f1_macro_f1_and_the_confusion_matrix() {
        // given: a classifier that calls everything with "?" sizing and the rest other
        MessageClassifier naive = input -> new Classification(
                input.text().contains("?") ? InboxIntent.SIZING : InboxIntent.OTHER,
                input.text().contains("!") ? InboxEmotion.ANGRY : InboxEmotion.NEUTRAL, InboxPriority.HIGH,
                ClassificationSource.RULES, 0.5, List.of());
        List<LabelledMessage> set = List.of(
                labelled("size?", InboxIntent.SIZING),
                labelled("size again?", InboxIntent.SIZING),
                labelled("where?", InboxIntent.DELIVERY_PROBLEM),
                labelled("hello", InboxIntent.OTHER),
                labelled("hi!", InboxIntent.OTHER));

        // when
        ClassificationReport report = ClassificationReport.evaluate(naive, set);

        // then: sizing P 2/3 R 1, other P 1 R 1, delivery P 0 R 0
        ClassificationReport.IntentScore sizing = report.intents().stream()
                .filter(s -> s.intent().equals(InboxIntent.SIZING)).findFirst().orElseThrow();
        assertThat(sizing.precision()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(sizing.recall()).isEqualTo(1.0);
        assertThat(sizing.f1()).isCloseTo(0.8, within(1e-9));
        assertThat(report.macroF1()).isCloseTo((0.8 + 1.0 + 0.0) / 3, within(1e-9));
        assertThat(report.intentAccuracy()).isEqualTo(0.8);
        assertThat(report.emotionAccuracy()).isEqualTo(0.8);
        assertThat(report.priorityAccuracy()).isEqualTo(1.0);
        assertThat(report.confusion(InboxIntent.DELIVERY_PROBLEM, InboxIntent.SIZING)).isEqualTo(1);
        assertThat(report.size()).isEqualTo(5);
        String table = report.toMarkdown("Toy");
        assertThat(table).contains("### Toy (5 messages)", "| `sizing` | 2 | 3 | 0.67 | 1.00 | 0.80 |",
                "Macro-F1 0.600");
        assertThat(table).doesNotContain("size again", "hello");
    }

    @Test
    void should_count_a_shops_own_intent() {
        // given
        InboxIntent wholesale = InboxIntent.of("wholesale");
        MessageClassifier always = input -> new Classification(wholesale, InboxEmotion.NEUTRAL, InboxPriority.HIGH,
                ClassificationSource.MODEL, 0.9, List.of());

        // when
        ClassificationReport report = ClassificationReport.evaluate(always,
                List.of(labelled("опт?", wholesale), labelled("привет", InboxIntent.OTHER)));

        // then
        assertThat(report.macroF1()).isCloseTo((2.0 / 3 + 0) / 2, within(1e-9));
        assertThat(report.toMarkdown("Shop")).contains("`wholesale`");
    }

    @Test
    void should_refuse_an_empty_set() {
        // when / then
        assertThatThrownBy(() -> ClassificationReport.evaluate(RuleClassifier.standard(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("messages must not be empty");
    }
}
