package dev.aihq.api.store;

import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What the agent stage did, for the run log.
 *
 * <p>On {@link AgentPath#REJECTED} the result is the model's draft that failed validation after its repair
 * attempt, returned only because the shop holds such drafts for a person to review: it must not reach the
 * customer before that review. {@code fallbackReason} then says why it was rejected.
 *
 * @param path model, fallback, or rejected and held for review
 * @param model the model's name when one ran, else {@code null}
 * @param inputTokens prompt tokens spent over every model call of the run (0 without a model)
 * @param outputTokens completion tokens spent over every model call of the run (0 without a model)
 * @param promptHash SHA-256 of the prompt sent, hex, when a model ran; never the prompt itself
 * @param fallbackReason why the fallback ran or the draft was rejected, or {@code null} on the model path
 * @param rejections every problem found in the model's answers during the run, in order (unparseable
 *     answers, validation problems before and after the repair attempt); empty when there were none, never
 *     {@code null}; records stored before this field existed read as empty
 */
public record AgentTrace(
        AgentPath path,
        @Nullable String model,
        long inputTokens,
        long outputTokens,
        @Nullable String promptHash,
        @Nullable String fallbackReason,
        List<String> rejections) {

    /** Requires the path and non-negative token counts; copies the rejections, reading {@code null} as none. */
    public AgentTrace {
        Objects.requireNonNull(path, "path");
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
    }

    /**
     * A trace without rejections.
     *
     * @param path model or fallback
     * @param model the model's name when one ran, else {@code null}
     * @param inputTokens prompt tokens spent (0 without a model)
     * @param outputTokens completion tokens spent (0 without a model)
     * @param promptHash SHA-256 of the prompt sent, hex, when a model ran; never the prompt itself
     * @param fallbackReason why the fallback ran, or {@code null} on the model path
     */
    public AgentTrace(AgentPath path, @Nullable String model, long inputTokens, long outputTokens,
            @Nullable String promptHash, @Nullable String fallbackReason) {
        this(path, model, inputTokens, outputTokens, promptHash, fallbackReason, List.of());
    }

    /**
     * A trace for the fallback path.
     *
     * @param reason why the fallback ran
     * @return the trace
     */
    public static AgentTrace fallback(String reason) {
        return new AgentTrace(AgentPath.FALLBACK, null, 0, 0, null, reason);
    }

    /**
     * Tells whether the result must be held for a person to review instead of being sent.
     *
     * @return {@code true} on {@link AgentPath#REJECTED}
     */
    public boolean requiresReview() {
        return path == AgentPath.REJECTED;
    }
}
