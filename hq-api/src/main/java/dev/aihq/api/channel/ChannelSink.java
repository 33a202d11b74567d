package dev.aihq.api.channel;

/**
 * Where a channel hands what its webhook received: AI HQ implements it (journals the replies, records
 * the statuses, applies consent changes) and gives it to {@link MessageChannel#webhookRoutes(ChannelSink)}.
 *
 * <p><b>Quick.</b> It records and returns; slow work (the agent's answer) runs afterwards, because
 * providers expect a fast answer to their webhook calls.
 *
 * <p><b>Idempotent.</b> Providers deliver again after a failure and sometimes after a success: a reply is
 * recorded once per provider message id, a status once per message and state.
 *
 * <p><b>Throws to be asked again.</b> When it throws, the route answers with a server error so the
 * provider delivers the same body again; what was already recorded is not recorded twice then.
 *
 * <p>Thread-safe: deliveries may arrive concurrently.
 */
@FunctionalInterface
public interface ChannelSink {

    /**
     * Takes one delivery's traffic.
     *
     * @param traffic what the delivery carried, never empty
     * @throws RuntimeException when it could not be recorded, so that the provider delivers it again
     */
    void receive(InboundTraffic traffic);
}
