package dev.aihq.agents.inbox.insight;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The most frequent topic of a product's questions, with what to change on the product card: the seed's "90 %
 * вопросов про размерную сетку → добавить таблицу размеров в карточку".
 *
 * @param productId the marketplace's product id
 * @param productName its name, or {@code null}
 * @param questions questions about the product in the period
 * @param topic the most frequent intent's name
 * @param topicQuestions questions with that intent
 * @param suggestion what to add to the card, or {@code null} when the topic calls for nothing
 */
public record QuestionTopic(String productId, @Nullable String productName, int questions, String topic,
        int topicQuestions, @Nullable String suggestion) {

    /** Requires the product and the topic. */
    public QuestionTopic {
        Objects.requireNonNull(productId, "product id");
        Objects.requireNonNull(topic, "topic");
    }

    /**
     * Returns the topic's share of the product's questions.
     *
     * @return {@code topicQuestions / questions}
     */
    public double share() {
        return questions == 0 ? 0 : (double) topicQuestions / questions;
    }
}
