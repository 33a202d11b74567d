package dev.aihq.api.inbox;

/**
 * Where the unified inbox sends notices for the shop's manager: urgent messages, escalations, quality alerts. The
 * SDK ships a webhook implementation ({@code WebhookNotifier} in {@code hq-agents}); a chat bot, e-mail or a
 * ticket system plugs in the same way. Implementations are thread-safe.
 */
@FunctionalInterface
public interface Notifier {

    /**
     * Sends a notice, returning once the receiver has it. The inbox sends a notice again (same id) when this
     * throws, so a receiver sees each cause at least once.
     *
     * @param notification the notice
     * @throws dev.aihq.api.error.HqException when it could not be delivered; retriable kinds say so
     */
    void send(ManagerNotification notification);

    /**
     * Returns a notifier that drops every notice, for shops without a manager channel; the inbox still shows
     * urgent interactions first.
     *
     * @return the notifier
     */
    static Notifier none() {
        return notification -> { };
    }
}
