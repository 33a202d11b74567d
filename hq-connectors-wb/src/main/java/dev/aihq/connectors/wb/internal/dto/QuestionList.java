package dev.aihq.connectors.wb.internal.dto;

import java.util.List;
import javax.annotation.Nullable;

/**
 * {@code data} of {@code GET /api/v1/questions}.
 *
 * @param countUnanswered how many are unanswered
 * @param countArchive how many are archived
 * @param questions this page
 */
public record QuestionList(
        @Nullable Integer countUnanswered, @Nullable Integer countArchive, @Nullable List<QuestionDto> questions) {}
