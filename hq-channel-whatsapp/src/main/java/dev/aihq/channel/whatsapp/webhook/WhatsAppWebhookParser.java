package dev.aihq.channel.whatsapp.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.error.FieldError;
import dev.aihq.api.error.InvalidEventException;
import dev.aihq.http.JsonCodec;
import dev.aihq.http.JsonFormatException;
import dev.aihq.http.Masking;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Reads the body of a WhatsApp Cloud API webhook into an {@link InboundBatch}.
 *
 * <p>It walks every {@code entry[]}, every {@code changes[]} whose {@code field} is {@code messages} or
 * {@code user_preferences} (other fields, such as {@code message_template_status_update}, are skipped),
 * and every item in {@code value.messages[]}, {@code value.statuses[]}, {@code value.user_preferences[]}
 * and {@code value.errors[]}. Unknown fields are ignored and optional ones may be missing.
 * Messages of the types the agent does not read are kept as {@link InboundContent.Unsupported}, with the
 * caption of an image, video or document.
 *
 * <p>An item that cannot be read is left out of the batch and reported in
 * {@link InboundBatch#problems()} with its path, e.g. {@code entry[0].changes[0].value.messages[1].from};
 * the items beside it are kept. A body that is not a webhook envelope at all (not JSON, {@code object}
 * not {@code whatsapp_business_account}, no {@code entry} array) is refused as a whole with an
 * {@link InvalidEventException}. Problems and exceptions never quote phone numbers or message text.
 *
 * <p>Thread-safe; one instance can serve every route.
 */
public final class WhatsAppWebhookParser {

    /** The {@code object} of WhatsApp Business Account webhooks. */
    public static final String OBJECT = "whatsapp_business_account";

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");
    private static final int MAX_QUOTED = 40;

    private final JsonCodec codec;

    private WhatsAppWebhookParser(JsonCodec codec) {
        this.codec = codec;
    }

    /**
     * Returns a parser using the SDK's JSON configuration.
     *
     * @return the parser
     */
    public static WhatsAppWebhookParser create() {
        return new WhatsAppWebhookParser(JsonCodec.defaults());
    }

    /**
     * Parses a webhook body. Call it only after the signature check passed.
     *
     * @param body the raw body
     * @return the valid items and the problems of the others
     * @throws InvalidEventException if the body is not a WhatsApp webhook envelope
     */
    public InboundBatch parse(byte[] body) {
        JsonNode root;
        try {
            root = codec.readTree(body);
        } catch (JsonFormatException e) {
            throw new InvalidEventException("body", "is not a JSON document (" + e.getMessage() + ")");
        }
        if (!root.isObject()) {
            throw new InvalidEventException("body", "must be a JSON object");
        }
        JsonNode object = root.get("object");
        if (object == null || !object.isTextual()) {
            throw new InvalidEventException("object", "is required and must be a string");
        }
        if (!OBJECT.equals(object.asText())) {
            throw new InvalidEventException("object", "must be '" + OBJECT + "', got '" + quote(object.asText())
                    + "'");
        }
        JsonNode entries = root.get("entry");
        if (entries == null || !entries.isArray()) {
            throw new InvalidEventException("entry", "is required and must be an array");
        }
        Collector out = new Collector();
        for (int e = 0; e < entries.size(); e++) {
            String entryPath = "entry[" + e + "]";
            JsonNode entry = entries.get(e);
            if (!entry.isObject()) {
                out.problem(entryPath, "must be an object");
                continue;
            }
            JsonNode changes = entry.get("changes");
            if (changes == null || changes.isNull()) {
                continue;
            }
            if (!changes.isArray()) {
                out.problem(entryPath + ".changes", "must be an array");
                continue;
            }
            for (int c = 0; c < changes.size(); c++) {
                readChange(changes.get(c), entryPath + ".changes[" + c + "]", out);
            }
        }
        return new InboundBatch(out.messages, out.statuses, out.preferences, out.systemErrors, out.problems);
    }

    private void readChange(JsonNode change, String path, Collector out) {
        if (!change.isObject()) {
            out.problem(path, "must be an object");
            return;
        }
        String field;
        try {
            field = optText(change, "field", path);
        } catch (Bad b) {
            out.problems.add(b.error);
            return;
        }
        if (field != null && !field.equals("messages") && !field.equals("user_preferences")) {
            return;
        }
        String valuePath = path + ".value";
        JsonNode value = change.get("value");
        if (value == null || !value.isObject()) {
            out.problem(valuePath, "is required and must be an object");
            return;
        }
        String phoneNumberId;
        Contacts contacts;
        try {
            JsonNode metadata = value.get("metadata");
            if (metadata == null || !metadata.isObject()) {
                throw new Bad(valuePath + ".metadata", "is required and must be an object");
            }
            phoneNumberId = reqText(metadata, "phone_number_id", valuePath + ".metadata");
            contacts = Contacts.read(value, valuePath, out);
        } catch (Bad b) {
            out.problems.add(b.error);
            return;
        }
        each(value, "messages", valuePath, out, (node, p) -> out.messages.add(
                readMessage(node, p, phoneNumberId, contacts)));
        each(value, "statuses", valuePath, out, (node, p) -> out.statuses.add(
                readStatus(node, p, phoneNumberId, contacts)));
        each(value, "user_preferences", valuePath, out, (node, p) -> out.preferences.add(
                readPreference(node, p, phoneNumberId, contacts)));
        each(value, "errors", valuePath, out, (node, p) -> out.systemErrors.add(readError(node, p)));
    }

    /**
     * Reads each object of an array in order; a problem with one item is recorded at its place and the
     * next item is read.
     */
    private static void each(JsonNode value, String name, String valuePath, Collector out, ItemReader reader) {
        JsonNode array = value.get(name);
        if (array == null || array.isNull()) {
            return;
        }
        String path = valuePath + "." + name;
        if (!array.isArray()) {
            out.problem(path, "must be an array");
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            String itemPath = path + "[" + i + "]";
            if (!node.isObject()) {
                out.problem(itemPath, "must be an object");
                continue;
            }
            try {
                reader.read(node, itemPath);
            } catch (Bad b) {
                out.problems.add(b.error);
            }
        }
    }

    private static InboundMessage readMessage(JsonNode m, String path, String phoneNumberId, Contacts contacts) {
        String id = reqText(m, "id", path);
        Instant timestamp = reqTimestamp(m, "timestamp", path);
        String type = reqText(m, "type", path);
        String fromRaw = optText(m, "from", path);
        String fromUserId = optText(m, "from_user_id", path);
        WhatsAppUser from = user(fromRaw, path + ".from", fromUserId, contacts);
        if (from == null) {
            throw new Bad(path + ".from", "names no sender: 'from' and 'from_user_id' are both missing or empty");
        }
        String contextId = null;
        JsonNode context = m.get("context");
        if (context != null && context.isObject()) {
            contextId = optText(context, "id", path + ".context");
        }
        List<WhatsAppError> errors = readErrors(m, path);
        InboundContent content = switch (type) {
            case "text" -> {
                JsonNode text = reqObject(m, "text", path);
                String body = optText(text, "body", path + ".text");
                if (body == null) {
                    throw new Bad(path + ".text.body", "is required");
                }
                yield new InboundContent.Text(body);
            }
            case "button" -> {
                JsonNode button = reqObject(m, "button", path);
                String title = reqText(button, "text", path + ".button");
                String payload = optText(button, "payload", path + ".button");
                yield new InboundContent.Reply(InboundContent.ReplyKind.TEMPLATE_BUTTON,
                        payload == null ? title : payload, title, null);
            }
            case "interactive" -> readInteractive(reqObject(m, "interactive", path), path + ".interactive", errors);
            case "image", "video", "document" -> new InboundContent.Unsupported(type, errors,
                    caption(m.get(type), path + "." + type));
            default -> new InboundContent.Unsupported(quote(type), errors);
        };
        return new InboundMessage(phoneNumberId, id, from, timestamp, contextId, type, content);
    }

    @Nullable
    private static String caption(@Nullable JsonNode media, String path) {
        if (media == null || !media.isObject()) {
            return null;
        }
        return optText(media, "caption", path);
    }

    private static InboundContent readInteractive(JsonNode interactive, String path, List<WhatsAppError> errors) {
        String kind = reqText(interactive, "type", path);
        InboundContent.ReplyKind replyKind;
        if (kind.equals("button_reply")) {
            replyKind = InboundContent.ReplyKind.INTERACTIVE_BUTTON;
        } else if (kind.equals("list_reply")) {
            replyKind = InboundContent.ReplyKind.INTERACTIVE_LIST;
        } else {
            return new InboundContent.Unsupported("interactive." + quote(kind), errors);
        }
        JsonNode reply = reqObject(interactive, kind, path);
        String replyPath = path + "." + kind;
        return new InboundContent.Reply(replyKind, reqText(reply, "id", replyPath), reqText(reply, "title", replyPath),
                optText(reply, "description", replyPath));
    }

    private static MessageStatus readStatus(JsonNode s, String path, String phoneNumberId, Contacts contacts) {
        String id = reqText(s, "id", path);
        StatusType status = StatusType.of(reqText(s, "status", path));
        Instant timestamp = reqTimestamp(s, "timestamp", path);
        WhatsAppUser recipient = user(optText(s, "recipient_id", path), path + ".recipient_id",
                optText(s, "recipient_user_id", path), contacts);
        String callbackData = optText(s, "biz_opaque_callback_data", path);
        Pricing pricing = null;
        JsonNode p = s.get("pricing");
        if (p != null && !p.isNull()) {
            String pricingPath = path + ".pricing";
            if (!p.isObject()) {
                throw new Bad(pricingPath, "must be an object");
            }
            JsonNode billable = p.get("billable");
            if (billable != null && !billable.isNull() && !billable.isBoolean()) {
                throw new Bad(pricingPath + ".billable", "must be true or false");
            }
            pricing = new Pricing(billable == null || billable.isNull() ? null : billable.booleanValue(),
                    optText(p, "pricing_model", pricingPath), optText(p, "type", pricingPath),
                    optText(p, "category", pricingPath));
        }
        String conversationId = null;
        JsonNode conversation = s.get("conversation");
        if (conversation != null && conversation.isObject()) {
            conversationId = optText(conversation, "id", path + ".conversation");
        }
        return new MessageStatus(phoneNumberId, id, status, timestamp, recipient, callbackData, pricing,
                conversationId, readErrors(s, path));
    }

    private static UserPreference readPreference(JsonNode u, String path, String phoneNumberId, Contacts contacts) {
        WhatsAppUser user = user(optText(u, "wa_id", path), path + ".wa_id", optText(u, "user_id", path), contacts);
        if (user == null) {
            throw new Bad(path + ".wa_id", "names no user: 'wa_id' and 'user_id' are both missing or empty");
        }
        return new UserPreference(phoneNumberId, user, reqText(u, "category", path), reqText(u, "value", path),
                optText(u, "detail", path), reqTimestamp(u, "timestamp", path));
    }

    private static List<WhatsAppError> readErrors(JsonNode parent, String path) {
        JsonNode errors = parent.get("errors");
        if (errors == null || errors.isNull()) {
            return List.of();
        }
        if (!errors.isArray()) {
            throw new Bad(path + ".errors", "must be an array");
        }
        List<WhatsAppError> out = new ArrayList<>(errors.size());
        for (int i = 0; i < errors.size(); i++) {
            String errorPath = path + ".errors[" + i + "]";
            JsonNode error = errors.get(i);
            if (!error.isObject()) {
                throw new Bad(errorPath, "must be an object");
            }
            out.add(readError(error, errorPath));
        }
        return out;
    }

    private static WhatsAppError readError(JsonNode e, String path) {
        JsonNode code = e.get("code");
        if (code == null || code.isNull()) {
            throw new Bad(path + ".code", "is required");
        }
        int value;
        if (code.isInt()) {
            value = code.intValue();
        } else if (code.isTextual() && DIGITS.matcher(code.asText()).matches() && code.asText().length() <= 9) {
            value = Integer.parseInt(code.asText());
        } else {
            throw new Bad(path + ".code", "must be an integer");
        }
        String details = null;
        JsonNode data = e.get("error_data");
        if (data != null && data.isObject()) {
            details = optText(data, "details", path + ".error_data");
        }
        return new WhatsAppError(value, optText(e, "title", path), optText(e, "message", path), details,
                optText(e, "href", path));
    }

    @Nullable
    private static WhatsAppUser user(@Nullable String phoneRaw, String phonePath, @Nullable String userId,
            Contacts contacts) {
        Contact contact = contacts.match(phoneRaw, userId);
        PhoneNumber phone = null;
        if (phoneRaw != null && !phoneRaw.isBlank()) {
            phone = phone(phoneRaw, phonePath);
        } else if (contact != null && contact.waId != null && !contact.waId.isBlank()) {
            phone = phone(contact.waId, contact.path + ".wa_id");
        }
        String bsuid = userId != null && !userId.isBlank() ? userId : contact == null ? null : contact.userId;
        if (phone == null && (bsuid == null || bsuid.isBlank())) {
            return null;
        }
        return new WhatsAppUser(phone, bsuid, contact == null ? null : contact.username,
                contact == null ? null : contact.name);
    }

    private static PhoneNumber phone(String digits, String path) {
        String d = digits.strip();
        if (!DIGITS.matcher(d).matches()) {
            throw new Bad(path, "must be an international number in digits without '+'");
        }
        try {
            return new PhoneNumber("+" + d);
        } catch (IllegalArgumentException e) {
            throw new Bad(path, "is not a valid international number (" + e.getMessage() + ")");
        }
    }

    private static JsonNode reqObject(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isObject()) {
            throw new Bad(path + "." + name, "is required and must be an object");
        }
        return node;
    }

    private static String reqText(JsonNode parent, String name, String path) {
        String text = optText(parent, name, path);
        if (text == null || text.isBlank()) {
            throw new Bad(path + "." + name, "is required and must not be empty");
        }
        return text;
    }

    @Nullable
    private static String optText(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new Bad(path + "." + name, "must be a string");
        }
        return node.textValue();
    }

    private static Instant reqTimestamp(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        String field = path + "." + name;
        if (node == null || node.isNull()) {
            throw new Bad(field, "is required");
        }
        long seconds;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            seconds = node.longValue();
        } else if (node.isTextual() && DIGITS.matcher(node.textValue()).matches()
                && node.textValue().length() <= 12) {
            seconds = Long.parseLong(node.textValue());
        } else {
            throw new Bad(field, "must be Unix seconds, as a number or a string of digits");
        }
        try {
            return Instant.ofEpochSecond(seconds);
        } catch (DateTimeException e) {
            throw new Bad(field, "is out of range");
        }
    }

    private static String quote(String raw) {
        String cut = raw.length() <= MAX_QUOTED ? raw : raw.substring(0, MAX_QUOTED) + "…";
        return Masking.maskText(cut);
    }

    /** Reads one object of an array. */
    @FunctionalInterface
    private interface ItemReader {
        void read(JsonNode node, String path);
    }

    /** One entry of {@code value.contacts[]}. */
    private record Contact(String path, @Nullable String waId, @Nullable String userId, @Nullable String name,
            @Nullable String username) {}

    /** The contacts of one change, matched to messages and statuses by phone or BSUID. */
    private record Contacts(List<Contact> all) {

        static Contacts read(JsonNode value, String valuePath, Collector out) {
            List<Contact> contacts = new ArrayList<>();
            each(value, "contacts", valuePath, out, (node, path) -> {
                String name = null;
                String username = null;
                JsonNode profile = node.get("profile");
                if (profile != null && profile.isObject()) {
                    name = optText(profile, "name", path + ".profile");
                    username = optText(profile, "username", path + ".profile");
                }
                contacts.add(new Contact(path, optText(node, "wa_id", path), optText(node, "user_id", path), name,
                        username));
            });
            return new Contacts(List.copyOf(contacts));
        }

        /**
         * Finds the contact with this phone or BSUID; with neither given, the only contact if there is one.
         */
        @Nullable
        Contact match(@Nullable String phone, @Nullable String userId) {
            boolean hasPhone = phone != null && !phone.isBlank();
            boolean hasUserId = userId != null && !userId.isBlank();
            if (!hasPhone && !hasUserId) {
                return all.size() == 1 ? all.get(0) : null;
            }
            for (Contact c : all) {
                if ((hasPhone && phone.strip().equals(c.waId)) || (hasUserId && Objects.equals(userId, c.userId))) {
                    return c;
                }
            }
            return null;
        }
    }

    /** What a parse collects. */
    private static final class Collector {
        final List<InboundMessage> messages = new ArrayList<>();
        final List<MessageStatus> statuses = new ArrayList<>();
        final List<UserPreference> preferences = new ArrayList<>();
        final List<WhatsAppError> systemErrors = new ArrayList<>();
        final List<FieldError> problems = new ArrayList<>();

        void problem(String path, String problem) {
            problems.add(new FieldError(path, problem));
        }
    }

    /** One unreadable field; aborts the item it belongs to. */
    private static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient FieldError error;

        Bad(String path, String problem) {
            super(path + ": " + problem, null, false, false);
            this.error = new FieldError(path, problem);
        }
    }
}
