package dev.aihq.channel.whatsapp.webhook;

import static dev.aihq.channel.whatsapp.webhook.Payloads.bytes;
import static dev.aihq.channel.whatsapp.webhook.Payloads.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.error.FieldError;
import dev.aihq.api.error.InvalidEventException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every inbound shape of the reference, read into typed records. */
class WhatsAppWebhookParserTest {

    private final WhatsAppWebhookParser parser = WhatsAppWebhookParser.create();

    @Test
    void should_read_a_text_message_with_sender_context_and_time_when_a_customer_writes() {
        // when
        InboundBatch batch = parser.parse(bytes(Payloads.TEXT));

        // then
        assertThat(batch.problems()).isEmpty();
        assertThat(batch.statuses()).isEmpty();
        assertThat(batch.messages()).hasSize(1);
        InboundMessage m = batch.messages().get(0);
        assertThat(m.phoneNumberId()).isEqualTo("106540352242922");
        assertThat(m.id()).isEqualTo("wamid.HBgLNzcwNzEyMzQ1NjcVAgASGBQzQUY=");
        assertThat(m.timestamp()).isEqualTo(Instant.ofEpochSecond(1789465385L));
        assertThat(m.contextMessageId()).isEqualTo("wamid.OUR-EARLIER-MESSAGE");
        assertThat(m.repliedTo()).contains("wamid.OUR-EARLIER-MESSAGE");
        assertThat(m.type()).isEqualTo("text");
        assertThat(m.content()).isEqualTo(new InboundContent.Text("Здравствуйте! Подскажите размер"));
        assertThat(m.text()).contains("Здравствуйте! Подскажите размер");
        assertThat(m.from().phone()).isEqualTo(new PhoneNumber("+77071234567"));
        assertThat(m.from().phone().country()).contains("KZ");
        assertThat(m.from().userId()).isNull();
        assertThat(m.from().profileName()).isEqualTo("Айгерим");
        assertThat(m.from().key()).isEqualTo("phone:+77071234567");
    }

    @Test
    void should_read_payload_and_title_when_a_template_quick_reply_is_tapped() {
        // when
        InboundMessage m = single(parser.parse(bytes(Payloads.BUTTON)));

        // then
        assertThat(m.type()).isEqualTo("button");
        assertThat(m.content()).isEqualTo(new InboundContent.Reply(InboundContent.ReplyKind.TEMPLATE_BUTTON,
                "STOP_MARKETING", "Отписаться", null));
        assertThat(m.contextMessageId()).isEqualTo("wamid.TEMPLATE-1");
        assertThat(m.from().phone().country()).contains("RU");
        assertThat(m.text()).isEmpty();
    }

    @Test
    void should_read_id_and_title_when_an_interactive_button_or_list_row_is_chosen() {
        // when
        InboundBatch batch = parser.parse(bytes(Payloads.INTERACTIVE));

        // then
        assertThat(batch.problems()).isEmpty();
        assertThat(batch.messages()).extracting(InboundMessage::content).containsExactly(
                new InboundContent.Reply(InboundContent.ReplyKind.INTERACTIVE_BUTTON, "offer:yes", "Да, хочу", null),
                new InboundContent.Reply(InboundContent.ReplyKind.INTERACTIVE_LIST, "size:42", "42", "EU"));
    }

    @Test
    void should_keep_emoji_and_kazakh_letters_exactly_when_the_text_holds_them() {
        // when
        InboundMessage m = single(parser.parse(bytes(Payloads.EMOJI_KAZAKH)));

        // then
        assertThat(m.text()).contains(Payloads.KAZAKH_TEXT);
        assertThat(m.text().orElseThrow().codePoints().toArray()).isEqualTo(Payloads.KAZAKH_TEXT.codePoints().toArray());
        assertThat(m.from().profileName()).isEqualTo("Әсел");
        assertThat(m.from().phone()).isEqualTo(new PhoneNumber("+77471234567"));
    }

    @Test
    void should_decode_escaped_unicode_when_meta_sends_the_text_escaped() {
        // given: the escaped form Meta signs, with \/ and \\uXXXX escapes
        String body = envelope("messages", """
                {"metadata":{"phone_number_id":"1065"},
                 "messages":[{"from":"77071234567","id":"wamid.E-1","timestamp":"1789465385","type":"text",
                  "text":{"body":"\\u0420\\u0430\\u049b\\u043c\\u0435\\u0442 \\ud83d\\udc4d https:\\/\\/kaspi.kz\\/shop"}}]}\
                """);

        // when
        InboundMessage m = single(parser.parse(bytes(body)));

        // then
        assertThat(m.text()).contains("Рақмет 👍 https://kaspi.kz/shop");
    }

    @Test
    void should_keep_every_message_in_order_when_one_delivery_batches_several() {
        // when
        InboundBatch batch = parser.parse(bytes(Payloads.BATCHED));

        // then
        assertThat(batch.problems()).isEmpty();
        assertThat(batch.messages()).extracting(InboundMessage::id)
                .containsExactly("wamid.B-1", "wamid.B-2", "wamid.B-3", "wamid.B-4");
        assertThat(batch.messages()).extracting(m -> m.from().profileName())
                .containsExactly("Айгерим", "Иван", "Айгерим", "Әсел");
        assertThat(batch.messages()).extracting(m -> m.from().phone().e164())
                .containsExactly("+77071234567", "+79161234567", "+77071234567", "+77471234567");
        assertThat(batch.messages().get(2).content()).isEqualTo(new InboundContent.Unsupported("image", List.of()));
        assertThat(((InboundContent.Unsupported) batch.messages().get(2).content()).description())
                .isEqualTo("unsupported type image");
    }

    @Test
    void should_keep_the_bsuid_without_a_phone_when_the_sender_has_only_a_username() {
        // when
        InboundMessage m = single(parser.parse(bytes(Payloads.USERNAME_ONLY)));

        // then
        assertThat(m.from().phone()).isNull();
        assertThat(m.from().phoneNumber()).isEmpty();
        assertThat(m.from().userId()).isEqualTo("KZ.13491208655302741918");
        assertThat(m.from().username()).isEqualTo("dana.shop");
        assertThat(m.from().profileName()).isEqualTo("Dana");
        assertThat(m.from().key()).isEqualTo("bsuid:KZ.13491208655302741918");
        assertThat(m.text()).contains("Есть в наличии?");
    }

    @Test
    void should_read_sent_delivered_and_read_with_our_stable_key_and_pricing() {
        // when
        InboundBatch batch = parser.parse(bytes(Payloads.STATUSES));

        // then
        assertThat(batch.problems()).isEmpty();
        assertThat(batch.messages()).isEmpty();
        assertThat(batch.statuses()).extracting(MessageStatus::status)
                .containsExactly(StatusType.SENT, StatusType.DELIVERED, StatusType.READ);
        MessageStatus sent = batch.statuses().get(0);
        assertThat(sent.messageId()).isEqualTo("wamid.OUT-1");
        assertThat(sent.phoneNumberId()).isEqualTo("106540352242922");
        assertThat(sent.timestamp()).isEqualTo(Instant.ofEpochSecond(1789464604L));
        assertThat(sent.recipient().phone()).isEqualTo(new PhoneNumber("+77071234567"));
        assertThat(sent.stableKey()).contains("msg:shop-1:order-77:upsell");
        assertThat(sent.pricing()).isEqualTo(new Pricing(true, "PMP", "regular", "marketing"));
        assertThat(sent.conversationId()).isEqualTo("CONV-1");
        assertThat(sent.errors()).isEmpty();
        assertThat(sent.isFailed()).isFalse();
        assertThat(batch.statuses().get(2).pricing()).isNull();
    }

    @Test
    void should_expose_the_parsed_error_when_a_status_is_failed() {
        // when
        InboundBatch batch = parser.parse(bytes(Payloads.FAILED));

        // then
        assertThat(batch.problems()).isEmpty();
        MessageStatus failed = batch.statuses().get(0);
        assertThat(failed.isFailed()).isTrue();
        assertThat(failed.status()).isEqualTo(StatusType.FAILED);
        assertThat(failed.stableKey()).contains("msg:shop-1:order-78:review");
        assertThat(failed.errorCode()).contains(131047);
        assertThat(failed.errors()).containsExactly(new WhatsAppError(131047, "Re-engagement message",
                "Re-engagement message", "Message failed to send because more than 24 hours have passed since the"
                        + " customer last replied to this number.",
                "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"));
    }

    @Test
    void should_carry_an_unknown_status_value_when_meta_adds_one() {
        // given
        String body = envelope("messages", """
                {"metadata":{"phone_number_id":"1065"},"statuses":[
                 {"id":"wamid.OUT-3","status":"Deleted","timestamp":1789464800,"recipient_user_id":"KZ.999"}]}""");

        // when
        MessageStatus status = parser.parse(bytes(body)).statuses().get(0);

        // then
        assertThat(status.status().value()).isEqualTo("deleted");
        assertThat(status.status().isKnown()).isFalse();
        assertThat(status.recipient().userId()).isEqualTo("KZ.999");
        assertThat(status.recipient().phone()).isNull();
    }

    @Test
    void should_read_stop_and_resume_when_the_user_changes_marketing_preferences() {
        // when
        InboundBatch batch = parser.parse(bytes(Payloads.PREFERENCES));

        // then
        assertThat(batch.problems()).isEmpty();
        assertThat(batch.messages()).isEmpty();
        assertThat(batch.preferences()).hasSize(2);
        UserPreference stop = batch.preferences().get(0);
        assertThat(stop.isMarketingStop()).isTrue();
        assertThat(stop.isMarketingResume()).isFalse();
        assertThat(stop.category()).isEqualTo(UserPreference.MARKETING_MESSAGES);
        assertThat(stop.value()).isEqualTo("stop");
        assertThat(stop.detail()).isEqualTo("User requested to stop marketing messages");
        assertThat(stop.timestamp()).isEqualTo(Instant.ofEpochSecond(1789466000L));
        assertThat(stop.user().phone()).isEqualTo(new PhoneNumber("+77071234567"));
        assertThat(stop.user().profileName()).isEqualTo("Айгерим");
        assertThat(stop.phoneNumberId()).isEqualTo("106540352242922");
        UserPreference resume = batch.preferences().get(1);
        assertThat(resume.isMarketingResume()).isTrue();
        assertThat(resume.timestamp()).isEqualTo(Instant.ofEpochSecond(1789469600L));
    }

    @Test
    void should_record_the_type_and_errors_when_the_message_type_is_not_read() {
        // given
        String body = envelope("messages", """
                {"metadata":{"phone_number_id":"1065"},"messages":[
                 {"from":"77071234567","id":"wamid.X-1","timestamp":"1789465385","type":"unsupported",
                  "errors":[{"code":131051,"title":"Message type unknown","message":"Message type unknown",
                   "error_data":{"details":"Message type is currently not supported."}}]},
                 {"from":"77071234567","id":"wamid.X-2","timestamp":"1789465386","type":"location",
                  "location":{"latitude":43.2,"longitude":76.9}},
                 {"from":"77071234567","id":"wamid.X-3","timestamp":"1789465387","type":"interactive",
                  "interactive":{"type":"nfm_reply","nfm_reply":{"response_json":"{}"}}}]}""");

        // when
        InboundBatch batch = parser.parse(bytes(body));

        // then
        assertThat(batch.problems()).isEmpty();
        assertThat(batch.messages()).extracting(InboundMessage::content).containsExactly(
                new InboundContent.Unsupported("unsupported", List.of(new WhatsAppError(131051,
                        "Message type unknown", "Message type unknown", "Message type is currently not supported.",
                        null))),
                new InboundContent.Unsupported("location", List.of()),
                new InboundContent.Unsupported("interactive.nfm_reply", List.of()));
    }

    @Test
    void should_keep_the_caption_of_an_image_video_or_document_and_hide_it_when_printed() {
        // given
        String body = envelope("messages", """
                {"metadata":{"phone_number_id":"1065"},"messages":[
                 {"from":"77071234567","id":"wamid.C-1","timestamp":"1789465385","type":"image",
                  "image":{"id":"MEDIA-1","caption":"Такой есть? 👇"}},
                 {"from":"77071234567","id":"wamid.C-2","timestamp":"1789465386","type":"document",
                  "document":{"id":"MEDIA-2","filename":"check.pdf","caption":"  "}},
                 {"from":"77071234567","id":"wamid.C-3","timestamp":"1789465387","type":"video",
                  "video":{"id":"MEDIA-3","caption":"Вот так"}}]}""");

        // when
        InboundBatch batch = parser.parse(bytes(body));

        // then
        assertThat(batch.problems()).isEmpty();
        assertThat(batch.messages()).extracting(InboundMessage::content).containsExactly(
                new InboundContent.Unsupported("image", List.of(), "Такой есть? 👇"),
                new InboundContent.Unsupported("document", List.of()),
                new InboundContent.Unsupported("video", List.of(), "Вот так"));
        assertThat(batch.messages().get(0).content().toString()).doesNotContain("Такой");
    }

    @Test
    void should_keep_the_valid_messages_and_name_the_path_when_one_message_is_malformed() {
        // given: messages[1] has a sender that is no number, messages[3] no timestamp
        String body = envelope("messages", """
                {"metadata":{"phone_number_id":"1065"},"messages":[
                 {"from":"77071234567","id":"wamid.M-0","timestamp":"1789465385","type":"text","text":{"body":"ok 0"}},
                 {"from":"+7 707 123 45 67","id":"wamid.M-1","timestamp":"1789465386","type":"text","text":{"body":"x"}},
                 {"from":"77071234567","id":"wamid.M-2","timestamp":"1789465387","type":"text","text":{"body":"ok 2"}},
                 {"from":"77071234567","id":"wamid.M-3","type":"text","text":{"body":"x"}},
                 "not an object",
                 {"from":"77071234567","id":"wamid.M-5","timestamp":"soon","type":"text","text":{"body":"x"}},
                 {"from":"77071234567","id":"wamid.M-6","timestamp":"1789465388","type":"text","text":{}}]}""");

        // when
        InboundBatch batch = parser.parse(bytes(body));

        // then
        assertThat(batch.messages()).extracting(InboundMessage::id).containsExactly("wamid.M-0", "wamid.M-2");
        assertThat(batch.problems()).extracting(FieldError::field).containsExactly(
                "entry[0].changes[0].value.messages[1].from",
                "entry[0].changes[0].value.messages[3].timestamp",
                "entry[0].changes[0].value.messages[4]",
                "entry[0].changes[0].value.messages[5].timestamp",
                "entry[0].changes[0].value.messages[6].text.body");
        assertThat(batch.problems()).allSatisfy(p -> assertThat(p.toString()).doesNotContain("707").doesNotContain("4567"));
    }

    @Test
    void should_keep_the_valid_items_when_a_status_error_or_a_change_is_malformed() {
        // given
        String body = """
                {"object":"whatsapp_business_account","entry":[
                 {"id":"1","changes":[
                  {"field":"messages","value":{"metadata":{"phone_number_id":"1065"},"statuses":[
                   {"id":"wamid.S-0","status":"failed","timestamp":"1789464800","recipient_id":"77071234567",
                    "errors":[{"code":"oops","title":"?"}]},
                   {"id":"wamid.S-1","status":"delivered","timestamp":"1789464801","recipient_id":"77071234567",
                    "pricing":{"billable":"yes"}},
                   {"id":"wamid.S-2","status":"read","timestamp":"1789464802","recipient_id":"77071234567"}]}},
                  {"field":"messages","value":{"messages":[]}},
                  {"field":"user_preferences","value":{"metadata":{"phone_number_id":"1065"},"user_preferences":[
                   {"wa_id":"","category":"marketing_messages","value":"stop","timestamp":1789466000}]}}]},
                 {"id":"2","changes":"nope"}]}""";

        // when
        InboundBatch batch = parser.parse(bytes(body));

        // then
        assertThat(batch.statuses()).extracting(MessageStatus::messageId).containsExactly("wamid.S-2");
        assertThat(batch.problems()).extracting(FieldError::field).containsExactly(
                "entry[0].changes[0].value.statuses[0].errors[0].code",
                "entry[0].changes[0].value.statuses[1].pricing.billable",
                "entry[0].changes[1].value.metadata",
                "entry[0].changes[2].value.user_preferences[0].wa_id",
                "entry[1].changes");
    }

    @Test
    void should_ignore_unknown_fields_and_other_change_fields_when_meta_adds_them() {
        // given
        String body = """
                {"object":"whatsapp_business_account","brand_new":{"x":1},"entry":[{"id":"1","time":1789465385,
                 "changes":[
                  {"field":"message_template_status_update","value":{"event":"APPROVED","message_template_id":1}},
                  {"field":"messages","value":{"metadata":{"phone_number_id":"1065","display_phone_number":"7727"},
                   "contacts":[{"wa_id":"77071234567","identity_key_hash":"abc","profile":{"name":"A"}}],
                   "messages":[{"from":"77071234567","id":"wamid.N-1","timestamp":"1789465385","type":"text",
                    "group_id":"G","text":{"body":"hi","preview_url":false},"context":{"forwarded":true}}]}}]}]}""";

        // when
        InboundBatch batch = parser.parse(bytes(body));

        // then
        assertThat(batch.problems()).isEmpty();
        assertThat(batch.messages()).extracting(InboundMessage::id).containsExactly("wamid.N-1");
        assertThat(batch.messages().get(0).contextMessageId()).isNull();
    }

    @Test
    void should_report_nothing_when_a_delivery_carries_only_fields_we_do_not_read() {
        // when
        InboundBatch batch = parser.parse(bytes(envelope("account_update", "{\"event\":\"VERIFIED_ACCOUNT\"}")));

        // then
        assertThat(batch.isEmpty()).isTrue();
    }

    @Test
    void should_read_system_errors_when_the_value_carries_them() {
        // given
        String body = envelope("messages", """
                {"metadata":{"phone_number_id":"1065"},"errors":[{"code":131000,"title":"Something went wrong",
                 "message":"Something went wrong","error_data":{"details":"Unknown error"}}]}""");

        // when
        InboundBatch batch = parser.parse(bytes(body));

        // then
        assertThat(batch.systemErrors()).containsExactly(new WhatsAppError(131000, "Something went wrong",
                "Something went wrong", "Unknown error", null));
    }

    @Test
    void should_refuse_the_whole_body_when_it_is_not_a_whatsapp_envelope() {
        assertThatThrownBy(() -> parser.parse(bytes("{\"object\":\"page\",\"entry\":[]}")))
                .isInstanceOf(InvalidEventException.class)
                .satisfies(e -> assertThat(((InvalidEventException) e).errors())
                        .extracting(FieldError::field).containsExactly("object"));
        assertThatThrownBy(() -> parser.parse(bytes("{\"object\":\"whatsapp_business_account\"}")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("entry");
        assertThatThrownBy(() -> parser.parse(bytes("{\"object\":\"whatsapp_business_account\",\"entry\":[")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("body");
        assertThatThrownBy(() -> parser.parse(bytes("[]")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("body");
        assertThatThrownBy(() -> parser.parse(new byte[0])).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void should_never_quote_a_phone_number_when_reporting_a_problem() {
        // given: a contact whose wa_id is not a number, and a message whose sender is not a number
        String body = envelope("messages", """
                {"metadata":{"phone_number_id":"1065"},
                 "contacts":[{"wa_id":"8 (707) 123-45-67","profile":{"name":"Айгерим"}}],
                 "messages":[{"id":"wamid.P-1","timestamp":"1789465385","type":"text","text":{"body":"hi"}},
                  {"from":"77071234567x","id":"wamid.P-2","timestamp":"1789465385","type":"77071234567"}]}""");

        // when
        InboundBatch batch = parser.parse(bytes(body));

        // then
        assertThat(batch.messages()).isEmpty();
        assertThat(batch.problems()).extracting(FieldError::field).containsExactly(
                "entry[0].changes[0].value.contacts[0].wa_id",
                "entry[0].changes[0].value.messages[1].from");
        assertThat(batch.problems().toString()).doesNotContain("1234567").doesNotContain("123-45-67")
                .doesNotContain("Айгерим");
    }

    @Test
    void should_mask_phone_and_bsuid_and_hide_text_when_records_are_printed() {
        // when
        InboundBatch batch = parser.parse(bytes(Payloads.TEXT));
        InboundMessage bsuid = single(parser.parse(bytes(Payloads.USERNAME_ONLY)));

        // then
        assertThat(batch.messages().get(0).toString()).doesNotContain("77071234567").doesNotContain("Здравствуйте")
                .contains(new PhoneNumber("+77071234567").masked());
        assertThat(bsuid.toString()).doesNotContain("13491208655302741918");
        assertThat(batch.toString()).isEqualTo(
                "InboundBatch[1 messages, 0 statuses, 0 preferences, 0 system errors, 0 problems]");
    }

    private static InboundMessage single(InboundBatch batch) {
        assertThat(batch.problems()).isEmpty();
        assertThat(batch.messages()).hasSize(1);
        return batch.messages().get(0);
    }
}
