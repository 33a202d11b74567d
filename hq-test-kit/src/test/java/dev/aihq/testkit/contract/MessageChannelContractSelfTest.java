package dev.aihq.testkit.contract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.channel.ChannelFailure;
import dev.aihq.api.channel.ChannelLimits;
import dev.aihq.api.channel.ChannelSink;
import dev.aihq.api.channel.DeliveryState;
import dev.aihq.api.channel.DeliveryStatus;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.channel.InboundTraffic;
import dev.aihq.api.channel.MarkupStyle;
import dev.aihq.api.channel.MessageChannel;
import dev.aihq.api.channel.OutboundMessage;
import dev.aihq.api.channel.QuickReply;
import dev.aihq.api.channel.SendReceipt;
import dev.aihq.api.error.AuthenticationException;
import dev.aihq.api.error.RateLimitedException;
import dev.aihq.api.error.ServiceUnavailableException;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.api.web.WebhookRoute;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link MessageChannelContract} against an in-memory channel and its in-memory "provider": the
 * correct channel passes every test, and each deliberately broken one fails the test that guards it.
 */
class MessageChannelContractSelfTest {

    /** The correct in-memory channel passes the whole suite. */
    @Nested
    class CorrectChannel extends FakeChannelContract {
        CorrectChannel() {
            super(new Flaws());
        }
    }

    @Test
    void should_fail_quick_reply_test_when_titles_are_dropped() {
        Flaws flaws = new Flaws();
        flaws.dropQuickReplies = true;
        assertThatThrownBy(new FakeChannelContract(flaws)::should_render_quick_replies_as_buttons_or_in_the_text_when_message_has_them)
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void should_fail_length_test_when_text_is_cut() {
        Flaws flaws = new Flaws();
        flaws.cutText = true;
        assertThatThrownBy(new FakeChannelContract(flaws)::should_send_text_whole_when_it_is_exactly_the_maximum_length)
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void should_fail_refusal_tests_when_failures_are_misclassified() {
        Flaws flaws = new Flaws();
        flaws.everyFailureIsTemporaryAuth = true;
        FakeChannelContract suite = new FakeChannelContract(flaws);
        assertThatThrownBy(suite::should_throw_retriable_rate_limited_failure_when_provider_throttles)
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(suite::should_throw_non_retriable_authentication_failure_when_provider_refuses_credentials)
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(suite::should_throw_retriable_temporary_failure_when_provider_fails)
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void should_fail_refusal_test_when_message_shows_the_number() {
        Flaws flaws = new Flaws();
        flaws.numberInMessages = true;
        assertThatThrownBy(new FakeChannelContract(flaws)::should_throw_retriable_temporary_failure_when_provider_fails)
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void should_fail_inbound_tests_when_route_skips_authentication_or_swallows_sink_failures() {
        Flaws flaws = new Flaws();
        flaws.noAuthentication = true;
        flaws.swallowSinkFailure = true;
        FakeChannelContract suite = new FakeChannelContract(flaws);
        assertThatThrownBy(suite::should_refuse_request_and_not_call_sink_when_request_is_not_authenticated)
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(suite::should_answer_server_error_when_sink_throws)
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void should_fail_idempotency_tests_when_key_is_not_from_the_provider_id() {
        Flaws flaws = new Flaws();
        flaws.randomKeys = true;
        FakeChannelContract suite = new FakeChannelContract(flaws);
        assertThatThrownBy(suite::should_hand_reply_to_sink_when_request_is_authenticated)
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(suite::should_give_same_key_when_same_reply_is_delivered_twice)
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void should_fail_status_test_when_states_are_swapped() {
        Flaws flaws = new Flaws();
        flaws.everyStatusRead = true;
        assertThatThrownBy(new FakeChannelContract(flaws)::should_hand_status_to_sink_when_provider_reports_delivery_or_failure)
                .isInstanceOf(AssertionError.class);
    }

    /** What the in-memory channel gets wrong; nothing by default. */
    static final class Flaws {
        boolean dropQuickReplies;
        boolean cutText;
        boolean everyFailureIsTemporaryAuth;
        boolean numberInMessages;
        boolean noAuthentication;
        boolean swallowSinkFailure;
        boolean randomKeys;
        boolean everyStatusRead;
    }

    /** The suite wired to the in-memory channel. Bodies are {@code reply|id|text|epoch} or {@code status|id|STATE|epoch}. */
    static class FakeChannelContract extends MessageChannelContract {
        private static final String TOKEN = "s3cret";
        private final Flaws flaws;
        private final List<ProviderSend> sends = new ArrayList<>();
        private @Nullable String nextId;
        private @Nullable Refusal refusal;

        FakeChannelContract(Flaws flaws) {
            this.flaws = flaws;
        }

        @Override
        protected MessageChannel createChannel() {
            return new FakeChannel();
        }

        @Override
        protected void providerAcceptsNextSend(String providerMessageId) {
            nextId = providerMessageId;
        }

        @Override
        protected void providerRefusesSends(Refusal refusal) {
            this.refusal = refusal;
        }

        @Override
        protected List<ProviderSend> providerSends() {
            return List.copyOf(sends);
        }

        @Override
        protected boolean providerCarriesStableKey() {
            return false;
        }

        @Override
        protected WebhookRequest inboundReply(String providerMessageId, String text, Instant sentAt) {
            return request("reply|" + providerMessageId + "|" + text + "|" + sentAt.getEpochSecond(), TOKEN);
        }

        @Override
        protected WebhookRequest inboundStatus(String providerMessageId, DeliveryState state, Instant at) {
            return request("status|" + providerMessageId + "|" + state + "|" + at.getEpochSecond(), TOKEN);
        }

        @Override
        protected WebhookRequest unauthenticated(WebhookRequest authenticated) {
            return new WebhookRequest(authenticated.method(), authenticated.path(), null,
                    Map.of("authorization", List.of("wrong")), authenticated.body(), null);
        }

        private static WebhookRequest request(String body, String token) {
            return WebhookRequest.of("POST", "/fake", Map.of("Authorization", token),
                    body.getBytes(StandardCharsets.UTF_8));
        }

        private final class FakeChannel implements MessageChannel {

            @Override
            public String name() {
                return "fake";
            }

            @Override
            public ChannelLimits limits() {
                return new ChannelLimits(1000, MarkupStyle.PLAIN, false, 0);
            }

            @Override
            public SendReceipt send(OutboundMessage message) {
                if (refusal != null) {
                    throw failure(refusal, flaws.numberInMessages ? message.to().e164() : message.to().masked());
                }
                String text = message.text();
                if (flaws.cutText) {
                    text = text.substring(0, text.length() - 1);
                }
                if (!message.quickReplies().isEmpty() && !flaws.dropQuickReplies) {
                    text += "\n" + message.quickReplies().stream().map(QuickReply::title)
                            .collect(Collectors.joining(" / "));
                }
                sends.add(new ProviderSend(message.to(), text, null, List.of()));
                return new SendReceipt(nextId == null ? "none" : nextId, Instant.now());
            }

            private RuntimeException failure(Refusal refusal, String to) {
                if (flaws.everyFailureIsTemporaryAuth) {
                    return new FakeAuth("auth for " + to, FailureKind.TEMPORARY);
                }
                return switch (refusal) {
                    case RATE_LIMITED -> new FakeRateLimited("throttled sending to " + to);
                    case AUTHENTICATION -> new FakeAuth("credentials refused sending to " + to,
                            FailureKind.AUTHENTICATION);
                    case SERVER_ERROR -> new FakeUnavailable("provider failed sending to " + to);
                };
            }

            @Override
            public List<WebhookRoute> webhookRoutes(ChannelSink sink) {
                return List.of(new WebhookRoute() {
                    @Override
                    public String method() {
                        return "POST";
                    }

                    @Override
                    public String path() {
                        return "/fake";
                    }

                    @Override
                    public WebhookResponse handle(WebhookRequest request) {
                        if (!flaws.noAuthentication && !request.header("Authorization").orElse("").equals(TOKEN)) {
                            return WebhookResponse.empty(401);
                        }
                        String[] parts = new String(request.body(), StandardCharsets.UTF_8).split("\\|");
                        Instant at = Instant.ofEpochSecond(Long.parseLong(parts[3]));
                        InboundTraffic traffic;
                        if (parts[0].equals("reply")) {
                            String key = flaws.randomKeys ? "k" + System.nanoTime()
                                    : CustomerReplyEvent.keyFor(name(), parts[1]);
                            traffic = new InboundTraffic(List.of(new CustomerReplyEvent(shopId(), name(),
                                    PhoneNumber.parse("+77071234567"), parts[2], parts[1], at, key)), List.of(),
                                    List.of(), List.of());
                        } else {
                            DeliveryState state = flaws.everyStatusRead ? DeliveryState.READ
                                    : DeliveryState.valueOf(parts[2]);
                            traffic = new InboundTraffic(List.of(), List.of(new DeliveryStatus(shopId(), name(),
                                    parts[1], null, state, at, state == DeliveryState.FAILED ? FailureKind.UNKNOWN
                                            : null, null, null)), List.of(), List.of());
                        }
                        try {
                            sink.receive(traffic);
                        } catch (RuntimeException e) {
                            return WebhookResponse.empty(flaws.swallowSinkFailure ? 200 : 500);
                        }
                        return WebhookResponse.empty(200);
                    }
                });
            }
        }
    }

    static final class FakeRateLimited extends RateLimitedException implements ChannelFailure {
        private static final long serialVersionUID = 1L;

        FakeRateLimited(String message) {
            super("fake", 429, message, Duration.ofSeconds(1), null);
        }

        @Override
        public FailureKind failureKind() {
            return FailureKind.SENDER_RATE_LIMITED;
        }
    }

    static final class FakeAuth extends AuthenticationException implements ChannelFailure {
        private static final long serialVersionUID = 1L;
        private final FailureKind kind;

        FakeAuth(String message, FailureKind kind) {
            super("fake", 401, message, null);
            this.kind = kind;
        }

        @Override
        public FailureKind failureKind() {
            return kind;
        }
    }

    static final class FakeUnavailable extends ServiceUnavailableException implements ChannelFailure {
        private static final long serialVersionUID = 1L;

        FakeUnavailable(String message) {
            super("fake", 500, message, null, null);
        }

        @Override
        public FailureKind failureKind() {
            return FailureKind.TEMPORARY;
        }
    }
}
