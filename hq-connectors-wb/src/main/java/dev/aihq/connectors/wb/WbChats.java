package dev.aihq.connectors.wb;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.ShopId;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.error.RequestRejectedException;
import dev.aihq.connectors.wb.internal.client.WbHttp;
import dev.aihq.connectors.wb.internal.dto.ChatDtos;
import dev.aihq.http.HttpCall;
import dev.aihq.http.HttpResult;
import dev.aihq.http.Masking;
import dev.aihq.http.MultipartBody;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Wildberries' buyer chat (host {@code buyer-chat-api}, reference §2.7), reached with {@link WbClient#chats()}: the
 * chat list, the events feed page by page, sending a message with files, and downloading a file. Every call takes
 * a token of the shop's {@link WbMethodGroup#BUYER_CHAT} bucket (10 per 10 s, burst 10) and maps WB's chat error
 * shape {@code {status, title, origin:"proxy-chats", detail, requestId, error}} with WB's text in the message.
 *
 * <pre>{@code
 * WbChatEventsPage page = wb.chats().events(shop, null);          // the first call: no next
 * while (!page.isEnd()) {
 *     handle(page.events());
 *     page = wb.chats().events(shop, page.next());
 * }
 * wb.chats().send(shop, chat.replySign(), "Здравствуйте! Заменим товар.", List.of());
 * }</pre>
 *
 * <p>The API has no method to start a chat: a seller answers only in chats the buyer opened, with the chat's
 * {@code replySign} (from {@link #list} or from the event that opened the chat). The signature is kept out of
 * every {@code toString}, exception message and log line. Thread-safe.
 */
public final class WbChats {

    /** The chat list. */
    public static final String CHATS_PATH = "/api/v1/seller/chats";

    /** The events feed. */
    public static final String EVENTS_PATH = "/api/v1/seller/events";

    /** Sending a message. */
    public static final String MESSAGE_PATH = "/api/v1/seller/message";

    /** Downloading a file, followed by its {@code downloadID}. */
    public static final String DOWNLOAD_PATH = "/api/v1/seller/download/";

    /** The longest {@code replySign} WB takes. */
    public static final int MAX_REPLY_SIGN_LENGTH = 255;

    /** The longest message, in characters (UTF-16 units, the stricter count for emoji). */
    public static final int MAX_MESSAGE_LENGTH = 1000;

    /** The largest file WB takes: 5 MiB. */
    public static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

    /** The largest total of the files of one message: 30 MiB. */
    public static final long MAX_TOTAL_FILE_BYTES = 30L * 1024 * 1024;

    /** The media types WB takes, by file name extension. */
    public static final Map<String, String> FILE_TYPES = Map.of("jpg", "image/jpeg", "jpeg", "image/jpeg",
            "png", "image/png", "pdf", "application/pdf");

    private static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "application/pdf");

    private final WbHttp http;

    WbChats(WbHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * Lists the shop's chats ({@code GET /api/v1/seller/chats}; WB documents no paging).
     *
     * @param shopId the shop
     * @return the chats in WB's order
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public List<WbChat> list(ShopId shopId) {
        String request = "GET " + CHATS_PATH;
        ChatDtos.Envelope<List<ChatDtos.ChatDto>> body = http.get(shopId, WbMethodGroup.BUYER_CHAT, WbApi.BUYER_CHAT,
                CHATS_PATH, Map.of(), new TypeReference<ChatDtos.Envelope<List<ChatDtos.ChatDto>>>() {});
        requireNoErrors(request, body.errors());
        if (body.result() == null) {
            throw new WbResponseException(200, "result", request + ": malformed response, result is missing", null);
        }
        List<WbChat> chats = new ArrayList<>();
        for (int i = 0; i < body.result().size(); i++) {
            ChatDtos.ChatDto dto = body.result().get(i);
            String at = "result[" + i + "]";
            if (dto == null) {
                throw new WbResponseException(200, at, request + ": malformed response, " + at + " is null", null);
            }
            ChatDtos.LastMessageDto last = dto.lastMessage();
            chats.add(new WbChat(required(request, at + ".chatID", dto.chatID()),
                    required(request, at + ".replySign", dto.replySign()), dto.clientName(),
                    goodCard(request, at + ".goodCard", dto.goodCard()),
                    last == null ? null : new WbChatLastMessage(last.text() == null ? "" : last.text(),
                            last.addTimestamp() == null ? null : Instant.ofEpochMilli(last.addTimestamp()))));
        }
        return List.copyOf(chats);
    }

    /**
     * Reads one page of the events feed ({@code GET /api/v1/seller/events}). Make the first call without
     * {@code next}, then pass each page's {@link WbChatEventsPage#next()} until a page has {@code totalEvents == 0}.
     *
     * @param shopId the shop
     * @param next the previous page's {@code next} (unix ms), or {@code null} for the first call; WB refuses 0
     * @return the page
     * @throws WbValidationException if {@code next} is 0 or negative, before sending
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public WbChatEventsPage events(ShopId shopId, @Nullable Long next) {
        if (next != null && next <= 0) {
            throw new WbValidationException("next", "next must be a positive unix time in milliseconds (WB refuses "
                    + "0; make the first call without next), got " + next);
        }
        String request = "GET " + EVENTS_PATH;
        ChatDtos.Envelope<ChatDtos.EventsDto> body = http.get(shopId, WbMethodGroup.BUYER_CHAT, WbApi.BUYER_CHAT,
                EVENTS_PATH, next == null ? Map.of() : Map.of("next", Long.toString(next)),
                new TypeReference<ChatDtos.Envelope<ChatDtos.EventsDto>>() {});
        requireNoErrors(request, body.errors());
        ChatDtos.EventsDto result = body.result();
        if (result == null) {
            throw new WbResponseException(200, "result", request + ": malformed response, result is missing", null);
        }
        List<ChatDtos.EventDto> dtos = result.events() == null ? List.of() : result.events();
        List<WbChatEvent> events = new ArrayList<>(dtos.size());
        for (int i = 0; i < dtos.size(); i++) {
            events.add(event(request, "result.events[" + i + "]", dtos.get(i)));
        }
        int total = result.totalEvents() == null ? events.size() : result.totalEvents();
        return new WbChatEventsPage(result.next(), instant(request, "result.newestEventTime",
                result.newestEventTime()), instant(request, "result.oldestEventTime", result.oldestEventTime()),
                total, events);
    }

    /**
     * Sends a message into a chat the buyer opened ({@code POST /api/v1/seller/message}, {@code multipart/form-data}
     * with {@code replySign}, {@code message} and a {@code file} part per file). Every WB limit is checked first:
     * {@code replySign} required and at most {@value #MAX_REPLY_SIGN_LENGTH} characters, the text at most
     * {@value #MAX_MESSAGE_LENGTH} characters, a text or a file, files JPEG/PNG/PDF (type and name extension) of at
     * most 5 MiB each and 30 MiB together. Not retried: a message that timed out may have been sent.
     *
     * @param shopId the shop
     * @param replySign the chat's signature
     * @param text the message; {@code ""} to send files only
     * @param files the files, possibly empty
     * @return WB's answer
     * @throws WbValidationException naming the field and the limit, before sending
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws RequestRejectedException with WB's text ({@code Invalid signature}, {@code attachment too big…},
     *     {@code …has unsupported mime type}, {@code Invalid value for "message"})
     * @throws MarketplaceException if WB fails or answers what cannot be read
     */
    public WbSentMessage send(ShopId shopId, String replySign, String text, List<WbChatFile> files) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(files, "files");
        validate(replySign, text, files);
        MultipartBody.Builder multipart = MultipartBody.builder().field("replySign", replySign);
        if (!text.isEmpty()) {
            multipart.field("message", text);
        }
        for (WbChatFile file : files) {
            multipart.file("file", file.name(), file.contentType(), file.content());
        }
        String request = "POST " + MESSAGE_PATH;
        HttpResult result = http.execute(shopId, WbMethodGroup.BUYER_CHAT, WbApi.BUYER_CHAT,
                HttpCall.post(MESSAGE_PATH).header("Accept", "application/json").multipartBody(multipart.build()));
        ChatDtos.Envelope<ChatDtos.SentDto> body = http.read(result, request,
                new TypeReference<ChatDtos.Envelope<ChatDtos.SentDto>>() {});
        ChatDtos.SentDto sent = body.result();
        if (sent == null) {
            requireNoErrors(request, body.errors());
            throw new WbResponseException(result.status(), "result", request + ": malformed response, result is"
                    + " missing", null);
        }
        if (sent.addTime() == null) {
            throw new WbResponseException(result.status(), "result.addTime", request + ": malformed response,"
                    + " result.addTime is missing", null);
        }
        return new WbSentMessage(Instant.ofEpochMilli(sent.addTime()),
                required(request, "result.chatID", sent.chatID()), errors(body.errors()));
    }

    /**
     * Downloads a file or image of a message ({@code GET /api/v1/seller/download/{downloadID}}).
     *
     * @param shopId the shop
     * @param downloadId the attachment's {@code downloadID}
     * @return the file (200), {@link WbChatDownload.Pending} under moderation (202, with WB's
     *     {@code retrySeconds}; nothing waits here) or {@link WbChatDownload.FailedModeration} (451)
     * @throws CapabilityNotSupportedException if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public WbChatDownload download(ShopId shopId, String downloadId) {
        Objects.requireNonNull(downloadId, "download id");
        if (downloadId.isBlank()) {
            throw new WbValidationException("downloadID", "downloadID must not be blank");
        }
        String path = DOWNLOAD_PATH + HttpCall.encode(downloadId);
        String request = "GET " + DOWNLOAD_PATH + "{downloadID}";
        HttpResult result;
        try {
            result = http.execute(shopId, WbMethodGroup.BUYER_CHAT, WbApi.BUYER_CHAT, HttpCall.get(path));
        } catch (MarketplaceException e) {
            if (e.status() == 451) {
                return new WbChatDownload.FailedModeration(downloadId);
            }
            throw e;
        }
        if (result.status() == 202) {
            ChatDtos.PendingDto pending = http.read(result, request, new TypeReference<ChatDtos.PendingDto>() {});
            if (pending.retrySeconds() == null || pending.retrySeconds() < 0) {
                throw new WbResponseException(202, "retrySeconds", request + ": malformed response, retrySeconds"
                        + " is missing", null);
            }
            return new WbChatDownload.Pending(pending.moderationState() == null ? "pending"
                    : pending.moderationState(), Duration.ofSeconds(pending.retrySeconds()));
        }
        return new WbChatDownload.File(result.body(), result.header("Content-Type")
                .orElse("application/octet-stream"));
    }

    /** Describes the API without credentials. */
    @Override
    public String toString() {
        return "WbChats[" + http + "]";
    }

    private static void validate(@Nullable String replySign, String text, List<WbChatFile> files) {
        if (replySign == null || replySign.isBlank()) {
            throw new WbValidationException("replySign", "replySign is required: the signature of a chat the buyer"
                    + " opened (WbChat#replySign, or the event with isNewChat)");
        }
        if (replySign.length() > MAX_REPLY_SIGN_LENGTH) {
            throw new WbValidationException("replySign", "replySign must be at most " + MAX_REPLY_SIGN_LENGTH
                    + " characters, got " + replySign.length());
        }
        if (text.length() > MAX_MESSAGE_LENGTH) {
            throw new WbValidationException("message", "message must be at most " + MAX_MESSAGE_LENGTH
                    + " characters, got " + text.length());
        }
        if (text.isBlank() && files.isEmpty()) {
            throw new WbValidationException("message", "a message needs a text or at least one file");
        }
        long total = 0;
        for (int i = 0; i < files.size(); i++) {
            WbChatFile file = Objects.requireNonNull(files.get(i), "file " + i);
            String type = file.contentType().toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
            String name = file.name();
            int dot = name.lastIndexOf('.');
            String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (!TYPES.contains(type) || !type.equals(FILE_TYPES.get(extension))) {
                throw new WbValidationException("file", "file " + i + " (" + name + ", " + file.contentType()
                        + "): WB takes JPEG, PNG or PDF only (.jpg/.jpeg image/jpeg, .png image/png, .pdf"
                        + " application/pdf), no video");
            }
            if (file.size() == 0) {
                throw new WbValidationException("file", "file " + i + " (" + name + ") is empty");
            }
            if (file.size() > MAX_FILE_BYTES) {
                throw new WbValidationException("file", "file " + i + " (" + name + ") is " + file.size()
                        + " bytes; WB takes at most 5 MiB (" + MAX_FILE_BYTES + " bytes) per file");
            }
            total += file.size();
        }
        if (total > MAX_TOTAL_FILE_BYTES) {
            throw new WbValidationException("file", "the files are " + total + " bytes together; WB takes at most"
                    + " 30 MiB (" + MAX_TOTAL_FILE_BYTES + " bytes) per message");
        }
    }

    private void requireNoErrors(String request, @Nullable JsonNode errors) {
        List<String> list = errors(errors);
        if (!list.isEmpty()) {
            throw new RequestRejectedException(http.service(), 200, request + ": Wildberries said: "
                    + Masking.excerpt(Masking.maskText(String.join("; ", list)), 500), null);
        }
    }

    private static List<String> errors(@Nullable JsonNode errors) {
        if (errors == null || errors.isNull() || errors.isMissingNode()) {
            return List.of();
        }
        List<String> list = new ArrayList<>();
        if (errors.isArray()) {
            errors.forEach(e -> list.add(e.isValueNode() ? e.asText() : e.toString()));
        } else {
            list.add(errors.isValueNode() ? errors.asText() : errors.toString());
        }
        list.removeIf(String::isBlank);
        return List.copyOf(list);
    }

    private static WbChatEvent event(String request, String at, @Nullable ChatDtos.EventDto dto) {
        if (dto == null) {
            throw new WbResponseException(200, at, request + ": malformed response, " + at + " is null", null);
        }
        Instant added;
        if (dto.addTimestamp() != null) {
            added = Instant.ofEpochMilli(dto.addTimestamp());
        } else {
            added = instant(request, at + ".addTime", required(request, at + ".addTimestamp", dto.addTime()));
        }
        WbChatMessage message = null;
        if (dto.message() != null) {
            ChatDtos.AttachmentsDto a = dto.message().attachments();
            WbChatAttachments attachments = WbChatAttachments.NONE;
            if (a != null) {
                List<WbChatAttachedFile> files = new ArrayList<>();
                List<ChatDtos.FileDto> fileDtos = a.files() == null ? List.of() : a.files();
                for (int i = 0; i < fileDtos.size(); i++) {
                    ChatDtos.FileDto f = fileDtos.get(i);
                    if (f != null) {
                        files.add(new WbChatAttachedFile(f.contentType(), instant(request, at
                                + ".message.attachments.files[" + i + "].date", f.date()), f.downloadID(), f.name(),
                                f.url(), f.size()));
                    }
                }
                List<WbChatImage> images = new ArrayList<>();
                List<ChatDtos.ImageDto> imageDtos = a.images() == null ? List.of() : a.images();
                for (int i = 0; i < imageDtos.size(); i++) {
                    ChatDtos.ImageDto im = imageDtos.get(i);
                    if (im != null) {
                        images.add(new WbChatImage(instant(request, at + ".message.attachments.images[" + i
                                + "].date", im.date()), im.downloadID(), im.url()));
                    }
                }
                attachments = new WbChatAttachments(goodCard(request, at + ".message.attachments.goodCard",
                        a.goodCard()), files, images);
            }
            message = new WbChatMessage(dto.message().text() == null ? "" : dto.message().text(), attachments);
        }
        return new WbChatEvent(required(request, at + ".chatID", dto.chatID()),
                required(request, at + ".eventID", dto.eventID()),
                dto.eventType() == null || dto.eventType().isBlank() ? "" : dto.eventType(),
                Boolean.TRUE.equals(dto.isNewChat()), message, dto.source(), added, dto.addTime(), dto.replySign(),
                dto.sender(), dto.clientName());
    }

    private static @Nullable WbGoodCard goodCard(String request, String at, @Nullable ChatDtos.GoodCardDto dto) {
        if (dto == null) {
            return null;
        }
        String rid = dto.rid() == null || dto.rid().isBlank() ? null : dto.rid().strip();
        return new WbGoodCard(instant(request, at + ".date", dto.date()), dto.nmID(), dto.price(),
                dto.priceCurrency(), rid, dto.size());
    }

    private static String required(String request, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new WbResponseException(200, field, request + ": malformed response, " + field + " is missing",
                    null);
        }
        return value;
    }

    private static @Nullable Instant instant(String request, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new WbResponseException(200, field, request + ": malformed response, " + field
                    + " is not an RFC 3339 time", e);
        }
    }
}
