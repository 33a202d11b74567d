package dev.aihq.api.channel;

/**
 * Implemented by a channel's exceptions so that the sender can act on a refusal without knowing the
 * provider: {@link MessageChannel#send} throws a {@link dev.aihq.api.error.MarketplaceException} that
 * implements this interface.
 */
public interface ChannelFailure {

    /**
     * Returns what the refusal means for the sender.
     *
     * @return the kind
     */
    FailureKind failureKind();
}
