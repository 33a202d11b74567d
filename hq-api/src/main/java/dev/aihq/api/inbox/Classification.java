package dev.aihq.api.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a buyer's message is about, how the buyer feels and how urgent the answer is, with who decided it.
 *
 * @param intent what the message is about
 * @param emotion how the buyer feels
 * @param priority how soon to answer
 * @param source who classified it
 * @param confidence how sure the classifier is, 0–1 (a person's correction is 1)
 * @param reasons why, in a few words each (the rules' matched phrases, the model's note); at most
 *     {@value #MAX_REASONS}, each non-blank and at most {@value #MAX_REASON_LENGTH} characters
 */
public record Classification(
        InboxIntent intent,
        InboxEmotion emotion,
        InboxPriority priority,
        ClassificationSource source,
        double confidence,
        List<String> reasons) {

    /** The most reasons kept. */
    public static final int MAX_REASONS = 10;

    /** The longest reason. */
    public static final int MAX_REASON_LENGTH = 200;

    /** Validates the confidence and the reasons; copies the list. */
    public Classification {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(emotion, "emotion");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(source, "source");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1; got " + confidence);
        }
        if (reasons.size() > MAX_REASONS) {
            throw new IllegalArgumentException("at most " + MAX_REASONS + " reasons; got " + reasons.size());
        }
        List<String> copy = new ArrayList<>();
        for (String reason : reasons) {
            if (Objects.requireNonNull(reason, "reason").isBlank() || reason.length() > MAX_REASON_LENGTH) {
                throw new IllegalArgumentException("a reason is 1-" + MAX_REASON_LENGTH + " characters; got '"
                        + reason + "'");
            }
            copy.add(reason.strip());
        }
        reasons = List.copyOf(copy);
    }

    /**
     * Returns a person's correction of a classification: confidence 1, source {@link ClassificationSource#HUMAN}.
     *
     * @param intent the right intent
     * @param emotion the right emotion
     * @param priority the right priority
     * @return the correction
     */
    public static Classification byHuman(InboxIntent intent, InboxEmotion emotion, InboxPriority priority) {
        return new Classification(intent, emotion, priority, ClassificationSource.HUMAN, 1.0, List.of());
    }
}
