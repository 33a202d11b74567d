package dev.aihq.api.store;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What the agent stage did, for the run log.
 *
 * @param path model or fallback
 * @param model the model's name when one ran, else {@code null}
 * @param inputTokens prompt tokens spent (0 without a model)
 * @param outputTokens completion tokens spent (0 without a model)
 * @param promptHash SHA-256 of the prompt sent, hex, when a model ran; never the prompt itself
 * @param fallbackReason why the fallback ran, or {@code null} on the model path
 */
public record AgentTrace(
        AgentPath path,
        @Nullable String model,
        long inputTokens,
        long outputTokens,
        @Nullable String promptHash,
        @Nullable String fallbackReason) {

    /** Requires the path and non-negative token counts. */
    public AgentTrace {
        Objects.requireNonNull(path, "path");
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
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
}
