package dev.aihq.examples.bench;

import dev.aihq.agents.ModelAgent;
import dev.aihq.agents.PromptTemplate;
import dev.aihq.agents.ResultParser;
import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.channel.ChannelLimits;
import dev.aihq.api.channel.MarkupStyle;
import dev.aihq.api.channel.MessageChannel;
import dev.aihq.api.channel.OutboundMessage;
import dev.aihq.api.channel.SendReceipt;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.event.PurchaseTrigger;
import dev.aihq.api.result.OfferKind;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.api.store.CatalogStore;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.Outbox;
import dev.aihq.api.store.Product;
import dev.aihq.api.store.Purchase;
import dev.aihq.api.store.PurchaseStore;
import dev.aihq.api.store.RunLog;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.store.ShopStore;
import dev.aihq.api.store.Stores;
import dev.aihq.api.store.TokenUsageStore;
import dev.aihq.api.store.Transactions;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.pipeline.ContextSource;
import dev.aihq.pipeline.delivery.DeliveryPolicy;
import dev.aihq.pipeline.delivery.MessageDelivery;
import dev.aihq.pipeline.memory.InMemoryStores;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the pipeline alone: in-memory stores, a model that answers at once, a channel that accepts at
 * once. Everything measured is the SDK's own work: gate, journal, two context sources in parallel,
 * prompt rendering and hashing, the model adapter, the guard, the outbox delivery and the run log.
 *
 * <p>Two phases after a warm-up: throughput with up to {@code concurrency} events in flight, then
 * per-event overhead from one caller that submits and waits (no queueing in the figure). Run it with
 * {@code ./mvnw -q -Pbench -DskipTests verify}; arguments: measured events (default 200000), warm-up
 * events (default 50000), concurrency (default 64).
 */
public final class PipelineBenchmark {

    private static final ShopId SHOP = ShopId.of("bench_shop");

    private PipelineBenchmark() {}

    /**
     * Runs the benchmark and prints its figures.
     *
     * @param args measured events, warm-up events, concurrency
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int cores = Runtime.getRuntime().availableProcessors();
        run("in-memory stores", BenchStores.of(InMemoryStores.create(10_000)), measured, warmup,
                new Load(1, cores, concurrency), System.out);
    }

    /**
     * Runs the benchmark on the given stores and prints its figures.
     *
     * @param label what the stores are, for the first line
     * @param stores the stores
     * @param measured events measured
     * @param warmup events before measuring
     * @param load callers, run threads and events in flight during the throughput phase
     * @param out where to print
     * @return the figures
     * @throws InterruptedException when interrupted
     */
    static Figures run(String label, BenchStores stores, int measured, int warmup, Load load, PrintStream out)
            throws InterruptedException {
        Clock clock = Clock.systemUTC();
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService executor = Executors.newFixedThreadPool(load.runThreads());
        ZeroLatencyModel model = new ZeroLatencyModel();
        AgentPipeline<PurchaseEvent, Context, SalesOffer> pipeline = pipeline(stores, clock, executor, model,
                new AcceptingChannel(clock));
        pipeline.start();
        try {
            out.printf("AI HQ pipeline benchmark on %s: %d cores, Java %s, %d warm-up + %d measured events, "
                    + "%d caller(s), %d run threads, %d in flight%n", label, cores, Runtime.version(), warmup,
                    measured, load.callers(), load.runThreads(), load.inFlight());
            throughput(pipeline, 0, warmup, load);
            latency(pipeline, warmup, Math.min(warmup, 20_000));

            long tokensBefore = model.tokens.get();
            Result t = throughput(pipeline, 1_000_000, measured, load);
            double perSecond = measured / (t.nanos / 1e9);
            int latencyEvents = Math.max(1_000, measured / 4);
            long[] overhead = latency(pipeline, 3_000_000, latencyEvents);
            long tokens = model.tokens.get() - tokensBefore;
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

            Figures figures = new Figures(perSecond, percentile(t.latencies, 50), percentile(t.latencies, 99),
                    percentile(overhead, 50), percentile(overhead, 99), percentile(overhead, 99.9),
                    (double) tokens / (measured + latencyEvents), heap, t.failures);
            out.printf("throughput:            %,.0f events/s (%d events, %.2f s)%n", perSecond, measured,
                    t.nanos / 1e9);
            out.printf("latency under load:    p50 %.3f ms, p99 %.3f ms (submit to final outcome, incl. queueing)%n",
                    figures.loadP50Micros / 1000.0, figures.loadP99Micros / 1000.0);
            out.printf("overhead per event:    p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms (one caller, %d events)%n",
                    figures.overheadP50Micros / 1000.0, figures.overheadP99Micros / 1000.0,
                    figures.overheadP999Micros / 1000.0, latencyEvents);
            out.printf("tokens per event:      %.0f (zero-latency model reports 180 in + 40 out)%n",
                    figures.tokensPerEvent);
            out.printf("heap after GC:         %,d MiB (%,d events handled)%n", heap / (1024 * 1024),
                    warmup + measured + latencyEvents + Math.min(warmup, 20_000));
            out.printf("runs not SENT:         %d%n", t.failures);
            return figures;
        } finally {
            pipeline.close();
            executor.shutdownNow();
        }
    }

    /**
     * Submits events from {@code load.callers()} threads (as an HTTP server's threads would), keeping at
     * most {@code load.inFlight()} in flight; records submit-to-outcome times.
     */
    private static Result throughput(AgentPipeline<PurchaseEvent, Context, SalesOffer> pipeline, int offset,
            int events, Load load) throws InterruptedException {
        PurchaseEvent[] prepared = events(offset, events);
        Semaphore inFlight = new Semaphore(load.inFlight());
        long[] latencies = new long[events];
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        Thread[] callers = new Thread[load.callers()];
        long start = System.nanoTime();
        for (int c = 0; c < callers.length; c++) {
            callers[c] = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < events; i = next.getAndIncrement()) {
                    try {
                        inFlight.acquire();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    int index = i;
                    long submitted = System.nanoTime();
                    pipeline.submit(prepared[i]).completion().whenComplete((record, error) -> {
                        latencies[index] = (System.nanoTime() - submitted) / 1_000;
                        if (error != null || record.outcome() != RunOutcome.SENT) {
                            failures.incrementAndGet();
                        }
                        inFlight.release();
                    });
                }
            }, "bench-caller-" + c);
            callers[c].start();
        }
        for (Thread caller : callers) {
            caller.join();
        }
        inFlight.acquire(load.inFlight());
        long nanos = System.nanoTime() - start;
        return new Result(nanos, latencies, failures.get());
    }

    /** One caller submits and waits for each event: the pipeline's own time per event, in microseconds. */
    private static long[] latency(AgentPipeline<PurchaseEvent, Context, SalesOffer> pipeline, int offset, int events) {
        PurchaseEvent[] prepared = events(offset, events);
        long[] micros = new long[events];
        for (int i = 0; i < events; i++) {
            long t0 = System.nanoTime();
            RunRecord record = pipeline.submit(prepared[i]).join();
            micros[i] = (System.nanoTime() - t0) / 1_000;
            if (record.outcome() != RunOutcome.SENT) {
                throw new IllegalStateException("benchmark run ended " + record.outcome() + ": " + record.reason());
            }
        }
        return micros;
    }

    private static long percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Events are made before a phase starts: decoding is the front door's work, not the pipeline's. */
    static PurchaseEvent[] events(int offset, int count) {
        PurchaseEvent[] events = new PurchaseEvent[count];
        for (int i = 0; i < count; i++) {
            events[i] = event(offset + i);
        }
        return events;
    }

    private static PurchaseEvent event(int i) {
        PhoneNumber customer = PhoneNumber.parse("+7701" + String.format("%07d", i % 5_000_000));
        Sku sku = Sku.of("SKU-" + (i % 50));
        return PurchaseEvent.builder().shopId(SHOP).orderId(OrderId.of("B" + i))
                .item(new PurchaseItem(sku, "Товар " + (i % 50), Money.kzt(4_990), 1))
                .customer(customer).occurredAt(Instant.now()).trigger(PurchaseTrigger.ORDER_ACCEPTED).build();
    }

    /** The benchmark's purchase pipeline on the given stores, sending through the given channel. */
    static AgentPipeline<PurchaseEvent, Context, SalesOffer> pipeline(BenchStores stores, Clock clock,
            ExecutorService executor, ChatModel model, MessageChannel channel) {
        Shop shop = Shop.builder(SHOP, Marketplace.KASPI).legalForm(LegalForm.IP)
                .taxMode(TaxMode.KZ_SIMPLIFIED_DECLARATION)
                .settings(ShopSettings.builder().sendDelay(Duration.ZERO).quietHours(null).frequencyCap(null)
                        .dailyTokenBudget(Long.MAX_VALUE).build())
                .build();
        stores.shops().save(shop);
        for (int i = 0; i < 50; i++) {
            stores.catalog().save(new Product(SHOP, Sku.of("SKU-" + i), "Товар " + i, "категория " + (i % 8),
                    Money.kzt(4_990 + i * 100L), Money.kzt(2_500 + i * 50L), 100, true));
        }
        ContextSource<PurchaseEvent, List<Product>> catalog = ContextSource.required("catalog",
                Duration.ofSeconds(2), r -> stores.catalog().list(r.shop().id()));
        ContextSource<PurchaseEvent, List<Purchase>> history = ContextSource.optional("history",
                Duration.ofMillis(500), r -> r.event().customerContact()
                        .map(c -> stores.purchases().findByCustomer(r.shop().id(), c, 20)).orElse(List.of()));
        ModelAgent<Context, SalesOffer> agent = ModelAgent.<Context, SalesOffer>builder().name("bench")
                .chatModel(model)
                .systemPrompt(PromptTemplate.of("Ты менеджер магазина {{shop}}. Пиши коротко."))
                .userPrompt(PromptTemplate.of("Клиент купил {{bought}}. Предложи {{offer}}."))
                .variables(c -> Map.of("shop", c.shop, "bought", c.bought, "offer", c.offer.name()))
                .parser(ResultParser.of(text -> SalesOffer.builder(OfferKind.CROSS_SELL, text).build()))
                .fallback(in -> SalesOffer.builder(OfferKind.CROSS_SELL, "Спасибо за покупку!")
                        .offeredProduct(in.context().offer.sku()).build())
                .tokenUsage(stores.tokenUsage()).build();
        return AgentPipeline.<PurchaseEvent, Context, SalesOffer>builder("bench.purchase")
                .shops(stores.shops()).journal(stores.journal()).runLog(stores.runLog())
                .transactions(stores.transactions()).clock(clock)
                .executor(executor).source(catalog).source(history)
                .recordEvent(e -> stores.purchases().save(Purchase.of(e)))
                .assembler((e, s, g) -> new Context(s.name(), e.items().get(0).name(),
                        g.get(catalog).get((int) (Long.parseLong(e.orderId().value().substring(1)) % 50)),
                        g.find(history).orElse(List.of()).size()))
                .agent(agent)
                .delivery(MessageDelivery.<PurchaseEvent, Context, SalesOffer>builder().channel(channel)
                        .outbox(stores.outbox()).policy(DeliveryPolicy.immediate())
                        .recipient(r -> r.event().customerContact()).text(SalesOffer::text).build())
                .build();
    }

    /**
     * How hard the throughput phase pushes.
     *
     * @param callers threads submitting events
     * @param runThreads the pipeline's run executor size
     * @param inFlight the most events submitted and not yet finished
     */
    record Load(int callers, int runThreads, int inFlight) {}

    /** The stores a benchmark runs on, and how their writes are grouped into commits. */
    record BenchStores(ShopStore shops, EventJournal journal, PurchaseStore purchases, CatalogStore catalog,
            RunLog runLog, Outbox outbox, TokenUsageStore tokenUsage, Transactions transactions) {

        /** Every store of a bundle, with shops read through the given store (e.g. a cache). */
        static BenchStores of(Stores s, ShopStore shops) {
            return new BenchStores(shops, s.journal(), s.purchases(), s.catalog(), s.runLog(), s.outbox(),
                    s.tokenUsage(), s.transactions());
        }

        static BenchStores of(InMemoryStores s) {
            return of(s, s.shops());
        }
    }

    /** The benchmark's context record. */
    record Context(String shop, String bought, Product offer, int historySize) {}

    /** Figures of one run, in microseconds where times. */
    record Figures(double eventsPerSecond, long loadP50Micros, long loadP99Micros, long overheadP50Micros,
            long overheadP99Micros, long overheadP999Micros, double tokensPerEvent, long heapBytes, int notSent) {}

    private record Result(long nanos, long[] latencies, int failures) {}

    /** A model that answers at once with a fixed short text and token counts. */
    static final class ZeroLatencyModel implements ChatModel {
        private final AtomicLong tokens = new AtomicLong();

        @Override
        public ChatResponse doChat(ChatRequest request) {
            tokens.addAndGet(220);
            return ChatResponse.builder().aiMessage(AiMessage.from("Спасибо за покупку! Вам пригодится и это."))
                    .modelName("zero-latency").tokenUsage(new TokenUsage(180, 40)).build();
        }
    }

    /** A channel that accepts every message at once and counts stable keys it saw twice. */
    static final class AcceptingChannel implements MessageChannel {
        private final Clock clock;
        private final AtomicLong ids = new AtomicLong();
        private final java.util.Set<String> keys = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final AtomicLong duplicates = new AtomicLong();
        private final ChannelLimits limits = new ChannelLimits(4096, MarkupStyle.WHATSAPP, false);

        AcceptingChannel(Clock clock) {
            this.clock = clock;
        }

        @Override
        public String name() {
            return "accepting";
        }

        @Override
        public ChannelLimits limits() {
            return limits;
        }

        @Override
        public SendReceipt send(OutboundMessage message) {
            if (!keys.add(message.shopId() + "/" + message.stableKey())) {
                duplicates.incrementAndGet();
            }
            return new SendReceipt("bench-" + ids.incrementAndGet(), clock.instant());
        }

        long duplicates() {
            return duplicates.get();
        }

        long sentCount() {
            return ids.get();
        }
    }
}
