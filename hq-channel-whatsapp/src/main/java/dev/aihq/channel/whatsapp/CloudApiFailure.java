package dev.aihq.channel.whatsapp;

/**
 * Implemented by every exception that carries a WhatsApp Cloud API error, whatever branch of the SDK's
 * exception tree it sits on (retriable, authentication, rejected). Catch the tree's types for the generic
 * handling and test for this interface for the WhatsApp-specific action:
 *
 * <pre>{@code
 * try {
 *     client.sendText(message);
 * } catch (MarketplaceException e) {
 *     if (e instanceof CloudApiFailure failure && failure.kind() == ErrorKind.WINDOW_CLOSED) {
 *         // send an approved template instead
 *     }
 *     throw e;
 * }
 * }</pre>
 */
public interface CloudApiFailure {

    /**
     * Returns the error as Meta reported it.
     *
     * @return the error
     */
    CloudApiError error();

    /**
     * Returns what the error means for the sender.
     *
     * @return the error's kind
     */
    default ErrorKind kind() {
        return error().kind();
    }
}
