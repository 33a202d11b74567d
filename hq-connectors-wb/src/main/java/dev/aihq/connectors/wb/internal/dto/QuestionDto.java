package dev.aihq.connectors.wb.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import javax.annotation.Nullable;

/**
 * One question as WB sends it (reference §2.6).
 *
 * @param id the question's id
 * @param text the question
 * @param createdDate ISO date with offset
 * @param state {@code suppliersPortalSynch} new, {@code wbRu} answered and shown, {@code none} rejected
 * @param answer the seller's answer, or {@code null}
 * @param productDetails the product
 * @param wasViewed whether the seller viewed it
 * @param isWarned whether WB shows it with a "suspicious message" banner
 */
public record QuestionDto(
        @Nullable String id,
        @Nullable String text,
        @Nullable String createdDate,
        @Nullable String state,
        @Nullable Answer answer,
        @Nullable ProductDetailsDto productDetails,
        @Nullable Boolean wasViewed,
        @JsonProperty("isWarned") @Nullable Boolean isWarned) {

    /**
     * The seller's answer to a question.
     *
     * @param text the answer
     * @param editable whether it may still be edited
     * @param createDate when it was written
     */
    public record Answer(@Nullable String text, @Nullable Boolean editable, @Nullable String createDate) {}
}
