package dev.aihq.pipeline.delivery;

import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.channel.MessageChannel;
import dev.aihq.api.channel.SendReceipt;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.store.ConsentRecord;
import dev.aihq.api.store.ConsentStore;
import dev.aihq.api.store.ConversationStore;
import dev.aihq.api.store.Outbox;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.SuppressionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends outbox messages when they fall due. Several application instances may run one each over a
 * shared outbox: a message is claimed by one dispatcher under a lease. Retriable failures are retried
 * with a growing delay up to {@code maxAttempts}; non-retriable ones fail the message at once.
 *
 * <p>A dispatcher sends its claimed batch one message at a time, so at any moment at most one of its
 * messages is between the provider's acceptance and the outbox's sent mark: a crash sends at most that one
 * again. It starts no send after half of the batch's lease has passed (the rest of the batch is claimed
 * again when the lease ends), so that another dispatcher, which may claim those messages once the lease is
 * over, never sends them too; a single send that takes longer than half the lease can still go twice.
 *
 * <p>Lifecycle: {@link #start()} polls every {@code pollInterval} on its own thread; {@link #close()}
 * stops polling and waits for the pass in progress. {@link #dispatchDue()} runs one pass on the
 * caller's thread (tests, or integrators with their own scheduler).
 */
public final class OutboxDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final Outbox outbox;
    private final Map<String, MessageChannel> channels;
    private final Clock clock;
    private final String worker;
    private final int batchSize;
    private final Duration lease;
    private final Duration pollInterval;
    private final int maxAttempts;
    private final Duration retryBase;
    private final @Nullable SuppressionStore suppressions;
    private final @Nullable ConsentStore consents;
    private final @Nullable ConversationStore conversations;
    private final SendCheck sendCheck;
    private @Nullable ScheduledExecutorService scheduler;

    private OutboxDispatcher(Builder b) {
        this.outbox = b.outbox;
        this.channels = Map.copyOf(b.channels);
        this.clock = b.clock;
        this.worker = b.worker;
        this.batchSize = b.batchSize;
        this.lease = b.lease;
        this.pollInterval = b.pollInterval;
        this.maxAttempts = b.maxAttempts;
        this.retryBase = b.retryBase;
        this.suppressions = b.suppressions;
        this.consents = b.consents;
        this.conversations = b.conversations;
        this.sendCheck = b.sendCheck;
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends every message due now, in batches, until none is left.
     *
     * @return how many messages the provider accepted
     */
    public int dispatchDue() {
        int sent = 0;
        while (true) {
            Instant now = clock.instant();
            List<OutboxMessage> batch = outbox.claimDue(now, batchSize, worker, lease);
            int left = 0;
            for (OutboxMessage message : batch) {
                if (!heldLongEnough(message)) {
                    left++;
                    continue;
                }
                if (send(message, now)) {
                    sent++;
                }
            }
            if (left > 0) {
                LOG.warn("Outbox dispatcher {} spent over half of its {} lease on a batch; {} messages of it are left"
                        + " unsent, to be claimed again when their lease ends (a smaller batch or a longer lease"
                        + " avoids this)", worker, lease, left);
            }
            if (batch.size() < batchSize) {
                return sent;
            }
        }
    }

    /**
     * Tells whether this dispatcher's claim on a message still has at least half of its lease to run. Once
     * the lease is over another dispatcher may claim the message and send it too; stopping at half the lease
     * leaves the send in progress the other half to finish in.
     */
    private boolean heldLongEnough(OutboxMessage message) {
        Instant leaseUntil = message.leaseUntil();
        return leaseUntil == null || clock.instant().isBefore(leaseUntil.minus(lease.dividedBy(2)));
    }

    private boolean send(OutboxMessage message, Instant now) {
        if (suppressions != null && suppressions.isSuppressed(message.shopId(), message.to())) {
            // Scheduled before the customer opted out: it is given up, never sent.
            outbox.markFailed(message.shopId(), message.id(), "not sent: the customer opted out", null);
            return false;
        }
        if (consents != null) {
            ConsentRecord consent = consents.get(message.shopId(), message.to());
            boolean allowed = message.category() == MessageCategory.MARKETING ? consent.allowsMarketing()
                    : consent.allowsMessages();
            if (!allowed) {
                // The customer's consent changed after the message was scheduled or released.
                outbox.markFailed(message.shopId(), message.id(), "not sent: consent is " + consent.describe(), null);
                return false;
            }
        }
        Optional<String> veto = sendCheck.veto(message, now);
        if (veto.isPresent()) {
            outbox.markFailed(message.shopId(), message.id(), "not sent: " + veto.get(), null);
            LOG.info("Outbox message {} of shop {} given up before sending: {}", message.id(), message.shopId(),
                    veto.get());
            return false;
        }
        MessageChannel channel = channels.get(message.channel());
        if (channel == null) {
            outbox.markFailed(message.shopId(), message.id(), "no channel named '" + message.channel()
                    + "' is configured", null);
            return false;
        }
        try {
            SendReceipt receipt = channel.send(ChannelSends.outbound(message, conversations));
            outbox.markSent(message.shopId(), message.id(), receipt.providerMessageId(), receipt.acceptedAt());
            ChannelSends.remember(conversations, message, receipt);
            return true;
        } catch (MarketplaceException e) {
            FailureKind failure = ChannelSends.kindOf(e);
            ChannelSends.learn(failure, message, consents, now);
            boolean retry = e.isRetriable() && message.attempts() < maxAttempts;
            Instant retryAt = null;
            if (retry) {
                Duration wait = ChannelSends.retryAfter(e)
                        .orElseGet(() -> retryBase.multipliedBy(1L << Math.min(message.attempts() - 1, 10)));
                retryAt = now.plus(wait);
            }
            outbox.markFailed(message.shopId(), message.id(), failure + ": " + e.getMessage(), retryAt);
            LOG.warn("Outbox message {} of shop {} to {} failed (attempt {}, {}): {}{}", message.id(), message.shopId(),
                    message.to(), message.attempts(), failure, e.getMessage(),
                    retry ? "; retry at " + retryAt : "; given up");
            return false;
        } catch (RuntimeException e) {
            outbox.markFailed(message.shopId(), message.id(), "unexpected error: " + e, null);
            LOG.error("Outbox message {} of shop {} failed unexpectedly", message.id(), message.shopId(), e);
            return false;
        }
    }

    /**
     * Starts polling on a daemon thread of its own. Calling it again has no effect.
     *
     * @return this dispatcher
     */
    public synchronized OutboxDispatcher start() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "hq-outbox-" + worker);
                t.setDaemon(true);
                return t;
            });
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    dispatchDue();
                } catch (RuntimeException e) {
                    LOG.error("Outbox pass failed; the next pass tries again", e);
                }
            }, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Stops polling and waits up to a minute for the pass in progress. */
    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                if (!scheduler.awaitTermination(1, TimeUnit.MINUTES)) {
                    LOG.warn("Outbox pass still running after a minute; its claims expire with their lease");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    /** Builds {@link OutboxDispatcher}. Required: outbox and at least one channel. Not thread-safe. */
    public static final class Builder {
        private @Nullable Outbox outbox;
        private final Map<String, MessageChannel> channels = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();
        private String worker = "dispatcher-" + UUID.randomUUID().toString().substring(0, 8);
        private int batchSize = 50;
        private Duration lease = Duration.ofMinutes(2);
        private Duration pollInterval = Duration.ofSeconds(1);
        private int maxAttempts = 5;
        private Duration retryBase = Duration.ofMinutes(1);
        private @Nullable SuppressionStore suppressions;
        private @Nullable ConsentStore consents;
        private @Nullable ConversationStore conversations;
        private SendCheck sendCheck = SendCheck.NONE;

        private Builder() {}

        /**
         * Sets a last look at each message before it goes (an offer's products still in stock at the same
         * prices); a veto gives the message up unsent. Default {@link SendCheck#NONE}.
         *
         * @param check the check
         * @return this builder
         */
        public Builder sendCheck(SendCheck check) {
            this.sendCheck = Objects.requireNonNull(check, "send check");
            return this;
        }

        /**
         * Checks consent again before each send: a message is given up when the customer opted out since
         * it was scheduled, or, for marketing, when they stopped or declined offers; a channel refusing
         * marketing because the customer stopped it pauses marketing in the record.
         *
         * @param consents the consent records
         * @return this builder
         */
        public Builder consents(ConsentStore consents) {
            this.consents = Objects.requireNonNull(consents, "consents");
            return this;
        }

        /**
         * Gives channels the time the customer last wrote (their service window) and keeps every sent message
         * in the customer's conversation.
         *
         * @param conversations the conversation store
         * @return this builder
         */
        public Builder conversations(ConversationStore conversations) {
            this.conversations = Objects.requireNonNull(conversations, "conversations");
            return this;
        }

        /** @param outbox the outbox @return this builder */
        public Builder outbox(Outbox outbox) {
            this.outbox = outbox;
            return this;
        }

        /** @param channel a channel, found by its name @return this builder */
        public Builder channel(MessageChannel channel) {
            channels.put(channel.name(), channel);
            return this;
        }

        /** @param clock the clock @return this builder */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** @param worker this dispatcher's name in claims, unique per instance @return this builder */
        public Builder worker(String worker) {
            this.worker = worker;
            return this;
        }

        /** @param size messages claimed per round trip; default 50 @return this builder */
        public Builder batchSize(int size) {
            this.batchSize = size;
            return this;
        }

        /**
         * @param lease how long a claim holds; default 2 min. Sends of a batch start only in its first half:
         *     make half the lease longer than a batch of sends takes
         * @return this builder
         */
        public Builder lease(Duration lease) {
            this.lease = lease;
            return this;
        }

        /** @param interval the pause between passes; default 1 s @return this builder */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = interval;
            return this;
        }

        /** @param attempts the most sending attempts per message; default 5 @return this builder */
        public Builder maxAttempts(int attempts) {
            this.maxAttempts = attempts;
            return this;
        }

        /** @param base the first retry delay, doubled per attempt; default 1 min @return this builder */
        public Builder retryBase(Duration base) {
            this.retryBase = base;
            return this;
        }

        /**
         * Gives up, without sending, the due messages of customers on the suppression list (they opted
         * out after the message was scheduled).
         *
         * @param store the suppression list
         * @return this builder
         */
        public Builder suppressions(SuppressionStore store) {
            this.suppressions = store;
            return this;
        }

        /**
         * Builds the dispatcher.
         *
         * @return the dispatcher
         * @throws ConfigurationException listing every problem
         */
        public OutboxDispatcher build() {
            List<String> problems = new ArrayList<>();
            if (outbox == null) {
                problems.add("outbox is missing");
            }
            if (channels.isEmpty()) {
                problems.add("at least one channel is needed");
            }
            if (batchSize < 1) {
                problems.add("batch size must be at least 1");
            }
            if (maxAttempts < 1) {
                problems.add("max attempts must be at least 1");
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException("outbox dispatcher is misconfigured: " + String.join("; ", problems));
            }
            return new OutboxDispatcher(this);
        }
    }
}
