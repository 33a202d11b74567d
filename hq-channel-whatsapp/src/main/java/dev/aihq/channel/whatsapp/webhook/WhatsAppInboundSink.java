package dev.aihq.channel.whatsapp.webhook;

/**
 * Receives what a verified WhatsApp webhook delivered: customers' messages, statuses of our messages,
 * marketing-preference changes and the problems of items that could not be read.
 *
 * <p><b>Be quick.</b> The route calls the sink before it answers Meta, and Meta expects a fast 200: record
 * the batch (journal, queue, outbox) and return; do the slow work (the agent's reply) afterwards.
 *
 * <p><b>Throw to have it redelivered.</b> If the sink throws, the route answers 500 and Meta delivers the
 * same body again later (with backoff, for up to about 7 days). Throw only when nothing of the batch was
 * recorded, or be ready for the rest to arrive again.
 *
 * <p><b>Idempotency is the sink's job.</b> Meta redelivers and repeats items even after a 200. Message
 * ids ({@link InboundMessage#id()}) are stable across redeliveries; deduplicate messages on the id and
 * statuses on ({@link MessageStatus#messageId()}, {@link MessageStatus#status()}). Ordering is not
 * guaranteed either: a {@code read} may come without or before {@code delivered}.
 *
 * <p>Implementations are thread-safe: deliveries may arrive concurrently.
 */
@FunctionalInterface
public interface WhatsAppInboundSink {

    /**
     * Takes one delivery. Called only for a body whose signature is valid, and never with an empty batch.
     *
     * @param batch what the delivery carried
     * @throws RuntimeException to make the route answer 500, so that Meta redelivers
     */
    void onDelivery(InboundBatch batch);
}
