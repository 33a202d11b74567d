package dev.aihq.agents.inbox.insight;

import static dev.aihq.agents.inbox.insight.InsightFixtures.SHOP;
import static dev.aihq.agents.inbox.insight.InsightFixtures.interaction;
import static dev.aihq.agents.inbox.insight.InsightFixtures.review;
import static dev.aihq.agents.inbox.insight.InsightFixtures.rules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Marketplace;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.event.InboxSender;
import dev.aihq.api.inbox.Classification;
import dev.aihq.api.inbox.InboxEmotion;
import dev.aihq.api.inbox.InboxIntent;
import dev.aihq.api.inbox.InboxPriority;
import dev.aihq.api.inbox.Interaction;
import dev.aihq.api.inbox.InteractionMessage;
import dev.aihq.api.inbox.OrderLink;
import dev.aihq.api.inbox.OrderLinkSource;
import dev.aihq.api.inbox.ReplyOrigin;
import dev.aihq.api.store.IndexedOrder;
import dev.aihq.pipeline.memory.InMemoryInteractionStore;
import dev.aihq.pipeline.memory.InMemoryOrderIndexStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each dashboard metric computed from the stores, by its formula. */
class InboxMetricsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant NOW = T0.plus(Duration.ofDays(3));

    private final InMemoryInteractionStore store = new InMemoryInteractionStore();
    private final InMemoryOrderIndexStore orders = new InMemoryOrderIndexStore();
    private final InboxMetrics metrics = new InboxMetrics(store, orders);

    private void chat(String thread, Instant opened, Duration firstReply, Duration answerTime, ReplyOrigin origin,
            Classification classification, Classification correction, OrderLink link) {
        Interaction chat = interaction(InboxItemKind.CHAT_MESSAGE, thread, opened)
                .firstDeadline(opened.plus(answerTime))
                .firstReplyAt(firstReply == null ? null : opened.plus(firstReply))
                .classification(classification).correction(correction).orderLink(link).build();
        store.addMessage(SHOP, chat.id(), InteractionMessage.incoming(thread + "-m1", InboxSender.BUYER, "?", null,
                opened));
        if (firstReply != null) {
            store.addMessage(SHOP, chat.id(), InteractionMessage.reply(thread + "-r1", "ok", opened.plus(firstReply),
                    origin, true));
        }
        store.save(chat);
    }

    @Test
    void should_compute_response_time_sla_automation_and_classification_accuracy() {
        // given: replies after 10, 30 and 90 minutes (1 h answer time: 2 met, 1 missed); one unanswered past its
        // deadline (missed), one unanswered within it (pending)
        chat("c1", T0, Duration.ofMinutes(10), Duration.ofHours(1), ReplyOrigin.DRAFT_AS_IS,
                rules(InboxIntent.DELIVERY_PROBLEM), null, null);
        chat("c2", T0.plusSeconds(60), Duration.ofMinutes(30), Duration.ofHours(1), ReplyOrigin.DRAFT_EDITED,
                rules(InboxIntent.SIZING), Classification.byHuman(InboxIntent.SIZING, InboxEmotion.NEUTRAL,
                        InboxPriority.HIGH), null);
        chat("c3", T0.plusSeconds(120), Duration.ofMinutes(90), Duration.ofHours(1), ReplyOrigin.BY_HAND,
                rules(InboxIntent.OTHER), Classification.byHuman(InboxIntent.RETURN_REFUND, InboxEmotion.NEUTRAL,
                        InboxPriority.HIGH), null);
        chat("c4", T0.plusSeconds(180), null, Duration.ofHours(1), null, rules(InboxIntent.OTHER), null, null);
        chat("c5", NOW.minusSeconds(60), null, Duration.ofHours(4), null, null, null, null);

        // when
        InboxMetricsReport report = metrics.compute(SHOP, T0, NOW.plusSeconds(1), NOW);

        // then
        assertThat(report.interactions()).isEqualTo(5);
        assertThat(report.responseTime().answered()).isEqualTo(3);
        assertThat(report.responseTime().median()).isEqualTo(Duration.ofMinutes(30));
        assertThat(report.responseTime().mean()).isEqualTo(Duration.ofMinutes(130).dividedBy(3));
        assertThat(report.sla().met()).isEqualTo(2);
        assertThat(report.sla().missed()).isEqualTo(2);
        assertThat(report.sla().pending()).isEqualTo(1);
        assertThat(report.sla().share()).isEqualTo(0.5);
        assertThat(report.automation().draftAsIs()).isEqualTo(1);
        assertThat(report.automation().draftEdited()).isEqualTo(1);
        assertThat(report.automation().byHand()).isEqualTo(1);
        assertThat(report.classification().classified()).isEqualTo(4);
        assertThat(report.classification().reviewed()).isEqualTo(2);
        assertThat(report.classification().corrected()).isEqualTo(1);
        assertThat(report.classification().accuracy()).isEqualTo(0.75);
        assertThat(report.classification().reviewedAccuracy()).isEqualTo(0.5);
    }

    @Test
    void should_count_raised_negative_reviews_and_churn_risk_chats_that_kept_their_order() {
        // given: three answered 1-2 star reviews, one raised to 5; an unanswered 1 star review is not counted
        for (String id : new String[] {"r1", "r2", "r3"}) {
            review(store, id, "P", 1, id.equals("r1") ? 5 : 2, T0, null);
            Interaction stored = store.find(SHOP, Interaction.idOf(Marketplace.WILDBERRIES, InboxItemKind.REVIEW, id))
                    .orElseThrow();
            store.save(stored.toBuilder().firstReplyAt(T0.plusSeconds(600)).build());
        }
        review(store, "r4", "P", 1, 5, T0, null);
        // churn-risk chats: one kept (status "complete"), one cancelled, one without a link
        orders.upsert(new IndexedOrder(SHOP, Marketplace.WILDBERRIES, "111111", "rid-keep", null, null, null, null,
                null, "fbs", "complete", T0, T0));
        orders.upsert(new IndexedOrder(SHOP, Marketplace.WILDBERRIES, "222222", "rid-lost", null, null, null, null,
                null, "fbs", "canceled_by_client", T0, T0));
        Classification churn = rules(InboxIntent.CHURN_RISK);
        chat("k1", T0, Duration.ofMinutes(5), Duration.ofHours(1), ReplyOrigin.DRAFT_AS_IS, churn, null,
                new OrderLink("rid-keep", null, OrderLinkSource.MARKETPLACE, T0));
        chat("k2", T0, Duration.ofMinutes(5), Duration.ofHours(1), ReplyOrigin.DRAFT_AS_IS, churn, null,
                new OrderLink("222222", "222222", OrderLinkSource.BUYER_REPLY, T0));
        chat("k3", T0, Duration.ofMinutes(5), Duration.ofHours(1), ReplyOrigin.DRAFT_AS_IS, churn, null, null);

        // when
        InboxMetricsReport report = metrics.compute(SHOP, T0, NOW, NOW);

        // then
        assertThat(report.reviewConversion().answeredNegative()).isEqualTo(3);
        assertThat(report.reviewConversion().raised()).isEqualTo(1);
        assertThat(report.reviewConversion().share()).isEqualTo(1.0 / 3);
        assertThat(report.churnPrevention().churnRiskChats()).isEqualTo(3);
        assertThat(report.churnPrevention().linked()).isEqualTo(2);
        assertThat(report.churnPrevention().lost()).isEqualTo(1);
        assertThat(report.churnPrevention().share()).isEqualTo(0.5);
    }
}
