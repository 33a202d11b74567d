package dev.aihq.connectors.wb.internal.dto;

import java.util.List;
import javax.annotation.Nullable;

/**
 * {@code data} of {@code GET /api/v1/feedbacks} and {@code /archive}.
 *
 * @param countUnanswered how many are unanswered
 * @param countArchive how many are archived
 * @param feedbacks this page
 */
public record FeedbackList(
        @Nullable Integer countUnanswered, @Nullable Integer countArchive, @Nullable List<FeedbackDto> feedbacks) {}
