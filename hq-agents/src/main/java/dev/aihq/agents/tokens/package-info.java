/**
 * Counting the tokens of a prompt before and after a model call: exact BPE counts for OpenAI-family
 * models ({@link dev.aihq.agents.tokens.TokenCounter#o200k()}) and a documented estimate for others
 * ({@link dev.aihq.agents.tokens.TokenCounter#estimate()}).
 */
@ParametersAreNonnullByDefault
package dev.aihq.agents.tokens;

import javax.annotation.ParametersAreNonnullByDefault;
