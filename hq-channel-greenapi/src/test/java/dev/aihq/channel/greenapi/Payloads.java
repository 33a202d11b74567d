package dev.aihq.channel.greenapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.http.HqJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Green-API's notification bodies in the shapes of the reference (§7.2), and the settings the tests share. */
final class Payloads {

    static final long INSTANCE = 1101000001L;
    static final String API_TOKEN = "d75b3a66374942c5b3c019c698abc2067e151558acbd412b8e";
    static final String WEBHOOK_TOKEN = "whk-7c1f0e2a9b";
    static final String CHAT = "77071234567@c.us";
    static final String SEND_PATH = "/waInstance" + INSTANCE + "/sendMessage/" + API_TOKEN;

    private Payloads() {}

    static GreenApiConfig.Builder config(String apiUrl) {
        return GreenApiConfig.builder()
                .apiUrl(apiUrl)
                .idInstance(INSTANCE)
                .apiTokenInstance(API_TOKEN)
                .webhookToken(WEBHOOK_TOKEN);
    }

    static String quote(String text) {
        try {
            return HqJson.mapper().writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String incoming(String chatId, String idMessage, long timestamp, String messageData) {
        return "{\"typeWebhook\":\"incomingMessageReceived\","
                + "\"instanceData\":{\"idInstance\":" + INSTANCE + ",\"wid\":\"77001234567@c.us\",\"typeInstance\":\"whatsapp\"},"
                + "\"timestamp\":" + timestamp + ",\"idMessage\":\"" + idMessage + "\","
                + "\"senderData\":{\"chatId\":\"" + chatId + "\",\"sender\":\"" + chatId + "\",\"chatName\":\"Айгерім\","
                + "\"senderName\":\"Айгерім\",\"senderContactName\":\"\"},"
                + "\"messageData\":" + messageData + "}";
    }

    static String textMessage(String text) {
        return "{\"typeMessage\":\"textMessage\",\"textMessageData\":{\"textMessage\":" + quote(text) + "}}";
    }

    static String extendedTextMessage(String text) {
        return "{\"typeMessage\":\"extendedTextMessage\",\"extendedTextMessageData\":{\"text\":" + quote(text)
                + ",\"description\":\"\",\"title\":\"\",\"previewType\":\"None\",\"jpegThumbnail\":\"\","
                + "\"forwardingScore\":0,\"isForwarded\":false}}";
    }

    static String quotedMessage(String text) {
        return "{\"typeMessage\":\"quotedMessage\",\"extendedTextMessageData\":{\"text\":" + quote(text)
                + ",\"stanzaId\":\"BAE5F4886F6F2D05\",\"participant\":\"77001234567@c.us\"},"
                + "\"quotedMessage\":{\"stanzaId\":\"BAE5F4886F6F2D05\",\"participant\":\"77001234567@c.us\","
                + "\"typeMessage\":\"textMessage\",\"textMessage\":\"Как вам заказ?\"}}";
    }

    static String status(String idMessage, String status, long timestamp) {
        return "{\"typeWebhook\":\"outgoingMessageStatus\",\"chatId\":\"" + CHAT + "\","
                + "\"instanceData\":{\"idInstance\":" + INSTANCE + ",\"wid\":\"77001234567@c.us\",\"typeInstance\":\"whatsapp\"},"
                + "\"timestamp\":" + timestamp + ",\"idMessage\":\"" + idMessage + "\",\"status\":\"" + status + "\","
                + "\"sendByApi\":true}";
    }

    static WebhookRequest post(String body, String authorization) {
        return WebhookRequest.of("POST", GreenApiWebhookRoute.DEFAULT_PATH, Map.of("Authorization", authorization),
                body.getBytes(StandardCharsets.UTF_8));
    }

    static WebhookRequest post(String body) {
        return post(body, WEBHOOK_TOKEN);
    }
}
