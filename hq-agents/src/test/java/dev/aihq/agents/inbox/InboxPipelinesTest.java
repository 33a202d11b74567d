package dev.aihq.agents.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.agents.AiHq;
import dev.aihq.agents.review.ReviewView;
import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.InboxEvent;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.event.InboxSender;
import dev.aihq.api.inbox.InboxIntent;
import dev.aihq.api.inbox.InboxPriority;
import dev.aihq.api.inbox.Interaction;
import dev.aihq.api.inbox.InteractionMessage;
import dev.aihq.api.inbox.InteractionStatus;
import dev.aihq.api.inbox.ManagerNotification;
import dev.aihq.api.inbox.NotificationKind;
import dev.aihq.api.inbox.OrderLinkSource;
import dev.aihq.api.inbox.ReplyOrigin;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.shop.BusinessHours;
import dev.aihq.api.shop.InboxSettings;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.OpeningSpan;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.api.store.IndexedOrder;
import dev.aihq.api.store.RunRecord;
import dev.aihq.pipeline.ReviewResult;
import dev.aihq.pipeline.memory.InMemoryStores;
import dev.aihq.pipeline.web.WebhookSecretProvider;
import dev.aihq.testkit.RecordingChannel;
import dev.aihq.testkit.ScriptedChatModel;
import dev.aihq.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The second seed's realistic scenarios end to end through {@code AiHq} on connector stubs: a negative review's
 * rescue draft held for approval, a question answered fast, a churn-risk chat asked for its order and linked from
 * the buyer's answer, escalation, SLA deadlines at night in the shop's zone, a model draft refused by the guard.
 */
class InboxPipelinesTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ShopId WB = ShopId.of("wb_shop");
    private static final ShopId OZON = ShopId.of("ozon_shop");
    private static final Instant T0 = Instant.parse("2026-03-03T08:00:00Z"); // 11:00 in Moscow

    private final SettableClock clock = SettableClock.at(T0);
    private final InMemoryStores stores = InMemoryStores.create();
    private final StubConnector wb = new StubConnector(Marketplace.WILDBERRIES, clock);
    private final StubConnector ozon = new StubConnector(Marketplace.OZON, clock);
    private final List<ManagerNotification> notices = new CopyOnWriteArrayList<>();
    private @Nullable AiHq hq;

    @AfterEach
    void close() {
        if (hq != null) {
            hq.close();
        }
    }

    private AiHq start(InboxSettings settings, @Nullable ScriptedChatModel model) {
        for (ShopId id : List.of(WB, OZON)) {
            Shop shop = Shop.builder(id, id == WB ? Marketplace.WILDBERRIES : Marketplace.OZON).name("Магазин «Луч»")
                    .zone(MOSCOW).legalForm(LegalForm.OOO).taxMode(TaxMode.RU_USN_INCOME).build();
            stores.shops().save(shop.toBuilder().settings(shop.settings().toBuilder().inbox(settings).build()).build());
        }
        hq = AiHq.builder().stores(stores).channel(new RecordingChannel(clock))
                .secrets(WebhookSecretProvider.of(Map.of())).clock(clock).connector(wb).connector(ozon)
                .notifier(notices::add).chatModel(model).build().start();
        return hq;
    }

    private static InboxEvent.Builder event(ShopId shop, Marketplace marketplace, InboxItemKind kind, String thread,
            String message, String text, Instant at) {
        return InboxEvent.builder().shopId(shop).marketplace(marketplace).kind(kind).threadId(thread)
                .messageId(message).sender(InboxSender.BUYER).text(text).occurredAt(at);
    }

    private RunRecord run(InboxEvent event) throws InterruptedException {
        assertThat(hq.events().accept(event).journaled()).isTrue();
        assertThat(hq.inbox().awaitDrained(Duration.ofSeconds(10))).isTrue();
        return stores.runLog().recent(event.shopId(), 50).stream()
                .filter(r -> r.idempotencyKey().equals(event.idempotencyKey())).findFirst().orElseThrow();
    }

    private Interaction interaction(ShopId shop, Marketplace marketplace, InboxItemKind kind, String thread) {
        return stores.interactions().find(shop, Interaction.idOf(marketplace, kind, thread)).orElseThrow();
    }

    @Test
    void should_hold_a_negative_reviews_rescue_draft_for_approval_and_publish_it_once_approved() throws Exception {
        start(InboxSettings.builder().autoPublish(true).build(), null);
        InboxEvent review = event(WB, Marketplace.WILDBERRIES, InboxItemKind.REVIEW, "fb-1", "fb-1",
                "Пришла с браком: шов разошёлся после первой стирки. Очень разочарована.", T0).rating(1)
                .productId("146238742").productName("Платье льняное").build();

        RunRecord held = run(review);

        assertThat(held.outcome()).isEqualTo(RunOutcome.HELD_FOR_REVIEW);
        assertThat(held.reason()).contains("waits for approval").contains("1-star review");
        assertThat(wb.sent).isEmpty();
        Interaction open = interaction(WB, Marketplace.WILDBERRIES, InboxItemKind.REVIEW, "fb-1");
        assertThat(open.status()).isEqualTo(InteractionStatus.OPEN);
        assertThat(open.classification().intent()).isEqualTo(InboxIntent.QUALITY_COMPLAINT);
        assertThat(open.productName()).isEqualTo("Платье льняное");
        List<ReviewView> queue = hq.reviews().list(WB, 10);
        assertThat(queue).singleElement().satisfies(v -> assertThat(v.pipeline()).isEqualTo(InboxPipelines.NAME));
        assertThat(queue.get(0).draft().text()).contains("Нам очень жаль").doesNotContain("вернём деньги");

        // when a person approves it
        ReviewResult decided = hq.reviews().approve(WB, held.runId(), "Ольга");

        // then it is published once and the review is answered
        assertThat(decided.record().outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(wb.sent).singleElement().satisfies(s -> {
            assertThat(s.target().kind()).isEqualTo(InboxItemKind.REVIEW);
            assertThat(s.target().threadId()).isEqualTo("fb-1");
        });
        Interaction answered = interaction(WB, Marketplace.WILDBERRIES, InboxItemKind.REVIEW, "fb-1");
        assertThat(answered.status()).isEqualTo(InteractionStatus.ANSWERED);
        assertThat(stores.interactions().messages(WB, answered.id())).extracting(InteractionMessage::origin)
                .containsExactly(null, ReplyOrigin.DRAFT_AS_IS);
        assertThat(hq.reviews().approve(WB, held.runId(), "Ольга").status()).isEqualTo(ReviewResult.Status.NOT_HELD);
    }

    @Test
    void should_answer_a_pre_purchase_question_at_once_when_the_shop_publishes_without_approval() throws Exception {
        start(InboxSettings.builder().autoPublish(true).build(), null);
        InboxEvent question = event(OZON, Marketplace.OZON, InboxItemKind.QUESTION, "q-1", "q-1",
                "Подскажите, какой размер брать на рост 170 и вес 60? Маломерит или нет?", T0).productId("180550365")
                .build();

        RunRecord sent = run(question);

        assertThat(sent.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(ozon.sent).singleElement().satisfies(s -> {
            assertThat(s.target().productId()).isEqualTo("180550365");
            assertThat(s.text()).contains("таблице размеров");
        });
        Interaction answered = interaction(OZON, Marketplace.OZON, InboxItemKind.QUESTION, "q-1");
        assertThat(answered.classification().intent()).isEqualTo(InboxIntent.SIZING);
        assertThat(answered.classification().priority()).isEqualTo(InboxPriority.HIGH);
        assertThat(answered.firstDeadline()).isEqualTo(T0.plus(Duration.ofHours(4)));
        assertThat(answered.firstReplyAt()).isEqualTo(T0);
        assertThat(answered.status()).isEqualTo(InteractionStatus.ANSWERED);
    }

    @Test
    void should_ask_a_churn_risk_chat_for_its_order_then_link_the_number_the_buyer_writes() throws Exception {
        start(InboxSettings.defaults(), null);
        stores.orderIndex().upsert(new IndexedOrder(WB, Marketplace.WILDBERRIES, "3456789012", "rid-7f3a", null,
                "9876543210", "SNK-42", "146238742", "Кроссовки беговые", "fbs", "complete", T0.minusSeconds(86_400),
                T0));
        InboxEvent angry = event(WB, Marketplace.WILDBERRIES, InboxItemKind.CHAT_MESSAGE, "chat-1", "m1",
                "ВЫ ИЗДЕВАЕТЕСЬ?! Больше никогда у вас ничего не закажу, пишу жалобу в поддержку!!!", T0)
                .replyHandle("1:chat-1:sign").build();

        RunRecord first = run(angry);
        clock.advance(Duration.ofMinutes(3));
        InboxEvent number = event(WB, Marketplace.WILDBERRIES, InboxItemKind.CHAT_MESSAGE, "chat-1", "m2",
                "Заказ 3456789012", clock.instant()).build();
        RunRecord second = run(number);

        assertThat(first.outcome()).isEqualTo(RunOutcome.HELD_FOR_REVIEW);
        assertThat(hq.reviews().find(WB, first.runId()).orElseThrow().draft().text()).contains("номер заказа");
        assertThat(notices).filteredOn(n -> n.kind() == NotificationKind.URGENT_MESSAGE).singleElement()
                .satisfies(n -> {
                    assertThat(n.id()).isEqualTo("urgent:wildberries:chat_message:chat-1:m1");
                    assertThat(n.priority()).isEqualTo(InboxPriority.CRITICAL);
                });
        Interaction linked = interaction(WB, Marketplace.WILDBERRIES, InboxItemKind.CHAT_MESSAGE, "chat-1");
        assertThat(linked.orderLink().source()).isEqualTo(OrderLinkSource.BUYER_REPLY);
        assertThat(linked.orderLink().orderId()).isEqualTo("3456789012");
        assertThat(linked.replyHandle()).isEqualTo("1:chat-1:sign");
        assertThat(hq.reviews().find(WB, second.runId()).orElseThrow().draft().text()).doesNotContain("номер заказа");

        // a person approves the second draft: it goes to the chat with its reply sign
        hq.reviews().edit(WB, second.runId(), "Ольга", "Спасибо! Вижу заказ 3456789012, кроссовки беговые."
                + " Расскажите, что случилось, — разберёмся.");
        assertThat(wb.sent).singleElement().satisfies(s -> assertThat(s.target().replyHandle())
                .isEqualTo("1:chat-1:sign"));
        assertThat(stores.interactions().messages(WB, linked.id())).extracting(InteractionMessage::origin)
                .containsExactly(null, null, ReplyOrigin.DRAFT_EDITED);
    }

    @Test
    void should_keep_a_wildberries_chat_whose_id_has_colons_as_wb_writes_it() throws Exception {
        // WB's chat ids are "1:<uuid>" (the events feed and the chat list); the poller keeps them as the thread
        start(InboxSettings.defaults(), null);
        String chat = "1:4019cd7d-2b7e-4c1a-9f3e-6a2d8b0c1e57";
        InboxEvent message = event(WB, Marketplace.WILDBERRIES, InboxItemKind.CHAT_MESSAGE, chat, "ev-1",
                "Здравствуйте, когда придёт заказ?", T0).replyHandle(chat + ":sign").build();

        RunRecord held = run(message);

        assertThat(held.outcome()).isEqualTo(RunOutcome.HELD_FOR_REVIEW);
        Interaction interaction = interaction(WB, Marketplace.WILDBERRIES, InboxItemKind.CHAT_MESSAGE, chat);
        assertThat(interaction.id()).isEqualTo("wildberries:chat_message:" + chat);
        assertThat(interaction.status()).isEqualTo(InteractionStatus.OPEN);
        assertThat(hq.unifiedInbox().queue(WB, 10)).extracting(Interaction::threadId).containsExactly(chat);
    }

    @Test
    void should_keep_the_marketplaces_order_link_and_escalate_once_at_the_third_unanswered_message()
            throws Exception {
        start(InboxSettings.defaults(), null);
        for (int i = 1; i <= 4; i++) {
            clock.advance(Duration.ofMinutes(10));
            run(event(OZON, Marketplace.OZON, InboxItemKind.CHAT_MESSAGE, "chat-9", "m" + i,
                    "Где мой заказ? Жду уже неделю, трек не обновляется (" + i + ")", clock.instant())
                    .orderRef("23713478-0018-3").build());
        }

        Interaction chat = interaction(OZON, Marketplace.OZON, InboxItemKind.CHAT_MESSAGE, "chat-9");
        assertThat(chat.orderLink().source()).isEqualTo(OrderLinkSource.MARKETPLACE);
        assertThat(chat.orderLink().orderRef()).isEqualTo("23713478-0018-3");
        assertThat(chat.status()).isEqualTo(InteractionStatus.ESCALATED);
        assertThat(chat.unansweredBuyerMessages()).isEqualTo(4);
        assertThat(notices).filteredOn(n -> n.kind() == NotificationKind.ESCALATION).singleElement()
                .satisfies(n -> assertThat(n.id()).endsWith(":m3"));
    }

    @Test
    void should_count_a_night_messages_deadline_from_the_shops_next_opening() throws Exception {
        start(InboxSettings.builder().businessHours(BusinessHours.daily(OpeningSpan.of(LocalTime.of(9, 0),
                LocalTime.of(21, 0)))).build(), null);
        Instant night = Instant.parse("2026-03-03T20:30:00Z"); // 23:30 in Moscow
        clock.set(night);

        run(event(WB, Marketplace.WILDBERRIES, InboxItemKind.QUESTION, "q-night", "q-night",
                "Есть ли этот чайник в белом цвете?", night).build());

        Interaction question = interaction(WB, Marketplace.WILDBERRIES, InboxItemKind.QUESTION, "q-night");
        assertThat(question.classification().priority()).isEqualTo(InboxPriority.HIGH);
        assertThat(question.slaDeadline().atZone(MOSCOW).toLocalDateTime()).hasToString("2026-03-04T13:00");
    }

    @Test
    void should_replace_a_model_draft_the_guard_refuses_twice_with_the_template() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.create()
                .reply("{\"intent\":\"delivery_problem\",\"emotion\":\"frustrated\",\"priority\":\"high\","
                        + "\"reason\":\"где заказ\"}")
                .reply("{\"reply\":\"Позвоните нам: +7 916 123-45-67, разберёмся!\"}")
                .reply("{\"reply\":\"Напишите нам в телеграм, там быстрее.\"}");
        start(InboxSettings.defaults(), model);

        RunRecord held = run(event(OZON, Marketplace.OZON, InboxItemKind.CHAT_MESSAGE, "chat-5", "m1",
                "Где посылка? Обещали вчера", T0).orderRef("23713478-0019-1").build());

        String draft = hq.reviews().find(OZON, held.runId()).orElseThrow().draft().text();
        assertThat(draft).doesNotContain("+7").doesNotContain("телеграм").contains("23713478-0019-1");
        assertThat(held.agent().rejections()).isNotEmpty();
        assertThat(held.agent().fallbackReason()).contains("rejected after repair");
        assertThat(interaction(OZON, Marketplace.OZON, InboxItemKind.CHAT_MESSAGE, "chat-5").classification()
                .source().wireValue()).isEqualTo("model");
    }

    @Test
    void should_record_the_shops_cabinet_reply_by_hand_and_keep_a_published_replys_echo_once() throws Exception {
        start(InboxSettings.builder().autoPublish(true).build(), null);
        run(event(OZON, Marketplace.OZON, InboxItemKind.CHAT_MESSAGE, "chat-7", "m1", "Спасибо, всё пришло!",
                T0).build());
        String published = ozon.sent.get(0).text();
        clock.advance(Duration.ofMinutes(1));

        RunRecord echo = run(event(OZON, Marketplace.OZON, InboxItemKind.CHAT_MESSAGE, "chat-7", "s1", published,
                clock.instant()).sender(InboxSender.SELLER).build());
        RunRecord byHand = run(event(OZON, Marketplace.OZON, InboxItemKind.CHAT_MESSAGE, "chat-7", "s2",
                "Обращайтесь!", clock.instant()).sender(InboxSender.SELLER).build());

        assertThat(echo.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(byHand.reason()).contains("a reply of the shop");
        assertThat(stores.interactions().messages(OZON, "ozon:chat_message:chat-7"))
                .extracting(InteractionMessage::origin)
                .containsExactly(null, ReplyOrigin.DRAFT_AS_IS, ReplyOrigin.BY_HAND);
    }

    @Test
    void should_follow_a_rescued_reviews_raised_rating_into_the_review_conversion() throws Exception {
        start(InboxSettings.defaults(), null);
        RunRecord held = run(event(WB, Marketplace.WILDBERRIES, InboxItemKind.REVIEW, "fb-9", "fb-9",
                "Брак, молния сломалась сразу", T0).rating(1).productId("146238742").build());
        hq.reviews().approve(WB, held.runId(), "Ольга");
        clock.advance(Duration.ofDays(2));
        wb.ratings.put("fb-9", 5);

        RatingWatcher.Report first = new RatingWatcher(stores.interactions(), hq.events(), clock)
                .watch(wb, WB, RatingWatcher.DEFAULT_LOOK_BACK);
        assertThat(hq.inbox().awaitDrained(Duration.ofSeconds(10))).isTrue();
        RatingWatcher.Report again = new RatingWatcher(stores.interactions(), hq.events(), clock)
                .watch(wb, WB, RatingWatcher.DEFAULT_LOOK_BACK);

        Interaction review = interaction(WB, Marketplace.WILDBERRIES, InboxItemKind.REVIEW, "fb-9");
        assertThat(first.changed()).isEqualTo(1);
        assertThat(again.checked()).isZero();
        assertThat(review.firstRating()).isEqualTo(1);
        assertThat(review.rating()).isEqualTo(5);
        assertThat(review.status()).isEqualTo(InteractionStatus.ANSWERED);
        assertThat(hq.reviews().list(WB, 10)).isEmpty();
        assertThat(hq.unifiedInbox().metrics(WB, T0, clock.instant()).reviewConversion().raised()).isEqualTo(1);
    }

    @Test
    void should_ask_the_marketplace_for_a_pushed_chats_order_before_asking_the_buyer() throws Exception {
        start(InboxSettings.defaults(), null);
        ozon.chatOrders.put("chat-p", "23713478-0031-1");

        RunRecord held = run(event(OZON, Marketplace.OZON, InboxItemKind.CHAT_MESSAGE, "chat-p", "m1",
                "Где мой заказ? Уже неделю жду", T0).build());

        Interaction chat = interaction(OZON, Marketplace.OZON, InboxItemKind.CHAT_MESSAGE, "chat-p");
        assertThat(chat.orderLink().source()).isEqualTo(OrderLinkSource.MARKETPLACE);
        assertThat(chat.orderLink().orderRef()).isEqualTo("23713478-0031-1");
        assertThat(hq.reviews().find(OZON, held.runId()).orElseThrow().draft().text())
                .contains("23713478-0031-1").doesNotContain("номер заказа");
    }

    @Test
    void should_not_let_a_marketplace_stamp_behind_ours_put_the_reply_before_the_buyers_message() throws Exception {
        start(InboxSettings.builder().autoPublish(true).build(), null);
        ozon.stampSkew = Duration.ofDays(-30);

        run(event(OZON, Marketplace.OZON, InboxItemKind.QUESTION, "q-skew", "q-skew", "Есть ли размер XL?", T0)
                .productId("180550365").build());

        Interaction answered = interaction(OZON, Marketplace.OZON, InboxItemKind.QUESTION, "q-skew");
        assertThat(answered.openedAt()).isEqualTo(T0);
        assertThat(answered.firstReplyAt()).isEqualTo(T0);
        assertThat(answered.status()).isEqualTo(InteractionStatus.ANSWERED);
    }
}
