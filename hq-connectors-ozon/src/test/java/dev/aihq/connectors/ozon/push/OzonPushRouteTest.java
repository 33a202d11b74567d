package dev.aihq.connectors.ozon.push;

import static dev.aihq.connectors.ozon.push.Pushes.OTHER_ADDRESS;
import static dev.aihq.connectors.ozon.push.Pushes.OZON_ADDRESS;
import static dev.aihq.connectors.ozon.push.Pushes.payload;
import static dev.aihq.connectors.ozon.push.Pushes.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.connector.EventSink;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.event.HqEvent;
import dev.aihq.api.event.InboxEvent;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.event.InboxSender;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.event.PurchaseTrigger;
import dev.aihq.api.store.Product;
import dev.aihq.api.store.Purchase;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.api.web.WebhookRoute;
import dev.aihq.pipeline.memory.InMemoryCatalogStore;
import dev.aihq.pipeline.memory.InMemoryPurchaseStore;
import dev.aihq.testkit.RecordingEventSink;
import dev.aihq.testkit.SettableClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OzonPushRouteTest {

    private static final ShopId SHOP = ShopId.of("ozon_shop_1");
    private static final ShopId OTHER_SHOP = ShopId.of("ozon_shop_2");
    private static final String SECRET = "k7Qz-2vR9_xLmP4sTw8Yb3Nc";
    private static final String OTHER_SECRET = "Hh5tGg6yJj7uKk8iLl9oPp0q";
    private static final String PATH = "/ozon/push/" + SECRET;
    private static final String ERROR_UNKNOWN = "{\"error\":{\"code\":\"ERROR_UNKNOWN\",";
    private static final String RESULT_TRUE = "{\"result\":true}";

    private final RecordingEventSink sink = new RecordingEventSink();
    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T11:00:00.750Z"));

    private static final Money PRICE = Money.of(new BigDecimal("25990"), Money.RUB);

    /** The shops' catalog: a new posting's push is journaled only when its lines can be priced from it. */
    private static InMemoryCatalogStore catalog() {
        InMemoryCatalogStore catalog = new InMemoryCatalogStore();
        for (ShopId shop : List.of(SHOP, OTHER_SHOP)) {
            catalog.save(new Product(shop, Sku.of("PHN-A55"), "Смартфон A55", "Смартфоны", PRICE, null, 10, true));
        }
        return catalog;
    }

    private OzonPushRoute.Builder builder() {
        return OzonPushRoute.builder().secrets(OzonPushSecrets.of(Map.of(SHOP, SECRET, OTHER_SHOP, OTHER_SECRET)))
                .sink(sink).clock(clock).appName("AI HQ").appVersion("0.1.0").catalog(catalog());
    }

    private final OzonPushRoute route = builder().build();

    private WebhookResponse send(String messageType) {
        return route.handle(post(PATH, payload(messageType), OZON_ADDRESS));
    }

    private static void assertResultTrue(WebhookResponse response) {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo(RESULT_TRUE);
        assertThat(response.headers()).containsEntry("Content-Type", "application/json; charset=utf-8");
    }

    // ---------------------------------------------------------------- handshake
    @Test
    void pingIsAnsweredWithVersionNameAndTheUtcTimeProcessingStarted() {
        WebhookResponse response = send("TYPE_PING");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", "application/json; charset=utf-8");
        assertThat(response.body()).isEqualTo(
                "{\"version\":\"0.1.0\",\"name\":\"AI HQ\",\"time\":\"2026-03-02T11:00:00Z\"}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(sink.acceptCalls).hasValue(0);
    }

    @Test
    void pingWithoutTimeIsAnsweredToo() {
        WebhookResponse response = route.handle(post(PATH, "{\"message_type\":\"TYPE_PING\"}", OZON_ADDRESS));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).contains("\"time\":\"2026-03-02T11:00:00Z\"");
    }

    @Test
    void pingNeedsTheSecretPathAndAnOzonAddressLikeEveryPush() {
        assertThat(route.handle(post("/ozon/push/" + "x".repeat(24), payload("TYPE_PING"), OZON_ADDRESS))
                .status()).isEqualTo(401);
        assertThat(route.handle(post(PATH, payload("TYPE_PING"), OTHER_ADDRESS)).status()).isEqualTo(403);
    }

    // ---------------------------------------------------------------- postings
    @Test
    void aNewPostingIsJournaledAsAnAcceptedPurchaseKeyedLikeThePoller() {
        assertResultTrue(send("TYPE_NEW_POSTING"));

        PurchaseEvent event = sink.events(PurchaseEvent.class).get(0);
        assertThat(event.shopId()).isEqualTo(SHOP);
        assertThat(event.orderId()).isEqualTo(OrderId.of("24219509-0020-1"));
        assertThat(event.trigger()).isEqualTo(PurchaseTrigger.ORDER_ACCEPTED);
        assertThat(event.idempotencyKey()).isEqualTo("purchase:24219509-0020-1:order_accepted");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2021-01-26T06:56:36.294Z"));
        assertThat(event.currency()).isEqualTo(Money.RUB);
        assertThat(event.customer()).isNull();
        assertThat(event.items()).containsExactly(new PurchaseItem(Sku.of("PHN-A55"), "Смартфон A55", PRICE, 2));
    }

    @Test
    void aNewPostingWhoseLinesTheCatalogCannotPriceIsAcknowledgedAndLeftToThePoller() {
        OzonPushRoute withoutPrices = builder().catalog(new InMemoryCatalogStore()).build();

        assertResultTrue(withoutPrices.handle(post(PATH, payload("TYPE_NEW_POSTING"), OZON_ADDRESS)));

        assertThat(sink.size()).as("a push carries no prices: no sale of nothing is journaled").isZero();
    }

    @Test
    void aNewPostingPaidLateWithAnEmptyInProcessAtHappensWhenReceived() {
        String body = payload("TYPE_NEW_POSTING").replace("\"2021-01-26T06:56:36.294Z\"", "\"\"");

        assertResultTrue(route.handle(post(PATH, body, OZON_ADDRESS)));

        assertThat(sink.events(PurchaseEvent.class).get(0).occurredAt()).isEqualTo(clock.instant());
    }

    @Test
    void aCancelledPostingIsJournaledAsACancelledPurchase() {
        assertResultTrue(send("TYPE_POSTING_CANCELLED"));

        PurchaseEvent event = sink.events(PurchaseEvent.class).get(0);
        assertThat(event.trigger()).isEqualTo(PurchaseTrigger.ORDER_CANCELLED);
        assertThat(event.idempotencyKey()).isEqualTo("purchase:24219509-0020-1:order_cancelled");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2021-01-26T06:56:36.294Z"));
        assertThat(event.items()).containsExactly(
                new PurchaseItem(Sku.of("147451959"), "Ozon SKU 147451959", Money.zero(Money.RUB), 1));
    }

    @Test
    void aCancellationTakesTheStoredPurchasesLines() {
        InMemoryPurchaseStore purchases = new InMemoryPurchaseStore();
        PurchaseItem line = new PurchaseItem(Sku.of("PHN-A55"), "Смартфон A55", Money.rub(25990), 2);
        purchases.save(new Purchase(SHOP, OrderId.of("24219509-0020-1"), null, List.of(line),
                Instant.parse("2021-01-26T06:56:36Z")));
        OzonPushRoute withPurchases = builder().purchases(purchases).build();

        assertResultTrue(withPurchases.handle(post(PATH, payload("TYPE_POSTING_CANCELLED"), OZON_ADDRESS)));

        assertThat(sink.events(PurchaseEvent.class).get(0).items()).containsExactly(line);
    }

    @Test
    void aDeliveryIsJournaledWhenThePurchaseIsStored() {
        InMemoryPurchaseStore purchases = new InMemoryPurchaseStore();
        PurchaseItem line = new PurchaseItem(Sku.of("PHN-A55"), "Смартфон A55", Money.rub(25990), 2);
        purchases.save(new Purchase(SHOP, OrderId.of("24219509-0020-1"), null, List.of(line),
                Instant.parse("2021-01-26T06:56:36Z")));
        OzonPushRoute withPurchases = builder().purchases(purchases).build();

        assertResultTrue(withPurchases.handle(post(PATH, payload("TYPE_STATE_CHANGED"), OZON_ADDRESS)));

        PurchaseEvent event = sink.events(PurchaseEvent.class).get(0);
        assertThat(event.trigger()).isEqualTo(PurchaseTrigger.ORDER_DELIVERED);
        assertThat(event.idempotencyKey()).isEqualTo("purchase:24219509-0020-1:order_delivered");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2021-02-02T15:07:46.765Z"));
        assertThat(event.items()).containsExactly(line);
    }

    @Test
    void aDeliveryOfAnUnknownPurchaseIsAcknowledgedAndLeftToThePoller() {
        try (LogCapture logs = new LogCapture()) {
            assertResultTrue(send("TYPE_STATE_CHANGED"));

            assertThat(logs.text()).contains("posting poller");
        }
        assertThat(sink.acceptCalls).hasValue(0);
    }

    @Test
    void anotherStateChangeIsAcknowledgedAndIgnored() {
        String body = payload("TYPE_STATE_CHANGED").replace("posting_delivered", "posting_awaiting_deliver");

        assertResultTrue(route.handle(post(PATH, body, OZON_ADDRESS)));

        assertThat(sink.acceptCalls).hasValue(0);
    }

    @Test
    void aRedeliveredPushIsOneEvent() {
        assertResultTrue(send("TYPE_NEW_POSTING"));
        assertResultTrue(send("TYPE_NEW_POSTING"));

        assertThat(sink.acceptCalls).hasValue(2);
        assertThat(sink.size()).isEqualTo(1);
    }

    @Test
    void aPushAndThePollerOfTheSamePostingAreOneEvent() {
        PurchaseEvent polled = PurchaseEvent.builder().shopId(SHOP).orderId(OrderId.of("24219509-0020-1"))
                .item(new PurchaseItem(Sku.of("PHN-A55"), "Смартфон A55", Money.rub(25990), 2))
                .occurredAt(Instant.parse("2021-01-26T06:56:36Z")).trigger(PurchaseTrigger.ORDER_ACCEPTED).build();
        sink.accept(polled);

        assertResultTrue(send("TYPE_NEW_POSTING"));

        assertThat(sink.size()).isEqualTo(1);
        assertThat(sink.events(PurchaseEvent.class)).containsExactly(polled);
    }

    // ---------------------------------------------------------------- chats
    @Test
    void aBuyersNewMessageIsJournaledAsAChatInboxEvent() {
        assertResultTrue(send("TYPE_NEW_MESSAGE"));

        InboxEvent event = sink.events(InboxEvent.class).get(0);
        assertThat(event.shopId()).isEqualTo(SHOP);
        assertThat(event.marketplace()).isEqualTo(Marketplace.OZON);
        assertThat(event.kind()).isEqualTo(InboxItemKind.CHAT_MESSAGE);
        assertThat(event.threadId()).isEqualTo("b646d975-0c9c-4872-9f41-8b1e57181063");
        assertThat(event.messageId()).isEqualTo("3000000000817031942");
        assertThat(event.sender()).as("'Сustomer' with a Cyrillic С is the buyer").isEqualTo(InboxSender.BUYER);
        assertThat(event.text()).isEqualTo("Здравствуйте, когда будет доставка?");
        assertThat(event.orderRef()).as("pushes carry no order number").isNull();
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2022-07-18T20:58:04.528Z"));
        assertThat(event.idempotencyKey()).isEqualTo(
                "inbox:ozon:chat_message:b646d975-0c9c-4872-9f41-8b1e57181063:3000000000817031942");
    }

    @Test
    void anOrderNumberIsTakenWhenAPushCarriesOne() {
        String body = payload("TYPE_NEW_MESSAGE").replace("\"seller_id\": \"7\"",
                "\"seller_id\": \"7\", \"context\": {\"order_number\": \"24219509-0020\"}");

        assertResultTrue(route.handle(post(PATH, body, OZON_ADDRESS)));

        assertThat(sink.events(InboxEvent.class).get(0).orderRef()).isEqualTo("24219509-0020");
    }

    @Test
    void aNumericMessageIdAndUpperCaseChatTypeAreRead() {
        String body = payload("TYPE_NEW_MESSAGE").replace("\"3000000000817031942\"", "3000000000817031942")
                .replace("Buyer_Seller", "BUYER_SELLER");

        assertResultTrue(route.handle(post(PATH, body, OZON_ADDRESS)));

        assertThat(sink.events(InboxEvent.class).get(0).messageId()).isEqualTo("3000000000817031942");
    }

    @Test
    void aSupportChatMessageIsAcknowledgedAndIgnored() {
        String body = payload("TYPE_NEW_MESSAGE").replace("Buyer_Seller", "Seller_Support")
                .replace("Сustomer", "Support");

        assertResultTrue(route.handle(post(PATH, body, OZON_ADDRESS)));

        assertThat(sink.acceptCalls).hasValue(0);
    }

    @Test
    void aRedeliveredMessageIsOneEvent() {
        assertResultTrue(send("TYPE_NEW_MESSAGE"));
        assertResultTrue(send("TYPE_NEW_MESSAGE"));

        assertThat(sink.events(InboxEvent.class)).hasSize(1);
        assertThat(sink.acceptCalls).hasValue(2);
    }

    // ---------------------------------------------------------------- acknowledged
    @ParameterizedTest
    @ValueSource(strings = {"TYPE_CUTOFF_DATE_CHANGED", "TYPE_DELIVERY_DATE_CHANGED", "TYPE_CREATE_OR_UPDATE_ITEM",
        "TYPE_CREATE_ITEM", "TYPE_UPDATE_ITEM", "TYPE_STOCKS_CHANGED", "TYPE_UPDATE_MESSAGE", "TYPE_MESSAGE_READ",
        "TYPE_CHAT_CLOSED"})
    void aDocumentedTypeTheSdkDoesNotActOnIsAcknowledgedSoOzonDoesNotResend(String messageType) {
        assertThat(OzonPushType.of(messageType)).get().extracting(OzonPushType::handling)
                .isEqualTo(OzonPushType.Handling.IGNORED);

        assertResultTrue(send(messageType));

        assertThat(sink.acceptCalls).hasValue(0);
    }

    @Test
    void anUnknownTypeWithExtraFieldsIsAcknowledgedWithALogLine() {
        try (LogCapture logs = new LogCapture()) {
            assertResultTrue(send("TYPE_FBO_POSTING_NEW"));

            assertThat(logs.text()).contains("TYPE_FBO_POSTING_NEW").contains("ignored");
        }
        assertThat(sink.acceptCalls).hasValue(0);
    }

    @Test
    void everyDocumentedTypeHasAPayloadHere() {
        for (OzonPushType type : OzonPushType.values()) {
            assertThat(payload(type.name())).contains("\"message_type\": \"" + type.name() + "\"");
        }
    }

    // ---------------------------------------------------------------- quirks
    @Test
    void sellerIdIsANumberOrAString() {
        assertResultTrue(send("TYPE_NEW_POSTING"));
        String stringId = payload("TYPE_POSTING_CANCELLED").replace("\"seller_id\": 15", "\"seller_id\": \"15\"");
        assertResultTrue(route.handle(post(PATH, stringId, OZON_ADDRESS)));

        assertThat(sink.size()).isEqualTo(2);
    }

    @Test
    void anUnknownTypeIsAcknowledgedWhateverItsFields() {
        String body = "{\"message_type\":\"TYPE_SOMETHING_NEW\",\"seller_id\":{\"id\":15},\"posting_number\":7}";

        assertResultTrue(route.handle(post(PATH, body, OZON_ADDRESS)));

        assertThat(sink.acceptCalls).hasValue(0);
    }

    @Test
    void aMalformedSellerIdIsRefusedNamingIt() {
        String body = payload("TYPE_NEW_POSTING").replace("\"seller_id\": 15", "\"seller_id\": \"fifteen\"");

        WebhookResponse response = route.handle(post(PATH, body, OZON_ADDRESS));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).startsWith("{\"error\":{\"code\":\"ERROR_PARAMETER_VALUE_MISSED\",")
                .contains("seller_id").endsWith(",\"details\":null}}");
        assertThat(sink.acceptCalls).hasValue(0);
    }

    // ---------------------------------------------------------------- bad bodies
    @Test
    void aBodyThatIsNotJsonIs400() {
        WebhookResponse response = route.handle(post(PATH, "message_type=TYPE_PING", OZON_ADDRESS));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).isEqualTo(
                "{\"error\":{\"code\":\"ERROR_UNKNOWN\",\"message\":\"the body is not JSON\",\"details\":null}}");
    }

    @Test
    void aJsonArrayIs400() {
        assertThat(route.handle(post(PATH, "[]", OZON_ADDRESS)).status()).isEqualTo(400);
    }

    @Test
    void aMissingMessageTypeIs400NamingIt() {
        WebhookResponse response = route.handle(post(PATH, "{\"time\":\"2019-08-24T14:15:22Z\"}", OZON_ADDRESS));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).isEqualTo("{\"error\":{\"code\":\"ERROR_PARAMETER_VALUE_MISSED\","
                + "\"message\":\"message_type is missing or not a string\",\"details\":null}}");
    }

    @Test
    void aMessageTypeThatIsNotAStringIs400() {
        assertThat(route.handle(post(PATH, "{\"message_type\":5}", OZON_ADDRESS)).status()).isEqualTo(400);
    }

    @Test
    void aMalformedFieldIs400NamingIt() {
        String zero = payload("TYPE_NEW_POSTING").replace("\"quantity\": 2", "\"quantity\": 0");
        String noPosting = payload("TYPE_POSTING_CANCELLED").replace("\"posting_number\": \"24219509-0020-1\",", "");
        String badTime = payload("TYPE_STATE_CHANGED").replace("2021-02-02T15:07:46.765Z", "yesterday");
        String noChat = payload("TYPE_NEW_MESSAGE").replace("\"chat_id\": \"b646d975-0c9c-4872-9f41-8b1e57181063\",",
                "");
        String badData = payload("TYPE_NEW_MESSAGE").replace("\"data\": [", "\"data\": [42, ");

        assertThat(route.handle(post(PATH, zero, OZON_ADDRESS)).bodyText()).contains("products[0].quantity");
        assertThat(route.handle(post(PATH, noPosting, OZON_ADDRESS)).bodyText()).contains("posting_number");
        assertThat(route.handle(post(PATH, badTime, OZON_ADDRESS)).bodyText()).contains("changed_state_date");
        assertThat(route.handle(post(PATH, noChat, OZON_ADDRESS)).bodyText()).contains("chat_id");
        WebhookResponse response = route.handle(post(PATH, badData, OZON_ADDRESS));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("ERROR_PARAMETER_VALUE_MISSED").contains("data[0]");
        assertThat(sink.acceptCalls).hasValue(0);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        OzonPushRoute small = builder().maxBodyBytes(64).build();

        assertThat(small.handle(post(PATH, payload("TYPE_NEW_POSTING"), OZON_ADDRESS)).status()).isEqualTo(413);
    }

    @Test
    void aGetIs405() {
        WebhookRequest get = new WebhookRequest("GET", PATH, null, Map.of(), new byte[0], OZON_ADDRESS);

        assertThat(route.handle(get).status()).isEqualTo(405);
    }

    // ---------------------------------------------------------------- sink failures
    @Test
    void aRejectedEventIsAnErrorSoOzonSendsItAgain() {
        sink.rejectWith = "shop ozon_shop_1 is inactive";

        WebhookResponse response = send("TYPE_NEW_POSTING");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyText()).startsWith(ERROR_UNKNOWN).endsWith(",\"details\":null}}");
        assertThat(sink.size()).isZero();

        sink.rejectWith = "";
        assertResultTrue(send("TYPE_NEW_POSTING"));
        assertThat(sink.size()).isEqualTo(1);
    }

    @Test
    void aJournalFailureIs503SoOzonSendsItAgain() {
        RecordingEventSink failing = new RecordingEventSink() {
            @Override
            public Acceptance accept(HqEvent event) {
                throw new StoreException("the journal is down");
            }
        };
        OzonPushRoute withFailingSink = builder().sink(failing).build();

        WebhookResponse response = withFailingSink.handle(post(PATH, payload("TYPE_NEW_MESSAGE"), OZON_ADDRESS));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.bodyText()).startsWith(ERROR_UNKNOWN);
    }

    @Test
    void aLazySinkThatIsNotReadyIs503AndPingStillWorks() {
        AtomicReference<EventSink> later = new AtomicReference<>();
        OzonPushRoute lazy = builder().lazySink(later::get).build();

        assertThat(lazy.handle(post(PATH, payload("TYPE_PING"), OZON_ADDRESS)).status()).isEqualTo(200);
        assertResultTrue(lazy.handle(post(PATH, payload("TYPE_STOCKS_CHANGED"), OZON_ADDRESS)));
        WebhookResponse early = lazy.handle(post(PATH, payload("TYPE_NEW_POSTING"), OZON_ADDRESS));
        assertThat(early.status()).isEqualTo(503);
        assertThat(early.bodyText()).startsWith(ERROR_UNKNOWN);

        later.set(sink);

        assertResultTrue(lazy.handle(post(PATH, payload("TYPE_NEW_POSTING"), OZON_ADDRESS)));
        assertThat(sink.size()).isEqualTo(1);
    }

    @Test
    void anUnexpectedSinkFailureIs500() {
        RecordingEventSink failing = new RecordingEventSink() {
            @Override
            public Acceptance accept(HqEvent event) {
                throw new IllegalArgumentException("no pipeline takes inbox events");
            }
        };
        OzonPushRoute withFailingSink = builder().sink(failing).build();

        assertThat(withFailingSink.handle(post(PATH, payload("TYPE_NEW_MESSAGE"), OZON_ADDRESS)).status())
                .isEqualTo(500);
    }

    // ---------------------------------------------------------------- authentication
    @Test
    void theSecretNamesTheShop() {
        assertResultTrue(route.handle(post("/ozon/push/" + OTHER_SECRET, payload("TYPE_NEW_POSTING"),
                OZON_ADDRESS)));

        assertThat(sink.events(PurchaseEvent.class).get(0).shopId()).isEqualTo(OTHER_SHOP);
    }

    @Test
    void aTrailingSlashIsTolerated() {
        assertResultTrue(route.handle(post(PATH + "/", payload("TYPE_NEW_POSTING"), OZON_ADDRESS)));
    }

    @Test
    void aWrongSecretIs401AndNeitherSecretIsLogged() {
        String wrong = SECRET.substring(0, SECRET.length() - 1) + "X";
        try (LogCapture logs = new LogCapture()) {
            WebhookResponse response = route.handle(post("/ozon/push/" + wrong, payload("TYPE_NEW_POSTING"),
                    OZON_ADDRESS));

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.bodyText()).startsWith(ERROR_UNKNOWN);
            assertThat(logs.text()).contains("401").contains(OZON_ADDRESS).doesNotContain(wrong)
                    .doesNotContain(SECRET).doesNotContain(wrong.substring(0, 8));
        }
        assertThat(sink.acceptCalls).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ozon/push", "/ozon/push/", "/ozon/other/k7Qz-2vR9_xLmP4sTw8Yb3Nc",
        "/ozon/push/k7Qz-2vR9_xLmP4sTw8Yb3Nc/extra"})
    void aPathWithoutExactlyASecretIs401(String path) {
        assertThat(route.handle(post(path, payload("TYPE_NEW_POSTING"), OZON_ADDRESS)).status()).isEqualTo(401);
    }

    @Test
    void anAddressOutsideOzonsNetworksIs403() {
        try (LogCapture logs = new LogCapture()) {
            WebhookResponse response = route.handle(post(PATH, payload("TYPE_NEW_POSTING"), OTHER_ADDRESS));

            assertThat(response.status()).isEqualTo(403);
            assertThat(logs.text()).contains("403").contains(OTHER_ADDRESS).doesNotContain(SECRET);
        }
        assertThat(sink.acceptCalls).hasValue(0);
    }

    @Test
    void anUnknownAddressIs403() {
        assertThat(route.handle(post(PATH, payload("TYPE_PING"), null)).status()).isEqualTo(403);
        assertThat(route.handle(post(PATH, payload("TYPE_PING"), "ozon.example")).status()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"195.34.21.1", "195.34.21.255", "185.73.192.0", "185.73.195.255", "91.223.93.77",
        "[::ffff:91.223.93.77]", "195.34.21.1:40123"})
    void everyDocumentedOzonNetworkIsAllowedByDefault(String address) {
        assertThat(route.handle(post(PATH, payload("TYPE_PING"), address)).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"195.34.22.1", "185.73.196.0", "185.73.191.255", "91.223.94.1", "::1"})
    void neighbouringNetworksAreNot(String address) {
        assertThat(route.handle(post(PATH, payload("TYPE_PING"), address)).status()).isEqualTo(403);
    }

    @Test
    void forwardedForIsIgnoredFromAnUntrustedPeer() {
        Map<String, List<String>> forwarded = Map.of("X-Forwarded-For", List.of(OZON_ADDRESS));

        assertThat(route.handle(post(PATH, payload("TYPE_PING"), OTHER_ADDRESS, forwarded)).status())
                .isEqualTo(403);
        Map<String, List<String>> spoofed = Map.of("X-Forwarded-For", List.of(OTHER_ADDRESS));
        assertThat(route.handle(post(PATH, payload("TYPE_PING"), OZON_ADDRESS, spoofed)).status())
                .isEqualTo(200);
    }

    @Test
    void forwardedForIsHonouredFromATrustedProxy() {
        OzonPushRoute behindProxy = builder().trustedProxies(List.of("10.0.0.0/8")).build();
        String proxy = "10.1.2.3";

        assertThat(behindProxy.handle(post(PATH, payload("TYPE_PING"), proxy,
                Map.of("X-Forwarded-For", List.of(OZON_ADDRESS)))).status()).isEqualTo(200);
        assertThat(behindProxy.handle(post(PATH, payload("TYPE_PING"), proxy,
                Map.of("X-Forwarded-For", List.of(OTHER_ADDRESS)))).status()).isEqualTo(403);
        assertThat(behindProxy.handle(post(PATH, payload("TYPE_PING"), proxy)).status())
                .as("a proxy without the header is the client").isEqualTo(403);
    }

    @Test
    void aClientCannotPrependAnOzonAddressThroughTheProxy() {
        OzonPushRoute behindProxy = builder().trustedProxies(List.of("10.0.0.0/8")).build();
        // The client sent "X-Forwarded-For: <Ozon>"; the proxy appended the address it saw, then another proxy.
        Map<String, List<String>> chain = Map.of("X-Forwarded-For",
                List.of(OZON_ADDRESS + ", " + OTHER_ADDRESS, "10.9.9.9"));

        assertThat(behindProxy.handle(post(PATH, payload("TYPE_PING"), "10.1.2.3", chain)).status())
                .isEqualTo(403);
        Map<String, List<String>> real = Map.of("X-Forwarded-For", List.of(OTHER_ADDRESS + ", " + OZON_ADDRESS
                + ", 10.9.9.9"));
        assertThat(behindProxy.handle(post(PATH, payload("TYPE_PING"), "10.1.2.3", real)).status())
                .isEqualTo(200);
    }

    @Test
    void anyNetworkCanBeAllowedExplicitly() {
        OzonPushRoute open = builder().allowAnyNetwork().build();

        assertThat(open.handle(post(PATH, payload("TYPE_PING"), OTHER_ADDRESS)).status()).isEqualTo(200);
        assertThat(open.handle(post("/ozon/push/" + "y".repeat(20), payload("TYPE_PING"), OTHER_ADDRESS))
                .status()).isEqualTo(401);
    }

    @Test
    void otherNetworksCanBeConfigured() {
        OzonPushRoute custom = builder().allowedNetworks(List.of("203.0.113.0/24", "2001:db8::/32")).build();

        assertThat(custom.handle(post(PATH, payload("TYPE_PING"), OTHER_ADDRESS)).status()).isEqualTo(200);
        assertThat(custom.handle(post(PATH, payload("TYPE_PING"), "2001:db8::5")).status()).isEqualTo(200);
        assertThat(custom.handle(post(PATH, payload("TYPE_PING"), OZON_ADDRESS)).status()).isEqualTo(403);
    }

    @Test
    void aRotatedSecretIsReadOnTheNextRequest() {
        Map<ShopId, String> current = new java.util.concurrent.ConcurrentHashMap<>(Map.of(SHOP, SECRET));
        OzonPushRoute rotating = builder().secrets(() -> current).build();
        assertThat(rotating.handle(post(PATH, payload("TYPE_PING"), OZON_ADDRESS)).status()).isEqualTo(200);

        current.put(SHOP, OTHER_SECRET);

        assertThat(rotating.handle(post(PATH, payload("TYPE_PING"), OZON_ADDRESS)).status()).isEqualTo(401);
        assertThat(rotating.handle(post("/ozon/push/" + OTHER_SECRET, payload("TYPE_PING"), OZON_ADDRESS))
                .status()).isEqualTo(200);
    }

    @Test
    void aMalformedSecretFromTheProviderIsSkippedWithoutShowingIt() {
        OzonPushRoute weak = builder().secrets(() -> Map.of(SHOP, "short-secret")).build();
        try (LogCapture logs = new LogCapture()) {
            assertThat(weak.handle(post("/ozon/push/short-secret", payload("TYPE_PING"), OZON_ADDRESS)).status())
                    .isEqualTo(401);

            assertThat(logs.text()).contains("malformed").doesNotContain("short-secret");
        }
    }

    // ---------------------------------------------------------------- logging
    @Test
    void noSecretReachesALogLineWhateverHappens() {
        OzonPushRoute behindProxy = builder().trustedProxies(List.of("10.0.0.0/8")).build();
        try (LogCapture logs = new LogCapture()) {
            for (OzonPushType type : OzonPushType.values()) {
                behindProxy.handle(post(PATH, payload(type.name()), OZON_ADDRESS));
            }
            behindProxy.handle(post(PATH, "not json", OZON_ADDRESS));
            behindProxy.handle(post(PATH, "{}", OZON_ADDRESS));
            behindProxy.handle(post(PATH, payload("TYPE_NEW_POSTING"), OTHER_ADDRESS));
            behindProxy.handle(post("/ozon/push/" + OTHER_SECRET + "Z", payload("TYPE_PING"), OZON_ADDRESS));
            sink.rejectWith = "inactive";
            behindProxy.handle(post(PATH, payload("TYPE_NEW_MESSAGE"), OZON_ADDRESS));

            assertThat(logs.text()).isNotEmpty().doesNotContain(SECRET).doesNotContain(OTHER_SECRET)
                    .doesNotContain(SECRET.substring(0, 6)).doesNotContain(OTHER_SECRET.substring(0, 6));
        }
        assertThat(route.toString()).doesNotContain(SECRET);
    }

    // ---------------------------------------------------------------- mounting
    @Test
    void theRouteAnswersPostUnderItsBasePath() {
        assertThat(route.method()).isEqualTo("POST");
        assertThat(route.path()).isEqualTo(OzonPushRoute.DEFAULT_BASE_PATH);
        OzonPushRoute custom = builder().basePath("/hooks/ozon").build();
        assertResultTrue(custom.handle(post("/hooks/ozon/" + SECRET, payload("TYPE_NEW_POSTING"), OZON_ADDRESS)));
    }

    @Test
    void perShopRoutesGiveAnExactPathPerShopForTheFrontDoor() {
        List<WebhookRoute> routes = route.perShopRoutes();

        assertThat(routes).extracting(WebhookRoute::path)
                .containsExactlyInAnyOrder(PATH, "/ozon/push/" + OTHER_SECRET);
        assertThat(routes).extracting(WebhookRoute::method).containsOnly("POST");
        assertThat(routes).allSatisfy(r -> assertThat(r.toString()).doesNotContain(SECRET)
                .doesNotContain(OTHER_SECRET));
        WebhookRoute mine = routes.stream().filter(r -> r.path().equals(PATH)).findFirst().orElseThrow();
        assertResultTrue(mine.handle(post(PATH, payload("TYPE_NEW_POSTING"), OZON_ADDRESS)));
        assertThat(sink.events(PurchaseEvent.class).get(0).shopId()).isEqualTo(SHOP);
    }

    @Test
    void aMisconfiguredBuilderNamesEveryProblem() {
        assertThatThrownBy(() -> OzonPushRoute.builder().basePath("ozon/").allowedNetworks(List.of("300.1.1.0/24"))
                .trustedProxies(List.of("10.0.0.0/33")).appName(" ").maxBodyBytes(0).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("secrets").hasMessageContaining("sink").hasMessageContaining("basePath")
                .hasMessageContaining("300.1.1.0/24").hasMessageContaining("10.0.0.0/33")
                .hasMessageContaining("appName").hasMessageContaining("maxBodyBytes");
    }
}
