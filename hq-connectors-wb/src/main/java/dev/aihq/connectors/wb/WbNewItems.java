package dev.aihq.connectors.wb;

/**
 * Whether a shop has feedbacks or questions it has not viewed ({@code GET /api/v1/new-feedbacks-questions}).
 *
 * @param hasNewFeedbacks whether there are unseen feedbacks
 * @param hasNewQuestions whether there are unseen questions
 */
public record WbNewItems(boolean hasNewFeedbacks, boolean hasNewQuestions) {}
