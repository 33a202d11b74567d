package dev.aihq.connectors.wb.internal.dto;

import com.fasterxml.jackson.databind.JsonNode;
import javax.annotation.Nullable;

/**
 * {@code data} of {@code GET /api/v1/feedbacks/count-unanswered} and {@code /questions/count-unanswered}.
 *
 * @param countUnanswered how many are unanswered
 * @param countUnansweredToday how many of today are unanswered
 * @param valuation the average rating (feedbacks only), as WB writes it
 */
public record UnansweredCountDto(
        @Nullable Integer countUnanswered, @Nullable Integer countUnansweredToday, @Nullable JsonNode valuation) {}
