package dev.aihq.channel.whatsapp;

import dev.aihq.api.channel.ChannelFailure;
import dev.aihq.api.channel.FailureKind;

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
 *
 * <p>It extends the channel SPI's {@link ChannelFailure}: {@link #failureKind()} is the provider-neutral
 * meaning of {@link #kind()} ({@link ErrorKind#failureKind()}).
 */
public interface CloudApiFailure extends ChannelFailure {

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

    /**
     * Returns what the error means for a sender that knows no WhatsApp codes.
     *
     * @return {@code kind().failureKind()}
     */
    @Override
    default FailureKind failureKind() {
        return kind().failureKind();
    }
}
