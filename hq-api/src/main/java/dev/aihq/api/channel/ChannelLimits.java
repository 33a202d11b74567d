package dev.aihq.api.channel;

import java.util.Objects;

/**
 * What a channel can carry: the formatter and the guard shape messages to fit.
 *
 * @param maxTextLength the longest text in characters
 * @param markup the markup the channel renders
 * @param businessInitiatedNeedsTemplate whether a message the customer did not ask for (outside a
 *     service window) must be a pre-approved template
 * @param maxQuickReplies the most quick-reply buttons a message can show, 0 when the channel has none (it
 *     lists the answers in the text instead)
 */
public record ChannelLimits(
        int maxTextLength, MarkupStyle markup, boolean businessInitiatedNeedsTemplate, int maxQuickReplies) {

    /** Validates the limits. */
    public ChannelLimits {
        Objects.requireNonNull(markup, "markup");
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("max text length must be positive");
        }
        if (maxQuickReplies < 0 || maxQuickReplies > OutboundMessage.MAX_QUICK_REPLIES) {
            throw new IllegalArgumentException("max quick replies must be 0-" + OutboundMessage.MAX_QUICK_REPLIES);
        }
    }

    /**
     * Limits of a channel without buttons.
     *
     * @param maxTextLength the longest text
     * @param markup the markup
     * @param businessInitiatedNeedsTemplate whether templates are needed outside a window
     */
    public ChannelLimits(int maxTextLength, MarkupStyle markup, boolean businessInitiatedNeedsTemplate) {
        this(maxTextLength, markup, businessInitiatedNeedsTemplate, 0);
    }
}
