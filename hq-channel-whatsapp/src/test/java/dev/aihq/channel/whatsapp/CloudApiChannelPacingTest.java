package dev.aihq.channel.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.aihq.channel.whatsapp.CloudApiChannelTest.NOW;
import static dev.aihq.channel.whatsapp.CloudApiChannelTest.OK;
import static dev.aihq.channel.whatsapp.CloudApiChannelTest.SHOP;
import static dev.aihq.channel.whatsapp.CloudApiChannelTest.TEMPLATES;
import static dev.aihq.channel.whatsapp.CloudApiChannelTest.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.channel.OutboundMessage;
import dev.aihq.api.channel.SendReceipt;
import dev.aihq.channel.whatsapp.pacing.PacingConfig;
import dev.aihq.http.RetryPolicy;
import dev.aihq.testkit.SettableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pacing inside {@link CloudApiChannel}: held-back messages are refused once and sent at their slot. */
class CloudApiChannelPacingTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String PATH = "/v25.0/106540352242922/messages";
    private static final PhoneNumber CUSTOMER = PhoneNumber.parse("+77071234567");
    private static final PhoneNumber OTHER = PhoneNumber.parse("+79161234567");
    private static final Duration PAIR = Duration.ofSeconds(6);

    private final SettableClock clock = SettableClock.at(NOW);
    private final CloudApiChannel channel = CloudApiChannel.builder()
            .accounts(WhatsAppAccounts.of(List.of(new WhatsAppAccount(SHOP, WhatsAppCloudConfig.builder()
                    .baseUrl(SERVER.baseUrl())
                    .phoneNumberId("106540352242922")
                    .accessToken(TOKEN)
                    .retryPolicy(RetryPolicy.none())
                    .build(), TEMPLATES))))
            .clock(clock)
            .pacing(PacingConfig.defaults())
            .httpLogSink(line -> { })
            .build();

    private static OutboundMessage message(PhoneNumber to, int n) {
        return OutboundMessage.text(SHOP, to, "Сообщение " + n, "burst:" + n, MessageCategory.SERVICE)
                .withCustomerLastWroteAt(NOW.minus(Duration.ofHours(1)));
    }

    private WhatsAppRateLimitedException refused(OutboundMessage message) {
        Throwable thrown = catchThrowable(() -> channel.send(message));
        assertThat(thrown).as("send of %s", message.stableKey()).isInstanceOf(WhatsAppRateLimitedException.class);
        return (WhatsAppRateLimitedException) thrown;
    }

    private static void verifySent(int requests) {
        SERVER.verify(requests, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void should_send_fifty_messages_to_one_customer_six_seconds_apart_each_refused_once_without_calling_whatsapp() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(OK)));

        // when: all fifty at the same instant
        SendReceipt first = channel.send(message(CUSTOMER, 0));
        List<WhatsAppRateLimitedException> refusals = new java.util.ArrayList<>();
        for (int n = 1; n < 50; n++) {
            refusals.add(refused(message(CUSTOMER, n)));
        }

        // then: the first went, the others wait 6 s, 12 s, … 294 s, and WhatsApp saw one request
        assertThat(first.providerMessageId()).startsWith("wamid.");
        verifySent(1);
        for (int n = 1; n < 50; n++) {
            WhatsAppRateLimitedException refusal = refusals.get(n - 1);
            assertThat(refusal.retryAfter()).contains(PAIR.multipliedBy(n));
            assertThat(refusal.failureKind()).isEqualTo(FailureKind.RECIPIENT_RATE_LIMITED);
            assertThat(refusal.isRetriable()).isTrue();
            assertThat(refusal.pacedLocally()).isTrue();
            assertThat(refusal.status()).isZero();
            assertThat(refusal.getMessage()).contains("burst:" + n).doesNotContain("77071234567");
        }

        // when / then: a message asked again before its slot is refused with the rest of its wait
        clock.advance(Duration.ofSeconds(1));
        assertThat(refused(message(CUSTOMER, 5)).retryAfter()).contains(PAIR.multipliedBy(5).minusSeconds(1));
        verifySent(1);

        // when / then: at each slot exactly that message goes, and the next one is still held back
        for (int n = 1; n < 50; n++) {
            clock.set(NOW.plus(PAIR.multipliedBy(n)));
            if (n + 1 < 50) {
                assertThat(refused(message(CUSTOMER, n + 1)).retryAfter()).contains(PAIR);
            }
            channel.send(message(CUSTOMER, n));
            verifySent(n + 1);
            SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH))
                    .withRequestBody(matchingJsonPath("$.biz_opaque_callback_data", equalTo("burst:" + n))));
        }

        // then: a new message comes after the last slot, not before
        assertThat(refused(message(CUSTOMER, 50)).retryAfter()).contains(PAIR);
        verifySent(50);
    }

    @Test
    void should_not_hold_back_other_customers_behind_one_customers_backlog() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(OK)));
        channel.send(message(CUSTOMER, 0));
        for (int n = 1; n < 10; n++) {
            refused(message(CUSTOMER, n));
        }

        // when
        clock.advance(Duration.ofSeconds(1));
        SendReceipt other = channel.send(message(OTHER, 100));

        // then
        assertThat(other.acceptedAt()).isEqualTo(NOW.plusSeconds(1));
        verifySent(2);
    }

    @Test
    void should_send_a_held_back_message_once_when_it_comes_back_late() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(OK)));
        channel.send(message(CUSTOMER, 0));
        refused(message(CUSTOMER, 1));

        // when: it comes back long after its slot; then a new message to the same customer
        clock.set(NOW.plus(Duration.ofMinutes(5)));
        channel.send(message(CUSTOMER, 1));
        Throwable next = catchThrowable(() -> channel.send(message(CUSTOMER, 2)));

        // then: the late one went without a new reservation, the new one went at once
        assertThat(next).isNull();
        verifySent(3);
    }

    @Test
    void should_move_the_retry_to_the_next_slot_when_whatsapp_refuses_with_131056() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(PATH)).inScenario("pair").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"(#131056) (Business Account, Consumer Account) pair rate"
                                + " limit hit\",\"type\":\"OAuthException\",\"code\":131056,\"fbtrace_id\":\"A1\"}}"))
                .willSetStateTo("ok"));
        SERVER.stubFor(post(urlPathEqualTo(PATH)).inScenario("pair").whenScenarioStateIs("ok")
                .willReturn(okJson(OK)));

        // when
        WhatsAppRateLimitedException refusal = refused(message(CUSTOMER, 0));

        // then: Meta's refusal, retried at the customer's next slot
        assertThat(refusal.pacedLocally()).isFalse();
        assertThat(refusal.error().code()).isEqualTo(131056);
        assertThat(refusal.failureKind()).isEqualTo(FailureKind.RECIPIENT_RATE_LIMITED);
        assertThat(refusal.retryAfter()).contains(PAIR);
        verifySent(1);

        // when / then: before the slot it is held back here; at the slot it goes
        clock.advance(Duration.ofSeconds(3));
        assertThat(refused(message(CUSTOMER, 0)).retryAfter()).contains(Duration.ofSeconds(3));
        verifySent(1);
        clock.set(NOW.plus(PAIR));
        Instant accepted = channel.send(message(CUSTOMER, 0)).acceptedAt();
        assertThat(accepted).isEqualTo(NOW.plus(PAIR));
        verifySent(2);
    }

    @Test
    void should_send_the_first_message_to_an_idle_customer_at_once_when_the_clock_moves_between_reads() {
        // given: a clock that, like the system clock, is a little later at every read
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(OK)));
        AtomicLong reads = new AtomicLong();
        Clock running = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return NOW.plusNanos(1_000 * reads.incrementAndGet());
            }
        };
        CloudApiChannel onRunningClock = CloudApiChannel.builder()
                .accounts(WhatsAppAccounts.of(List.of(new WhatsAppAccount(SHOP, WhatsAppCloudConfig.builder()
                        .baseUrl(SERVER.baseUrl())
                        .phoneNumberId("106540352242922")
                        .accessToken(TOKEN)
                        .retryPolicy(RetryPolicy.none())
                        .build(), TEMPLATES))))
                .clock(running)
                .httpLogSink(line -> { })
                .build();

        // when
        SendReceipt first = onRunningClock.send(message(CUSTOMER, 0));

        // then: it was not held back for the microsecond the clock moved while the slot was reserved
        assertThat(first.providerMessageId()).startsWith("wamid.");
        verifySent(1);
    }
}
