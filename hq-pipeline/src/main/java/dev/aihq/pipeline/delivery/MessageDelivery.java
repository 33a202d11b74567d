package dev.aihq.pipeline.delivery;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.channel.MessageChannel;
import dev.aihq.api.channel.OutboundMessage;
import dev.aihq.api.channel.SendReceipt;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.event.HqEvent;
import dev.aihq.api.shop.FrequencyCap;
import dev.aihq.api.store.Outbox;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.api.store.ScheduleResult;
import dev.aihq.api.store.SuppressionStore;
import dev.aihq.pipeline.Delivery;
import dev.aihq.pipeline.DeliveryRequest;
import dev.aihq.pipeline.DeliveryResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * Delivers a result as a customer message through the durable outbox: every message is recorded there
 * first (so the frequency cap sees it and a crash loses nothing), then sent at once when the policy
 * allows, or left for the {@link OutboxDispatcher} when it is due later.
 *
 * <p>When the plan carries a frequency cap ({@link DeliveryPolicy#shopSettings()} carries the shop's), the
 * message is scheduled with {@link Outbox#scheduleWithinCap}, which counts the customer's recent messages
 * and adds this one in one atomic step, so that application instances delivering to the same customer at
 * the same moment cannot together exceed the cap. A message about an order carries the order's key
 * ({@link Builder#orderKey}), by which a cancelled or returned order cancels it while it is pending.
 *
 * <p>With a suppression list ({@link Builder#suppressions}) a customer on the shop's list (opted out, or
 * erased) is never messaged: the run completes as not sent and the outbox is not touched.
 *
 * <p>A message sent at once is scheduled already claimed by this run under a lease, so a dispatcher
 * never sends it a second time; if this process dies before recording the send, the lease expires and a
 * dispatcher sends it. That is the one window in which a message can go out twice, and the message's
 * stable key ({@code run:<run id>}) travels to the provider to make it visible.
 *
 * @param <E> the event type
 * @param <C> the context type
 * @param <R> the result type
 */
public final class MessageDelivery<E extends HqEvent, C, R> implements Delivery<E, C, R> {

    private final MessageChannel channel;
    private final Outbox outbox;
    private final DeliveryPolicy policy;
    private final Function<DeliveryRequest<E, C, R>, Optional<PhoneNumber>> recipient;
    private final Function<? super R, String> text;
    private final Function<DeliveryRequest<E, C, R>, Optional<String>> orderKey;
    private final Duration lease;
    private final Duration retryDelay;
    private final String worker;
    private final @Nullable SuppressionStore suppressions;

    private MessageDelivery(Builder<E, C, R> b) {
        this.channel = b.channel;
        this.outbox = b.outbox;
        this.policy = b.policy;
        this.recipient = b.recipient;
        this.text = b.text;
        this.orderKey = b.orderKey;
        this.lease = b.lease;
        this.retryDelay = b.retryDelay;
        this.worker = b.worker;
        this.suppressions = b.suppressions;
    }

    /**
     * Starts a builder.
     *
     * @param <E> the event type
     * @param <C> the context type
     * @param <R> the result type
     * @return a builder
     */
    public static <E extends HqEvent, C, R> Builder<E, C, R> builder() {
        return new Builder<>();
    }

    @Override
    public DeliveryResult deliver(DeliveryRequest<E, C, R> request) {
        Optional<PhoneNumber> to = recipient.apply(request);
        if (to.isEmpty()) {
            return DeliveryResult.rejected("no customer contact: the source gave no usable phone number");
        }
        if (suppressions != null && suppressions.isSuppressed(request.shop().id(), to.get())) {
            return DeliveryResult.completed("not sent: the customer opted out");
        }
        String body = text.apply(request.result());
        int max = channel.limits().maxTextLength();
        if (body.length() > max) {
            return DeliveryResult.failed("message is " + body.length() + " characters, " + channel.name()
                    + " allows " + max);
        }
        Instant now = request.now();
        DeliveryPlan plan = policy.plan(request.shop(), to.get(), now, outbox);
        if (plan.sendAt() == null) {
            return DeliveryResult.completed("not sent: " + plan.reason());
        }
        String id = request.runId().value();
        String stableKey = "run:" + request.runId().value();
        String order = orderKey.apply(request).orElse(null);
        boolean sendNow = !plan.sendAt().isAfter(now);
        OutboxMessage message = sendNow
                ? new OutboxMessage(id, request.shop().id(), request.runId(), channel.name(), to.get(), body,
                        stableKey, plan.sendAt(), OutboxStatus.CLAIMED, 1, worker, now.plus(lease), null, null, order,
                        null)
                : OutboxMessage.pending(id, request.shop().id(), request.runId(), channel.name(), to.get(), body,
                        stableKey, order, plan.sendAt());
        FrequencyCap cap = plan.cap();
        ScheduleResult scheduled = cap == null
                ? (outbox.schedule(message) ? ScheduleResult.SCHEDULED : ScheduleResult.DUPLICATE)
                : outbox.scheduleWithinCap(message, cap, now);
        if (scheduled == ScheduleResult.DUPLICATE) {
            return DeliveryResult.completed("not sent again: message " + stableKey + " is already in the outbox");
        }
        if (scheduled == ScheduleResult.CAPPED && cap != null) {
            // The count is read again only for the reason's text: the outbox took the decision atomically.
            long recent = outbox.countRecent(request.shop().id(), to.get(), now.minus(cap.period()));
            return DeliveryResult.completed("not sent: " + DeliveryTexts.capReached(
                    Math.max(recent, cap.maxMessages()), cap));
        }
        if (!sendNow) {
            return DeliveryResult.scheduled(plan.sendAt(), "scheduled: " + plan.reason());
        }
        try {
            SendReceipt receipt = channel.send(new OutboundMessage(request.shop().id(), to.get(), body, stableKey));
            // Marked with the run's final record, in one commit. Until then the message stays claimed under
            // this worker's lease: a process dying in between leaves it to be claimed and sent again, the
            // one window in which a customer can get it twice.
            request.writes().defer(() -> outbox.markSent(request.shop().id(), id, receipt.providerMessageId(),
                    receipt.acceptedAt()));
            return DeliveryResult.sent(receipt.providerMessageId(), "sent via " + channel.name() + " ("
                    + plan.reason() + ")");
        } catch (MarketplaceException e) {
            if (e.isRetriable()) {
                Instant retryAt = now.plus(retryDelay);
                outbox.markFailed(request.shop().id(), id, e.getMessage(), retryAt);
                return DeliveryResult.scheduled(retryAt, "sending failed (" + e.getMessage()
                        + "); the outbox retries at " + retryAt);
            }
            outbox.markFailed(request.shop().id(), id, e.getMessage(), null);
            return DeliveryResult.failed("sending failed: " + e.getMessage());
        }
    }

    /**
     * Builds {@link MessageDelivery}. Required: channel, outbox, recipient and text. Not thread-safe.
     *
     * @param <E> the event type
     * @param <C> the context type
     * @param <R> the result type
     */
    public static final class Builder<E extends HqEvent, C, R> {
        private @Nullable MessageChannel channel;
        private @Nullable Outbox outbox;
        private DeliveryPolicy policy = DeliveryPolicy.shopSettings();
        private @Nullable Function<DeliveryRequest<E, C, R>, Optional<PhoneNumber>> recipient;
        private @Nullable Function<? super R, String> text;
        private Function<DeliveryRequest<E, C, R>, Optional<String>> orderKey = request -> Optional.empty();
        private Duration lease = Duration.ofMinutes(2);
        private Duration retryDelay = Duration.ofMinutes(1);
        private String worker = "pipeline";
        private @Nullable SuppressionStore suppressions;

        private Builder() {}

        /** @param channel the channel to send through @return this builder */
        public Builder<E, C, R> channel(MessageChannel channel) {
            this.channel = channel;
            return this;
        }

        /** @param outbox the outbox @return this builder */
        public Builder<E, C, R> outbox(Outbox outbox) {
            this.outbox = outbox;
            return this;
        }

        /** @param policy when messages may go; default {@link DeliveryPolicy#shopSettings()} @return this builder */
        public Builder<E, C, R> policy(DeliveryPolicy policy) {
            this.policy = policy;
            return this;
        }

        /** @param recipient who gets the message, empty when nobody can @return this builder */
        public Builder<E, C, R> recipient(Function<DeliveryRequest<E, C, R>, Optional<PhoneNumber>> recipient) {
            this.recipient = recipient;
            return this;
        }

        /** @param text the message text of a result @return this builder */
        public Builder<E, C, R> text(Function<? super R, String> text) {
            this.text = text;
            return this;
        }

        /**
         * Sets the order a message is about (e.g. the marketplace's order code), kept with the message so
         * that {@link Outbox#cancelByOrder} cancels it while pending when the order is cancelled or
         * returned. Default: no order.
         *
         * @param orderKey the order's key of a request, empty when the message is about no order
         * @return this builder
         */
        public Builder<E, C, R> orderKey(Function<DeliveryRequest<E, C, R>, Optional<String>> orderKey) {
            this.orderKey = Objects.requireNonNull(orderKey, "order key");
            return this;
        }

        /** @param lease how long an immediate send holds its claim; default 2 min @return this builder */
        public Builder<E, C, R> lease(Duration lease) {
            this.lease = lease;
            return this;
        }

        /** @param delay when a retriable failure is retried by the outbox; default 1 min @return this builder */
        public Builder<E, C, R> retryDelay(Duration delay) {
            this.retryDelay = delay;
            return this;
        }

        /** @param worker this instance's name in outbox claims @return this builder */
        public Builder<E, C, R> worker(String worker) {
            this.worker = worker;
            return this;
        }

        /**
         * Sets the suppression list checked before every message; by default none is checked.
         *
         * @param suppressions the customers who must not be messaged
         * @return this builder
         */
        public Builder<E, C, R> suppressions(SuppressionStore suppressions) {
            this.suppressions = Objects.requireNonNull(suppressions, "suppressions");
            return this;
        }

        /**
         * Builds the delivery.
         *
         * @return the delivery
         * @throws ConfigurationException listing every missing part
         */
        public MessageDelivery<E, C, R> build() {
            List<String> missing = new ArrayList<>();
            if (channel == null) {
                missing.add("channel");
            }
            if (outbox == null) {
                missing.add("outbox");
            }
            if (recipient == null) {
                missing.add("recipient");
            }
            if (text == null) {
                missing.add("text");
            }
            if (!missing.isEmpty()) {
                throw new ConfigurationException("message delivery is missing " + String.join(", ", missing));
            }
            return new MessageDelivery<>(this);
        }
    }
}
