package dev.aihq.agents.inbox.classify;

import dev.aihq.api.inbox.Classification;

/**
 * Classifies one buyer message of the unified inbox: intent, emotion and priority, with the classifier's
 * confidence and reasons. Implementations are thread-safe.
 */
@FunctionalInterface
public interface MessageClassifier {

    /**
     * Classifies a message.
     *
     * @param input the message: marketplace, kind, text and the review's rating
     * @return the classification, never {@code null}
     */
    Classification classify(ClassifierInput input);
}
