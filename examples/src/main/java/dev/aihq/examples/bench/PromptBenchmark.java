package dev.aihq.examples.bench;

import dev.aihq.agents.legal.agent.LegalPipelines;
import dev.aihq.api.event.LegalDocument;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.event.LegalEventType;
import dev.aihq.examples.DemoShop;
import dev.aihq.pipeline.memory.InMemoryStores;
import java.util.Comparator;
import dev.aihq.agents.PromptTemplate;
import dev.aihq.agents.sales.PurchaseContext;
import dev.aihq.agents.sales.SalesFragments;
import dev.aihq.agents.sales.SalesLanguage;
import dev.aihq.agents.sales.SalesMessages;
import dev.aihq.agents.sales.SalesPrompts;
import dev.aihq.agents.sales.selection.Candidate;
import dev.aihq.agents.sales.selection.CandidateSelector;
import dev.aihq.agents.sales.selection.CatalogIndex;
import dev.aihq.agents.sales.selection.CustomerProfile;
import dev.aihq.agents.tokens.TokenCounter;
import dev.aihq.api.Marketplace;
import dev.aihq.api.OrderId;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.event.PurchaseTrigger;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.api.store.Product;
import dev.aihq.testkit.DemoCatalog;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Measures the sales agent's purchase prompt in tokens ({@code o200k_base}, the OpenAI-family tokenizer)
 * at three catalog sizes, beside a naive prompt that lists the whole catalog instead of the ranked
 * candidates: the system and user prompts exactly as the agent renders them (Russian), for random purchases
 * of a returning customer. Prints p50 and max per size; then the legal agent's prompt for the seed's fine, with
 * the demo's documents and with ten documents at the size limit. No model.
 *
 * <p>Run with {@code ./mvnw -q -Pbench-prompt -DskipTests verify} at the repository root;
 * {@code -Dbench.events} sets the purchases per size (default 200).
 */
public final class PromptBenchmark {

    private static final int[] SIZES = {10, 1_000, 10_000};

    private PromptBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args purchases per catalog size (default 200)
     */
    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        ShopId shopId = ShopId.of("kaspi_bench");
        Shop shop = Shop.builder(shopId, Marketplace.KASPI).name("Bench Kaspi Shop").legalForm(LegalForm.IP)
                .taxMode(TaxMode.KZ_SIMPLIFIED_DECLARATION)
                .settings(DemoCatalog.shopSettings()).build();
        TokenCounter tokens = TokenCounter.o200k();
        PromptTemplate system = SalesPrompts.system(SalesLanguage.RU);
        PromptTemplate user = SalesPrompts.purchaseUser(SalesLanguage.RU);
        SalesFragments fragments = SalesFragments.of(SalesLanguage.RU);
        System.out.printf(Locale.ROOT, "Sales purchase prompt, o200k_base tokens, %d purchases per size%n", events);
        System.out.printf(Locale.ROOT, "%10s  %12s  %12s  %14s  %14s%n", "products", "prompt p50", "prompt max",
                "naive p50", "naive max");
        for (int size : SIZES) {
            List<Product> catalog = SelectionBenchmark.catalog(shopId, size);
            CatalogIndex index = CatalogIndex.build(catalog, shop.settings());
            CandidateSelector selector = new CandidateSelector(index);
            List<Product> buyable = catalog.stream().filter(Product::available).toList();
            String wholeCatalog = catalog.stream().map(p -> fragments.text("candidate.line", Map.of(
                    "sku", p.sku().value(), "name", p.name(), "price", SalesMessages.formatPrice(p.price()),
                    "reason", p.category()))).collect(Collectors.joining("\n"));
            Random random = new Random(size);
            int[] prompt = new int[events];
            int[] naive = new int[events];
            for (int i = 0; i < events; i++) {
                Product bought = buyable.get(random.nextInt(buyable.size()));
                PurchaseEvent event = PurchaseEvent.builder().shopId(shopId).orderId(OrderId.of("B" + i))
                        .item(new PurchaseItem(bought.sku(), bought.name(), bought.price(), 1))
                        .customer(PhoneNumber.parse("+77011234567")).occurredAt(Instant.parse("2026-11-22T10:00:00Z"))
                        .trigger(PurchaseTrigger.ORDER_ACCEPTED).build();
                CustomerProfile profile = CustomerProfile.firstPurchase();
                List<Candidate> candidates = selector.select(event, profile, List.of());
                List<Product> offerable = candidates.stream().flatMap(c -> c.products().stream()).distinct()
                        .toList();
                PurchaseContext context = new PurchaseContext(shop, event, offerable, List.of(), true,
                        candidates.isEmpty() ? null : candidates.get(0).product(), List.of(), candidates, profile);
                Map<String, String> values = SalesPrompts.purchaseVariables(context);
                String systemText = system.render(values);
                prompt[i] = tokens.count(systemText) + tokens.count(user.render(values));
                Map<String, String> naiveValues = new java.util.HashMap<>(values);
                naiveValues.put("candidates", wholeCatalog);
                naive[i] = tokens.count(systemText) + tokens.count(user.render(naiveValues));
            }
            Arrays.sort(prompt);
            Arrays.sort(naive);
            System.out.printf(Locale.ROOT, "%10d  %12d  %12d  %14d  %14d%n", size, prompt[events / 2],
                    prompt[events - 1], naive[events / 2], naive[events - 1]);
        }
        legal(tokens);
    }

    /**
     * The legal agent's prompt for the seed's fine with the demo's two documents, and for the same fine with ten
     * documents at the 1 MiB limit each (the prompt cuts each at 3,000 characters and all at 12,000).
     */
    private static void legal(TokenCounter tokens) {
        InMemoryStores stores = InMemoryStores.create();
        DemoShop.load(stores);
        Shop shop = stores.shops().find(DemoShop.SHOP_ID).orElseThrow();
        LegalPipelines legal = LegalPipelines.builder().shops(stores.shops()).journal(stores.journal())
                .runLog(stores.runLog()).cases(stores.legalCases()).documents(DemoShop.documents())
                .sellerDetails(DemoShop.sellerDetails()).build();
        PromptTemplate system = PromptTemplate.resource("/dev/aihq/agents/prompts/legal-system.txt");
        PromptTemplate user = PromptTemplate.resource("/dev/aihq/agents/prompts/legal-user.txt");
        LegalEvent.Builder seed = LegalEvent.builder().shopId(shop.id()).eventType(LegalEventType.FINE)
                .orderId(OrderId.of("KSP-556677")).productName("Мужской шампунь")
                .fineReason("Нарушение сроков доставки").occurredAt(Instant.parse("2026-11-22T10:00:00Z"));
        LegalEvent demo = seed.document(new LegalDocument("fine_notice.pdf", null))
                .document(new LegalDocument("kaspi_message.txt", null)).build();
        LegalEvent.Builder heavy = LegalEvent.builder().shopId(shop.id()).eventType(LegalEventType.FINE)
                .orderId(OrderId.of("KSP-556677")).productName("Мужской шампунь")
                .fineReason("Нарушение сроков доставки").occurredAt(Instant.parse("2026-11-22T10:00:00Z"));
        String page = "Переписка с покупателем и квитанции пункта приёма по заказу KSP-556677. ".repeat(15_000);
        for (int i = 1; i <= 10; i++) {
            heavy.document(new LegalDocument("scan_" + i + ".txt", page.substring(0, 500_000)));
        }
        System.out.printf(Locale.ROOT, "%nLegal prompt (system + user), o200k_base tokens%n");
        for (Map.Entry<String, LegalEvent> e : Map.of("seed fine, 2 documents", demo,
                "same fine, 10 documents of ~1 MB", heavy.build()).entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.reverseOrder())).toList()) {
            Map<String, String> values = LegalPipelines.promptVariables(legal.context(e.getValue(), shop));
            System.out.printf(Locale.ROOT, "%34s  %6d%n", e.getKey(),
                    tokens.count(system.render(values)) + tokens.count(user.render(values)));
        }
    }
}
