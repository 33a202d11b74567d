package dev.aihq.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.channel.ChannelFailure;
import dev.aihq.api.channel.ChannelLimits;
import dev.aihq.api.channel.ChannelSink;
import dev.aihq.api.channel.DeliveryState;
import dev.aihq.api.channel.DeliveryStatus;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.channel.InboundTraffic;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.channel.MessageChannel;
import dev.aihq.api.channel.MessageForm;
import dev.aihq.api.channel.OutboundMessage;
import dev.aihq.api.channel.QuickReply;
import dev.aihq.api.channel.SendReceipt;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.api.web.WebhookRoute;
import dev.aihq.testkit.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.annotation.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link MessageChannel}: what the sender and the inbound side may rely on whichever
 * provider carries the messages. Every channel runs it against its own provider fake (WireMock, typically)
 * by subclassing it and answering the hooks below in provider terms; the suite then asserts, for any
 * channel:
 *
 * <ul>
 *   <li><b>sending</b>: the receipt carries the provider's id and the form the message went in; the limits
 *       are sane; a text of exactly {@link ChannelLimits#maxTextLength()} is accepted and reaches the
 *       provider whole; quick replies become buttons when {@link ChannelLimits#maxQuickReplies()} is above
 *       zero, otherwise every title appears in the text sent; the stable key travels where the provider
 *       carries one;</li>
 *   <li><b>refusals</b>: a rate limit is a retriable {@link MarketplaceException} implementing
 *       {@link ChannelFailure} with a rate-limited {@link FailureKind}; refused credentials are
 *       non-retriable {@link FailureKind#AUTHENTICATION}; a server error is retriable
 *       {@link FailureKind#TEMPORARY}; no exception message shows the customer's full number;</li>
 *   <li><b>inbound</b>: an authenticated reply reaches the {@link ChannelSink} as a
 *       {@link CustomerReplyEvent} with the shop, number, text, provider id and the key of
 *       {@link CustomerReplyEvent#keyFor(String, String)}, the same key when the same body comes twice; a
 *       status update reaches it as a {@link DeliveryStatus}; an unauthenticated request is answered 401 or
 *       403 without calling the sink; a sink that throws makes the route answer 5xx so the provider
 *       delivers again.</li>
 * </ul>
 *
 * <p>A subclass is about thirty lines:
 *
 * <pre>{@code
 * class GreenApiChannelContractTest extends MessageChannelContract {
 *     @RegisterExtension
 *     static final WireMockExtension SERVER = WireMockExtension.newInstance()
 *             .options(wireMockConfig().dynamicPort()).build();
 *
 *     @Override protected MessageChannel createChannel() { ... pointed at SERVER, no real sleeps ... }
 *     @Override protected void providerAcceptsNextSend(String id) { SERVER.stubFor(post(...).willReturn(okJson(...))); }
 *     @Override protected void providerRefusesSends(Refusal refusal) { ... 429 / 401 / 500 ... }
 *     @Override protected List<ProviderSend> providerSends() { ... read SERVER's journal ... }
 *     @Override protected boolean providerCarriesStableKey() { return false; }
 *     @Override protected WebhookRequest inboundReply(String id, String text, Instant at) { ... }
 *     @Override protected WebhookRequest inboundStatus(String id, DeliveryState state, Instant at) { ... }
 *     @Override protected WebhookRequest unauthenticated(WebhookRequest request) { ... }
 * }
 * }</pre>
 *
 * <p>The channel is created once per test, on first use, after every {@code @BeforeEach} of the subclass
 * (reset the fake there). The channel must not really wait between retries (give it a sleeper that
 * records, or no retries): a refused send may be attempted several times, and the refusal stubs refuse
 * every attempt. Messages go to {@link #customer()} from {@link #shopId()}, as {@link MessageCategory#SERVICE}
 * with the customer having written {@link #customerLastWroteAt()}, so a channel with a service window sends
 * free text.
 */
public abstract class MessageChannelContract {

    private static final String STABLE_KEY = "order-8812:review";
    private static final String REPLY_TEXT = "Рақмет! Иә, алайын 👍";

    private @Nullable MessageChannel channel;

    /** Creates the suite. */
    protected MessageChannelContract() {}

    /** How the provider fake refuses a send; see {@link #providerRefusesSends(Refusal)}. */
    public enum Refusal {
        /** The sender is over the provider's rate: HTTP 429 or the provider's own throttling error. */
        RATE_LIMITED,
        /** The credentials are wrong or lack permission: HTTP 401/403 or the provider's own auth error. */
        AUTHENTICATION,
        /** The provider failed: HTTP 500 or the provider's own temporary error. */
        SERVER_ERROR
    }

    /**
     * One send request as the provider fake received it, in provider-neutral terms.
     *
     * @param to the recipient's number as the request addressed it
     * @param text the message text the provider received (the body, without buttons)
     * @param stableKey our stable key as the request carried it, or {@code null} when the provider has no
     *     field for it
     * @param buttons the titles of the quick-reply buttons the request carried, in order; empty for none
     */
    public record ProviderSend(PhoneNumber to, String text, @Nullable String stableKey, List<String> buttons) {

        /** Requires the recipient and the text; copies the buttons. */
        public ProviderSend {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(text, "text");
            buttons = List.copyOf(buttons);
        }
    }

    // ------------------------------------------------------------------ hooks

    /**
     * Creates the channel under test, pointed at the provider fake, with credentials for
     * {@link #shopId()}. Called once per test, on first use, after the subclass's {@code @BeforeEach}.
     * It must not sleep between retries.
     *
     * @return the channel
     */
    protected abstract MessageChannel createChannel();

    /**
     * Makes the provider fake accept the next send and answer with this id, as its success response
     * carries it. Later sends may be accepted with the same id.
     *
     * @param providerMessageId the id the provider gives the message, e.g. {@code wamid.HBgL…} or
     *     {@code 3EB0C767D097B7C7C030}
     */
    protected abstract void providerAcceptsNextSend(String providerMessageId);

    /**
     * Makes the provider fake refuse every send from now on, in the provider's own way (status and error
     * body as the real provider sends them). For {@link Refusal#RATE_LIMITED} include a short
     * {@code Retry-After} (e.g. 1 s) where the provider sends one.
     *
     * @param refusal the refusal
     */
    protected abstract void providerRefusesSends(Refusal refusal);

    /**
     * Returns every send request the provider fake received in this test, oldest first, read back from
     * the fake (e.g. WireMock's request journal) and translated to provider-neutral terms.
     *
     * @return the sends
     */
    protected abstract List<ProviderSend> providerSends();

    /**
     * Tells whether the provider carries our stable key with a message (WhatsApp's
     * {@code biz_opaque_callback_data}); when it does, {@link ProviderSend#stableKey()} must be the
     * message's key, otherwise {@code null}.
     *
     * @return {@code true} when the provider has a field for it
     */
    protected abstract boolean providerCarriesStableKey();

    /**
     * Builds an authenticated webhook request (signed, or with the right token) in the provider's exact
     * shape, delivering one typed text message from {@link #customer()} to the account of
     * {@link #shopId()}. Calling it twice with the same arguments gives the same body.
     *
     * @param providerMessageId the provider's id of the inbound message
     * @param text what the customer wrote
     * @param sentAt when the customer sent it, whole seconds
     * @return the request, with the method and path of one of the channel's routes
     */
    protected abstract WebhookRequest inboundReply(String providerMessageId, String text, Instant sentAt);

    /**
     * Builds an authenticated webhook request reporting the state of a message the shop sent to
     * {@link #customer()}. For {@link DeliveryState#FAILED} use the provider's plain failure (no
     * particular error code required).
     *
     * @param providerMessageId the provider's id of our message
     * @param state the state to report: {@link DeliveryState#DELIVERED} or {@link DeliveryState#FAILED}
     * @param at when it happened, whole seconds
     * @return the request, with the method and path of one of the channel's routes
     */
    protected abstract WebhookRequest inboundStatus(String providerMessageId, DeliveryState state, Instant at);

    /**
     * Returns the same request with its authentication broken: the signature or token removed or wrong.
     *
     * @param authenticated a request from {@link #inboundReply(String, String, Instant)}
     * @return the unauthenticated request
     */
    protected abstract WebhookRequest unauthenticated(WebhookRequest authenticated);

    /**
     * Returns the shop the channel has credentials for. Default {@link Fixtures#SHOP_ID}.
     *
     * @return the shop
     */
    protected ShopId shopId() {
        return Fixtures.SHOP_ID;
    }

    /**
     * Returns the customer messages go to and replies come from. Default {@code +77071234567}.
     *
     * @return the customer's number
     */
    protected PhoneNumber customer() {
        return PhoneNumber.parse("+77071234567");
    }

    /**
     * Returns when the customer last wrote, so that a channel with a service window treats it as open.
     * Default five minutes before now by the system clock; override when the channel's clock is fixed.
     *
     * @return the time
     */
    protected Instant customerLastWroteAt() {
        return Instant.now().minus(Duration.ofMinutes(5));
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Returns this test's channel, creating it on first use.
     *
     * @return the channel under test
     */
    protected final MessageChannel channel() {
        MessageChannel c = channel;
        if (c == null) {
            c = createChannel();
            channel = c;
        }
        return c;
    }

    /** Forgets the previous test's channel. */
    @BeforeEach
    protected final void forgetPreviousChannel() {
        channel = null;
    }

    /**
     * Returns a service message to {@link #customer()} inside the window, without buttons.
     *
     * @param text the text
     * @return the message
     */
    protected final OutboundMessage message(String text) {
        return OutboundMessage.text(shopId(), customer(), text, STABLE_KEY, MessageCategory.SERVICE)
                .withCustomerLastWroteAt(customerLastWroteAt());
    }

    private WebhookResponse deliver(WebhookRequest request, ChannelSink sink) {
        List<WebhookRoute> routes = channel().webhookRoutes(sink);
        WebhookRoute route = routes.stream()
                .filter(r -> r.method().equals(request.method()) && r.path().equals(request.path()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no route of " + channel().name() + " answers "
                        + request.method() + " " + request.path() + "; routes: " + routes.stream()
                                .map(r -> r.method() + " " + r.path()).toList()));
        return route.handle(request);
    }

    private static void assertRefusal(Throwable thrown, boolean retriable) {
        assertThat(thrown).as("a refused send throws a MarketplaceException").isInstanceOf(MarketplaceException.class);
        assertThat(thrown).as("a refused send implements ChannelFailure").isInstanceOf(ChannelFailure.class);
        MarketplaceException failure = (MarketplaceException) thrown;
        FailureKind kind = ((ChannelFailure) thrown).failureKind();
        assertThat(kind).as("failure kind").isNotNull();
        assertThat(failure.isRetriable()).as("isRetriable() of " + kind).isEqualTo(retriable);
        assertThat(kind.isRetriable()).as("the kind agrees with isRetriable()").isEqualTo(retriable);
    }

    private static final class RecordingSink implements ChannelSink {
        private final List<InboundTraffic> received = new CopyOnWriteArrayList<>();

        @Override
        public void receive(InboundTraffic traffic) {
            received.add(traffic);
        }

        List<CustomerReplyEvent> replies() {
            return received.stream().flatMap(t -> t.replies().stream()).toList();
        }

        List<DeliveryStatus> statuses() {
            return received.stream().flatMap(t -> t.statuses().stream()).toList();
        }
    }

    // ------------------------------------------------------------------ sending

    /** The name is set and the limits are ones a formatter can work with. */
    @Test
    public void should_declare_sane_limits_when_asked() {
        // when
        MessageChannel channel = channel();
        ChannelLimits limits = channel.limits();

        // then
        assertThat(channel.name()).as("name").isNotBlank();
        assertThat(limits).isNotNull();
        assertThat(limits.maxTextLength()).as("maxTextLength").isBetween(160, CustomerReplyEvent.MAX_TEXT_LENGTH * 10);
        assertThat(limits.maxQuickReplies()).as("maxQuickReplies").isBetween(0, OutboundMessage.MAX_QUICK_REPLIES);
        assertThat(limits.markup()).as("markup").isNotNull();
    }

    /** An accepted message yields the provider's id, the time, and free text as its form. */
    @Test
    public void should_return_provider_id_and_form_when_provider_accepts() {
        // given
        providerAcceptsNextSend("prov-msg-0001");

        // when
        SendReceipt receipt = channel().send(message("Здравствуйте! Как вам заказ? 🙂"));

        // then
        assertThat(receipt.providerMessageId()).isEqualTo("prov-msg-0001");
        assertThat(receipt.acceptedAt()).isNotNull();
        assertThat(receipt.form()).as("a message without buttons inside the window").isEqualTo(MessageForm.FREE_TEXT);
        List<ProviderSend> sends = providerSends();
        assertThat(sends).hasSize(1);
        assertThat(sends.get(0).to()).isEqualTo(customer());
        assertThat(sends.get(0).text()).isEqualTo("Здравствуйте! Как вам заказ? 🙂");
        assertThat(sends.get(0).buttons()).isEmpty();
    }

    /** The stable key travels with the message where the provider has a field for it, and only then. */
    @Test
    public void should_carry_stable_key_when_provider_has_a_field_for_it() {
        // given
        providerAcceptsNextSend("prov-msg-0002");

        // when
        channel().send(message("Спасибо за покупку!"));

        // then
        List<ProviderSend> sends = providerSends();
        assertThat(sends).hasSize(1);
        if (providerCarriesStableKey()) {
            assertThat(sends.get(0).stableKey()).isEqualTo(STABLE_KEY);
        } else {
            assertThat(sends.get(0).stableKey()).isNull();
        }
    }

    /** A text of exactly the declared maximum length is sent whole, not cut or split. */
    @Test
    public void should_send_text_whole_when_it_is_exactly_the_maximum_length() {
        // given
        int max = channel().limits().maxTextLength();
        StringBuilder text = new StringBuilder();
        while (text.length() < max) {
            text.append("Спасибо за покупку ");
        }
        String longest = text.substring(0, max - 1) + "!";
        providerAcceptsNextSend("prov-msg-0003");

        // when
        SendReceipt receipt = channel().send(message(longest));

        // then
        assertThat(receipt.providerMessageId()).isEqualTo("prov-msg-0003");
        List<ProviderSend> sends = providerSends();
        assertThat(sends).as("one request, not split").hasSize(1);
        assertThat(sends.get(0).text()).hasSize(max).isEqualTo(longest);
    }

    /** Quick replies are buttons where the channel renders them, otherwise listed in the text. */
    @Test
    public void should_render_quick_replies_as_buttons_or_in_the_text_when_message_has_them() {
        // given
        List<QuickReply> replies = List.of(new QuickReply("consent:yes", "Да"),
                new QuickReply("consent:no", "Нет, спасибо"));
        providerAcceptsNextSend("prov-msg-0004");
        int buttons = channel().limits().maxQuickReplies();

        // when
        SendReceipt receipt = channel().send(message("Можно присылать вам предложения?").withQuickReplies(replies));

        // then
        List<ProviderSend> sends = providerSends();
        assertThat(sends).hasSize(1);
        ProviderSend sent = sends.get(0);
        if (buttons > 0) {
            assertThat(sent.buttons()).containsExactly("Да", "Нет, спасибо");
            assertThat(sent.text()).isEqualTo("Можно присылать вам предложения?");
            assertThat(receipt.form()).isEqualTo(MessageForm.INTERACTIVE);
        } else {
            assertThat(sent.buttons()).isEmpty();
            assertThat(sent.text()).startsWith("Можно присылать вам предложения?").contains("Да", "Нет, спасибо");
            assertThat(sent.text().length()).isLessThanOrEqualTo(channel().limits().maxTextLength());
            assertThat(receipt.form()).isEqualTo(MessageForm.FREE_TEXT);
        }
    }

    // ------------------------------------------------------------------ refusals

    /** A rate limit is retriable and says so with a rate-limited kind. */
    @Test
    public void should_throw_retriable_rate_limited_failure_when_provider_throttles() {
        // given
        providerRefusesSends(Refusal.RATE_LIMITED);

        // when
        Throwable thrown = catchThrowable(() -> channel().send(message("Здравствуйте!")));

        // then
        assertRefusal(thrown, true);
        assertThat(((ChannelFailure) thrown).failureKind())
                .isIn(FailureKind.SENDER_RATE_LIMITED, FailureKind.RECIPIENT_RATE_LIMITED);
        assertThat(thrown.getMessage()).doesNotContain(customer().digits());
    }

    /** Refused credentials are not retried and say so. */
    @Test
    public void should_throw_non_retriable_authentication_failure_when_provider_refuses_credentials() {
        // given
        providerRefusesSends(Refusal.AUTHENTICATION);

        // when
        Throwable thrown = catchThrowable(() -> channel().send(message("Здравствуйте!")));

        // then
        assertRefusal(thrown, false);
        assertThat(((ChannelFailure) thrown).failureKind()).isEqualTo(FailureKind.AUTHENTICATION);
        assertThat(thrown.getMessage()).doesNotContain(customer().digits());
    }

    /** A server error may pass: retriable and temporary. */
    @Test
    public void should_throw_retriable_temporary_failure_when_provider_fails() {
        // given
        providerRefusesSends(Refusal.SERVER_ERROR);

        // when
        Throwable thrown = catchThrowable(() -> channel().send(message("Здравствуйте!")));

        // then
        assertRefusal(thrown, true);
        assertThat(((ChannelFailure) thrown).failureKind()).isEqualTo(FailureKind.TEMPORARY);
        assertThat(thrown.getMessage()).doesNotContain(customer().digits());
    }

    // ------------------------------------------------------------------ inbound

    /** An authenticated reply reaches the sink with everything the pipeline needs, keyed by the provider id. */
    @Test
    public void should_hand_reply_to_sink_when_request_is_authenticated() {
        // given
        RecordingSink sink = new RecordingSink();
        Instant sentAt = Instant.parse("2026-11-22T10:15:30Z");

        // when
        WebhookResponse response = deliver(inboundReply("prov-in-0001", REPLY_TEXT, sentAt), sink);

        // then
        assertThat(response.status()).as("status of an accepted delivery").isBetween(200, 299);
        assertThat(sink.replies()).hasSize(1);
        CustomerReplyEvent reply = sink.replies().get(0);
        assertThat(reply.shopId()).isEqualTo(shopId());
        assertThat(reply.channel()).isEqualTo(channel().name());
        assertThat(reply.from()).isEqualTo(customer());
        assertThat(reply.text()).isEqualTo(REPLY_TEXT);
        assertThat(reply.buttonId()).isNull();
        assertThat(reply.providerMessageId()).isEqualTo("prov-in-0001");
        assertThat(reply.occurredAt()).isEqualTo(sentAt);
        assertThat(reply.idempotencyKey()).isEqualTo(CustomerReplyEvent.keyFor(channel().name(), "prov-in-0001"));
    }

    /** The same body delivered again yields the same idempotency key, so the reply is recorded once. */
    @Test
    public void should_give_same_key_when_same_reply_is_delivered_twice() {
        // given
        RecordingSink sink = new RecordingSink();
        Instant sentAt = Instant.parse("2026-11-22T10:15:30Z");

        // when
        deliver(inboundReply("prov-in-0002", "Да", sentAt), sink);
        deliver(inboundReply("prov-in-0002", "Да", sentAt), sink);

        // then
        assertThat(sink.replies()).hasSize(2);
        assertThat(sink.replies().get(0).idempotencyKey()).isEqualTo(sink.replies().get(1).idempotencyKey());
    }

    /** Status updates reach the sink with the provider's id and the state. */
    @Test
    public void should_hand_status_to_sink_when_provider_reports_delivery_or_failure() {
        // given
        RecordingSink sink = new RecordingSink();
        Instant at = Instant.parse("2026-11-22T10:16:00Z").truncatedTo(ChronoUnit.SECONDS);

        // when
        WebhookResponse delivered = deliver(inboundStatus("prov-out-0001", DeliveryState.DELIVERED, at), sink);
        WebhookResponse failed = deliver(inboundStatus("prov-out-0002", DeliveryState.FAILED, at), sink);

        // then
        assertThat(delivered.status()).isBetween(200, 299);
        assertThat(failed.status()).isBetween(200, 299);
        assertThat(sink.statuses()).hasSize(2);
        DeliveryStatus first = sink.statuses().get(0);
        assertThat(first.shopId()).isEqualTo(shopId());
        assertThat(first.channel()).isEqualTo(channel().name());
        assertThat(first.providerMessageId()).isEqualTo("prov-out-0001");
        assertThat(first.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(first.at()).isEqualTo(at);
        assertThat(first.failure()).isNull();
        DeliveryStatus second = sink.statuses().get(1);
        assertThat(second.providerMessageId()).isEqualTo("prov-out-0002");
        assertThat(second.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(second.failure()).isNotNull();
    }

    /** A request without valid authentication is refused and nothing reaches the sink. */
    @Test
    public void should_refuse_request_and_not_call_sink_when_request_is_not_authenticated() {
        // given
        RecordingSink sink = new RecordingSink();
        WebhookRequest forged = unauthenticated(inboundReply("prov-in-0003", "Да", Instant.parse("2026-11-22T10:15:30Z")));

        // when
        WebhookResponse response = deliver(forged, sink);

        // then
        assertThat(response.status()).isIn(401, 403);
        assertThat(sink.received).isEmpty();
    }

    /** A sink that cannot record makes the route answer a server error, so the provider delivers again. */
    @Test
    public void should_answer_server_error_when_sink_throws() {
        // given
        ChannelSink failing = traffic -> {
            throw new IllegalStateException("journal unavailable");
        };

        // when
        WebhookResponse response = deliver(inboundReply("prov-in-0004", "Да", Instant.parse("2026-11-22T10:15:30Z")),
                failing);

        // then
        assertThat(response.status()).isBetween(500, 599);
    }
}
