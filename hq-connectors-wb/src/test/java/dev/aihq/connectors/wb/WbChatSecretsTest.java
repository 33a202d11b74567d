package dev.aihq.connectors.wb;

import static dev.aihq.connectors.wb.WbChatsTest.CHAT;
import static dev.aihq.connectors.wb.WbChatsTest.SIGN;
import static dev.aihq.connectors.wb.WbChatsTest.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aihq.api.event.InboxEvent;
import dev.aihq.pipeline.memory.InMemoryPollCursorStore;
import dev.aihq.testkit.RecordingEventSink;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.wb.FakeWbApi.ErrorShape;
import dev.aihq.testkit.wb.FakeWbApi;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A chat's replySign stays out of every log line (slf4j-simple at DEBUG), description and exception message. */
class WbChatSecretsTest {

    @Test
    void should_keep_the_reply_sign_out_of_every_log_line_when_listing_polling_and_sending() {
        // given
        try (FakeWbApi wb = FakeWbApi.start(WbFixtures.TOKEN)) {
            wb.putChat(FakeWbApi.chat(CHAT, SIGN, "Алёна"));
            String opened = "1:opened:" + "f".repeat(60);
            wb.addChatEvents(FakeWbApi.clientMessage("1:opened", "ev-1", "Здравствуйте", T0).openingChat(opened),
                    FakeWbApi.clientMessage(CHAT, "ev-2", "Алло", T0.plusSeconds(1)));
            wb.failNext(WbChats.MESSAGE_PATH, 1, 400, ErrorShape.CHAT, "Invalid signature", null);
            SettableClock clock = SettableClock.at(T0);
            WbClient client = WbClient.builder(WbFixtures.config(wb.baseUrl()).build(),
                    WbCredentialsProvider.of(WbFixtures.SHOP, WbFixtures.TOKEN))
                    .clock(clock).sleeper(new RecordingSleeper(clock)).build(); // the default SLF4J sink
            RecordingEventSink sink = new RecordingEventSink();
            WbChatPoller poller = WbChatPoller.builder(WbConnector.of(client), sink, new InMemoryPollCursorStore())
                    .clock(clock).build();

            // when
            String logged;
            Throwable refused;
            try (LogCapture log = new LogCapture()) {
                WbChatPollReport report = poller.poll(WbFixtures.SHOP);
                refused = catchThrowable(() -> client.chats().send(WbFixtures.SHOP, SIGN, "Здравствуйте", List.of()));
                client.chats().send(WbFixtures.SHOP, SIGN, "Здравствуйте", List.of());
                logged = log.text() + report + sink.events(InboxEvent.class) + client.chats().list(WbFixtures.SHOP);
            }

            // then
            assertThat(sink.events(InboxEvent.class)).extracting(e -> e.replyHandle()).containsExactlyInAnyOrder(opened, SIGN);
            assertThat(logged).contains("/api/v1/seller/events").contains("/api/v1/seller/chats")
                    .contains("/api/v1/seller/message").contains("replySign");
            assertThat(logged).doesNotContain(SIGN).doesNotContain(SIGN.substring(40, 80))
                    .doesNotContain(opened).doesNotContain("f".repeat(30));
            assertThat(refused.getMessage()).contains("Invalid signature").doesNotContain(SIGN);
        }
    }
}
