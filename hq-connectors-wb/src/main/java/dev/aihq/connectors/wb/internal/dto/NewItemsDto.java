package dev.aihq.connectors.wb.internal.dto;

import javax.annotation.Nullable;

/**
 * {@code data} of {@code GET /api/v1/new-feedbacks-questions}.
 *
 * @param hasNewQuestions whether there are unseen questions
 * @param hasNewFeedbacks whether there are unseen feedbacks
 */
public record NewItemsDto(@Nullable Boolean hasNewQuestions, @Nullable Boolean hasNewFeedbacks) {}
