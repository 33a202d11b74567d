package dev.aihq.connectors.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aihq.api.error.AuthenticationException;
import dev.aihq.api.event.InboxEvent;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.store.PollCursor;
import dev.aihq.pipeline.memory.InMemoryPollCursorStore;
import dev.aihq.testkit.RecordingEventSink;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.wb.FakeWbApi.ErrorShape;
import dev.aihq.testkit.wb.FakeWbApi;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The poller journals unanswered feedbacks and questions once each, moving a cursor only after journaling. */
class WbFeedbackPollerTest {

    private static final Instant NOW = Instant.parse("2025-10-10T12:00:00Z");

    private FakeWbApi wb;
    private SettableClock clock;
    private RecordingEventSink sink;
    private InMemoryPollCursorStore cursors;
    private WbFeedbackPoller poller;

    @BeforeEach
    void start() {
        wb = FakeWbApi.start(WbFixtures.TOKEN);
        clock = SettableClock.at(NOW);
        sink = new RecordingEventSink();
        cursors = new InMemoryPollCursorStore();
        WbConnector connector = WbConnector.of(WbFixtures.client(WbFixtures.config(wb.baseUrl()).build(), clock,
                new RecordingSleeper(clock)));
        poller = WbFeedbackPoller.builder(connector, sink, cursors).clock(clock).build();
    }

    @AfterEach
    void stop() {
        wb.close();
    }

    @Test
    void should_journal_each_unanswered_item_once_and_save_both_cursors() {
        // given
        wb.putFeedback(FakeWbApi.feedback("fb-1", 1, "", NOW.minus(Duration.ofHours(2))));
        wb.putFeedback(FakeWbApi.feedback("fb-2", 4, "ok", NOW.minus(Duration.ofDays(2))));
        wb.putFeedback(FakeWbApi.feedback("fb-old", 5, "давно", NOW.minus(Duration.ofDays(40))));
        wb.putQuestion(FakeWbApi.question("q-1", "Есть XL?", NOW.minus(Duration.ofHours(3))));

        // when
        WbPollReport first = poller.poll(WbFixtures.SHOP);
        clock.advance(Duration.ofMinutes(10));
        WbPollReport second = poller.poll(WbFixtures.SHOP);

        // then
        assertThat(first.complete()).isTrue();
        assertThat(first.feedbacks().accepted()).isEqualTo(2);
        assertThat(first.questions().accepted()).isEqualTo(1);
        assertThat(sink.events(InboxEvent.class)).extracting(InboxEvent::kind)
                .containsExactlyInAnyOrder(InboxItemKind.REVIEW, InboxItemKind.REVIEW, InboxItemKind.QUESTION);
        assertThat(second.feedbacks().accepted()).isZero();
        assertThat(second.feedbacks().read()).as("fb-1 again, within the look-back; fb-2 before it").isEqualTo(1);
        assertThat(second.feedbacks().known()).isEqualTo(1);
        assertThat(sink.acceptCalls.get()).as("known keys are not handed over again").isEqualTo(3);
        assertThat(cursors.find(WbFixtures.SHOP, WbFeedbackPoller.FEEDBACKS_STREAM)).map(PollCursor::position)
                .contains(NOW.plus(Duration.ofMinutes(10)).toString());
        assertThat(wb.queries("/api/v1/feedbacks").get(0)).containsEntry("dateFrom",
                Long.toString(NOW.minus(Duration.ofDays(30)).getEpochSecond()));
        assertThat(wb.queries("/api/v1/feedbacks").get(1)).containsEntry("dateFrom",
                Long.toString(NOW.minus(Duration.ofDays(1)).getEpochSecond()));
    }

    @Test
    void should_keep_the_cursor_when_the_sink_rejects_an_item() {
        // given
        wb.putFeedback(FakeWbApi.feedback("fb-1", 2, "плохо", NOW.minus(Duration.ofHours(1))));
        sink.rejectWith = "shop inactive";

        // when
        WbPollReport report = poller.poll(WbFixtures.SHOP);

        // then
        assertThat(report.feedbacks().cursorMoved()).isFalse();
        assertThat(report.feedbacks().problems()).singleElement().asString().contains("fb-1").contains("shop inactive")
                .doesNotContain("плохо");
        assertThat(cursors.find(WbFixtures.SHOP, WbFeedbackPoller.FEEDBACKS_STREAM)).isEmpty();
        assertThat(report.questions().cursorMoved()).isTrue();
    }

    @Test
    void should_keep_the_cursor_when_the_listing_fails_and_stop_when_the_token_is_refused() {
        // given
        wb.failNext("/api/v1/questions", 3, 503, ErrorShape.HTML, "down", null);

        // when
        WbPollReport report = poller.poll(WbFixtures.SHOP);
        wb.failNext("/api/v1/feedbacks", 1, 401, ErrorShape.PROBLEM_JSON, "token problem", null);
        Throwable refused = catchThrowable(() -> poller.poll(WbFixtures.SHOP));

        // then
        assertThat(report.feedbacks().cursorMoved()).isTrue();
        assertThat(report.questions().cursorMoved()).isFalse();
        assertThat(report.questions().problems()).singleElement().asString().contains("listing failed");
        assertThat(refused).isInstanceOf(AuthenticationException.class);
    }
}
