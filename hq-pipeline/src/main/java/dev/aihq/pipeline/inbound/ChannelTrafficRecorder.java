package dev.aihq.pipeline.inbound;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.channel.ChannelSink;
import dev.aihq.api.channel.DeliveryState;
import dev.aihq.api.channel.DeliveryStatus;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.channel.InboundTraffic;
import dev.aihq.api.channel.MarketingPreference;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.FieldError;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.store.ConsentChange;
import dev.aihq.api.store.ConsentEvent;
import dev.aihq.api.store.ConsentRecord;
import dev.aihq.api.store.ConsentStatus;
import dev.aihq.api.store.ConsentStore;
import dev.aihq.api.store.ConversationMessage;
import dev.aihq.api.store.ConversationStore;
import dev.aihq.api.store.Outbox;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.api.store.SuppressionStore;
import dev.aihq.pipeline.consent.ConsentAnswer;
import dev.aihq.pipeline.consent.ConsentAnswers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ChannelSink} of AI HQ: what a channel's webhook received is recorded here, quickly, and the
 * slow work (the agent's answer) is handed on.
 *
 * <ul>
 *   <li><b>Replies</b> are kept in the customer's conversation (which opens the channel's service window)
 *       and read for consent ({@link ConsentAnswers}): the yes button or a typed yes to a pending question
 *       grants consent and releases the offers waiting for it; no declines offers and cancels them; an
 *       opt-out word or the stop button opts the customer out for good (consent record, suppression list,
 *       every pending message cancelled). Every other reply goes to the reply handler (the sales agent's
 *       reply pipeline, whose journal drops a redelivered reply by its idempotency key).
 *   <li><b>Status reports</b> are recorded on the outbox message with the provider's id
 *       ({@link Outbox#recordDelivery}). A failure reported after sending is acted on by its kind: a closed
 *       window sends the message again as a template, a rate limit or a temporary failure sends it again
 *       later (within the attempt limit), a marketing stop pauses marketing for the customer.
 *   <li><b>Marketing preferences</b> (the messenger's own stop/resume) pause or resume marketing in the
 *       consent record; a stop cancels the customer's pending offers. Other messages remain allowed.
 * </ul>
 *
 * <p>Everything here is idempotent, so a provider's redelivery changes nothing twice. A store failure is
 * thrown, so that the channel's route answers with a server error and the provider delivers again.
 * Replies from customers known only by a messenger user id (no number) are handed to the reply handler as
 * they are: consent and conversations are kept per number. Thread-safe.
 */
public final class ChannelTrafficRecorder implements ChannelSink {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelTrafficRecorder.class);

    /** The suppression reason recorded for an opt-out. */
    public static final String OPTED_OUT_REASON = "opted-out";

    private final Outbox outbox;
    private final ConsentStore consents;
    private final @Nullable SuppressionStore suppressions;
    private final @Nullable ConversationStore conversations;
    private final ConsentAnswers answers;
    private final Consumer<CustomerReplyEvent> replies;
    private final Clock clock;
    private final Duration retryDelay;
    private final int maxAttempts;

    private ChannelTrafficRecorder(Builder b) {
        this.outbox = Objects.requireNonNull(b.outbox);
        this.consents = Objects.requireNonNull(b.consents);
        this.suppressions = b.suppressions;
        this.conversations = b.conversations;
        this.answers = b.answers;
        this.replies = Objects.requireNonNull(b.replies);
        this.clock = b.clock;
        this.retryDelay = b.retryDelay;
        this.maxAttempts = b.maxAttempts;
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void receive(InboundTraffic traffic) {
        Objects.requireNonNull(traffic, "traffic");
        for (CustomerReplyEvent reply : traffic.replies()) {
            onReply(reply);
        }
        for (DeliveryStatus status : traffic.statuses()) {
            onStatus(status);
        }
        for (MarketingPreference preference : traffic.preferences()) {
            onPreference(preference);
        }
        if (!traffic.problems().isEmpty()) {
            LOG.warn("{} inbound item(s) could not be read and were skipped: {}", traffic.problems().size(),
                    traffic.problems().stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        }
    }

    private void onReply(CustomerReplyEvent reply) {
        PhoneNumber from = reply.from();
        if (from == null) {
            replies.accept(reply);
            return;
        }
        ShopId shop = reply.shopId();
        if (conversations != null) {
            conversations.append(new ConversationMessage(shop, from, ConversationMessage.Direction.INBOUND,
                    reply.text(), reply.occurredAt(), inboundKey(reply)));
        }
        ConsentRecord consent = consents.get(shop, from);
        Optional<ConsentAnswer> answer = answers.read(reply, consent.status() == ConsentStatus.ASKED);
        if (answer.isEmpty()) {
            replies.accept(reply);
            return;
        }
        String source = reply.channel() + (reply.buttonId() != null ? ":button" : ":text");
        switch (answer.get()) {
            case STOP -> {
                consents.apply(shop, from, ConsentEvent.OPTED_OUT, reply.occurredAt(), source);
                if (suppressions != null) {
                    suppressions.suppress(shop, from, OPTED_OUT_REASON, reply.occurredAt());
                }
                int cancelled = outbox.cancelForCustomer(shop, from, EnumSet.allOf(MessageCategory.class),
                        "cancelled: the customer opted out");
                LOG.info("Customer {} of shop {} opted out on {}; {} pending message(s) cancelled", from.masked(),
                        shop, reply.channel(), cancelled);
            }
            case YES -> {
                ConsentChange change = consents.apply(shop, from, ConsentEvent.GRANTED, reply.occurredAt(), source);
                int released = change.after().allowsMarketing()
                        ? outbox.releaseAwaitingConsent(shop, from, change.after().describe()) : 0;
                LOG.info("Customer {} of shop {} said yes to offers on {}; {} offer(s) released", from.masked(),
                        shop, reply.channel(), released);
            }
            case NO -> {
                consents.apply(shop, from, ConsentEvent.DECLINED, reply.occurredAt(), source);
                int cancelled = outbox.cancelForCustomer(shop, from, Set.of(MessageCategory.MARKETING),
                        "cancelled: the customer declined offers");
                LOG.info("Customer {} of shop {} declined offers on {}; {} offer(s) cancelled", from.masked(), shop,
                        reply.channel(), cancelled);
            }
            default -> throw new IllegalStateException("unknown consent answer " + answer.get());
        }
    }

    private void onStatus(DeliveryStatus status) {
        String error = status.state() == DeliveryState.FAILED ? status.describeError() : null;
        Optional<OutboxMessage> recorded = outbox.recordDelivery(status.shopId(), status.providerMessageId(),
                status.state(), status.at(), error);
        if (recorded.isEmpty()) {
            LOG.debug("Status {} of shop {} is about a message this outbox does not know; ignored", status.state(),
                    status.shopId());
            return;
        }
        FailureKind failure = status.failure();
        if (failure == null) {
            return;
        }
        OutboxMessage message = recorded.get();
        if (message.status() != OutboxStatus.FAILED || message.deliveryState() != DeliveryState.FAILED) {
            // The outbox did not take the failure (the message was read already): nothing to act on.
            return;
        }
        Instant now = clock.instant();
        if (failure == FailureKind.MARKETING_STOPPED) {
            consents.apply(message.shopId(), message.to(), ConsentEvent.MARKETING_STOPPED, status.at(),
                    status.channel() + ":status");
            return;
        }
        if (message.attempts() >= maxAttempts) {
            LOG.warn("Outbox message {} of shop {} failed after sending ({}); given up after {} attempts",
                    message.id(), message.shopId(), status.describeError(), message.attempts());
            return;
        }
        if (failure == FailureKind.WINDOW_CLOSED) {
            outbox.requeue(message.shopId(), message.id(), now, true,
                    "window closed after sending: sent again as a template");
        } else if (failure.isRetriable()) {
            outbox.requeue(message.shopId(), message.id(), now.plus(retryDelay), message.templateRequired(),
                    "failed after sending (" + status.describeError() + "): sent again later");
        }
    }

    private void onPreference(MarketingPreference preference) {
        ConsentEvent event = preference.stopped() ? ConsentEvent.MARKETING_STOPPED : ConsentEvent.MARKETING_RESUMED;
        consents.apply(preference.shopId(), preference.customer(), event, preference.at(),
                preference.channel() + ":preferences");
        if (preference.stopped()) {
            outbox.cancelForCustomer(preference.shopId(), preference.customer(), Set.of(MessageCategory.MARKETING),
                    "cancelled: the customer stopped marketing messages");
        }
    }

    /** The conversation key of an inbound message: stable across redeliveries. */
    static String inboundKey(CustomerReplyEvent reply) {
        String key = "in:" + reply.channel() + ":" + reply.providerMessageId();
        return key.length() > ConversationMessage.MAX_KEY_LENGTH ? key.substring(0, ConversationMessage.MAX_KEY_LENGTH)
                : key;
    }

    /**
     * Builds {@link ChannelTrafficRecorder}. Required: outbox, consents and the reply handler. Not
     * thread-safe.
     */
    public static final class Builder {
        private @Nullable Outbox outbox;
        private @Nullable ConsentStore consents;
        private @Nullable SuppressionStore suppressions;
        private @Nullable ConversationStore conversations;
        private ConsentAnswers answers = ConsentAnswers.defaults();
        private @Nullable Consumer<CustomerReplyEvent> replies;
        private Clock clock = Clock.systemUTC();
        private Duration retryDelay = Duration.ofMinutes(1);
        private int maxAttempts = 5;

        private Builder() {}

        /** @param outbox where status reports are recorded and consent releases or cancels messages @return this builder */
        public Builder outbox(Outbox outbox) {
            this.outbox = Objects.requireNonNull(outbox, "outbox");
            return this;
        }

        /** @param consents the consent records @return this builder */
        public Builder consents(ConsentStore consents) {
            this.consents = Objects.requireNonNull(consents, "consents");
            return this;
        }

        /**
         * Puts opted-out customers on the suppression list too (which survives erasure); default none.
         *
         * @param suppressions the suppression list
         * @return this builder
         */
        public Builder suppressions(SuppressionStore suppressions) {
            this.suppressions = Objects.requireNonNull(suppressions, "suppressions");
            return this;
        }

        /**
         * Keeps customers' replies in their conversations (which open the channels' service windows);
         * default none.
         *
         * @param conversations the conversations
         * @return this builder
         */
        public Builder conversations(ConversationStore conversations) {
            this.conversations = Objects.requireNonNull(conversations, "conversations");
            return this;
        }

        /** @param answers how replies are read for consent; default {@link ConsentAnswers#defaults()} @return this builder */
        public Builder answers(ConsentAnswers answers) {
            this.answers = Objects.requireNonNull(answers, "answers");
            return this;
        }

        /**
         * Sets who takes the replies that are not consent answers, e.g. {@code replyPipeline::submit}. It must
         * return quickly and may receive a reply again (redelivery).
         *
         * @param replies the reply handler
         * @return this builder
         */
        public Builder replies(Consumer<CustomerReplyEvent> replies) {
            this.replies = Objects.requireNonNull(replies, "replies");
            return this;
        }

        /** @param clock the clock; default UTC system clock @return this builder */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @param delay when a message that failed after sending for a passing reason goes again; default 1 min @return this builder */
        public Builder retryDelay(Duration delay) {
            this.retryDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /** @param attempts the most attempts before a failed message is left failed; default 5 @return this builder */
        public Builder maxAttempts(int attempts) {
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * Builds the recorder.
         *
         * @return the recorder
         * @throws ConfigurationException listing every missing part
         */
        public ChannelTrafficRecorder build() {
            List<String> missing = new ArrayList<>();
            if (outbox == null) {
                missing.add("outbox");
            }
            if (consents == null) {
                missing.add("consents");
            }
            if (replies == null) {
                missing.add("replies");
            }
            if (maxAttempts < 1) {
                missing.add("max attempts of at least 1");
            }
            if (!missing.isEmpty()) {
                throw new ConfigurationException("channel traffic recorder is missing " + String.join(", ", missing));
            }
            return new ChannelTrafficRecorder(this);
        }
    }
}
