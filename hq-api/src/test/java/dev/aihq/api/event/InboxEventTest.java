package dev.aihq.api.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InboxEventTest {

    private static InboxEvent.Builder chat() {
        return InboxEvent.builder().shopId(ShopId.of("wb_1")).marketplace(Marketplace.WILDBERRIES)
                .kind(InboxItemKind.CHAT_MESSAGE).threadId("1:1e265a58-a120-b178-008c-60af2460207c")
                .messageId("5f3c9a1e-0d3b-4c5e-9b1f-2a7e1c0d9e11").text("Где мой заказ?")
                .replyHandle("ABC123signature").occurredAt(Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Test
    void the_key_names_the_marketplace_kind_thread_and_message() {
        InboxEvent event = chat().build();

        assertThat(event.idempotencyKey()).isEqualTo("inbox:wildberries:chat_message:"
                + "1:1e265a58-a120-b178-008c-60af2460207c:5f3c9a1e-0d3b-4c5e-9b1f-2a7e1c0d9e11");
        assertThat(event.type()).isEqualTo("inbox.chat_message");
        assertThat(event.sender()).isEqualTo(InboxSender.BUYER);
    }

    @Test
    void a_review_without_a_message_id_is_keyed_by_its_own_id_and_a_long_key_by_a_digest() {
        InboxEvent review = InboxEvent.builder().shopId(ShopId.of("wb_1")).marketplace(Marketplace.WILDBERRIES)
                .kind(InboxItemKind.REVIEW).threadId("Xy7pQ2").rating(2).occurredAt(Instant.EPOCH).build();
        InboxEvent long1 = chat().threadId("t".repeat(300)).build();
        InboxEvent long2 = chat().threadId("t".repeat(299) + "u").build();

        assertThat(review.idempotencyKey()).isEqualTo("inbox:wildberries:review:Xy7pQ2:Xy7pQ2");
        assertThat(long1.idempotencyKey()).startsWith("inbox:wildberries:chat_message:").hasSizeLessThan(60)
                .isNotEqualTo(long2.idempotencyKey());
    }

    @Test
    void only_a_review_has_a_rating_of_1_to_5() {
        assertThatThrownBy(() -> chat().rating(5).build()).hasMessageContaining("only a review has a rating");
        assertThatThrownBy(() -> chat().kind(InboxItemKind.REVIEW).rating(6).build()).hasMessageContaining("1-5");
    }

    @Test
    void the_reply_handle_never_appears_in_its_text_form() {
        assertThat(chat().build().toString()).doesNotContain("ABC123signature").doesNotContain("Где мой заказ");
    }
}
