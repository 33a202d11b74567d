package dev.aihq.channel.whatsapp.webhook;

import static dev.aihq.channel.whatsapp.webhook.Payloads.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.CustomerReplyEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A customer's message becomes the reply event the sales agent continues with. */
class InboundMessageTest {

    private static final ShopId SHOP = ShopId.of("shop-1");
    private final WhatsAppWebhookParser parser = WhatsAppWebhookParser.create();

    @Test
    void should_become_a_reply_event_keyed_by_the_message_id_when_the_customer_writes_text() {
        // given
        InboundMessage m = parser.parse(bytes(Payloads.EMOJI_KAZAKH)).messages().get(0);

        // when
        CustomerReplyEvent event = m.toReplyEvent(SHOP).orElseThrow();

        // then
        assertThat(event.shopId()).isEqualTo(SHOP);
        assertThat(event.channel()).isEqualTo("whatsapp");
        assertThat(event.from()).isEqualTo(new PhoneNumber("+77471234567"));
        assertThat(event.text()).isEqualTo(Payloads.KAZAKH_TEXT);
        assertThat(event.providerMessageId()).isEqualTo("wamid.KZ-1");
        assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochSecond(1789465600L));
        assertThat(event.idempotencyKey()).isEqualTo("customer_reply:whatsapp:wamid.KZ-1");
    }

    @Test
    void should_carry_the_tapped_title_when_the_customer_taps_a_button() {
        // when
        CustomerReplyEvent event = parser.parse(bytes(Payloads.BUTTON)).messages().get(0).toReplyEvent(SHOP)
                .orElseThrow();

        // then
        assertThat(event.text()).isEqualTo("Отписаться");
        assertThat(event.from().country()).contains("RU");
    }

    @Test
    void should_give_no_event_when_the_sender_has_no_phone_or_the_content_is_not_read() {
        // given
        InboundMessage usernameOnly = parser.parse(bytes(Payloads.USERNAME_ONLY)).messages().get(0);
        InboundMessage image = parser.parse(bytes(Payloads.BATCHED)).messages().get(2);
        InboundMessage blank = new InboundMessage("1065", "wamid.Z", usernameOnly.from(), Instant.EPOCH, null,
                "text", new InboundContent.Text("  "));
        InboundMessage tooLong = new InboundMessage("1065", "wamid.L",
                new WhatsAppUser(new PhoneNumber("+77071234567"), null, null, null), Instant.EPOCH, null, "text",
                new InboundContent.Text("а".repeat(CustomerReplyEvent.MAX_TEXT_LENGTH + 1)));

        // then
        assertThat(usernameOnly.toReplyEvent(SHOP)).isEmpty();
        assertThat(image.content()).isEqualTo(new InboundContent.Unsupported("image", List.of()));
        assertThat(image.toReplyEvent(SHOP)).isEmpty();
        assertThat(blank.toReplyEvent(SHOP)).isEmpty();
        assertThat(tooLong.toReplyEvent(SHOP)).isEmpty();
    }
}
