package dev.aihq.api.channel;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A message to send to a customer. The channel decides its form: free text where the customer's service
 * window is open, a pre-approved template of the message's category where it is closed and the channel
 * requires one ({@link ChannelLimits#businessInitiatedNeedsTemplate()}).
 *
 * @param shopId the shop sending it (its credentials are used)
 * @param to the customer
 * @param text the text, within the channel's limits
 * @param stableKey our key for this message, sent along where the provider allows (WhatsApp's
 *     {@code biz_opaque_callback_data}) so status updates and retries match it
 * @param category what the message is for
 * @param quickReplies buttons to answer with, at most {@link ChannelLimits#maxQuickReplies()} for a channel
 *     that renders them; empty for none
 * @param customerLastWroteAt when the customer last wrote to the shop on this channel (from the
 *     conversation record), or {@code null} when never: the channel opens its service window from it
 * @param templateRequired {@code true} when the message must go as a template even if the window looks
 *     open (the provider said it was closed when the message was last tried)
 */
public record OutboundMessage(
        ShopId shopId,
        PhoneNumber to,
        String text,
        String stableKey,
        MessageCategory category,
        List<QuickReply> quickReplies,
        @Nullable Instant customerLastWroteAt,
        boolean templateRequired) {

    /** The most quick replies any message carries. */
    public static final int MAX_QUICK_REPLIES = 3;

    /** Requires every part; copies the quick replies. */
    public OutboundMessage {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(stableKey, "stable key");
        Objects.requireNonNull(category, "category");
        quickReplies = List.copyOf(quickReplies);
        if (text.isBlank()) {
            throw new IllegalArgumentException("message text must not be blank");
        }
        if (stableKey.isBlank()) {
            throw new IllegalArgumentException("stable key must not be blank");
        }
        if (quickReplies.size() > MAX_QUICK_REPLIES) {
            throw new IllegalArgumentException("a message carries at most " + MAX_QUICK_REPLIES
                    + " quick replies, got " + quickReplies.size());
        }
        if (quickReplies.stream().map(QuickReply::id).distinct().count() != quickReplies.size()) {
            throw new IllegalArgumentException("quick reply ids must be distinct");
        }
    }

    /**
     * A text message without buttons, formed by the channel's window rule.
     *
     * @param shopId the shop
     * @param to the customer
     * @param text the text
     * @param stableKey the stable key
     * @param category what it is for
     * @return the message
     */
    public static OutboundMessage text(ShopId shopId, PhoneNumber to, String text, String stableKey,
            MessageCategory category) {
        return new OutboundMessage(shopId, to, text, stableKey, category, List.of(), null, false);
    }

    /**
     * Returns this message with the time the customer last wrote.
     *
     * @param at when the customer last wrote, or {@code null} when never
     * @return the copy
     */
    public OutboundMessage withCustomerLastWroteAt(@Nullable Instant at) {
        return new OutboundMessage(shopId, to, text, stableKey, category, quickReplies, at, templateRequired);
    }

    /**
     * Returns this message with buttons to answer with.
     *
     * @param replies the buttons
     * @return the copy
     */
    public OutboundMessage withQuickReplies(List<QuickReply> replies) {
        return new OutboundMessage(shopId, to, text, stableKey, category, replies, customerLastWroteAt,
                templateRequired);
    }

    /**
     * Returns this message to go as a template whatever the channel believes about the window.
     *
     * @return the copy
     */
    public OutboundMessage asTemplateRequired() {
        return new OutboundMessage(shopId, to, text, stableKey, category, quickReplies, customerLastWroteAt, true);
    }
}
