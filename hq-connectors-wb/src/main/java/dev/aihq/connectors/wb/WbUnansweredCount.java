package dev.aihq.connectors.wb;

import javax.annotation.Nullable;

/**
 * What {@code count-unanswered} says of a shop's feedbacks or questions.
 *
 * @param unanswered how many are unanswered
 * @param unansweredToday how many of today's are unanswered
 * @param valuation the average rating as WB writes it (feedbacks only), or {@code null}
 */
public record WbUnansweredCount(int unanswered, int unansweredToday, @Nullable String valuation) {}
