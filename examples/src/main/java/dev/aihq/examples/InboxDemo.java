package dev.aihq.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aihq.agents.AiHq;
import dev.aihq.agents.inbox.Inbox;
import dev.aihq.agents.inbox.insight.InboxMetricsReport;
import dev.aihq.agents.inbox.insight.QualityAlert;
import dev.aihq.agents.inbox.insight.QuestionTopic;
import dev.aihq.agents.review.ReviewView;
import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.inbox.Classification;
import dev.aihq.api.inbox.InboxEmotion;
import dev.aihq.api.inbox.InboxIntent;
import dev.aihq.api.inbox.InboxPriority;
import dev.aihq.api.inbox.Interaction;
import dev.aihq.api.inbox.ManagerNotification;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.connectors.ozon.OzonClient;
import dev.aihq.connectors.ozon.OzonConfig;
import dev.aihq.connectors.ozon.OzonConnector;
import dev.aihq.connectors.ozon.OzonCredentials;
import dev.aihq.connectors.ozon.OzonCredentialsProvider;
import dev.aihq.connectors.ozon.OzonInboxPollReport;
import dev.aihq.connectors.ozon.OzonInboxPoller;
import dev.aihq.connectors.ozon.OzonPostingPoller;
import dev.aihq.connectors.ozon.OzonSubscription;
import dev.aihq.connectors.wb.WbChatPollReport;
import dev.aihq.connectors.wb.WbChatPoller;
import dev.aihq.connectors.wb.WbClient;
import dev.aihq.connectors.wb.WbConfig;
import dev.aihq.connectors.wb.WbConnector;
import dev.aihq.connectors.wb.WbCredentialsProvider;
import dev.aihq.connectors.wb.WbFeedbackPoller;
import dev.aihq.connectors.wb.WbIndexReport;
import dev.aihq.connectors.wb.WbOrderIndexer;
import dev.aihq.connectors.wb.WbPollReport;
import dev.aihq.http.HttpLogSink;
import dev.aihq.http.Sleeper;
import dev.aihq.pipeline.ReviewResult;
import dev.aihq.pipeline.memory.InMemoryStores;
import dev.aihq.pipeline.web.WebhookSecretProvider;
import dev.aihq.testkit.RecordingChannel;
import dev.aihq.testkit.RecordingEventSink;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.ozon.FakeOzonApi;
import dev.aihq.testkit.wb.FakeWbApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.annotation.Nullable;

/**
 * The unified inbox on local fakes of the Wildberries and Ozon APIs, without tokens or a model: a realistic batch
 * ({@code demo/inbox/batch.json}) of one WB shop's and one Ozon shop's unanswered reviews, questions and buyer
 * chats is put into a {@link FakeWbApi} and a {@link FakeOzonApi}; the WB order indexer and the Ozon posting poller
 * fill the order index, and the pollers ({@link WbFeedbackPoller}, {@link WbChatPoller}, {@link OzonInboxPoller})
 * hand every item to {@link AiHq#events()} once. The inbox pipeline then journals each message into its interaction,
 * classifies the buyer's messages with the rule classifier (no model is configured, so the reply templates are the
 * drafts), links orders, notifies the manager of critical messages and escalations, and holds every draft in the
 * review queue.
 *
 * <p>The demo prints the two shops' queue by SLA deadline with each interaction's intent, emotion, priority, order
 * link and held draft; the manager's notices; a manager approving two drafts and editing one (each published to
 * the fake, which is shown) and correcting one classification; the week's quality alert (the plaid whose reviews
 * turned from 4–5★ to 1–2★) and the question topics with what to add to the card; and each shop's metrics with
 * their counts.
 *
 * <p>The clock is fixed at the batch's {@code now} (Thursday 12 March 2026, 12:00 in Moscow) and the runs go on the
 * caller's thread, so every run prints the same. Rate-limit waits are skipped: the fakes are local. Run it with
 * {@code ./mvnw -q -Pdemo-inbox -DskipTests verify}.
 */
public final class InboxDemo {

    /** The batch on the class path. */
    public static final String BATCH = "/demo/inbox/batch.json";
    /** The token the local WB fake accepts. */
    public static final String WB_TOKEN = "demo-wb-token";
    /** The API key the local Ozon fake accepts. */
    public static final String OZON_API_KEY = "demo-ozon-api-key";
    /** The shops' zone. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    /** How long after the poll the manager opens the review queue. */
    public static final Duration MANAGER_DELAY = Duration.ofMinutes(25);
    /** The manager's name in the review decisions. */
    public static final String MANAGER = "Анна, менеджер";
    /** The edited reply to the thermo mug's 1★ review. */
    public static final String EDITED_REPLY = "Алексей, здравствуйте! Очень жаль, что кружка протекла и испортила"
            + " вам вещи. Похоже на брак уплотнителя: эту партию мы уже проверяем. Оформите, пожалуйста, возврат в"
            + " личном кабинете Wildberries — примем кружку без вопросов.";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT);
    private static final Sleeper NO_WAIT = duration -> { };
    private static final int WRAP_AT = 96;

    private InboxDemo() {}

    /**
     * What the demo found and did.
     *
     * @param now the clock when the pollers ran
     * @param rescue the interaction of the thermo mug's 1★ review, whose draft the manager edits
     * @param churn the interaction of the WB chat of a buyer who says they will leave, with no order
     * @param queue both shops' open interactions by SLA deadline, as printed
     * @param drafts the held draft of each interaction in the queue, by interaction id
     * @param notices every notice sent to the manager, in order (urgent, escalation, quality)
     * @param decisions the review decisions, in order
     * @param corrected the interaction a person corrected, as saved
     * @param alerts the week's quality alerts of both shops
     * @param topics the question topics of both shops
     * @param metrics each shop's metrics, WB first
     * @param published what the fakes received, one line per reply
     */
    public record Result(Instant now, String rescue, String churn, List<Interaction> queue, Map<String, String> drafts,
            List<ManagerNotification> notices, List<ReviewResult> decisions, Interaction corrected,
            List<QualityAlert> alerts, List<QuestionTopic> topics, List<InboxMetricsReport> metrics,
            List<String> published) {}

    /**
     * Runs the demo on standard output.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Runs the demo against the local fakes.
     *
     * @param out where to print
     * @return what it found and did
     */
    public static Result run(PrintStream out) {
        JsonNode batch = readBatch();
        JsonNode wbBatch = batch.get("wildberries");
        JsonNode ozonBatch = batch.get("ozon");
        Instant now = Instant.parse(batch.get("now").asText());
        SettableClock clock = SettableClock.at(now);
        InMemoryStores stores = InMemoryStores.create();
        Shop wbShop = shop(wbBatch.get("shop"), Marketplace.WILDBERRIES);
        Shop ozonShop = shop(ozonBatch.get("shop"), Marketplace.OZON);
        stores.shops().save(wbShop);
        stores.shops().save(ozonShop);
        String clientId = ozonBatch.get("clientId").asText();
        List<ManagerNotification> notices = new CopyOnWriteArrayList<>();

        try (FakeWbApi wb = FakeWbApi.start(WB_TOKEN); FakeOzonApi ozon = FakeOzonApi.start(clientId, OZON_API_KEY)) {
            wb.sendClock(clock); // WB stamps a chat message when it takes it
            int wbItems = loadWildberries(wb, wbBatch);
            int ozonItems = loadOzon(ozon, ozonBatch);
            WbClient wbClient = WbClient.builder(WbConfig.builder().baseUrlForAll(wb.baseUrl()).build(),
                    WbCredentialsProvider.of(wbShop.id(), WB_TOKEN)).clock(clock).sleeper(NO_WAIT)
                    .logSink(HttpLogSink.none()).build();
            WbConnector wbConnector = WbConnector.of(wbClient);
            OzonClient ozonClient = OzonClient.builder(OzonConfig.builder().baseUrl(ozon.baseUrl()).build(),
                    OzonCredentialsProvider.of(ozonShop.id(), OzonCredentials.of(clientId, OZON_API_KEY),
                            OzonSubscription.PREMIUM_PLUS)).clock(clock).sleeper(NO_WAIT)
                    .logSink(HttpLogSink.none()).build();
            OzonConnector ozonConnector = OzonConnector.of(ozonClient);

            try (AiHq hq = AiHq.builder().stores(stores).chatModel(null).channel(new RecordingChannel(clock))
                    .secrets(WebhookSecretProvider.of(Map.of(wbShop.id(), "demo-inbox-secret-wb-0000001",
                            ozonShop.id(), "demo-inbox-secret-ozon-000001")))
                    .connector(wbConnector).connector(ozonConnector).notifier(notices::add)
                    .executor(Runnable::run).clock(clock).build().start()) {
                Inbox inbox = hq.unifiedInbox();
                out.println("AI HQ · unified inbox on local fakes of the Wildberries API (" + wb.baseUrl()
                        + ") and the Ozon Seller API (" + ozon.baseUrl() + ")");
                out.println("  now: " + TIME.format(now.atZone(ZONE)) + " (Moscow), " + DAY.format(now.atZone(ZONE))
                        + " · batch: " + wbItems + " WB items, " + ozonItems + " Ozon items");
                out.println("  model: none — the rule classifier labels every message and the reply templates are"
                        + " the drafts; every draft waits for a person (the shops' default)");

                section(out, "Polls: the order index first, then reviews, questions and chats into hq.events()");
                WbIndexReport indexed = WbOrderIndexer.of(wbClient, stores.orderIndex(), clock)
                        .indexFbs(wbShop.id(), now.minus(Duration.ofDays(30)), now);
                OzonPostingPoller.builder(ozonConnector, new RecordingEventSink(), stores.cursors())
                        .orderIndex(stores.orderIndex()).fbo(false).clock(clock).build().poll(ozonShop.id());
                out.println("  order index: WB " + indexed + "; Ozon postings "
                        + stores.orderIndex().lookup(ozonShop.id(), Marketplace.OZON, "31845712-0047", 5).size()
                        + " indexed (their purchase events are left out: this demo is about the inbox)");
                WbPollReport feedbacks = WbFeedbackPoller.builder(wbConnector, hq.events(), stores.cursors())
                        .clock(clock).build().poll(wbShop.id());
                WbChatPollReport wbChats = WbChatPoller.builder(wbConnector, hq.events(), stores.cursors())
                        .orderIndex(stores.orderIndex()).clock(clock).build().poll(wbShop.id());
                OzonInboxPollReport ozonInbox = OzonInboxPoller.builder(ozonConnector, hq.events(), stores.cursors())
                        .orderIndex(stores.orderIndex()).clock(clock).build().poll(ozonShop.id());
                boolean drained = awaitDrained(hq);
                out.println("  WB feedbacks " + feedbacks.feedbacks().accepted() + ", questions "
                        + feedbacks.questions().accepted() + ", chat messages " + wbChats.accepted()
                        + " · Ozon reviews " + ozonInbox.reviews().accepted() + ", questions "
                        + ozonInbox.questions().accepted() + ", chat messages " + ozonInbox.chats().accepted()
                        + " · pipeline drained: " + drained);

                // (a) the queue by deadline, with the drafts held for a person
                List<Interaction> queue = new ArrayList<>(inbox.queue(wbShop.id(), 100));
                queue.addAll(inbox.queue(ozonShop.id(), 100));
                queue.sort(Comparator.comparing(Interaction::slaDeadline));
                Map<String, ReviewView> held = held(hq, queue, List.of(wbShop.id(), ozonShop.id()));
                Map<String, String> drafts = new LinkedHashMap<>();
                held.forEach((id, view) -> {
                    if (view.draft() != null) {
                        drafts.put(id, view.draft().text());
                    }
                });
                section(out, "The inbox by SLA deadline (" + queue.size() + " interactions of both shops, deadlines"
                        + " in Moscow time; " + drafts.size() + " drafts wait in the review queue)");
                int n = 0;
                for (Interaction i : queue) {
                    printInteraction(out, ++n, i, now, drafts.get(i.id()));
                }

                // (b) the notices the pipeline sent while it worked
                section(out, "Notices to the manager (" + notices.size() + ")");
                List.copyOf(notices).forEach(notice -> printNotice(out, notice));

                // (c) the manager's decisions, 25 minutes later
                clock.advance(MANAGER_DELAY);
                section(out, "The manager at " + TIME.format(clock.instant().atZone(ZONE)) + ": two drafts approved,"
                        + " one edited, one classification corrected");
                String churnChat = chatId(wbBatch, 0);
                String correctedReviewId = ozonBatch.get("reviews").get(2).get("id").asText();
                String delivery = Interaction.idOf(Marketplace.OZON, InboxItemKind.CHAT_MESSAGE,
                        ozonBatch.get("chats").get(0).get("chatId").asText());
                String churn = Interaction.idOf(Marketplace.WILDBERRIES, InboxItemKind.CHAT_MESSAGE, churnChat);
                String rescue = Interaction.idOf(Marketplace.WILDBERRIES, InboxItemKind.REVIEW,
                        rescueReviewId(wbBatch));
                List<ReviewResult> decisions = new ArrayList<>();
                decisions.add(decide(out, "approved", churn, hq.reviews().approve(wbShop.id(),
                        held.get(churn).runId(), MANAGER)));
                decisions.add(decide(out, "approved", delivery, hq.reviews().approve(ozonShop.id(),
                        held.get(delivery).runId(), MANAGER)));
                decisions.add(decide(out, "edited", rescue, hq.reviews().edit(wbShop.id(), held.get(rescue).runId(),
                        MANAGER, EDITED_REPLY, "по имени, без шаблона, про проверку партии")));
                List<String> published = new ArrayList<>();
                for (FakeWbApi.SentChatMessage m : wb.sentChatMessages()) {
                    published.add("WB chat " + m.chatId() + " ← «" + m.message() + "»");
                }
                wb.findFeedback(rescueReviewId(wbBatch)).map(FakeWbApi.Feedback::answerText).ifPresent(answer ->
                        published.add("WB feedback " + rescueReviewId(wbBatch) + " ← «" + answer + "»"));
                for (JsonNode chat : ozonBatch.get("chats")) {
                    for (FakeOzonApi.ChatMessage m : ozon.chatMessages(chat.get("chatId").asText())) {
                        if (m.userType().equalsIgnoreCase("seller")) {
                            published.add("Ozon chat " + chat.get("chatId").asText() + " ← «"
                                    + String.join(" ", m.data()) + "»");
                        }
                    }
                }
                out.println("  What the marketplaces received:");
                published.forEach(line -> wrap(out, "    ", line));
                // the rules read "через неделю" in the power bank's 2★ review as a delivery problem: it is a defect
                String correctedId = Interaction.idOf(Marketplace.OZON, InboxItemKind.REVIEW, correctedReviewId);
                Interaction before = inbox.find(ozonShop.id(), correctedId).orElseThrow();
                Interaction corrected = inbox.correct(ozonShop.id(), correctedId, Classification.byHuman(
                        InboxIntent.QUALITY_COMPLAINT, InboxEmotion.FRUSTRATED, InboxPriority.HIGH));
                out.println("  Correction of " + correctedId + ": " + label(before.effectiveClassification())
                        + " → " + label(corrected.effectiveClassification()) + " (by a person); deadline "
                        + (deadline(before).equals(deadline(corrected)) ? "stays " + deadline(corrected)
                                : deadline(before) + " → " + deadline(corrected)));

                // (d) quality: this week's alerts and the questions' topics
                LocalDate weekStart = now.atZone(ZONE).toLocalDate()
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                section(out, "Quality: the week from " + DAY.format(weekStart) + " against the week before");
                int noticesBefore = notices.size();
                List<QualityAlert> alerts = new ArrayList<>();
                alerts.addAll(inbox.quality().notifyAlerts(wbShop, weekStart));
                alerts.addAll(inbox.quality().notifyAlerts(ozonShop, weekStart));
                out.println("  alerts: " + alerts.size());
                for (QualityAlert alert : alerts) {
                    out.println(String.format(Locale.ROOT, "    %s «%s»: %d of %d reviews at 1–2★ (%.0f %%), the week"
                            + " before %d of %d%s", alert.productId(), alert.productName(), alert.negative(),
                            alert.reviews(), alert.negativeShare() * 100, alert.previousNegative(),
                            alert.previousReviews(), alert.growthPercent() == null ? ""
                                    : String.format(Locale.ROOT, " → +%.0f %%", alert.growthPercent())));
                }
                notices.subList(noticesBefore, notices.size()).forEach(notice -> printNotice(out, notice));
                Instant from = weekStart.minusDays(14).atStartOfDay(ZONE).toInstant();
                Instant to = clock.instant().atZone(ZONE).toLocalDate().plusDays(1).atStartOfDay(ZONE).toInstant();
                List<QuestionTopic> topics = new ArrayList<>();
                topics.addAll(inbox.quality().questionTopics(wbShop, from, to, 5));
                topics.addAll(inbox.quality().questionTopics(ozonShop, from, to, 5));
                out.println("  question topics:");
                for (QuestionTopic topic : topics) {
                    wrap(out, "    ", productLabel(topic.productId(), topic.productName()) + ": "
                            + topic.topicQuestions() + " of " + topic.questions() + " about " + topic.topic()
                            + (topic.suggestion() == null ? "" : " → " + topic.suggestion()));
                }

                // (e) the metrics
                section(out, "Metrics of the interactions opened from " + DAY.format(from.atZone(ZONE))
                        + " to the end of " + DAY.format(now.atZone(ZONE)));
                List<InboxMetricsReport> metrics = List.of(inbox.metrics(wbShop.id(), from, to),
                        inbox.metrics(ozonShop.id(), from, to));
                for (InboxMetricsReport report : metrics) {
                    printMetrics(out, report);
                }
                return new Result(now, rescue, churn, queue, drafts, List.copyOf(notices), decisions, corrected,
                        alerts, topics, metrics, published);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ the batch

    private static JsonNode readBatch() {
        try (InputStream in = InboxDemo.class.getResourceAsStream(BATCH)) {
            if (in == null) {
                throw new IllegalStateException("the demo batch " + BATCH + " is not on the class path");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo batch " + BATCH, e);
        }
    }

    private static Shop shop(JsonNode shop, Marketplace marketplace) {
        return Shop.builder(ShopId.of(shop.get("id").asText()), marketplace).name(shop.get("name").asText())
                .zone(ZONE).legalForm(LegalForm.OOO).taxMode(TaxMode.RU_USN_INCOME).build();
    }

    private static int loadWildberries(FakeWbApi wb, JsonNode batch) {
        Map<String, FakeWbApi.Product> products = new HashMap<>();
        batch.get("products").fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            products.put(e.getKey(), new FakeWbApi.Product(p.get("nmId").asLong(), p.get("imtId").asLong(),
                    p.get("name").asText(), p.get("article").asText(), "ООО «" + batch.get("shop").get("name").asText()
                    + "»", p.get("brand").asText(), p.get("size").asText()));
        });
        for (JsonNode o : batch.get("orders")) {
            wb.putFbsTask(FakeWbApi.task(o.get("taskId").asLong(), o.get("rid").asText(),
                    Instant.parse(o.get("createdAt").asText())), false);
        }
        int items = 0;
        for (JsonNode f : batch.get("feedbacks")) {
            FakeWbApi.Feedback feedback = FakeWbApi.feedback(f.get("id").asText(), f.get("rating").asInt(),
                    f.get("text").asText(), Instant.parse(f.get("createdAt").asText()))
                    .withProduct(products.get(f.get("product").asText()));
            wb.putFeedback(new FakeWbApi.Feedback(feedback.id(), feedback.text(), feedback.pros(), feedback.cons(),
                    feedback.rating(), feedback.createdAt(), feedback.answerState(), feedback.answered(),
                    feedback.answerText(), feedback.answerEditable(), feedback.archived(), feedback.product(),
                    feedback.photos(), feedback.video(), f.get("user").asText(), feedback.orderStatus(),
                    feedback.matchingSize(), feedback.wasViewed()));
            items++;
        }
        for (JsonNode q : batch.get("questions")) {
            FakeWbApi.Product p = products.get(q.get("product").asText());
            wb.putQuestion(new FakeWbApi.Question(q.get("id").asText(), q.get("text").asText(),
                    Instant.parse(q.get("createdAt").asText()), "suppliersPortalSynch", null, false, null, false, false,
                    new FakeWbApi.Product(p.nmId(), p.imtId(), p.productName(), p.supplierArticle(), p.supplierName(),
                            p.brandName(), "")));
            items++;
        }
        for (JsonNode c : batch.get("chats")) {
            String chatId = c.get("chatId").asText();
            FakeWbApi.Chat chat = FakeWbApi.chat(chatId, c.get("replySign").asText(), c.get("client").asText());
            FakeWbApi.GoodCard card = null;
            if (c.has("order")) {
                JsonNode order = c.get("order");
                FakeWbApi.Product p = products.get(order.get("product").asText());
                card = FakeWbApi.goodCard(order.get("rid").asText(), p.nmId());
                chat = chat.withGoodCard(card);
            }
            JsonNode last = c.get("messages").get(c.get("messages").size() - 1);
            wb.putChat(chat.withLastMessage(last.get("text").asText(), Instant.parse(last.get("at").asText())));
            for (JsonNode m : c.get("messages")) {
                FakeWbApi.ChatEvent event = FakeWbApi.clientMessage(chatId, m.get("eventId").asText(),
                        m.get("text").asText(), Instant.parse(m.get("at").asText()));
                event = new FakeWbApi.ChatEvent(event.chatId(), event.eventId(), event.eventType(), event.newChat(),
                        new FakeWbApi.ChatMessage(m.get("text").asText(), card, List.of(), 0), event.source(),
                        event.addTimestamp(), event.replySign(), event.sender(), c.get("client").asText());
                wb.addChatEvents(event);
                items++;
            }
        }
        return items;
    }

    private static int loadOzon(FakeOzonApi ozon, JsonNode batch) {
        for (JsonNode p : batch.get("postings")) {
            String number = p.get("postingNumber").asText();
            FakeOzonApi.Posting posting = FakeOzonApi.posting(number, p.get("status").asText(),
                    Instant.parse(p.get("inProcessAt").asText()));
            ozon.putPosting(new FakeOzonApi.Posting(posting.postingNumber(), posting.orderId(), posting.orderNumber(),
                    posting.scheme(), posting.status(), posting.inProcessAt(),
                    List.of(new FakeOzonApi.Product(p.get("sku").asLong(), p.get("offerId").asText(),
                            p.get("name").asText(), 1, p.get("price").asText(), "RUB")), null));
        }
        int items = 0;
        for (JsonNode r : batch.get("reviews")) {
            ozon.putReview(FakeOzonApi.review(r.get("id").asText(), r.get("sku").asLong(), r.get("rating").asInt(),
                    r.get("text").asText(), Instant.parse(r.get("publishedAt").asText())));
            items++;
        }
        for (JsonNode q : batch.get("questions")) {
            ozon.putQuestion(FakeOzonApi.question(q.get("id").asText(), q.get("sku").asLong(), q.get("text").asText(),
                    q.get("author").asText(), Instant.parse(q.get("publishedAt").asText())));
            items++;
        }
        for (JsonNode c : batch.get("chats")) {
            String chatId = c.get("chatId").asText();
            ozon.putChat(FakeOzonApi.buyerChat(chatId, Instant.parse(c.get("createdAt").asText())));
            for (JsonNode m : c.get("messages")) {
                ozon.addBuyerMessage(chatId, m.get("text").asText(), Instant.parse(m.get("at").asText()),
                        m.has("orderNumber") ? m.get("orderNumber").asText() : null,
                        m.has("sku") ? m.get("sku").asLong() : null);
                items++;
            }
        }
        return items;
    }

    private static String chatId(JsonNode wbBatch, int index) {
        return wbBatch.get("chats").get(index).get("chatId").asText();
    }

    /** The 1★ review of the thermo mug: the one to rescue. */
    private static String rescueReviewId(JsonNode wbBatch) {
        for (JsonNode f : wbBatch.get("feedbacks")) {
            if (f.get("product").asText().equals("mug") && f.get("rating").asInt() == 1) {
                return f.get("id").asText();
            }
        }
        throw new IllegalStateException("the batch has no 1★ review of the mug");
    }

    // ------------------------------------------------------------------------------------------------ the inbox

    private static boolean awaitDrained(AiHq hq) {
        try {
            return hq.inbox().awaitDrained(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Each interaction's newest draft held in the review queue (its runs' event keys name the interaction). */
    private static Map<String, ReviewView> held(AiHq hq, List<Interaction> queue, List<ShopId> shops) {
        List<ReviewView> views = new ArrayList<>();
        shops.forEach(shop -> views.addAll(hq.reviews().list(shop, 500)));
        Map<String, ReviewView> byInteraction = new HashMap<>();
        for (Interaction i : queue) {
            String prefix = "inbox:" + i.id() + ":";
            views.stream().filter(v -> v.shopId().equals(i.shopId()) && v.eventKey().startsWith(prefix))
                    .max(Comparator.comparing(ReviewView::eventTime).thenComparing(ReviewView::heldAt))
                    .ifPresent(v -> byInteraction.put(i.id(), v));
        }
        return byInteraction;
    }

    private static void printInteraction(PrintStream out, int n, Interaction i, Instant now, @Nullable String draft) {
        Classification c = i.effectiveClassification();
        boolean overdue = i.slaDeadline() != null && i.slaDeadline().isBefore(now);
        String what = switch (i.kind()) {
            case REVIEW -> "отзыв " + i.rating() + "★";
            case QUESTION -> "вопрос";
            case CHAT_MESSAGE -> "чат";
        };
        out.println(String.format(Locale.ROOT, "%2d. до %s %-10s %-4s %-9s %s", n, deadline(i),
                overdue ? "ПРОСРОЧЕН" : "", i.marketplace().equals(Marketplace.OZON) ? "Ozon" : "WB", what,
                productLabel(i.productId(), i.productName()) + (i.productName() == null && i.sellerSku() != null
                        ? " (" + i.sellerSku() + ")" : "")));
        out.println("      " + label(c) + " · " + i.status().wireValue()
                + (i.unansweredBuyerMessages() > 1 ? " · сообщений без ответа: " + i.unansweredBuyerMessages() : "")
                + (i.orderLink() == null ? "" : " · заказ " + i.orderLink().orderRef() + " ("
                        + i.orderLink().source().wireValue() + (i.orderLink().orderId() == null ? ""
                                : ", в индексе " + i.orderLink().orderId()) + ")"));
        wrap(out, "      ", "черновик: " + (draft == null ? "—" : "«" + draft + "»"));
    }

    private static String label(@Nullable Classification c) {
        return c == null ? "—" : c.intent().name() + "/" + c.emotion().wireValue() + "/" + c.priority().wireValue();
    }

    private static String deadline(Interaction i) {
        return i.slaDeadline() == null ? "—" : TIME.format(i.slaDeadline().atZone(ZONE));
    }

    private static String productLabel(@Nullable String productId, @Nullable String productName) {
        if (productName != null) {
            return "«" + productName + "»";
        }
        return productId == null ? "без товара" : "SKU " + productId;
    }

    private static void printNotice(PrintStream out, ManagerNotification notice) {
        out.println("  [" + notice.kind().name() + "] " + notice.subject());
        wrap(out, "      ", notice.body());
    }

    private static ReviewResult decide(PrintStream out, String what, String interactionId, ReviewResult result) {
        out.println("  " + what + " " + interactionId + ": " + result.status() + (result.record() == null ? ""
                : " → " + result.record().outcome() + " · " + result.record().reason()));
        return result;
    }

    private static void printMetrics(PrintStream out, InboxMetricsReport m) {
        out.println("  " + m.shopId() + ": interactions opened " + m.interactions());
        InboxMetricsReport.ResponseTime rt = m.responseTime();
        out.println("    response time: " + (rt.median() == null ? "—" : "median " + duration(rt.median()) + ", mean "
                + duration(Objects.requireNonNull(rt.mean()))) + " (answered " + rt.answered() + ")");
        InboxMetricsReport.SlaCompliance sla = m.sla();
        out.println("    SLA: " + share(sla.share()) + " (" + sla.met() + " met, " + sla.missed() + " missed, "
                + sla.pending() + " pending)");
        InboxMetricsReport.Automation a = m.automation();
        out.println("    automation: " + share(a.automatedShare()) + " sent as drafted, " + share(a.editedShare())
                + " edited, " + share(a.byHandShare()) + " by hand (" + a.draftAsIs() + " / " + a.draftEdited()
                + " / " + a.byHand() + ")");
        InboxMetricsReport.ClassificationAccuracy ca = m.classification();
        out.println("    classification: " + share(ca.accuracy()) + " accurate (" + ca.classified() + " classified, "
                + ca.reviewed() + " reviewed by a person, " + ca.corrected() + " corrected)");
        InboxMetricsReport.ReviewConversion rc = m.reviewConversion();
        out.println("    review conversion: " + share(rc.share()) + " (" + rc.raised() + " of " + rc.answeredNegative()
                + " answered 1–2★ reviews raised to 4–5★)");
        InboxMetricsReport.ChurnPrevention cp = m.churnPrevention();
        out.println("    churn prevention: " + share(cp.share()) + " (churn-risk chats " + cp.churnRiskChats()
                + ", linked to an order " + cp.linked() + ", order lost " + cp.lost() + ")");
    }

    private static String share(@Nullable Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    private static String duration(Duration d) {
        long minutes = d.toMinutes();
        return minutes >= 60 ? (minutes / 60) + " h " + (minutes % 60) + " min" : minutes + " min";
    }

    private static void section(PrintStream out, String title) {
        out.println();
        out.println("━━ " + title);
    }

    private static void wrap(PrintStream out, String indent, String text) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WRAP_AT) {
                out.println(line);
                line.setLength(0);
                line.append(indent).append("  ");
            }
            if (line.length() > indent.length() && line.charAt(line.length() - 1) != ' ') {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line);
    }
}
