package dev.aihq.pipeline.delivery;

import dev.aihq.api.channel.ChannelFailure;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.channel.OutboundMessage;
import dev.aihq.api.channel.SendReceipt;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.error.RetriableMarketplaceException;
import dev.aihq.api.store.ConsentEvent;
import dev.aihq.api.store.ConsentStore;
import dev.aihq.api.store.ConversationMessage;
import dev.aihq.api.store.ConversationStore;
import dev.aihq.api.store.OutboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.annotation.Nullable;

/** What sending at once and sending from the outbox share: the message to the channel and what a refusal teaches. */
final class ChannelSends {

    /** The consent source recorded when a channel refuses marketing because the customer stopped it. */
    static final String MARKETING_REFUSED_SOURCE = "channel:marketing-refused";

    private ChannelSends() {}

    /** The channel's view of an outbox message, with when the customer last wrote (the service window). */
    static OutboundMessage outbound(OutboxMessage message, @Nullable ConversationStore conversations) {
        Instant lastWrote = conversations == null ? null
                : conversations.lastInboundAt(message.shopId(), message.to()).orElse(null);
        return new OutboundMessage(message.shopId(), message.to(), message.text(), message.stableKey(),
                message.category(), message.quickReplies(), lastWrote, message.templateRequired());
    }

    /** What a refusal means: the channel's own kind, or by retriability for a channel that does not say. */
    static FailureKind kindOf(MarketplaceException e) {
        if (e instanceof ChannelFailure failure) {
            return failure.failureKind();
        }
        return e.isRetriable() ? FailureKind.TEMPORARY : FailureKind.UNKNOWN;
    }

    /** The wait the provider asked for, if it did. */
    static Optional<Duration> retryAfter(MarketplaceException e) {
        return e instanceof RetriableMarketplaceException retriable ? retriable.retryAfter() : Optional.empty();
    }

    /**
     * Records what a refusal says about the customer: a channel refusing marketing because the customer
     * stopped it pauses marketing in the consent record, so later offers are not even tried.
     */
    static void learn(FailureKind kind, OutboxMessage message, @Nullable ConsentStore consents, Instant now) {
        if (kind == FailureKind.MARKETING_STOPPED && consents != null) {
            consents.apply(message.shopId(), message.to(), ConsentEvent.MARKETING_STOPPED, now,
                    MARKETING_REFUSED_SOURCE);
        }
    }

    /** Keeps a sent message in the customer's conversation, so the agent answering them sees it. */
    static void remember(@Nullable ConversationStore conversations, OutboxMessage message, SendReceipt receipt) {
        if (conversations == null) {
            return;
        }
        String text = message.text().length() > ConversationMessage.MAX_TEXT_LENGTH
                ? message.text().substring(0, ConversationMessage.MAX_TEXT_LENGTH) : message.text();
        conversations.append(new ConversationMessage(message.shopId(), message.to(),
                ConversationMessage.Direction.OUTBOUND, text, receipt.acceptedAt(), outboundKey(message)));
    }

    /** The conversation key of a message we sent: stable across retries, distinct from inbound keys. */
    static String outboundKey(OutboxMessage message) {
        String key = "out:" + message.channel() + ":" + message.stableKey();
        return key.length() > ConversationMessage.MAX_KEY_LENGTH ? key.substring(0, ConversationMessage.MAX_KEY_LENGTH)
                : key;
    }
}
