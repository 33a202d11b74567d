package dev.aihq.connectors.ozon;

import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * An answer to a question, from {@code /v1/question/answer/list} (reference §3.6 names the method; the fields are
 * Ozon's method docs).
 *
 * @param id Ozon's id of the answer
 * @param questionId the question
 * @param sku Ozon's SKU, or {@code null}
 * @param text the text
 * @param authorName who answered, or {@code null}
 * @param publishedAt when it was published, or {@code null}
 */
public record OzonQuestionAnswer(String id, String questionId, @Nullable Long sku, String text,
        @Nullable String authorName, @Nullable Instant publishedAt) {

    /** Requires the ids and text. */
    public OzonQuestionAnswer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(text, "text");
    }
}
