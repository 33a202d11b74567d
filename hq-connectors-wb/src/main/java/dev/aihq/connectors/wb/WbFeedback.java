package dev.aihq.connectors.wb;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One Wildberries feedback (review) on a seller's product, as {@code GET /api/v1/feedbacks} describes it. WB gives
 * the buyer's first name only: no user id, no phone, no e-mail.
 *
 * @param id WB's id of the feedback
 * @param text the review's text; {@code ""} when the buyer left a rating only
 * @param pros the buyer's "Достоинства", often {@code ""}
 * @param cons the buyer's "Недостатки", often {@code ""}
 * @param rating the rating 1–5 ({@code productValuation}), or {@code null} when WB sent none or an invalid one
 * @param createdDate when the buyer wrote it
 * @param state {@code none} (new) or {@code wbRu} (processed), or a value WB adds later, as sent
 * @param wasViewed whether the seller has viewed it
 * @param answer the seller's answer, or {@code null}; WB may send {@code null} even for a feedback listed as answered
 * @param product the product, or {@code null} when WB sent none
 * @param photoCount how many photos the buyer attached
 * @param hasVideo whether the buyer attached a video
 * @param userName the buyer's first name as WB shows it, or {@code null}
 * @param orderStatus {@code buyout}, {@code rejected}, {@code returned}, {@code notSpecified}, or {@code null}
 * @param lastOrderCreatedAt when the buyer's last order of the product was made, or {@code null}
 * @param matchingSize {@code ok}, {@code smaller}, {@code bigger}, or {@code ""} / {@code null} when not said
 * @param tags the buyer's tags ({@code bables}), possibly empty
 * @param parentFeedbackId the original feedback this one supplements, or {@code null}
 * @param childFeedbackId the feedback that supplements this one, or {@code null}
 */
public record WbFeedback(
        String id,
        String text,
        String pros,
        String cons,
        @Nullable Integer rating,
        Instant createdDate,
        String state,
        boolean wasViewed,
        @Nullable WbFeedbackAnswer answer,
        @Nullable WbProductDetails product,
        int photoCount,
        boolean hasVideo,
        @Nullable String userName,
        @Nullable String orderStatus,
        @Nullable Instant lastOrderCreatedAt,
        @Nullable String matchingSize,
        List<String> tags,
        @Nullable String parentFeedbackId,
        @Nullable String childFeedbackId) {

    /** The state of a new feedback. */
    public static final String STATE_NEW = "none";

    /** Requires the non-null parts and copies the tags. */
    public WbFeedback {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(pros, "pros");
        Objects.requireNonNull(cons, "cons");
        Objects.requireNonNull(createdDate, "createdDate");
        Objects.requireNonNull(state, "state");
        tags = List.copyOf(tags);
    }

    /**
     * Tells whether the seller has answered it.
     *
     * @return {@code true} when an answer is present
     */
    public boolean isAnswered() {
        return answer != null;
    }

    /** Describes the feedback by id, rating and sizes; the buyer's texts and name stay out of logs. */
    @Override
    public String toString() {
        return "WbFeedback[" + id + ", rating " + rating + ", " + text.length() + "+" + pros.length() + "+"
                + cons.length() + " chars, " + createdDate + ", state=" + state + ", answered=" + isAnswered()
                + (product == null || product.nmId() == null ? "" : ", nmId " + product.nmId()) + "]";
    }
}
