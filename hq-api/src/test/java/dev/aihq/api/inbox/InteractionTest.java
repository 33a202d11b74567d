package dev.aihq.api.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.event.InboxSender;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InteractionTest {

    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

    private static Interaction.Builder chat() {
        return Interaction.builder().shopId(ShopId.of("ozon_1")).marketplace(Marketplace.OZON)
                .kind(InboxItemKind.CHAT_MESSAGE).threadId("6f2e-11").status(InteractionStatus.OPEN).openedAt(AT)
                .lastBuyerAt(AT).slaDeadline(AT.plusSeconds(3600)).updatedAt(AT);
    }

    @Test
    void should_be_found_by_marketplace_kind_and_thread_and_prefer_a_persons_correction() {
        Classification rules = new Classification(InboxIntent.RETURN_REFUND, InboxEmotion.NEUTRAL,
                InboxPriority.HIGH, ClassificationSource.RULES, 0.6, List.of("«вернуть»"));
        Classification human = Classification.byHuman(InboxIntent.CHURN_RISK, InboxEmotion.ANGRY,
                InboxPriority.CRITICAL);

        Interaction interaction = chat().classification(rules).build();

        assertThat(interaction.id()).isEqualTo("ozon:chat_message:6f2e-11");
        assertThat(interaction.effectiveClassification()).isEqualTo(rules);
        assertThat(interaction.toBuilder().correction(human).build().effectiveClassification()).isEqualTo(human);
        assertThat(interaction.toBuilder().build()).isEqualTo(interaction);
    }

    @Test
    void should_refuse_inconsistent_state_naming_the_field() {
        assertThatThrownBy(() -> chat().slaDeadline(null).build()).hasMessageContaining("needs its SLA deadline");
        assertThatThrownBy(() -> chat().status(InteractionStatus.ESCALATED).build())
                .hasMessageContaining("the time it was escalated");
        assertThatThrownBy(() -> chat().threadId("a\nb").build()).hasMessageContaining("thread id");
        assertThatThrownBy(() -> chat().threadId(" ").build()).hasMessageContaining("thread id");
        assertThat(chat().threadId("1:4019cd7d-2b7e-4c1a").build().id())
                .as("a Wildberries chat id keeps its colon").isEqualTo("ozon:chat_message:1:4019cd7d-2b7e-4c1a");
        assertThatThrownBy(() -> chat().rating(6).build()).hasMessageContaining("rating must be 1-5");
        assertThatThrownBy(() -> chat().shopId(null).build()).hasMessageContaining("shop id");
        assertThat(chat().status(InteractionStatus.ANSWERED).slaDeadline(null).build().status())
                .isEqualTo(InteractionStatus.ANSWERED);
    }

    @Test
    void should_give_only_our_replies_an_origin() {
        assertThat(InteractionMessage.reply("r1", "Спасибо!", AT, ReplyOrigin.DRAFT_EDITED, true).resolving())
                .isTrue();
        assertThatThrownBy(() -> new InteractionMessage("m1", InboxSender.BUYER, "где заказ", null, AT,
                ReplyOrigin.BY_HAND, false)).hasMessageContaining("only the shop's replies");
        assertThatThrownBy(() -> new InteractionMessage("m1", InboxSender.SELLER, "ok", null, AT, null, false))
                .hasMessageContaining("needs its origin");
        assertThatThrownBy(() -> InteractionMessage.incoming("m1", InboxSender.BUYER, "x", 0, AT))
                .hasMessageContaining("rating must be 1-5");
    }

    @Test
    void should_read_wire_values_and_name_the_choices_when_unknown() {
        assertThat(InboxPriority.fromWire(" Critical ")).isEqualTo(InboxPriority.CRITICAL);
        assertThat(InboxEmotion.fromWire("happy")).isEqualTo(InboxEmotion.HAPPY);
        assertThat(InteractionStatus.fromWire("escalated")).isEqualTo(InteractionStatus.ESCALATED);
        assertThatThrownBy(() -> InboxPriority.fromWire("urgent"))
                .hasMessage("priority must be one of critical, high, normal; got 'urgent'");
        assertThatThrownBy(() -> InboxIntent.of("Delivery Problem")).hasMessageContaining("lower-case words");
        assertThat(InboxIntent.DEFAULTS).hasSize(11).contains(InboxIntent.of("churn_risk"));
        assertThat(InboxPriority.CRITICAL.isMoreUrgentThan(InboxPriority.HIGH)).isTrue();
    }
}
