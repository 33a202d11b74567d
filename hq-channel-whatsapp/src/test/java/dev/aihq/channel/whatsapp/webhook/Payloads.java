package dev.aihq.channel.whatsapp.webhook;

import java.nio.charset.StandardCharsets;

/** Webhook bodies in the shapes of the reference (§4.2, §4.6, §5.3–5.5), as Meta sends them. */
final class Payloads {

    static final String APP_SECRET = "test-app-secret-5f2c";
    static final String VERIFY_TOKEN = "verify-me-please";

    private Payloads() {}

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** Wraps one change value in the envelope. */
    static String envelope(String field, String value) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[\
                {"value":%s,"field":"%s"}]}]}""".formatted(value, field);
    }

    static final String METADATA = """
            "messaging_product":"whatsapp",\
            "metadata":{"display_phone_number":"77273550101","phone_number_id":"106540352242922"}""";

    /** §5.4: a text reply quoting our earlier message. */
    static final String TEXT = envelope("messages", """
            {%s,
             "contacts":[{"profile":{"name":"Айгерим"},"wa_id":"77071234567"}],
             "messages":[{
               "context":{"from":"77273550101","id":"wamid.OUR-EARLIER-MESSAGE"},
               "from":"77071234567",
               "id":"wamid.HBgLNzcwNzEyMzQ1NjcVAgASGBQzQUY=",
               "timestamp":"1789465385",
               "type":"text",
               "text":{"body":"Здравствуйте! Подскажите размер"}}]}""".formatted(METADATA));

    /** §5.4: a quick-reply button of a template. */
    static final String BUTTON = envelope("messages", """
            {%s,
             "contacts":[{"profile":{"name":"Иван"},"wa_id":"79161234567"}],
             "messages":[{
               "context":{"from":"77273550101","id":"wamid.TEMPLATE-1"},
               "from":"79161234567",
               "id":"wamid.BUTTON-1",
               "timestamp":"1789465400",
               "type":"button",
               "button":{"payload":"STOP_MARKETING","text":"Отписаться"}}]}""".formatted(METADATA));

    /** §5.4: an interactive button reply and a list reply. */
    static final String INTERACTIVE = envelope("messages", """
            {%s,
             "contacts":[{"profile":{"name":"Айгерим"},"wa_id":"77071234567"}],
             "messages":[
              {"from":"77071234567","id":"wamid.IB-1","timestamp":"1789465500","type":"interactive",
               "interactive":{"type":"button_reply","button_reply":{"id":"offer:yes","title":"Да, хочу"}}},
              {"from":"77071234567","id":"wamid.IL-1","timestamp":"1789465501","type":"interactive",
               "interactive":{"type":"list_reply","list_reply":{"id":"size:42","title":"42","description":"EU"}}}]}\
            """.formatted(METADATA));

    /** Emoji (with a ZWJ sequence and a skin tone) and every Kazakh letter. */
    static final String KAZAKH_TEXT = "Рақмет! 👍🏽 Әке мен ұлы қызға сәлем айтты: ә ғ қ ң ө ұ ү һ і 👨‍👩‍👧";

    static final String EMOJI_KAZAKH = envelope("messages", """
            {%s,
             "contacts":[{"profile":{"name":"Әсел"},"wa_id":"77471234567"}],
             "messages":[{"from":"77471234567","id":"wamid.KZ-1","timestamp":"1789465600","type":"text",
               "text":{"body":"%s"}}]}""".formatted(METADATA, KAZAKH_TEXT));

    /** §5.3: several messages in one delivery, over two entries and two senders. */
    static final String BATCHED = """
            {"object":"whatsapp_business_account","entry":[
             {"id":"102290129340398","changes":[{"field":"messages","value":{%s,
               "contacts":[{"profile":{"name":"Айгерим"},"wa_id":"77071234567"},
                           {"profile":{"name":"Иван"},"wa_id":"79161234567"}],
               "messages":[
                {"from":"77071234567","id":"wamid.B-1","timestamp":"1789465700","type":"text","text":{"body":"Первое"}},
                {"from":"79161234567","id":"wamid.B-2","timestamp":"1789465701","type":"text","text":{"body":"Второе"}},
                {"from":"77071234567","id":"wamid.B-3","timestamp":"1789465702","type":"image",
                 "image":{"id":"MEDIA-1","mime_type":"image/jpeg","sha256":"abc"}}]}}]},
             {"id":"102290129340398","changes":[{"field":"messages","value":{%s,
               "contacts":[{"profile":{"name":"Әсел"},"wa_id":"77471234567"}],
               "messages":[
                {"from":"77471234567","id":"wamid.B-4","timestamp":"1789465703","type":"text","text":{"body":"Третье"}}]}}]}]}\
            """.formatted(METADATA, METADATA);

    /** §4.6: a user with a username; {@code wa_id} and {@code from} are empty, the BSUID is given. */
    static final String USERNAME_ONLY = envelope("messages", """
            {%s,
             "contacts":[{"profile":{"name":"Dana","username":"dana.shop"},"wa_id":"","user_id":"KZ.13491208655302741918"}],
             "messages":[{"from":"","from_user_id":"KZ.13491208655302741918","id":"wamid.U-1",
               "timestamp":"1789465800","type":"text","text":{"body":"Есть в наличии?"}}]}""".formatted(METADATA));

    /** §5.5: sent, delivered and read of our message with our stable key and pricing. */
    static final String STATUSES = envelope("messages", """
            {%s,
             "statuses":[
              {"id":"wamid.OUT-1","status":"sent","timestamp":"1789464604","recipient_id":"77071234567",
               "biz_opaque_callback_data":"msg:shop-1:order-77:upsell",
               "conversation":{"id":"CONV-1","expiration_timestamp":"1789551004","origin":{"type":"marketing"}},
               "pricing":{"billable":true,"pricing_model":"PMP","type":"regular","category":"marketing"}},
              {"id":"wamid.OUT-1","status":"delivered","timestamp":"1789464610","recipient_id":"77071234567",
               "biz_opaque_callback_data":"msg:shop-1:order-77:upsell",
               "pricing":{"billable":true,"pricing_model":"PMP","type":"regular","category":"marketing"}},
              {"id":"wamid.OUT-1","status":"read","timestamp":"1789464700","recipient_id":"77071234567",
               "biz_opaque_callback_data":"msg:shop-1:order-77:upsell"}]}""".formatted(METADATA));

    /** §5.5 and §2.1: a failed status with a 131047 error. */
    static final String FAILED = envelope("messages", """
            {%s,
             "statuses":[{"id":"wamid.OUT-2","status":"failed","timestamp":"1789464800","recipient_id":"79161234567",
               "biz_opaque_callback_data":"msg:shop-1:order-78:review",
               "errors":[{"code":131047,"title":"Re-engagement message","message":"Re-engagement message",
                 "error_data":{"details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."},
                 "href":"https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"}]}]}\
            """.formatted(METADATA));

    /** §4.2: the user_preferences webhook, stop then resume. */
    static final String PREFERENCES = envelope("user_preferences", """
            {%s,
             "contacts":[{"profile":{"name":"Айгерим"},"wa_id":"77071234567"}],
             "user_preferences":[
              {"wa_id":"77071234567","detail":"User requested to stop marketing messages",
               "category":"marketing_messages","value":"stop","timestamp":1789466000},
              {"wa_id":"77071234567","detail":"User requested to resume marketing messages",
               "category":"marketing_messages","value":"resume","timestamp":1789469600}]}""".formatted(METADATA));
}
