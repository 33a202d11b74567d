package dev.aihq.connectors.ozon;

/**
 * A shop's question counts by status, from {@code /v1/question/count} (Ozon's method docs; reference §3.6 names the
 * method only). A count Ozon does not send is 0.
 *
 * @param all all questions
 * @param newCount new ones
 * @param viewed viewed ones
 * @param processed processed ones
 * @param unprocessed unprocessed ones
 */
public record OzonQuestionCount(long all, long newCount, long viewed, long processed, long unprocessed) {}
