package dev.aihq.agents.tokens;

/**
 * Counts the tokens a text costs a model. {@code ModelAgent} uses it to refuse a prompt above its limit
 * before calling the model, and to count a call's tokens toward the shop's budget when the provider
 * reports none. Implementations are thread-safe.
 */
@FunctionalInterface
public interface TokenCounter {

    /**
     * Counts the tokens of a text.
     *
     * @param text the text, possibly empty
     * @return the number of tokens, zero or more
     */
    int count(String text);

    /**
     * The exact counter of OpenAI's {@code o200k_base} encoding (GPT-4o, GPT-4.1, o-series models), by
     * jtokkit. The encoding's vocabulary is loaded once, on the first call of this method, and shared;
     * the counter is thread-safe. Counts are of the text alone: a chat request adds a few tokens per
     * message for the roles, which this does not include.
     *
     * @return the shared counter
     */
    static TokenCounter o200k() {
        return O200kTokenCounter.INSTANCE;
    }

    /**
     * An estimate for models whose tokenizer is not known here: one token per four characters (UTF-16
     * code units, rounded up), and never fewer tokens than words. It is close for English and usually
     * low for Cyrillic and other non-Latin scripts, whose words split into more tokens; use it for
     * budgets and limits with a margin, or give the agent the model's own counter. Thread-safe.
     *
     * @return the estimator
     */
    static TokenCounter estimate() {
        return EstimatedTokenCounter.INSTANCE;
    }
}
