package dev.aihq.api.channel;

import java.util.Objects;

/**
 * What a channel can carry: the formatter and the guard shape messages to fit.
 *
 * @param maxTextLength the longest text in characters
 * @param markup the markup the channel renders
 * @param businessInitiatedNeedsTemplate whether a message the customer did not ask for (outside a
 *     service window) must be a pre-approved template
 */
public record ChannelLimits(int maxTextLength, MarkupStyle markup, boolean businessInitiatedNeedsTemplate) {

    /** Validates the limits. */
    public ChannelLimits {
        Objects.requireNonNull(markup, "markup");
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("max text length must be positive");
        }
    }
}
