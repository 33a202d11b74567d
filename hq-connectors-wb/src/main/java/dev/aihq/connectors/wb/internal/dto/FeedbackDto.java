package dev.aihq.connectors.wb.internal.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import javax.annotation.Nullable;

/**
 * One feedback as WB sends it (reference §2.5); only the fields the connector reads.
 *
 * @param id the feedback's id
 * @param text the text, often {@code ""}
 * @param pros the pros, often {@code ""}
 * @param cons the cons, often {@code ""}
 * @param productValuation the rating 1–5
 * @param createdDate ISO date with offset
 * @param state {@code none} new, {@code wbRu} processed
 * @param wasViewed whether the seller viewed it
 * @param answer the seller's answer, or {@code null}
 * @param productDetails the product
 * @param photoLinks the photos, or {@code null}
 * @param video the video, or {@code null}
 * @param userName the buyer's first name
 * @param orderStatus {@code buyout}, {@code rejected}, {@code returned}, {@code notSpecified}
 * @param lastOrderCreatedAt when the buyer's last order of the product was made
 * @param matchingSize {@code ""}, {@code ok}, {@code smaller}, {@code bigger}
 * @param bables the buyer's tags, or {@code null}
 * @param subjectName the product's subject
 * @param parentFeedbackId the original of a supplemented feedback
 * @param childFeedbackId the supplement of this feedback
 */
public record FeedbackDto(
        @Nullable String id,
        @Nullable String text,
        @Nullable String pros,
        @Nullable String cons,
        @Nullable Integer productValuation,
        @Nullable String createdDate,
        @Nullable String state,
        @Nullable Boolean wasViewed,
        @Nullable Answer answer,
        @Nullable ProductDetailsDto productDetails,
        @Nullable List<JsonNode> photoLinks,
        @Nullable JsonNode video,
        @Nullable String userName,
        @Nullable String orderStatus,
        @Nullable String lastOrderCreatedAt,
        @Nullable String matchingSize,
        @Nullable List<String> bables,
        @Nullable String subjectName,
        @Nullable String parentFeedbackId,
        @Nullable String childFeedbackId) {

    /**
     * The seller's answer to a feedback.
     *
     * @param text the answer
     * @param state {@code none}, {@code wbRu}, {@code reviewRequired}, {@code rejected}
     * @param editable whether it may still be edited
     */
    public record Answer(@Nullable String text, @Nullable String state, @Nullable Boolean editable) {}
}
