package dev.aihq.agents.inbox.classify;

import dev.aihq.api.inbox.InboxEmotion;
import dev.aihq.api.inbox.InboxIntent;
import dev.aihq.api.inbox.InboxPriority;
import java.util.Objects;

/**
 * A message with the labels a person gave it, to measure a classifier with {@link ClassificationReport}.
 *
 * @param input the message
 * @param intent the labelled intent
 * @param emotion the labelled emotion
 * @param priority the labelled priority
 */
public record LabelledMessage(ClassifierInput input, InboxIntent intent, InboxEmotion emotion,
        InboxPriority priority) {

    /** Checks that nothing is missing. */
    public LabelledMessage {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(emotion, "emotion");
        Objects.requireNonNull(priority, "priority");
    }
}
