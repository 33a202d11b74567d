package dev.aihq.pipeline;

import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.result.OfferKind;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.AgentTrace;
import dev.aihq.pipeline.memory.InMemoryEventJournal;
import dev.aihq.pipeline.memory.InMemoryRunLog;
import dev.aihq.pipeline.memory.InMemoryShopStore;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.SettableClock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Stores, clock and executor for pipeline tests, with a purchase pipeline whose parts tests replace. */
final class PipelineHarness implements AutoCloseable {

    final SettableClock clock = SettableClock.at(Fixtures.NOW);
    final InMemoryShopStore shops = new InMemoryShopStore();
    final InMemoryEventJournal journal = new InMemoryEventJournal();
    final InMemoryRunLog runLog = new InMemoryRunLog();
    final ExecutorService executor = Executors.newFixedThreadPool(4);
    final AtomicInteger agentCalls = new AtomicInteger();

    PipelineHarness() {
        shops.save(Fixtures.kaspiShop().build());
    }

    void saveShop(Shop shop) {
        shops.save(shop);
    }

    /** A pipeline with one required source, a code agent counting its calls, and completion delivery. */
    AgentPipeline.Builder<PurchaseEvent, String, SalesOffer> pipeline() {
        ContextSource<PurchaseEvent, String> order = ContextSource.required("order",
                java.time.Duration.ofSeconds(5), r -> r.event().orderId().value());
        return AgentPipeline.<PurchaseEvent, String, SalesOffer>builder("test.purchase")
                .shops(shops).journal(journal).runLog(runLog).clock(clock).executor(executor)
                .source(order)
                .assembler((event, shop, gathered) -> gathered.get(order))
                .agent(input -> {
                    agentCalls.incrementAndGet();
                    return new AgentOutput<>(SalesOffer.builder(OfferKind.UPSELL, "Заказ " + input.context()).build(),
                            AgentTrace.fallback("no model configured"));
                });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
