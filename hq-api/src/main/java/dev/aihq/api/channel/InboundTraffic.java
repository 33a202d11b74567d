package dev.aihq.api.channel;

import dev.aihq.api.error.FieldError;
import dev.aihq.api.event.CustomerReplyEvent;
import java.util.List;

/**
 * What one authenticated delivery of a channel's webhook carried, translated from the provider's shapes:
 * customers' messages, status updates of our messages, marketing-preference changes, and the items that
 * could not be read (with their field paths; the valid items beside them are kept).
 *
 * @param replies the customers' messages, in the order received
 * @param statuses the status updates
 * @param preferences the marketing-preference changes
 * @param problems the items that could not be read; their texts hold no personal data
 */
public record InboundTraffic(
        List<CustomerReplyEvent> replies,
        List<DeliveryStatus> statuses,
        List<MarketingPreference> preferences,
        List<FieldError> problems) {

    /** Copies the lists. */
    public InboundTraffic {
        replies = List.copyOf(replies);
        statuses = List.copyOf(statuses);
        preferences = List.copyOf(preferences);
        problems = List.copyOf(problems);
    }

    /**
     * Tells whether the delivery carried nothing.
     *
     * @return {@code true} when every list is empty
     */
    public boolean isEmpty() {
        return replies.isEmpty() && statuses.isEmpty() && preferences.isEmpty() && problems.isEmpty();
    }

    /** Counts the items without showing them. */
    @Override
    public String toString() {
        return "InboundTraffic[" + replies.size() + " replies, " + statuses.size() + " statuses, "
                + preferences.size() + " preferences, " + problems.size() + " problems]";
    }
}
