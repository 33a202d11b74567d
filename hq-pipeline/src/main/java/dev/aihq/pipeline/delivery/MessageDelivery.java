package dev.aihq.pipeline.delivery;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.channel.MessageChannel;
import dev.aihq.api.channel.SendReceipt;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.event.HqEvent;
import dev.aihq.api.result.RunId;
import dev.aihq.api.shop.FrequencyCap;
import dev.aihq.api.store.ConsentChange;
import dev.aihq.api.store.ConsentEvent;
import dev.aihq.api.store.ConsentRecord;
import dev.aihq.api.store.ConsentStatus;
import dev.aihq.api.store.ConsentStore;
import dev.aihq.api.store.ConversationStore;
import dev.aihq.api.store.Outbox;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.api.store.ScheduleResult;
import dev.aihq.api.store.SuppressionStore;
import dev.aihq.pipeline.Delivery;
import dev.aihq.pipeline.DeliveryRequest;
import dev.aihq.pipeline.DeliveryResult;
import dev.aihq.pipeline.consent.ConsentQuestion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
    private final Function<DeliveryRequest<E, C, R>, MessageIdentity> identity;
    private final Function<DeliveryRequest<E, C, R>, Optional<Instant>> notBefore;
    private final Duration lease;
    private final Duration retryDelay;
    private final String worker;
    private final @Nullable SuppressionStore suppressions;
    private final Function<DeliveryRequest<E, C, R>, MessageCategory> category;
    private final @Nullable ConsentStore consents;
    private final ConsentQuestion consentQuestion;
    private final @Nullable Duration consentWait;
    private final @Nullable ConversationStore conversations;

    private MessageDelivery(Builder<E, C, R> b) {
        this.channel = b.channel;
        this.outbox = b.outbox;
        this.policy = b.policy;
        this.recipient = b.recipient;
        this.text = b.text;
        this.orderKey = b.orderKey;
        this.identity = b.identity;
        this.notBefore = b.notBefore;
        this.lease = b.lease;
        this.retryDelay = b.retryDelay;
        this.worker = b.worker;
        this.suppressions = b.suppressions;
        this.category = b.category;
        this.consents = b.consents;
        this.consentQuestion = b.consentQuestion;
        this.consentWait = b.consentWait;
        this.conversations = b.conversations;
    }

    /** The consent recorded with an offer parked until the customer answers the consent question. */
    public static final String AWAITING_CONSENT = "awaiting the customer's answer to the consent question";

    /**
     * The source of the consent record's {@link ConsentEvent#ASKED} change, followed by {@code :} and the id of
     * the run that asked.
     */
    public static final String QUESTION_SOURCE = "consent-question";

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
        Optional<PhoneNumber> recipientNumber = recipient.apply(request);
        if (recipientNumber.isEmpty()) {
            return DeliveryResult.rejected("no customer contact: the source gave no usable phone number");
        }
        PhoneNumber to = recipientNumber.get();
        ShopId shop = request.shop().id();
        if (suppressions != null && suppressions.isSuppressed(shop, to)) {
            return DeliveryResult.completed("not sent: the customer opted out");
        }
        String body = text.apply(request.result());
        int max = channel.limits().maxTextLength();
        if (body.length() > max) {
            return DeliveryResult.failed("message is " + body.length() + " characters, " + channel.name()
                    + " allows " + max);
        }
        MessageCategory kind = category.apply(request);
        Instant now = request.now();
        ConsentRecord consent = consents == null ? null : consents.get(shop, to);
        if (consent != null) {
            Optional<String> refusal = refusal(consent, kind, now, consentWait != null ? consentWait
                    : request.shop().settings().sales().consentExpiry());
            if (refusal.isPresent()) {
                if (kind == MessageCategory.MARKETING && consent.status() == ConsentStatus.ASKED) {
                    // The question went unanswered (or marketing was stopped): the offers parked for it go too.
                    outbox.cancelForCustomer(shop, to, Set.of(MessageCategory.MARKETING),
                            "cancelled: " + refusal.get());
                }
                return DeliveryResult.completed("not sent: " + refusal.get());
            }
        }
        // A message that may not go before a time (a review request a day after the offer) is planned from it.
        Instant planFrom = notBefore.apply(request).filter(at -> at.isAfter(now)).orElse(now);
        DeliveryPlan plan = policy.plan(request.shop(), to, planFrom, outbox);
        Instant sendAt = plan.sendAt();
        if (sendAt == null) {
            return DeliveryResult.completed("not sent: " + plan.reason());
        }
        MessageIdentity known = identity.apply(request);
        String id = known.id();
        String stableKey = known.stableKey();
        String order = orderKey.apply(request).orElse(null);
        OutboxMessage pending = OutboxMessage.pending(id, shop, request.runId(), channel.name(), to, body, stableKey,
                order, sendAt);
        if (consent != null && kind == MessageCategory.MARKETING && !consent.allowsMarketing()) {
            return holdForConsent(request, pending.withPurpose(kind, AWAITING_CONSENT, List.of()), plan, now);
        }
        String consentNote = consent == null ? null : consentNote(consent, kind);
        return enqueue(request, pending.withPurpose(kind, consentNote, List.of()), plan.cap(), plan.reason(), now);
    }

    /** Why a message of a category may not go to a customer with this consent, if it may not. */
    private Optional<String> refusal(ConsentRecord consent, MessageCategory kind, Instant now, Duration wait) {
        if (!consent.allowsMessages()) {
            return Optional.of("the customer opted out (" + consent.describe() + ")");
        }
        if (kind != MessageCategory.MARKETING) {
            return Optional.empty();
        }
        if (consent.marketingPaused()) {
            return Optional.of("the customer stopped marketing messages (" + consent.describe() + ")");
        }
        if (consent.status() == ConsentStatus.DECLINED) {
            return Optional.of("the customer declined offers (" + consent.describe() + ")");
        }
        Instant askedAt = consent.askedAt();
        if (consent.status() == ConsentStatus.ASKED && askedAt != null && askedAt.plus(wait).isBefore(now)) {
            return Optional.of("the customer has not answered the consent question asked at " + askedAt);
        }
        return Optional.empty();
    }

    private static String consentNote(ConsentRecord consent, MessageCategory kind) {
        return kind == MessageCategory.MARKETING ? consent.describe() : "not needed for " + kind;
    }

    /**
     * Parks an offer until the customer answers the consent question, and asks it unless it was asked
     * already: of concurrent offers to one customer exactly one asks ({@link ConsentStore#apply} with
     * {@link ConsentEvent#ASKED} changes the record once).
     */
    private DeliveryResult holdForConsent(DeliveryRequest<E, C, R> request, OutboxMessage offer, DeliveryPlan plan,
            Instant now) {
        ConsentStore store = Objects.requireNonNull(consents);
        FrequencyCap cap = plan.cap();
        ScheduleResult parked = schedule(offer.awaitingConsent(), cap, now);
        if (parked == ScheduleResult.CAPPED) {
            return notScheduled(parked, offer, cap, now);
        }
        // A duplicate is this run resumed after its process died: it may have parked the offer and recorded
        // the question without sending it. The record's source names the run that asked, so it asks again
        // (the question's stable key keeps it to one message).
        boolean resumed = parked == ScheduleResult.DUPLICATE;
        String source = QUESTION_SOURCE + ":" + offer.runId().value();
        ConsentChange asked = store.apply(offer.shopId(), offer.to(), ConsentEvent.ASKED, now, source);
        boolean ours = asked.changed() || resumed && asked.after().status() == ConsentStatus.ASKED
                && source.equals(asked.after().source());
        if (!ours) {
            return resumed ? notScheduled(parked, offer, cap, now)
                    : DeliveryResult.completed("held until the customer answers the consent question asked at "
                            + asked.after().askedAt());
        }
        OutboxMessage question = OutboxMessage.pending(offer.id() + "-consent", offer.shopId(), offer.runId(),
                offer.channel(), offer.to(), consentQuestion.text(), "consent:" + offer.runId().value(),
                offer.orderKey(), offer.dueAt())
                .withPurpose(MessageCategory.UTILITY, "not needed for the consent question", consentQuestion.buttons());
        DeliveryResult asking = enqueue(request, question, null, plan.reason(), now);
        return new DeliveryResult(asking.outcome(), "the offer waits for the customer's consent; consent question "
                + asking.reason(), asking.scheduledFor(), asking.providerMessageId());
    }

    /** Records a message in the outbox and, when it is due now, sends it. */
    private DeliveryResult enqueue(DeliveryRequest<E, C, R> request, OutboxMessage pending, @Nullable FrequencyCap cap,
            String planReason, Instant now) {
        boolean sendNow = !pending.dueAt().isAfter(now);
        OutboxMessage message = sendNow ? claimed(pending, now) : pending;
        ScheduleResult scheduled = schedule(message, cap, now);
        if (scheduled != ScheduleResult.SCHEDULED) {
            return notScheduled(scheduled, message, cap, now);
        }
        String consentText = message.consent() == null ? "" : "; consent: " + message.consent();
        if (!sendNow) {
            return DeliveryResult.scheduled(message.dueAt(), "scheduled: " + planReason + consentText);
        }
        ShopId shop = message.shopId();
        try {
            SendReceipt receipt = channel.send(ChannelSends.outbound(message, conversations));
            // Marked with the run's final record, in one commit. Until then the message stays claimed under
            // this worker's lease: a process dying in between leaves it to be claimed and sent again, the
            // one window in which a customer can get it twice.
            request.writes().defer(() -> {
                outbox.markSent(shop, message.id(), receipt.providerMessageId(), receipt.acceptedAt());
                ChannelSends.remember(conversations, message, receipt);
            });
            return DeliveryResult.sent(receipt.providerMessageId(), "sent via " + channel.name() + " as "
                    + receipt.describeForm() + " (" + planReason + consentText + ")");
        } catch (MarketplaceException e) {
            FailureKind failure = ChannelSends.kindOf(e);
            ChannelSends.learn(failure, message, consents, now);
            if (e.isRetriable()) {
                Instant retryAt = now.plus(ChannelSends.retryAfter(e).orElse(retryDelay));
                outbox.markFailed(shop, message.id(), failure + ": " + e.getMessage(), retryAt);
                return DeliveryResult.scheduled(retryAt, "sending failed (" + failure + ": " + e.getMessage()
                        + "); the outbox retries at " + retryAt);
            }
            outbox.markFailed(shop, message.id(), failure + ": " + e.getMessage(), null);
            return DeliveryResult.failed("sending failed (" + failure + "): " + e.getMessage());
        }
    }

    private OutboxMessage claimed(OutboxMessage m, Instant now) {
        return new OutboxMessage(m.id(), m.shopId(), m.runId(), m.channel(), m.to(), m.text(), m.stableKey(),
                m.dueAt(), OutboxStatus.CLAIMED, 1, worker, now.plus(lease), null, null, m.orderKey(), null,
                m.category(), m.consent(), m.quickReplies(), false, null, null);
    }

    private ScheduleResult schedule(OutboxMessage message, @Nullable FrequencyCap cap, Instant now) {
        return cap == null
                ? (outbox.schedule(message) ? ScheduleResult.SCHEDULED : ScheduleResult.DUPLICATE)
                : outbox.scheduleWithinCap(message, cap, now);
    }

    private DeliveryResult notScheduled(ScheduleResult result, OutboxMessage message, @Nullable FrequencyCap cap,
            Instant now) {
        if (result == ScheduleResult.CAPPED && cap != null) {
            // The count is read again only for the reason's text: the outbox took the decision atomically.
            long recent = outbox.countRecent(message.shopId(), message.to(), now.minus(cap.period()));
            return DeliveryResult.completed("not sent: " + DeliveryTexts.capReached(
                    Math.max(recent, cap.maxMessages()), cap));
        }
        return DeliveryResult.completed("not sent again: message " + message.stableKey() + " is already in the outbox");
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
        private Function<DeliveryRequest<E, C, R>, MessageIdentity> identity = request -> MessageIdentity.of(
                request.runId());
        private Function<DeliveryRequest<E, C, R>, Optional<Instant>> notBefore = request -> Optional.empty();
        private Duration lease = Duration.ofMinutes(2);
        private Duration retryDelay = Duration.ofMinutes(1);
        private String worker = "pipeline";
        private @Nullable SuppressionStore suppressions;
        private Function<DeliveryRequest<E, C, R>, MessageCategory> category = request -> MessageCategory.MARKETING;
        private @Nullable ConsentStore consents;
        private ConsentQuestion consentQuestion = ConsentQuestion.defaults();
        private @Nullable Duration consentWait;
        private @Nullable ConversationStore conversations;

        private Builder() {}

        /**
         * Sets what every message is for; default {@link MessageCategory#MARKETING}.
         *
         * @param category the category
         * @return this builder
         */
        public Builder<E, C, R> category(MessageCategory category) {
            Objects.requireNonNull(category, "category");
            this.category = request -> category;
            return this;
        }

        /**
         * Sets what a request's message is for (a review request without a discount may be utility, with one
         * marketing).
         *
         * @param category the category of a request's message
         * @return this builder
         */
        public Builder<E, C, R> category(Function<DeliveryRequest<E, C, R>, MessageCategory> category) {
            this.category = Objects.requireNonNull(category, "category");
            return this;
        }

        /**
         * Turns on consent: a customer who opted out gets nothing, one who declined or stopped marketing gets
         * no offers, and an offer to a customer who never said yes waits in the outbox
         * ({@link OutboxStatus#AWAITING_CONSENT}) while the consent question goes first (consent-first).
         * Without it, messages go without consent checks (consent collected elsewhere).
         *
         * @param consents the consent records
         * @return this builder
         */
        public Builder<E, C, R> consents(ConsentStore consents) {
            this.consents = Objects.requireNonNull(consents, "consents");
            return this;
        }

        /**
         * Sets the consent question; default {@link ConsentQuestion#defaults()}.
         *
         * @param question the question and its buttons
         * @return this builder
         */
        public Builder<E, C, R> consentQuestion(ConsentQuestion question) {
            this.consentQuestion = Objects.requireNonNull(question, "consent question");
            return this;
        }

        /**
         * Sets how long an unanswered consent question holds later offers; after it they are not sent
         * (the customer is not asked twice) and the ones it held are cancelled. Default: each shop's
         * {@code SalesSettings#consentExpiry()} (7 days unless the shop says otherwise).
         *
         * @param wait the wait, positive
         * @return this builder
         */
        public Builder<E, C, R> consentWait(Duration wait) {
            if (wait.isNegative() || wait.isZero()) {
                throw new IllegalArgumentException("consent wait must be positive, got " + wait);
            }
            this.consentWait = wait;
            return this;
        }

        /**
         * Sets the conversations: the channel learns from them when the customer last wrote (the service
         * window), and every message sent is kept in them. Default: none (the window counts as closed).
         *
         * @param conversations the conversation store
         * @return this builder
         */
        public Builder<E, C, R> conversations(ConversationStore conversations) {
            this.conversations = Objects.requireNonNull(conversations, "conversations");
            return this;
        }

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

        /**
         * Sets how a request's message is known in the outbox; default {@link MessageIdentity#of(RunId)}: the
         * run id and {@code run:<run id>}. A second delivery in one run (a follow-up) needs its own.
         *
         * @param identity the identity of a request's message
         * @return this builder
         */
        public Builder<E, C, R> identity(Function<DeliveryRequest<E, C, R>, MessageIdentity> identity) {
            this.identity = Objects.requireNonNull(identity, "identity");
            return this;
        }

        /**
         * Sets the earliest time a request's message may be planned from (the policy then adds its delay and
         * quiet hours to it); default now.
         *
         * @param notBefore the earliest time of a request's message, empty for now
         * @return this builder
         */
        public Builder<E, C, R> notBefore(Function<DeliveryRequest<E, C, R>, Optional<Instant>> notBefore) {
            this.notBefore = Objects.requireNonNull(notBefore, "not before");
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
