package dev.aihq.channel.whatsapp.webhook;

import dev.aihq.api.error.FieldError;
import java.util.List;

/**
 * Everything one webhook delivery carried, across all its {@code entry[]} and {@code changes[]}, in
 * order. An item that could not be read is left out and described in {@link #problems()} with its field
 * path (e.g. {@code entry[0].changes[0].value.messages[1].from}); the valid items beside it are kept.
 *
 * @param messages the customers' messages
 * @param statuses the status updates of our messages
 * @param preferences the marketing-preference changes
 * @param systemErrors errors Meta reported at system or app level ({@code value.errors[]})
 * @param problems the items that could not be read, with their paths; the texts hold no personal data
 */
public record InboundBatch(
        List<InboundMessage> messages,
        List<MessageStatus> statuses,
        List<UserPreference> preferences,
        List<WhatsAppError> systemErrors,
        List<FieldError> problems) {

    /** Copies the lists. */
    public InboundBatch {
        messages = List.copyOf(messages);
        statuses = List.copyOf(statuses);
        preferences = List.copyOf(preferences);
        systemErrors = List.copyOf(systemErrors);
        problems = List.copyOf(problems);
    }

    /**
     * Tells whether the delivery carried nothing this package reads (for example a
     * {@code message_template_status_update} change) and nothing was wrong.
     *
     * @return {@code true} when every list is empty
     */
    public boolean isEmpty() {
        return messages.isEmpty() && statuses.isEmpty() && preferences.isEmpty() && systemErrors.isEmpty()
                && problems.isEmpty();
    }

    /** Counts the items without showing them. */
    @Override
    public String toString() {
        return "InboundBatch[" + messages.size() + " messages, " + statuses.size() + " statuses, "
                + preferences.size() + " preferences, " + systemErrors.size() + " system errors, "
                + problems.size() + " problems]";
    }
}
