package dev.aihq.testkit;

import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.event.PurchaseTrigger;
import dev.aihq.api.result.RunId;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.shop.FrequencyCap;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.PromoCode;
import dev.aihq.api.shop.QuietHours;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.api.store.AgentPath;
import dev.aihq.api.store.AgentTrace;
import dev.aihq.api.store.JournalEntry;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.Product;
import dev.aihq.api.store.Purchase;
import dev.aihq.api.store.RunLease;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.store.StageRecord;
import dev.aihq.api.store.StageStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Shared test data: a Kaspi shop in Almaty, a small catalog priced in tenge, purchases, journal entries,
 * run records and outbox messages. Every value is valid for its type and uses whole seconds, so it
 * survives a database round trip unchanged.
 */
public final class Fixtures {

    /** The shop most tests use: {@code kaspi_123}, as in the seed's examples. */
    public static final ShopId SHOP_ID = ShopId.of("kaspi_123");
    /** A second shop, for tenant isolation tests. */
    public static final ShopId OTHER_SHOP_ID = ShopId.of("kaspi_456");
    /** The shops' zone. */
    public static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    /** A fixed "now": Monday 2 March 2026, 11:00 in Almaty. */
    public static final Instant NOW = Instant.parse("2026-03-02T06:00:00Z");
    /** The local day of {@link #NOW} in Almaty. */
    public static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    /** A customer's WhatsApp number. */
    public static final PhoneNumber CUSTOMER = PhoneNumber.parse("+77011234567");
    /** Another customer's number. */
    public static final PhoneNumber OTHER_CUSTOMER = PhoneNumber.parse("+77027654321");
    /** How long a run's lease lasts in the fixtures, as in a pipeline's default. */
    public static final Duration LEASE = Duration.ofMinutes(10);
    /** A run id. */
    public static final RunId RUN_ID = RunId.of("run-0001");

    /** SKU of the sample smartphone. */
    public static final Sku SMARTPHONE = Sku.of("PHN-A55-256");
    /** SKU of the sample phone case. */
    public static final Sku PHONE_CASE = Sku.of("ACC-CASE-A55");
    /** SKU of the sample screen protector. */
    public static final Sku SCREEN_GLASS = Sku.of("ACC-GLASS-A55");
    /** SKU of the sample earbuds. */
    public static final Sku EARBUDS = Sku.of("AUD-BUDS-2");
    /** SKU of the sample charger, whose cost price is unknown. */
    public static final Sku CHARGER = Sku.of("CHG-25W");

    private Fixtures() {}

    /**
     * Starts a Kaspi shop {@link #SHOP_ID}: ИП on the simplified declaration, Almaty, KZT, Russian.
     *
     * @return a builder to adjust and build
     */
    public static Shop.Builder kaspiShop() {
        return kaspiShop(SHOP_ID);
    }

    /**
     * Starts a Kaspi shop: ИП on the simplified declaration, Almaty, KZT, Russian.
     *
     * @param id the shop id
     * @return a builder to adjust and build
     */
    public static Shop.Builder kaspiShop(ShopId id) {
        return Shop.builder(id, Marketplace.KASPI)
                .name("Электроника Алматы")
                .legalForm(LegalForm.IP)
                .taxMode(TaxMode.KZ_SIMPLIFIED_DECLARATION);
    }

    /**
     * Returns settings that use every field: tone, templates, review discount, a promo code, an excluded
     * category, delay, quiet hours, frequency cap, margins, commissions and a token budget.
     *
     * @return the settings
     */
    public static ShopSettings fullSettings() {
        return ShopSettings.builder()
                .toneOfVoice("на «вы», тепло, без эмодзи")
                .messageTemplate("upsell", "Здравствуйте, {{name}}! К вашему {{product}} подойдёт {{offer}}.")
                .messageTemplate("review", "Спасибо за покупку! Оставьте, пожалуйста, отзыв на Kaspi.kz.")
                .reviewDiscountPercent(new BigDecimal("5"))
                .promoCode(new PromoCode("SPRING10", new BigDecimal("10"), LocalDate.of(2026, 5, 31)))
                .excludeCategory("Лекарства")
                .sendDelay(Duration.ofMinutes(20))
                .quietHours(QuietHours.of(LocalTime.of(22, 0), LocalTime.of(9, 0)))
                .frequencyCap(FrequencyCap.of(2, Duration.ofDays(7)))
                .minimumMarginPercent(new BigDecimal("12.5"))
                .defaultCommissionPercent(new BigDecimal("12"))
                .commission("Смартфоны", new BigDecimal("8"))
                .commission("Аксессуары", new BigDecimal("15"))
                .dailyTokenBudget(50_000)
                .build();
    }

    /**
     * Creates a product priced in tenge.
     *
     * @param shopId the shop
     * @param sku the SKU
     * @param name the name
     * @param category the category
     * @param priceKzt the price in KZT
     * @param costKzt the cost price in KZT, or {@code null} when unknown
     * @param stock units in stock
     * @return an active product
     */
    public static Product product(ShopId shopId, Sku sku, String name, String category, long priceKzt,
            @Nullable Long costKzt, int stock) {
        return new Product(shopId, sku, name, category, Money.kzt(priceKzt),
                costKzt == null ? null : Money.kzt(costKzt), stock, true);
    }

    /**
     * Returns the sample smartphone.
     *
     * @param shopId the shop
     * @return the product
     */
    public static Product smartphone(ShopId shopId) {
        return product(shopId, SMARTPHONE, "Смартфон Samsung Galaxy A55 8/256 ГБ", "Смартфоны", 189_990L,
                151_000L, 12);
    }

    /**
     * Returns the sample catalog, in no particular order: a smartphone and four accessories, one without
     * a cost price.
     *
     * @param shopId the shop
     * @return the products
     */
    public static List<Product> catalog(ShopId shopId) {
        return List.of(
                smartphone(shopId),
                product(shopId, EARBUDS, "Наушники беспроводные Galaxy Buds2", "Аудио", 39_990L, 27_500L, 30),
                product(shopId, PHONE_CASE, "Чехол-книжка для Galaxy A55, чёрный", "Аксессуары", 4_990L, 1_200L, 80),
                product(shopId, CHARGER, "Сетевое зарядное устройство 25 Вт", "Аксессуары", 7_490L, null, 45),
                product(shopId, SCREEN_GLASS, "Защитное стекло для Galaxy A55", "Аксессуары", 2_490L, 450L, 150));
    }

    /**
     * Returns a purchase line for a product at its price.
     *
     * @param product the product
     * @param quantity how many
     * @return the line
     */
    public static PurchaseItem item(Product product, int quantity) {
        return new PurchaseItem(product.sku(), product.name(), product.price(), quantity);
    }

    /**
     * Returns an accepted-order event for {@link #SHOP_ID}: one smartphone bought by {@link #CUSTOMER} at
     * {@link #NOW}, order {@code 512345678}.
     *
     * @return the event
     */
    public static PurchaseEvent purchaseEvent() {
        return purchaseEvent(SHOP_ID, "512345678", CUSTOMER, NOW);
    }

    /**
     * Returns an accepted-order event buying one smartphone and one case; its key is
     * {@code purchase:<order>:order_accepted}.
     *
     * @param shopId the shop
     * @param orderId the Kaspi order code
     * @param customer the customer, or {@code null} when the order has no contact
     * @param occurredAt when
     * @return the event
     */
    public static PurchaseEvent purchaseEvent(ShopId shopId, String orderId, @Nullable PhoneNumber customer,
            Instant occurredAt) {
        List<Product> catalog = catalog(shopId);
        return PurchaseEvent.builder()
                .shopId(shopId)
                .orderId(OrderId.of(orderId))
                .item(item(catalog.get(0), 1))
                .item(item(catalog.get(2), 1))
                .customer(customer)
                .occurredAt(occurredAt)
                .trigger(PurchaseTrigger.ORDER_ACCEPTED)
                .build();
    }

    /**
     * Returns the purchase of {@link #purchaseEvent(ShopId, String, PhoneNumber, Instant)}.
     *
     * @param shopId the shop
     * @param orderId the order code
     * @param customer the customer, or {@code null}
     * @param occurredAt when
     * @return the purchase
     */
    public static Purchase purchase(ShopId shopId, String orderId, @Nullable PhoneNumber customer,
            Instant occurredAt) {
        return Purchase.of(purchaseEvent(shopId, orderId, customer, occurredAt));
    }

    /**
     * Returns the journal entry of a purchase event bought by {@link #CUSTOMER}.
     *
     * @param shopId the shop
     * @param orderId the order code (the key is derived from it)
     * @param runId the run handling it
     * @param receivedAt when it was received
     * @return the entry
     */
    public static JournalEntry journalEntry(ShopId shopId, String orderId, RunId runId, Instant receivedAt) {
        return JournalEntry.of(purchaseEvent(shopId, orderId, CUSTOMER, receivedAt), runId, receivedAt);
    }

    /**
     * Returns a worker's lease on a run started now: it expires {@link #LEASE} after {@code now}.
     *
     * @param worker the worker's name
     * @param now when the run started
     * @return the lease
     */
    public static RunLease lease(String worker, Instant now) {
        return new RunLease(worker, now.plus(LEASE));
    }

    /**
     * Returns a run of the {@code sales.purchase} pipeline that has just started.
     *
     * @param shopId the shop
     * @param runId the run
     * @param startedAt when it started
     * @return the in-progress record
     */
    public static RunRecord startedRun(ShopId shopId, RunId runId, Instant startedAt) {
        return RunRecord.started(runId, shopId, "sales.purchase", PurchaseEvent.TYPE,
                "purchase:" + runId.value() + ":order_accepted", startedAt);
    }

    /**
     * Returns a run finished two seconds after it started: every stage OK, the model path, a scheduled
     * message and its result JSON.
     *
     * @param started the in-progress record
     * @return the finished record
     */
    public static RunRecord finishedRun(RunRecord started) {
        Instant finishedAt = started.startedAt().plusSeconds(2);
        List<StageRecord> stages = List.of(
                new StageRecord("validate", Duration.ofMillis(2), StageStatus.OK, ""),
                new StageRecord("gather_context", Duration.ofMillis(35), StageStatus.OK, ""),
                new StageRecord("agent", Duration.ofMillis(1_420), StageStatus.OK, ""),
                new StageRecord("guard", Duration.ofMillis(1), StageStatus.OK, ""),
                new StageRecord("deliver", Duration.ofMillis(12), StageStatus.OK, "запланировано на 11:20"));
        AgentTrace agent = new AgentTrace(AgentPath.MODEL, ScriptedChatModel.DEFAULT_MODEL_NAME, 420, 35,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", null);
        return new RunRecord(started.runId(), started.shopId(), started.pipeline(), started.eventType(),
                started.idempotencyKey(), started.startedAt(), finishedAt, RunOutcome.SCHEDULED,
                "the message waits for the shop's send delay", stages, agent,
                "{\"text\": \"Спасибо за покупку! К смартфону подойдёт защитное стекло.\"}",
                finishedAt.plus(Duration.ofMinutes(20)), null);
    }

    /**
     * Returns a pending WhatsApp message; its stable key is {@code sales.purchase:<id>}.
     *
     * @param shopId the shop
     * @param id the message id
     * @param to the customer
     * @param dueAt when it may be sent
     * @return the message
     */
    public static OutboxMessage outboxMessage(ShopId shopId, String id, PhoneNumber to, Instant dueAt) {
        return outboxMessage(shopId, id, "sales.purchase:" + id, to, dueAt);
    }

    /**
     * Returns a pending WhatsApp message with an explicit stable key.
     *
     * @param shopId the shop
     * @param id the message id
     * @param stableKey the stable key
     * @param to the customer
     * @param dueAt when it may be sent
     * @return the message
     */
    public static OutboxMessage outboxMessage(ShopId shopId, String id, String stableKey, PhoneNumber to,
            Instant dueAt) {
        return OutboxMessage.pending(id, shopId, RUN_ID, "whatsapp", to,
                "Здравствуйте! Спасибо за покупку. К вашему смартфону подойдёт защитное стекло за 2 490 ₸.",
                stableKey, dueAt);
    }

    /**
     * Returns a pending WhatsApp message about an order, with the stable key {@code sales.purchase:<id>}.
     *
     * @param shopId the shop
     * @param id the message id
     * @param orderKey the order the message is about
     * @param to the customer
     * @param dueAt when it may be sent
     * @return the message
     */
    public static OutboxMessage orderMessage(ShopId shopId, String id, String orderKey, PhoneNumber to,
            Instant dueAt) {
        return OutboxMessage.pending(id, shopId, RUN_ID, "whatsapp", to,
                "Здравствуйте! Спасибо за покупку. К вашему смартфону подойдёт защитное стекло за 2 490 ₸.",
                "sales.purchase:" + id, orderKey, dueAt);
    }
}
