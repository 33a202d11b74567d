package dev.aihq.connectors.ozon;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.error.RequestRejectedException;
import dev.aihq.api.error.ResourceNotFoundException;
import dev.aihq.connectors.ozon.internal.client.OzonHttp;
import dev.aihq.connectors.ozon.internal.dto.InboxDtos;
import dev.aihq.connectors.ozon.internal.mapper.OzonInboxMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * A shop's Ozon chats (reference §3.7): list, history, send, start, mark read. Buyer chats are available <b>only with
 * Premium Plus</b>: every method first checks the provider says the shop has it, and refuses with a
 * {@link CapabilityNotSupportedException} ({@link Capability#CHATS}, or {@link Capability#PROACTIVE_MESSAGE} for
 * {@link #start}) naming the subscription before any request. Get it from {@link OzonClient#chats()}.
 *
 * <pre>{@code
 * for (OzonChat chat : ozon.chats().list(shop, OzonChatStatus.OPENED, true)) {
 *     if (chat.buyerChat()) {
 *         OzonChatHistoryPage page = ozon.chats().history(shop, chat.chatId(), OzonChatDirection.BACKWARD, null, 50);
 *         page.messages().get(0).orderNumber();   // context.order_number: the chat's order
 *     }
 * }
 * ozon.chats().send(shop, chatId, "Здравствуйте! Заказ передан в доставку.");
 * }</pre>
 *
 * <p><b>Quirks read.</b> {@code has_next} as a boolean or the string {@code "true"} (Ozon's example); chat types in
 * any letter case ({@link OzonChat#buyerChat()}); {@code user.type} {@code "Сustomer"} with a Cyrillic "С"
 * ({@link OzonChatMessage#sender()}); ids as numbers or strings. {@code context.order_number} and {@code sku} of
 * {@code /v3/chat/history} are {@link OzonChatMessage#orderNumber()} and {@link OzonChatMessage#sku()}.
 *
 * <p><b>Windows.</b> Ozon lets the seller write in an FBO chat within 48 h of the buyer's last message; in an
 * FBS/rFBS chat from payment to 72 h after delivery, then 48 h after the buyer's last message; and start a chat only
 * for an FBS/rFBS posting, within 72 h after payment or delivery. Ozon enforces these windows; the connector does not
 * know the times. A closed window ({@code access period has expired}, integrator-reported) is an
 * {@link OzonChatWindowClosedException}. A message is plain text of {@value #MIN_TEXT}–{@value #MAX_TEXT}
 * characters (UTF-16 units), checked before sending ({@link OzonValidationException} naming {@code text}).
 *
 * <p>Reads are retried on retriable failures; send, start and read are not. Thread-safe.
 */
public final class OzonChats {

    /** The chat list. */
    public static final String LIST_PATH = "/v3/chat/list";
    /** A chat's history. */
    public static final String HISTORY_PATH = "/v3/chat/history";
    /** Sending a message. */
    public static final String SEND_PATH = "/v1/chat/send/message";
    /** Starting a chat about a posting. */
    public static final String START_PATH = "/v1/chat/start";
    /** Marking messages read. */
    public static final String READ_PATH = "/v2/chat/read";

    /** The largest page of the list and the history. */
    public static final int MAX_LIMIT = 1000;
    /** The shortest message. */
    public static final int MIN_TEXT = 1;
    /** The longest message. */
    public static final int MAX_TEXT = 1000;
    /** The most pages a walk reads before it gives up, a guard against a list that never ends. */
    public static final int MAX_PAGES = 10_000;

    private final OzonHttp http;

    OzonChats(OzonHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * Reads one page of the chat list.
     *
     * @param shopId the shop
     * @param status which chats
     * @param unreadOnly only chats with unread messages
     * @param limit 1–{@value #MAX_LIMIT}
     * @param cursor the previous page's {@link OzonChatPage#cursor()}, or {@code null} for the first
     * @return the page
     * @throws OzonValidationException when the limit is out of range, before any request
     * @throws CapabilityNotSupportedException if the shop has no credentials or no Premium Plus, before any request
     * @throws MarketplaceException if Ozon refuses, fails or answers what cannot be read
     */
    public OzonChatPage page(ShopId shopId, OzonChatStatus status, boolean unreadOnly, int limit,
            @Nullable String cursor) {
        Objects.requireNonNull(status, "status");
        requireLimit(limit);
        String request = "POST " + LIST_PATH;
        InboxDtos.ChatListResponse response = http.query(shopId, Capability.CHATS, LIST_PATH,
                new InboxDtos.ChatListRequest(new InboxDtos.ChatFilter(status.wireValue(), unreadOnly), limit,
                        cursor == null || cursor.isBlank() ? null : cursor),
                new TypeReference<InboxDtos.ChatListResponse>() {});
        List<OzonChat> chats = new ArrayList<>();
        List<InboxDtos.ChatItemDto> dtos = response.chats() == null ? List.of() : response.chats();
        for (int i = 0; i < dtos.size(); i++) {
            chats.add(OzonInboxMapper.chat(dtos.get(i), "chats[" + i + "]", request));
        }
        String next = response.cursor() == null || response.cursor().isBlank() ? null : response.cursor().strip();
        return new OzonChatPage(chats, response.totalUnreadCount() == null ? 0 : response.totalUnreadCount(), next,
                OzonInboxMapper.flag(response.hasNext()));
    }

    /**
     * Lists a shop's chats, every page ({@value #MAX_LIMIT} a page, by cursor while {@code has_next}); support and
     * notification chats included ({@link OzonChat#buyerChat()} tells them apart).
     *
     * @param shopId the shop
     * @param status which chats
     * @param unreadOnly only chats with unread messages
     * @return the chats, each once
     * @throws CapabilityNotSupportedException if the shop has no credentials or no Premium Plus, before any request
     * @throws OzonResponseException when Ozon says more follow without a new cursor, or after {@value #MAX_PAGES}
     *     pages
     * @throws MarketplaceException if Ozon refuses, fails or answers what cannot be read
     */
    public List<OzonChat> list(ShopId shopId, OzonChatStatus status, boolean unreadOnly) {
        List<OzonChat> chats = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String cursor = null;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            OzonChatPage page = page(shopId, status, unreadOnly, MAX_LIMIT, cursor);
            page.chats().stream().filter(c -> seen.add(c.chatId())).forEach(chats::add);
            if (!page.hasNext() || page.chats().isEmpty()) {
                return List.copyOf(chats);
            }
            if (page.cursor() == null || page.cursor().equals(cursor)) {
                throw new OzonResponseException(200, "cursor", "POST " + LIST_PATH + ": has_next is true but the"
                        + " cursor did not move; stopped", null);
            }
            cursor = page.cursor();
        }
        throw new OzonResponseException(200, "has_next", "POST " + LIST_PATH + ": still has_next after " + MAX_PAGES
                + " pages; stopped", null);
    }

    /**
     * Reads one page of a chat's history ({@code /v3/chat/history}, the version with {@code context}).
     *
     * @param shopId the shop
     * @param chatId the chat
     * @param direction {@link OzonChatDirection#BACKWARD} (newest first, Ozon's default) or
     *     {@link OzonChatDirection#FORWARD}
     * @param fromMessageId where to start, or {@code null} for the end the direction starts from
     * @param limit 1–{@value #MAX_LIMIT}
     * @return the page, in Ozon's order
     * @throws OzonValidationException when the limit is out of range or the chat id blank, before any request
     * @throws CapabilityNotSupportedException if the shop has no credentials or no Premium Plus, before any request
     * @throws MarketplaceException if Ozon refuses, fails or answers what cannot be read
     */
    public OzonChatHistoryPage history(ShopId shopId, String chatId, OzonChatDirection direction,
            @Nullable String fromMessageId, int limit) {
        String chat = OzonReviews.requireId(chatId, "chat_id");
        Objects.requireNonNull(direction, "direction");
        requireLimit(limit);
        String request = "POST " + HISTORY_PATH;
        InboxDtos.ChatHistoryResponse response = http.query(shopId, Capability.CHATS, HISTORY_PATH,
                new InboxDtos.ChatHistoryRequest(chat, direction.wireValue(),
                        fromMessageId == null || fromMessageId.isBlank() ? null : fromMessageId.strip(), limit),
                new TypeReference<InboxDtos.ChatHistoryResponse>() {});
        List<OzonChatMessage> messages = new ArrayList<>();
        List<InboxDtos.ChatMessageDto> dtos = response.messages() == null ? List.of() : response.messages();
        for (int i = 0; i < dtos.size(); i++) {
            messages.add(OzonInboxMapper.message(dtos.get(i), "messages[" + i + "]", request));
        }
        return new OzonChatHistoryPage(messages, OzonInboxMapper.flag(response.hasNext()));
    }

    /**
     * Reads a chat's history page after page in one direction, each next page from the last message of the one
     * before, until Ozon says no more follow or a page brings nothing new.
     *
     * @param shopId the shop
     * @param chatId the chat
     * @param direction the direction
     * @param fromMessageId where to start, or {@code null}
     * @return the messages in the order read, each once
     * @throws CapabilityNotSupportedException if the shop has no credentials or no Premium Plus, before any request
     * @throws OzonResponseException after {@value #MAX_PAGES} pages
     * @throws MarketplaceException if Ozon refuses, fails or answers what cannot be read
     */
    public List<OzonChatMessage> historyAll(ShopId shopId, String chatId, OzonChatDirection direction,
            @Nullable String fromMessageId) {
        List<OzonChatMessage> messages = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String from = fromMessageId;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            OzonChatHistoryPage page = history(shopId, chatId, direction, from, MAX_LIMIT);
            int before = messages.size();
            page.messages().stream().filter(m -> seen.add(m.messageId())).forEach(messages::add);
            if (!page.hasNext() || messages.size() == before) {
                return List.copyOf(messages);
            }
            from = page.messages().get(page.messages().size() - 1).messageId();
        }
        throw new OzonResponseException(200, "has_next", "POST " + HISTORY_PATH + ": still has_next after "
                + MAX_PAGES + " pages; stopped", null);
    }

    /**
     * Sends a plain-text message in a chat; not retried (a message must not go twice).
     *
     * @param shopId the shop
     * @param chatId the chat
     * @param text {@value #MIN_TEXT}–{@value #MAX_TEXT} characters of plain text
     * @throws OzonValidationException when the text is blank or too long, before any request
     * @throws CapabilityNotSupportedException if the shop has no credentials or no Premium Plus, before any request
     * @throws OzonChatWindowClosedException when Ozon says the window to write has closed
     * @throws MarketplaceException if Ozon refuses, fails or answers what cannot be read
     */
    public void send(ShopId shopId, String chatId, String text) {
        String chat = OzonReviews.requireId(chatId, "chat_id");
        String body = Objects.requireNonNull(text, "text").strip();
        if (body.length() < MIN_TEXT || body.length() > MAX_TEXT) {
            throw new OzonValidationException("text", "text of a chat message must be " + MIN_TEXT + "-" + MAX_TEXT
                    + " characters of plain text, got " + body.length());
        }
        InboxDtos.SendMessageResponse response = http.command(shopId, Capability.CHATS, SEND_PATH,
                new InboxDtos.SendMessageRequest(chat, body), new TypeReference<InboxDtos.SendMessageResponse>() {});
        if (response.result() == null || !response.result().strip().equalsIgnoreCase("success")) {
            throw new OzonResponseException(200, "result", "POST " + SEND_PATH + ": Ozon did not answer success"
                    + " (result: " + response.result() + ")", null);
        }
    }

    /**
     * Starts a chat with the buyer of an FBS or rFBS posting ({@code /v1/chat/start}); not retried. Ozon allows it
     * within 72 h after payment or delivery and enforces that window itself; for FBO only the buyer can start a
     * chat. Use it for service messages about the posting only (reference §3.10).
     *
     * @param shopId the shop
     * @param postingNumber the posting, e.g. {@code 23713478-0018-3}
     * @param scheme the posting's scheme when the caller knows it ({@link OzonPosting#scheme()}), or {@code null}
     * @return the chat's id
     * @throws CapabilityNotSupportedException for an FBO posting ({@link Capability#PROACTIVE_MESSAGE}), or if the
     *     shop has no credentials or no Premium Plus; before any request
     * @throws OzonChatWindowClosedException when Ozon says the window has closed
     * @throws RequestRejectedException when Ozon refuses the start (an FBO posting, a window passed, an unknown
     *     posting), with Ozon's text and the rule
     * @throws MarketplaceException if Ozon fails or answers what cannot be read
     */
    public String start(ShopId shopId, String postingNumber, @Nullable OzonScheme scheme) {
        String posting = OzonReviews.requireId(postingNumber, "posting_number");
        if (scheme == OzonScheme.FBO) {
            throw new CapabilityNotSupportedException(shopId, Capability.PROACTIVE_MESSAGE, "posting " + posting
                    + " is FBO, and Ozon lets only the buyer start a chat about an FBO posting");
        }
        InboxDtos.ChatStartResponse response;
        try {
            response = http.command(shopId, Capability.PROACTIVE_MESSAGE, START_PATH,
                    new InboxDtos.ChatStartRequest(posting), new TypeReference<InboxDtos.ChatStartResponse>() {});
        } catch (RequestRejectedException | ResourceNotFoundException e) {
            throw new RequestRejectedException(http.service(), e.status(), "POST " + START_PATH + ": Ozon refused"
                    + " to start a chat about posting " + posting + " (the seller may start one only for an FBS or"
                    + " rFBS posting, within 72 h after payment or delivery; for FBO only the buyer can): "
                    + e.getMessage(), e);
        }
        String chatId = response.result() == null ? null : OzonInboxMapper.id(response.result().chatId());
        if (chatId == null) {
            throw new OzonResponseException(200, "result.chat_id", "POST " + START_PATH
                    + ": malformed response: result.chat_id is missing", null);
        }
        return chatId;
    }

    /**
     * Marks a chat's messages read up to a message; not retried.
     *
     * @param shopId the shop
     * @param chatId the chat
     * @param fromMessageId the message up to which all are read, or {@code null} for all
     * @return how many messages Ozon says are still unread
     * @throws CapabilityNotSupportedException if the shop has no credentials or no Premium Plus, before any request
     * @throws MarketplaceException if Ozon refuses, fails or answers what cannot be read
     */
    public long markRead(ShopId shopId, String chatId, @Nullable String fromMessageId) {
        String chat = OzonReviews.requireId(chatId, "chat_id");
        InboxDtos.ChatReadResponse response = http.command(shopId, Capability.CHATS, READ_PATH,
                new InboxDtos.ChatReadRequest(chat, fromMessageId == null || fromMessageId.isBlank() ? null
                        : fromMessageId.strip()),
                new TypeReference<InboxDtos.ChatReadResponse>() {});
        return response.unreadCount() == null ? 0 : response.unreadCount();
    }

    /** Describes the API. */
    @Override
    public String toString() {
        return "OzonChats";
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new OzonValidationException("limit", "limit must be 1-" + MAX_LIMIT + ", got " + limit);
        }
    }
}
