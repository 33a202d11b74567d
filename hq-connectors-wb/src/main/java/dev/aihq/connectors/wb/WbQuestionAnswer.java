package dev.aihq.connectors.wb;

import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The seller's public answer to a question. WB lets it be edited once, within 60 days.
 *
 * @param text the answer's text
 * @param editable whether WB still lets it be edited
 * @param createdAt when it was written, or {@code null}
 */
public record WbQuestionAnswer(String text, boolean editable, @Nullable Instant createdAt) {

    /** Requires the text. */
    public WbQuestionAnswer {
        Objects.requireNonNull(text, "text");
    }

    /** Describes the answer by its length; the text stays out of logs. */
    @Override
    public String toString() {
        return "WbQuestionAnswer[" + text.length() + " chars, editable=" + editable + ", " + createdAt + "]";
    }
}
