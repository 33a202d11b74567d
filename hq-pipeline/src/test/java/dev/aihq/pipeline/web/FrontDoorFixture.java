package dev.aihq.pipeline.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.FinanceEvent;
import dev.aihq.api.event.HqEvent;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.result.FinanceReport;
import dev.aihq.api.result.LegalAssessment;
import dev.aihq.api.result.LossProduct;
import dev.aihq.api.result.OfferKind;
import dev.aihq.api.result.RiskLevel;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.api.store.AgentTrace;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.pipeline.Agent;
import dev.aihq.pipeline.AgentOutput;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.pipeline.Delivery;
import dev.aihq.pipeline.json.SdkJson;
import dev.aihq.pipeline.memory.InMemoryStores;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.SettableClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * A front door over in-memory stores with one small pipeline per event type. The agents are trivial,
 * count their runs and, while {@link #hold()} is in force, wait until the test releases them.
 */
final class FrontDoorFixture implements AutoCloseable {

    static final ShopId SHOP = Fixtures.SHOP_ID;
    static final ShopId OTHER_SHOP = Fixtures.OTHER_SHOP_ID;
    static final ShopId INACTIVE_SHOP = ShopId.of("kaspi_789");
    static final String SECRET = "kaspi-123-webhook-secret-0f9e";
    static final String OTHER_SECRET = "kaspi-456-webhook-secret-77aa";
    /** The secret of every other shop (the legal reference's cases, the inactive shop). */
    static final String CASE_SECRET = "legal-cases-webhook-secret-1b2c";

    final SettableClock clock = SettableClock.at(Fixtures.NOW);
    final InMemoryStores stores = InMemoryStores.create();
    final ExecutorService executor = Executors.newFixedThreadPool(2);
    final List<HqEvent> recorded = new CopyOnWriteArrayList<>();
    final AtomicInteger agentRuns = new AtomicInteger();
    final Map<ShopId, String> secrets = new LinkedHashMap<>();
    final AgentPipeline<PurchaseEvent, PurchaseEvent, SalesOffer> purchases;
    final AgentPipeline<LegalEvent, LegalEvent, LegalAssessment> legal;
    final AgentPipeline<FinanceEvent, FinanceEvent, FinanceReport> finance;
    private final List<AgentPipeline<?, ?, ?>> pipelines = new CopyOnWriteArrayList<>();
    private volatile @Nullable CountDownLatch gate;

    /** The seed's finance example as an RU ИП on УСН 15 %: 1 250 000 revenue, 830 000 expenses, 63 000 tax. */
    static FinanceReport seedReport() {
        BigDecimal zero = BigDecimal.ZERO;
        return FinanceReport.builder()
                .revenue(new BigDecimal("1250000")).profit(new BigDecimal("420000")).taxDue(new BigDecimal("63000"))
                .lossProducts(List.of(new LossProduct("Чехол iPhone", "Комиссия выше маржи")))
                .recommendations(List.of("Поднять цену на 7%"))
                .currency(Money.RUB).period("2026-01")
                .costs(new FinanceReport.Costs(new BigDecimal("1250000"), zero, zero, new BigDecimal("1250000"),
                        new BigDecimal("150000"), new BigDecimal("80000"), new BigDecimal("600000"), zero, zero,
                        new BigDecimal("33.6"), List.of()))
                .tax(new FinanceReport.Tax("RU_USN_INCOME_MINUS_EXPENSES", new BigDecimal("15"),
                        new BigDecimal("420000"), "2026", true, "accrual estimate for 2026-01, part of tax period 2026",
                        "RU-2026-USN", "НК РФ ст. 346.20", null, List.of()))
                .build();
    }

    FrontDoorFixture() {
        stores.shops().save(Fixtures.kaspiShop().build());
        stores.shops().save(Fixtures.kaspiShop(OTHER_SHOP).build());
        stores.shops().save(Fixtures.kaspiShop(INACTIVE_SHOP).active(false).build());
        for (String id : List.of("kaspi_1001", "kaspi_3003")) {
            stores.shops().save(Fixtures.kaspiShop(ShopId.of(id)).build());
        }
        stores.shops().save(Fixtures.kaspiShop(ShopId.of("kaspi_2002")).legalForm(LegalForm.TOO).build());
        stores.shops().save(dev.aihq.api.shop.Shop.builder(ShopId.of("ozon_4004"), Marketplace.OZON)
                .legalForm(LegalForm.OOO).taxMode(TaxMode.RU_USN_INCOME).build());
        secrets.put(SHOP, SECRET);
        secrets.put(OTHER_SHOP, OTHER_SECRET);
        for (String id : List.of("kaspi_789", "kaspi_1001", "kaspi_2002", "kaspi_3003", "ozon_4004")) {
            secrets.put(ShopId.of(id), CASE_SECRET);
        }
        purchases = purchasePipeline(stores.journal()).build().start();
        legal = legalPipeline(stores.journal()).build().start();
        finance = AgentPipeline.<FinanceEvent, FinanceEvent, FinanceReport>builder("accounting.finance")
                .shops(stores.shops()).journal(stores.journal()).runLog(stores.runLog()).clock(clock)
                .executor(executor).drainTimeout(Duration.ofSeconds(5))
                .recordEvent(recorded::add)
                .assembler((event, shop, gathered) -> event)
                .agent(agent(event -> seedReport()))
                .delivery(Delivery.complete())
                .build().start();
        pipelines.addAll(List.of(purchases, legal, finance));
    }

    /** The sales pipeline's builder over a journal, with the fixture's agent. */
    AgentPipeline.Builder<PurchaseEvent, PurchaseEvent, SalesOffer> purchasePipeline(EventJournal journal) {
        return AgentPipeline.<PurchaseEvent, PurchaseEvent, SalesOffer>builder("sales.purchase")
                .shops(stores.shops()).journal(journal).runLog(stores.runLog()).clock(clock)
                .executor(executor).drainTimeout(Duration.ofSeconds(5))
                .recordEvent(recorded::add)
                .assembler((event, shop, gathered) -> event)
                .agent(agent(event -> SalesOffer.builder(OfferKind.UPSELL,
                        "К заказу " + event.orderId() + " подойдёт чехол").build()))
                .delivery(Delivery.complete());
    }

    /** The legal pipeline's builder over a journal, with the fixture's agent. */
    AgentPipeline.Builder<LegalEvent, LegalEvent, LegalAssessment> legalPipeline(EventJournal journal) {
        return AgentPipeline.<LegalEvent, LegalEvent, LegalAssessment>builder("legal")
                .shops(stores.shops()).journal(journal).runLog(stores.runLog()).clock(clock)
                .executor(executor).drainTimeout(Duration.ofSeconds(5))
                .recordEvent(recorded::add)
                .assembler((event, shop, gathered) -> event)
                .agent(agent(event -> LegalAssessment.of("Штраф можно оспорить так как...", RiskLevel.MEDIUM,
                        "Текст возражения...", "Отправить в Kaspi в течение 3 дней")))
                .delivery(Delivery.complete());
    }

    /** Starts a pipeline the fixture closes. */
    <P extends AgentPipeline<?, ?, ?>> P started(P pipeline) {
        pipeline.start();
        pipelines.add(pipeline);
        return pipeline;
    }

    /** A builder with the stores, secrets, clock and all three pipelines. */
    WebhookFrontDoor.Builder frontDoorBuilder() {
        return WebhookFrontDoor.builder()
                .shops(stores.shops())
                .runLog(stores.runLog())
                .secrets(WebhookSecretProvider.of(secrets))
                .clock(clock)
                .purchases(purchases)
                .legal(legal)
                .finance(finance);
    }

    /** The front door with everything configured. */
    WebhookFrontDoor frontDoor() {
        return frontDoorBuilder().build();
    }

    /** From now on the agents wait until {@link #release()}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    /** Lets waiting agents go on. */
    void release() {
        CountDownLatch g = gate;
        if (g != null) {
            g.countDown();
        }
    }

    /** Waits until every run of every pipeline has ended. */
    void awaitRuns() throws InterruptedException {
        for (AgentPipeline<?, ?, ?> pipeline : pipelines) {
            if (!pipeline.awaitDrained(Duration.ofSeconds(10))) {
                throw new AssertionError("pipeline " + pipeline.name() + " still runs after 10 s");
            }
        }
    }

    private <C, R> Agent<C, R> agent(Function<C, R> produce) {
        return input -> {
            agentRuns.incrementAndGet();
            CountDownLatch g = gate;
            if (g != null) {
                try {
                    if (!g.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never released the agent");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return new AgentOutput<>(produce.apply(input.context()), AgentTrace.fallback("no model configured"));
        };
    }

    @Override
    public void close() {
        release();
        for (AgentPipeline<?, ?, ?> pipeline : pipelines) {
            pipeline.close();
        }
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------- requests and answers

    /** A POST signed with {@code X-HQ-Signature}. */
    static WebhookRequest signed(String path, byte[] body, String secret, String... extraHeaders) {
        Map<String, String> headers = headers(extraHeaders);
        headers.putIfAbsent("Content-Type", "application/json");
        headers.put(WebhookSignature.HEADER, WebhookSignature.sign(secret, body));
        return WebhookRequest.of("POST", path, headers, body);
    }

    /** A POST signed with {@code X-HQ-Signature}. */
    static WebhookRequest signed(String path, String body, String secret, String... extraHeaders) {
        return signed(path, utf8(body), secret, extraHeaders);
    }

    /** A POST for {@link #SHOP} signed with its secret. */
    static WebhookRequest post(String path, String body, String... extraHeaders) {
        return signed(path, utf8(body), SECRET, extraHeaders);
    }

    /** A request with {@code Authorization: Bearer}. */
    static WebhookRequest bearer(String method, String path, byte[] body, String secret, String... extraHeaders) {
        Map<String, String> headers = headers(extraHeaders);
        headers.put("Authorization", "Bearer " + secret);
        if (body.length > 0) {
            headers.putIfAbsent("Content-Type", "application/json");
        }
        return WebhookRequest.of(method, path, headers, body);
    }

    /** A request without credentials. */
    static WebhookRequest unsigned(String method, String path, byte[] body, String... extraHeaders) {
        return WebhookRequest.of(method, path, headers(extraHeaders), body);
    }

    /** Reads a test resource's exact bytes. */
    static byte[] resource(String name) {
        try (InputStream in = FrontDoorFixture.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource web/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses an answer's body. */
    static JsonNode json(WebhookResponse response) {
        try {
            return SdkJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("the answer is not JSON: " + response.bodyText(), e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name/value pairs");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put(pairs[i], pairs[i + 1]);
        }
        return headers;
    }
}
