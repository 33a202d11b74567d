package dev.aihq.connectors.wb;

import java.util.Objects;

/**
 * The seller's public answer to a feedback. Answers are moderated: {@code state} is {@code wbRu} (shown),
 * {@code reviewRequired} (under moderation), {@code rejected} or {@code none}, or a value WB adds later, carried as
 * sent. WB lets an answer be edited once, within 60 days: {@code editable} says whether that is still possible.
 *
 * @param text the answer's text
 * @param state WB's moderation state, as sent ({@code ""} when absent)
 * @param editable whether WB still lets it be edited
 */
public record WbFeedbackAnswer(String text, String state, boolean editable) {

    /** The state of an answer shown on the site. */
    public static final String STATE_PUBLISHED = "wbRu";
    /** The state of an answer under moderation. */
    public static final String STATE_REVIEW_REQUIRED = "reviewRequired";
    /** The state of an answer moderation rejected. */
    public static final String STATE_REJECTED = "rejected";

    /** Requires the parts. */
    public WbFeedbackAnswer {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(state, "state");
    }

    /** Describes the answer by its length and state; the text stays out of logs. */
    @Override
    public String toString() {
        return "WbFeedbackAnswer[" + text.length() + " chars, state=" + state + ", editable=" + editable + "]";
    }
}
