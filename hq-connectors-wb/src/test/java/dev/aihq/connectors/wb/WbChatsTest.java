package dev.aihq.connectors.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aihq.api.error.RequestRejectedException;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.wb.FakeWbApi;
import dev.aihq.testkit.wb.FakeWbApi.ChatDownload;
import dev.aihq.testkit.wb.FakeWbApi.ChatEvent;
import dev.aihq.testkit.wb.FakeWbApi.ChatMessage;
import dev.aihq.testkit.wb.FakeWbApi.ErrorShape;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The buyer chat API on the fake: list, events feed, send with WB's limits, downloads, the chat bucket. */
class WbChatsTest {

    static final String CHAT = "1:1e265a58-a120-b178-008c-60af2460207c";
    static final String SIGN = CHAT + ":66f136e919a8207e136757754f253189bfb9ae1ad9da9170c9d5c478626663908888c370216525b";
    static final Instant T0 = Instant.parse("2025-10-23T05:02:20Z");

    private FakeWbApi wb;
    private SettableClock clock;
    private RecordingSleeper sleeper;
    private WbChats chats;

    @BeforeEach
    void start() {
        wb = FakeWbApi.start(WbFixtures.TOKEN);
        clock = SettableClock.at(T0);
        sleeper = new RecordingSleeper(clock);
        chats = WbFixtures.client(WbFixtures.config(wb.baseUrl()).build(), clock, sleeper).chats();
    }

    @AfterEach
    void stop() {
        wb.close();
    }

    @Test
    void should_read_chats_with_their_order_card_and_last_message_and_mask_the_sign_in_descriptions() {
        // given
        wb.putChat(FakeWbApi.chat(CHAT, SIGN, "Алёна").withGoodCard(FakeWbApi.goodCard("2fb52cd9e25e5253", 12345678))
                .withLastMessage("Можно заказать 100 штук? 🙂", T0));
        wb.putChat(FakeWbApi.chat("1:other", "1:other:sign", "Иван"));

        // when
        List<WbChat> list = chats.list(WbFixtures.SHOP);

        // then
        assertThat(list).hasSize(2);
        WbChat first = list.get(0);
        assertThat(first.chatId()).isEqualTo(CHAT);
        assertThat(first.replySign()).isEqualTo(SIGN);
        assertThat(first.clientName()).isEqualTo("Алёна");
        assertThat(first.goodCard()).isEqualTo(new WbGoodCard(Instant.parse("2025-10-01T09:00:00.528526Z"),
                12345678L, 1490L, "RUB", "2fb52cd9e25e5253", "M"));
        assertThat(first.lastMessage().text()).isEqualTo("Можно заказать 100 штук? 🙂");
        assertThat(first.lastMessage().addTimestamp()).isEqualTo(T0);
        assertThat(list.get(1).goodCard()).isNull();
        assertThat(list.get(1).lastMessage()).isNull();
        assertThat(first.toString()).doesNotContain(SIGN).doesNotContain("Алёна").contains("****");
    }

    @Test
    void should_walk_the_events_feed_page_by_page_until_total_events_is_0_never_sending_next_0() {
        // given: 7 events, pages of 3
        wb.chatEventsPageSize(3);
        for (int i = 0; i < 7; i++) {
            wb.addChatEvents(FakeWbApi.clientMessage(CHAT, "ev-" + i, "сообщение " + i, T0.plusSeconds(i)));
        }

        // when
        List<WbChatEvent> all = new ArrayList<>();
        List<Integer> totals = new ArrayList<>();
        WbChatEventsPage page = chats.events(WbFixtures.SHOP, null);
        while (!page.isEnd()) {
            all.addAll(page.events());
            totals.add(page.totalEvents());
            page = chats.events(WbFixtures.SHOP, page.next());
        }

        // then
        assertThat(all).extracting(WbChatEvent::eventId)
                .containsExactly("ev-0", "ev-1", "ev-2", "ev-3", "ev-4", "ev-5", "ev-6");
        assertThat(totals).containsExactly(3, 3, 1);
        List<Map<String, String>> queries = wb.queries(WbChats.EVENTS_PATH);
        assertThat(queries).hasSize(4);
        assertThat(queries.get(0)).doesNotContainKey("next");
        assertThat(queries.get(1)).containsEntry("next", Long.toString(T0.plusSeconds(2).toEpochMilli()));
        assertThat(queries).noneMatch(q -> "0".equals(q.get("next")));
    }

    @Test
    void should_refuse_next_0_locally_and_map_wbs_answer_when_it_reaches_wb() {
        // expect
        WbValidationException local = catchThrowableOfType(WbValidationException.class,
                () -> chats.events(WbFixtures.SHOP, 0L));
        assertThat(local.field()).isEqualTo("next");
        assertThat(wb.requests(WbChats.EVENTS_PATH)).isZero();

        // and WB's own 400 in the chat shape keeps WB's words
        wb.failNext(WbChats.EVENTS_PATH, 1, 400, ErrorShape.CHAT, "Invalid value for \"next\"", null);
        RequestRejectedException rejected = catchThrowableOfType(RequestRejectedException.class,
                () -> chats.events(WbFixtures.SHOP, 5L));
        assertThat(rejected.getMessage()).contains("Invalid value for \"next\"").contains("proxy-chats");
    }

    @Test
    void should_read_every_event_shape_emoji_long_texts_attachments_only_no_message_and_unknown_types() {
        // given
        String longText = "Ж".repeat(998) + "👍";
        wb.addChatEvents(
                FakeWbApi.clientMessage(CHAT, "ev-new", "Здравствуйте 👋", T0).openingChat(SIGN)
                        .withMessage(new ChatMessage("Здравствуйте 👋", FakeWbApi.goodCard("rid-1", 12345678),
                                List.of("Чек.pdf"), 2)),
                FakeWbApi.clientMessage(CHAT, "ev-long", longText, T0.plusSeconds(1)),
                FakeWbApi.clientMessage(CHAT, "ev-files", null, T0.plusSeconds(2))
                        .withMessage(new ChatMessage(null, null, List.of("photo.jpg"), 1)),
                FakeWbApi.clientMessage(CHAT, "ev-none", null, T0.plusSeconds(3)).withMessage(null)
                        .from("seller", "seller-portal"),
                FakeWbApi.clientMessage(CHAT, "ev-refund", "возврат", T0.plusSeconds(4)).ofType("refund"));

        // when
        List<WbChatEvent> events = chats.events(WbFixtures.SHOP, null).events();

        // then
        assertThat(events).hasSize(5);
        WbChatEvent opened = events.get(0);
        assertThat(opened.newChat()).isTrue();
        assertThat(opened.replySign()).isEqualTo(SIGN);
        assertThat(opened.sender()).isEqualTo(WbChatEvent.SENDER_CLIENT);
        assertThat(opened.source()).isEqualTo("rusite");
        assertThat(opened.clientName()).isEqualTo("Алёна");
        assertThat(opened.addTimestamp()).isEqualTo(T0);
        assertThat(opened.message().text()).isEqualTo("Здравствуйте 👋");
        assertThat(opened.goodCard().rid()).isEqualTo("rid-1");
        assertThat(opened.message().attachments().files()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("Чек.pdf");
            assertThat(f.contentType()).isEqualTo("application/pdf");
            assertThat(f.downloadId()).isEqualTo("ev-new-f0");
            assertThat(f.size()).isEqualTo(1_046_143L);
        });
        assertThat(opened.message().attachments().images()).hasSize(2);
        assertThat(opened.toString()).doesNotContain(SIGN).doesNotContain("Здравствуйте").doesNotContain("Алёна");
        assertThat(events.get(1).message().text()).isEqualTo(longText).hasSize(1000);
        assertThat(events.get(1).replySign()).isNull();
        assertThat(events.get(2).message().text()).isEmpty();
        assertThat(events.get(2).message().attachments().files()).extracting(WbChatAttachedFile::name)
                .containsExactly("photo.jpg");
        assertThat(events.get(3).message()).isNull();
        assertThat(events.get(3).sender()).isEqualTo(WbChatEvent.SENDER_SELLER);
        assertThat(events.get(4).eventType()).isEqualTo("refund");
        assertThat(events.get(4).isMessage()).isFalse();
    }

    @Test
    void should_send_text_and_files_as_the_multipart_parts_wb_expects() {
        // given
        wb.putChat(FakeWbApi.chat(CHAT, SIGN, "Алёна"));
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};
        byte[] pdf = "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII);
        String text = "Здравствуйте! Заменим товар 👍 " + "я".repeat(900);

        // when
        WbSentMessage sent = chats.send(WbFixtures.SHOP, SIGN, text,
                List.of(WbChatFile.jpeg("фото.jpg", jpeg), WbChatFile.pdf("чек.pdf", pdf)));

        // then
        assertThat(sent.chatId()).isEqualTo(CHAT);
        assertThat(sent.addTime()).isAfter(Instant.EPOCH);
        assertThat(sent.fileErrors()).isEmpty();
        FakeWbApi.SentChatMessage received = wb.sentChatMessages().get(0);
        assertThat(received.replySign()).isEqualTo(SIGN);
        assertThat(received.message()).isEqualTo(text);
        assertThat(received.files()).hasSize(2);
        assertThat(received.files().get(0).fileName()).isEqualTo("фото.jpg");
        assertThat(received.files().get(0).contentType()).isEqualTo("image/jpeg");
        assertThat(received.files().get(0).content()).isEqualTo(jpeg);
        assertThat(received.files().get(1).fileName()).isEqualTo("чек.pdf");
        assertThat(received.files().get(1).contentType()).isEqualTo("application/pdf");
        assertThat(received.files().get(1).content()).isEqualTo(pdf);
        String body = wb.bodies(WbChats.MESSAGE_PATH).get(0);
        assertThat(body).contains("Content-Disposition: form-data; name=\"replySign\"")
                .contains("Content-Disposition: form-data; name=\"message\"")
                .contains("Content-Disposition: form-data; name=\"file\"; filename=\"фото.jpg\"");
    }

    @Test
    void should_send_files_only_without_a_message_part() {
        // given
        wb.putChat(FakeWbApi.chat(CHAT, SIGN, "Алёна"));

        // when
        chats.send(WbFixtures.SHOP, SIGN, "", List.of(WbChatFile.png("схема.png", new byte[] {(byte) 0x89, 'P'})));

        // then
        assertThat(wb.sentChatMessages().get(0).message()).isNull();
        assertThat(wb.sentChatMessages().get(0).files()).hasSize(1);
    }

    @Test
    void should_refuse_every_limit_locally_naming_the_field_and_sending_nothing() {
        // given
        byte[] sixMb = new byte[6 * 1024 * 1024];
        byte[] fiveMb = new byte[5 * 1024 * 1024];
        List<WbChatFile> sevenOfFive = Collections.nCopies(7, WbChatFile.jpeg("a.jpg", fiveMb));

        // expect
        assertRefused(() -> chats.send(WbFixtures.SHOP, SIGN, "ы".repeat(1001), List.of()), "message", "1000");
        assertRefused(() -> chats.send(WbFixtures.SHOP, "s".repeat(256), "ok", List.of()), "replySign", "255");
        assertRefused(() -> chats.send(WbFixtures.SHOP, " ", "ok", List.of()), "replySign", "required");
        assertRefused(() -> chats.send(WbFixtures.SHOP, SIGN, "", List.of()), "message", "text or at least one file");
        assertRefused(() -> chats.send(WbFixtures.SHOP, SIGN, "видео",
                List.of(new WbChatFile("video_2023-07-25.mp4", "video/mp4", new byte[10]))), "file", "JPEG, PNG or PDF");
        assertRefused(() -> chats.send(WbFixtures.SHOP, SIGN, "видео",
                List.of(new WbChatFile("clip.mp4", "image/jpeg", new byte[10]))), "file", "JPEG, PNG or PDF");
        assertRefused(() -> chats.send(WbFixtures.SHOP, SIGN, "big", List.of(WbChatFile.jpeg("big.jpg", sixMb))),
                "file", "5 MiB");
        assertRefused(() -> chats.send(WbFixtures.SHOP, SIGN, "many", sevenOfFive), "file", "30 MiB");
        assertThat(wb.requests(WbChats.MESSAGE_PATH)).isZero();

        // and the limits themselves pass: 1000 characters, a 255-character sign (WB then judges the sign)
        wb.putChat(FakeWbApi.chat(CHAT, "s".repeat(255), "Алёна"));
        chats.send(WbFixtures.SHOP, "s".repeat(255), "ы".repeat(1000), List.of(WbChatFile.jpeg("ok.jpg", fiveMb)));
        assertThat(wb.sentChatMessages()).hasSize(1);
    }

    @Test
    void should_map_wbs_400_texts_with_wbs_words_in_the_message() {
        // given
        wb.putChat(FakeWbApi.chat(CHAT, SIGN, "Алёна"));
        List<String> texts = List.of("A24FA09844E: attachment too big. Max size: 5MiB",
                "4A9F2544E29: \"video_2023-07-25_10-54-09.mp4\" has unsupported mime type",
                "Invalid value for \"message\"");

        // expect: an unknown signature, as WB judges it
        RequestRejectedException signature = catchThrowableOfType(RequestRejectedException.class,
                () -> chats.send(WbFixtures.SHOP, "1:unknown:sign", "Здравствуйте", List.of()));
        assertThat(signature.getMessage()).contains("Wildberries said").contains("Invalid signature");
        for (String text : texts) {
            wb.failNext(WbChats.MESSAGE_PATH, 1, 400, ErrorShape.CHAT, text, null);
        }
        for (String text : texts) {
            RequestRejectedException e = catchThrowableOfType(RequestRejectedException.class,
                    () -> chats.send(WbFixtures.SHOP, SIGN, "Здравствуйте", List.of()));
            assertThat(e.getMessage()).contains(text).contains("origin proxy-chats");
            assertThat(e.status()).isEqualTo(400);
        }
        assertThat(wb.requests(WbChats.MESSAGE_PATH)).as("a send is never retried").isEqualTo(4);
    }

    @Test
    void should_return_the_file_or_a_pending_or_a_failed_moderation_result_without_waiting() {
        // given
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 7};
        wb.putChatDownload("ok-1", ChatDownload.file(jpeg, "image/jpeg"));
        wb.putChatDownload("wait-1", ChatDownload.pending(30));
        wb.putChatDownload("bad-1", ChatDownload.failedModeration());

        // when
        WbChatDownload ok = chats.download(WbFixtures.SHOP, "ok-1");
        WbChatDownload pending = chats.download(WbFixtures.SHOP, "wait-1");
        WbChatDownload failed = chats.download(WbFixtures.SHOP, "bad-1");

        // then
        assertThat(ok).isEqualTo(new WbChatDownload.File(jpeg, "image/jpeg"));
        assertThat(pending).isEqualTo(new WbChatDownload.Pending("pending", Duration.ofSeconds(30)));
        assertThat(failed).isEqualTo(new WbChatDownload.FailedModeration("bad-1"));
        assertThat(sleeper.waits()).as("nothing waits for moderation").isEmpty();
        assertThat(wb.requests("/api/v1/seller/download/bad-1")).as("451 is not retried").isEqualTo(1);
    }

    @Test
    void should_take_the_chat_bucket_10_per_10_seconds_burst_10() {
        // given
        wb.putChat(FakeWbApi.chat(CHAT, SIGN, "Алёна"));

        // when
        for (int i = 0; i < 12; i++) {
            chats.list(WbFixtures.SHOP);
        }

        // then: 10 at once, then one a second
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(wb.requests(WbChats.CHATS_PATH)).isEqualTo(12);
    }

    @Test
    void should_retry_a_429_of_the_events_feed_waiting_what_wb_says() {
        // given
        wb.failNext(WbChats.EVENTS_PATH, 1, 429, ErrorShape.PROBLEM_JSON, "limited by 1", 7);

        // when
        WbChatEventsPage page = chats.events(WbFixtures.SHOP, null);

        // then
        assertThat(page.isEnd()).isTrue();
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field,
            String limit) {
        WbValidationException e = catchThrowableOfType(WbValidationException.class, call);
        assertThat(e).as("refused locally: " + field + " " + limit).isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).contains(limit);
    }
}
