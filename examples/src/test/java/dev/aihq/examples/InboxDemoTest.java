package dev.aihq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.agents.inbox.insight.InboxMetricsReport;
import dev.aihq.api.Marketplace;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.inbox.InboxIntent;
import dev.aihq.api.inbox.Interaction;
import dev.aihq.api.inbox.ManagerNotification;
import dev.aihq.api.inbox.NotificationKind;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.pipeline.ReviewResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The unified inbox demo on the local WB and Ozon fakes: what it prints is what the inbox did. */
class InboxDemoTest {

    private static final Pattern QUEUE_LINE = Pattern.compile("(?m)^\\s*(\\d+)\\. до (\\d\\d\\.\\d\\d \\d\\d:\\d\\d) ");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy dd.MM HH:mm", Locale.ROOT);
    private static final String PLAID = "187654321";

    private record Run(InboxDemo.Result result, String output) {}

    private static Run runDemo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        InboxDemo.Result result = InboxDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(result, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void should_print_the_inbox_by_deadline_with_drafts_notices_one_quality_alert_and_the_metrics() {
        // when
        Run run = runDemo();
        InboxDemo.Result result = run.result();
        String output = run.output();

        // then: every item of both shops is in the queue (the WB chats too), soonest deadline first, as printed
        assertThat(result.queue()).hasSize(30);
        assertThat(result.queue()).isSortedAccordingTo(Comparator.comparing(Interaction::slaDeadline));
        assertThat(result.queue()).filteredOn(i -> i.marketplace().equals(Marketplace.WILDBERRIES)
                && i.kind() == InboxItemKind.CHAT_MESSAGE).hasSize(3);
        List<LocalDateTime> printed = new ArrayList<>();
        Matcher line = QUEUE_LINE.matcher(output);
        while (line.find()) {
            assertThat(Integer.parseInt(line.group(1))).isEqualTo(printed.size() + 1);
            printed.add(LocalDateTime.parse("2026 " + line.group(2), TIME));
        }
        assertThat(printed).hasSize(result.queue().size()).isSorted();

        // the 1★ review of the mug: a rescue draft held for a person and shown under it
        Interaction rescue = result.queue().stream().filter(i -> i.id().equals(result.rescue())).findFirst()
                .orElseThrow();
        assertThat(rescue.rating()).isEqualTo(1);
        assertThat(result.drafts().get(result.rescue())).contains("Нам очень жаль").contains("Wildberries");
        assertThat(output).contains("WB   отзыв 1★  «Термокружка 450 мл с крышкой-поилкой, чёрная»")
                .contains("черновик: «" + result.drafts().get(result.rescue()).substring(0, 40));

        // the churn-risk chat without an order: the draft asks for the order number, approved and sent to WB
        Interaction churn = result.queue().stream().filter(i -> i.id().equals(result.churn())).findFirst()
                .orElseThrow();
        assertThat(churn.effectiveClassification().intent()).isEqualTo(InboxIntent.CHURN_RISK);
        assertThat(churn.orderLink()).isNull();
        assertThat(result.drafts().get(result.churn())).contains("номер заказа");
        assertThat(result.published()).anyMatch(p -> p.startsWith("WB chat ") && p.contains("номер заказа"));

        // notices: the critical Ozon chat is urgent, the WB chat with three unanswered messages escalated
        assertThat(result.notices()).filteredOn(n -> n.kind() == NotificationKind.URGENT_MESSAGE).singleElement()
                .satisfies(n -> assertThat(n.interactionId()).startsWith("ozon:chat_message:"));
        assertThat(result.notices()).filteredOn(n -> n.kind() == NotificationKind.ESCALATION).singleElement()
                .satisfies(n -> assertThat(n.interactionId()).startsWith("wildberries:chat_message:1:"));
        assertThat(output).contains("[URGENT_MESSAGE] Срочно: Ozon, чат");

        // the decisions were published; the person's correction counts in the accuracy
        assertThat(result.decisions()).hasSize(3).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(ReviewResult.Status.DECIDED);
            assertThat(d.record().outcome()).isEqualTo(RunOutcome.SENT);
        });
        assertThat(result.published()).anyMatch(p -> p.contains(InboxDemo.EDITED_REPLY));
        assertThat(result.corrected().effectiveClassification().intent()).isEqualTo(InboxIntent.QUALITY_COMPLAINT);

        // exactly one quality alert, for the plaid: 5 of 6 reviews at 1-2★ this week against 1 of 6
        assertThat(result.alerts()).singleElement().satisfies(a -> {
            assertThat(a.productId()).isEqualTo(PLAID);
            assertThat(a.reviews()).isEqualTo(6);
            assertThat(a.negative()).isEqualTo(5);
            assertThat(a.previousNegative()).isEqualTo(1);
        });
        assertThat(result.notices()).filteredOn(n -> n.kind() == NotificationKind.QUALITY_ALERT)
                .extracting(ManagerNotification::productId).containsExactly(PLAID);
        assertThat(result.topics()).anySatisfy(t -> {
            assertThat(t.topic()).isEqualTo(InboxIntent.SIZING.name());
            assertThat(t.suggestion()).contains("таблицу размеров");
        });

        // the metrics after the decisions: response times, replies by origin, the correction
        InboxMetricsReport wb = result.metrics().get(0);
        InboxMetricsReport ozon = result.metrics().get(1);
        assertThat(wb.interactions()).isEqualTo(21);
        assertThat(wb.responseTime().answered()).isEqualTo(2);
        assertThat(wb.responseTime().median()).isNotNull().isPositive();
        assertThat(wb.automation().draftAsIs()).isEqualTo(1);
        assertThat(wb.automation().draftEdited()).isEqualTo(1);
        assertThat(ozon.responseTime().median()).isNotNull();
        assertThat(ozon.classification().corrected()).isEqualTo(1);
        assertThat(output).contains("response time: median ").doesNotContain("response time: —")
                .contains("model: none");
    }

    @Test
    void should_print_the_same_every_run() {
        String first = runDemo().output().replaceAll("localhost:\\d+", "localhost");
        String second = runDemo().output().replaceAll("localhost:\\d+", "localhost");

        assertThat(second).isEqualTo(first);
    }
}
