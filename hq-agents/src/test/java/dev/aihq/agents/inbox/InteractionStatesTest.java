package dev.aihq.agents.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.event.InboxSender;
import dev.aihq.api.inbox.Classification;
import dev.aihq.api.inbox.ClassificationSource;
import dev.aihq.api.inbox.InboxEmotion;
import dev.aihq.api.inbox.InboxIntent;
import dev.aihq.api.inbox.InboxPriority;
import dev.aihq.api.inbox.Interaction;
import dev.aihq.api.inbox.InteractionMessage;
import dev.aihq.api.inbox.InteractionStatus;
import dev.aihq.api.inbox.ReplyOrigin;
import dev.aihq.api.shop.BusinessHours;
import dev.aihq.api.shop.InboxSettings;
import dev.aihq.api.shop.OpeningSpan;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The interaction's state as a function of its timeline: status, SLA deadline, escalation, ratings. */
class InteractionStatesTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z"); // 12:00 in Moscow
    private static final InboxSettings DEFAULTS = InboxSettings.defaults();

    private static Interaction base(InboxPriority priority) {
        return Interaction.builder().shopId(ShopId.of("wb_1")).marketplace(Marketplace.WILDBERRIES)
                .kind(InboxItemKind.CHAT_MESSAGE).threadId("chat-1").status(InteractionStatus.OPEN).openedAt(T0)
                .slaDeadline(T0).updatedAt(T0)
                .classification(new Classification(InboxIntent.DELIVERY_PROBLEM, InboxEmotion.FRUSTRATED, priority,
                        ClassificationSource.RULES, 0.7, List.of()))
                .build();
    }

    private static InteractionMessage buyer(String id, long minutes) {
        return InteractionMessage.incoming(id, InboxSender.BUYER, "где заказ?", null, T0.plusSeconds(60 * minutes));
    }

    private static InteractionMessage reply(String id, long minutes, boolean resolving) {
        return InteractionMessage.reply(id, "Проверяем", T0.plusSeconds(60 * minutes), ReplyOrigin.DRAFT_AS_IS,
                resolving);
    }

    @Test
    void should_open_with_the_priority_answer_time_and_be_answered_by_our_reply() {
        Interaction open = InteractionStates.derive(base(InboxPriority.HIGH), List.of(buyer("m1", 0)), DEFAULTS,
                MOSCOW, T0);
        Interaction answered = InteractionStates.derive(open, List.of(reply("r1", 30, false), buyer("m1", 0)),
                DEFAULTS, MOSCOW, T0.plusSeconds(1800));

        assertThat(open.status()).isEqualTo(InteractionStatus.OPEN);
        assertThat(open.slaDeadline()).isEqualTo(T0.plus(Duration.ofHours(4)));
        assertThat(open.firstDeadline()).isEqualTo(open.slaDeadline());
        assertThat(answered.firstDeadline()).isEqualTo(open.firstDeadline());
        assertThat(answered.status()).isEqualTo(InteractionStatus.ANSWERED);
        assertThat(answered.slaDeadline()).isNull();
        assertThat(answered.firstReplyAt()).isEqualTo(T0.plusSeconds(1800));
    }

    @Test
    void should_count_the_deadline_from_the_first_unanswered_message_in_business_hours() {
        // 09:00-18:00 Moscow; the buyer writes at 17:30 and again at 17:50; high = 4 h
        InboxSettings office = DEFAULTS.toBuilder().businessHours(BusinessHours.daily(OpeningSpan.of(
                LocalTime.of(9, 0), LocalTime.of(18, 0)))).build();
        Instant evening = Instant.parse("2026-03-02T14:30:00Z");
        List<InteractionMessage> timeline = List.of(
                InteractionMessage.incoming("m1", InboxSender.BUYER, "?", null, evening),
                InteractionMessage.incoming("m2", InboxSender.BUYER, "??", null, evening.plusSeconds(1200)));

        Interaction state = InteractionStates.derive(base(InboxPriority.HIGH), timeline, office, MOSCOW, evening);

        // half an hour today, 3.5 h from 09:00 tomorrow
        assertThat(state.slaDeadline().atZone(MOSCOW).toLocalDateTime()).hasToString("2026-03-03T12:30");
    }

    @Test
    void should_escalate_at_the_third_buyer_message_without_a_resolving_reply_and_hold_until_one() {
        List<InteractionMessage> timeline = new ArrayList<>(List.of(buyer("m1", 0), reply("r1", 5, false),
                buyer("m2", 10), buyer("m3", 20)));

        Interaction escalated = InteractionStates.derive(base(InboxPriority.NORMAL), timeline, DEFAULTS, MOSCOW, T0);
        timeline.add(reply("r2", 30, false));
        Interaction stillEscalated = InteractionStates.derive(escalated, timeline, DEFAULTS, MOSCOW, T0);
        timeline.add(reply("r3", 40, true));
        Interaction resolved = InteractionStates.derive(stillEscalated, timeline, DEFAULTS, MOSCOW, T0);

        assertThat(escalated.status()).isEqualTo(InteractionStatus.ESCALATED);
        assertThat(escalated.escalatedAt()).isEqualTo(T0.plusSeconds(1200));
        assertThat(escalated.unansweredBuyerMessages()).isEqualTo(3);
        assertThat(stillEscalated.status()).isEqualTo(InteractionStatus.ESCALATED);
        assertThat(resolved.status()).isEqualTo(InteractionStatus.ANSWERED);
        assertThat(resolved.unansweredBuyerMessages()).isZero();
        assertThat(resolved.escalatedAt()).isNull();
    }

    @Test
    void should_give_the_same_state_whatever_the_order_of_the_messages_and_follow_rating_changes() {
        List<InteractionMessage> review = List.of(
                InteractionMessage.incoming("v2", InboxSender.BUYER, "Исправили, спасибо", 5, T0.plusSeconds(7200)),
                InteractionMessage.reply("a1", "Нам жаль, заменим", T0.plusSeconds(600), ReplyOrigin.DRAFT_EDITED, true),
                InteractionMessage.incoming("v1", InboxSender.BUYER, "Брак", 1, T0));

        Interaction state = InteractionStates.derive(base(InboxPriority.HIGH), review, DEFAULTS, MOSCOW, T0);
        Interaction reversed = InteractionStates.derive(base(InboxPriority.HIGH), List.of(review.get(2), review.get(0), review.get(1)), DEFAULTS, MOSCOW,
                T0);

        assertThat(state).isEqualTo(reversed);
        assertThat(state.firstRating()).isEqualTo(1);
        assertThat(state.rating()).isEqualTo(5);
        assertThat(state.openedAt()).isEqualTo(T0);
        assertThat(state.status()).isEqualTo(InteractionStatus.OPEN);
    }

    @Test
    void should_keep_a_closed_interaction_closed_until_the_buyer_writes_after_it_was_closed() {
        Interaction closed = base(InboxPriority.NORMAL).toBuilder().status(InteractionStatus.CLOSED)
                .slaDeadline(null).updatedAt(T0.plusSeconds(600)).build();

        Interaction same = InteractionStates.derive(closed, List.of(buyer("m1", 0)), DEFAULTS, MOSCOW, T0);
        Interaction reopened = InteractionStates.derive(closed, List.of(buyer("m1", 0), buyer("m2", 20)), DEFAULTS,
                MOSCOW, T0);

        assertThat(same.status()).isEqualTo(InteractionStatus.CLOSED);
        assertThat(reopened.status()).isEqualTo(InteractionStatus.OPEN);
    }
}
