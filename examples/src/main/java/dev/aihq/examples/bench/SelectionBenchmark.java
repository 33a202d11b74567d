package dev.aihq.examples.bench;

import dev.aihq.agents.sales.selection.CandidateSelector;
import dev.aihq.agents.sales.selection.CatalogIndex;
import dev.aihq.agents.sales.selection.CustomerProfile;
import dev.aihq.agents.sales.selection.Segment;
import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.CoPurchase;
import dev.aihq.api.store.Product;
import dev.aihq.testkit.DemoCatalog;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Measures candidate selection by code ({@link CandidateSelector}) per purchase event on a large catalog:
 * the demo catalog copied until it has the requested number of products (each copy with its own SKUs and
 * prices 0–19 % higher), indexed once, then one selection per event for a random bought product, a random
 * customer segment and ten "bought together" SKUs. Prints the index build time and the selection time per
 * event (p50, p90, p99, max). Single-threaded; no model, no store.
 *
 * <p>Run with {@code ./mvnw -q -Pbench-selection -DskipTests verify} at the repository root;
 * {@code -Dbench.products}, {@code -Dbench.events} and {@code -Dbench.warmup} tune it.
 */
public final class SelectionBenchmark {

    private SelectionBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args products (default 10 000), measured events (default 100 000), warm-up events (default
     *     50 000)
     */
    public static void main(String[] args) {
        int productCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        ShopId shop = ShopId.of("kaspi_bench");
        ShopSettings settings = DemoCatalog.shopSettings();
        List<Product> catalog = catalog(shop, productCount);

        long buildStart = System.nanoTime();
        CatalogIndex index = CatalogIndex.build(catalog, settings);
        long buildNanos = System.nanoTime() - buildStart;
        CandidateSelector selector = new CandidateSelector(index);

        Random random = new Random(20261122);
        int[] checksum = new int[1];
        run(selector, catalog, random, warmup, null, checksum);
        long[] nanos = new long[events];
        run(selector, catalog, random, events, nanos, checksum);
        Arrays.sort(nanos);

        System.out.printf("selection benchmark: %,d products (%,d offerable) in %d categories, index built in %.1f ms%n",
                index.size(), index.offerableCount(), DemoCatalog.categories().size(), buildNanos / 1e6);
        System.out.printf("%,d events after %,d warm-up: p50 %.1f µs, p90 %.1f µs, p99 %.1f µs, max %.1f µs"
                + " (checksum %d)%n", events, warmup, micros(nanos, 0.50), micros(nanos, 0.90), micros(nanos, 0.99),
                nanos[nanos.length - 1] / 1e3, checksum[0]);
    }

    private static void run(CandidateSelector selector, List<Product> catalog, Random random, int events,
            long[] nanos, int[] checksum) {
        Segment[] segments = Segment.values();
        for (int i = 0; i < events; i++) {
            Product bought = catalog.get(random.nextInt(catalog.size()));
            PurchaseEvent event = PurchaseEvent.builder().shopId(bought.shopId()).orderId(OrderId.of("b" + i))
                    .item(new PurchaseItem(bought.sku(), bought.name(), bought.price(), 1))
                    .occurredAt(Instant.EPOCH).build();
            List<CoPurchase> together = new ArrayList<>(10);
            for (int j = 0; j < 10; j++) {
                together.add(new CoPurchase(catalog.get(random.nextInt(catalog.size())).sku(), 10 - j));
            }
            CustomerProfile profile = profile(segments[random.nextInt(segments.length)]);
            long start = System.nanoTime();
            int size = selector.select(event, profile, together).size();
            long elapsed = System.nanoTime() - start;
            checksum[0] += size;
            if (nanos != null) {
                nanos[i] = elapsed;
            }
        }
    }

    private static CustomerProfile profile(Segment segment) {
        return switch (segment) {
            case NEW -> CustomerProfile.firstPurchase();
            case UNKNOWN -> CustomerProfile.unknown();
            default -> new CustomerProfile(segment, 3, BigDecimal.ONE, Money.kzt(20_000), null);
        };
    }

    /** The demo catalog copied with new SKUs and prices 0–19 % higher until it has {@code count} products. */
    static List<Product> catalog(ShopId shop, int count) {
        List<Product> demo = DemoCatalog.products(shop);
        List<Product> catalog = new ArrayList<>(count);
        for (int copy = 0; catalog.size() < count; copy++) {
            BigDecimal factor = BigDecimal.ONE.add(BigDecimal.valueOf(copy % 20, 2));
            for (int i = 0; i < demo.size() && catalog.size() < count; i++) {
                Product p = demo.get(i);
                catalog.add(new Product(shop, Sku.of(p.sku().value() + "-" + copy), p.name(), p.category(),
                        p.price().times(factor).rounded(java.math.RoundingMode.HALF_UP),
                        p.costPrice() == null ? null
                                : p.costPrice().times(factor).rounded(java.math.RoundingMode.HALF_UP),
                        p.stock(), p.active()));
            }
        }
        return catalog;
    }

    private static double micros(long[] sorted, double quantile) {
        int at = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(at, 0)] / 1e3;
    }
}
