package dev.aihq.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.aihq.agents.AiHq;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.result.RunId;
import dev.aihq.api.store.AgentPath;
import dev.aihq.api.store.AgentTrace;
import dev.aihq.api.store.JournalEntry;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.store.StageRecord;
import dev.aihq.api.store.Stores;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.pipeline.json.SdkJson;
import dev.aihq.pipeline.web.WebhookFrontDoor;
import dev.aihq.pipeline.web.WebhookSecretProvider;
import dev.aihq.pipeline.web.WebhookSignature;
import dev.aihq.store.jdbc.JdbcStores;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The demo: AI HQ on the JDBC stores over an embedded H2 database (or the PostgreSQL named by
 * {@code -Dhq.jdbc.url}, see {@link DemoDatabase}) with no model (the shop's templates are filled in by code) and a
 * {@link ConsoleChannel} instead of WhatsApp. It sends the sample events from {@code /demo/events/}
 * through the webhook front door as signed HTTP requests with {@code Prefer: wait=5}: a first purchase in
 * the full form (the customer never agreed to offers, so the consent question goes first and the offer
 * waits), a repeat purchase by the same customer in the seed's one-product form (its offer waits too), the
 * customer tapping "yes" on the channel's inbound route (both offers go), the customer's question there,
 * and the seed's legal and finance events exactly as written. For
 * each it prints the HTTP status, the outcome and its reason, the message or document produced, and the
 * run log's stages with their durations. Nothing external is started.
 *
 * <p>Run it with {@code ./mvnw -q -Pdemo -DskipTests verify} from the repository root.
 */
public final class Demo {

    private static final String WAIT = "wait=5";

    private Demo() {}

    /**
     * What one step of the demo produced.
     *
     * @param title what the step sends
     * @param path the endpoint
     * @param httpStatus the front door's answer
     * @param outcome the run's outcome, or {@code null} when there is no run
     * @param reason the outcome's reason or the error message
     * @param messages the texts the channel sent during the step
     * @param run the run's record from the run log, or {@code null}
     */
    public record Step(String title, String path, int httpStatus, @Nullable String outcome, String reason,
            List<String> messages, @Nullable RunRecord run) {

        /** Copies the messages. */
        public Step {
            messages = List.copyOf(messages);
        }
    }

    /**
     * Runs the demo on standard output.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Runs the demo.
     *
     * @param out where to print
     * @return the steps, in order
     */
    public static List<Step> run(PrintStream out) {
        Clock clock = Clock.systemUTC();
        DemoDatabase.Opened database = DemoDatabase.open();
        JdbcStores stores = database.stores();
        int products = DemoShop.load(stores);
        WebhookSecretProvider secrets = WebhookSecretProvider.of(DemoShop.secrets());
        ConsoleChannel channel = new ConsoleChannel(out, clock);
        List<Step> steps = new ArrayList<>();
        try (AiHq hq = AiHq.builder()
                .stores(stores)
                .documents(DemoShop.documents())
                .sellerDetails(DemoShop.sellerDetails())
                .chatModel(DemoModel.open())
                .channel(channel)
                .secrets(secrets)
                .clock(clock)
                .build()
                .start()) {
            channel.connect(hq);
            printHeader(out, products, database.description());
            steps.add(step(out, hq, stores, channel, 1, "Первая покупка · first purchase (full form)",
                    WebhookFrontDoor.PURCHASE_EVENT_PATH, "1-first-purchase.json"));
            steps.add(step(out, hq, stores, channel, 2, "Повторная покупка · repeat purchase (seed's short form)",
                    WebhookFrontDoor.PURCHASE_EVENT_PATH, "2-repeat-purchase.json"));
            steps.add(step(out, hq, stores, channel, 3, "Клиент нажал «Иә / Да» · customer taps yes (channel's"
                    + " inbound route)", ConsoleChannel.INBOUND_PATH, "3-consent-yes.json"));
            steps.add(step(out, hq, stores, channel, 4, "Вопрос клиента · customer's question (channel's inbound"
                    + " route)", ConsoleChannel.INBOUND_PATH, "4-customer-reply.json"));
            steps.add(step(out, hq, stores, channel, 5, "Штраф Kaspi · legal event (seed's JSON)",
                    WebhookFrontDoor.LEGAL_EVENT_PATH, "5-legal-event.json"));
            steps.add(step(out, hq, stores, channel, 6, "Отчёт за месяц · finance event (seed's JSON)",
                    WebhookFrontDoor.FINANCE_EVENT_PATH, "6-finance-event.json"));
            steps.add(step(out, hq, stores, channel, 7, "Отчёт ТОО у порога НДС · finance event, ТОО near the VAT"
                    + " threshold", WebhookFrontDoor.FINANCE_EVENT_PATH, "7-finance-event-too.json"));
        }
        try {
            database.close();
        } catch (Exception e) {
            out.println("  (closing the database failed: " + e.getMessage() + ")");
        }
        printSummary(out, steps);
        return steps;
    }

    private static Step step(PrintStream out, AiHq hq, Stores stores, ConsoleChannel channel, int number,
            String title, String path, String sample) {
        byte[] body = sample(sample);
        out.println();
        out.println("━━ " + number + ". " + title);
        out.println("  POST " + path + "  (" + body.length + " bytes, X-HQ-Signature, Prefer: " + WAIT + ")");
        int sentBefore = channel.sent().size();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put(WebhookSignature.HEADER, WebhookSignature.sign(DemoShop.SECRET, body));
        headers.put("Prefer", WAIT);
        WebhookResponse response = hq.frontDoor().handle(WebhookRequest.of("POST", path, headers, body));
        JsonNode answer = json(response);
        String outcome = field(answer, "outcome").orElse(field(answer, "status").orElse(null));
        String reason = field(answer, "reason").orElse(field(answer, "message").orElse(""));
        ShopId shop = field(parse(new String(body, StandardCharsets.UTF_8)), "shop_id").map(ShopId::of)
                .orElse(DemoShop.SHOP_ID);
        RunRecord run = field(answer, "run_id")
                .flatMap(id -> stores.runLog().find(shop, RunId.of(id)))
                .orElse(null);
        if (path.equals(ConsoleChannel.INBOUND_PATH) && response.status() == 202) {
            // The channel's route only records what arrived. A yes released the offers waiting for it: the
            // dispatcher (which polls every second) is run at once; a question went to the reply pipeline.
            hq.dispatcher().dispatchDue();
            run = replyRun(hq, stores, field(answer, "received").orElse("")).orElse(null);
            outcome = run == null ? "CONSENT" : String.valueOf(run.outcome());
            reason = run == null ? "consent recorded: " + stores.consents().get(DemoShop.SHOP_ID,
                    DemoShop.CUSTOMER).describe() : run.reason();
        }
        List<String> messages = channel.sent().subList(sentBefore, channel.sent().size()).stream()
                .map(sent -> sent.message().text()).toList();

        out.println("  HTTP " + response.status() + " · " + (outcome == null ? "—" : outcome)
                + (reason.isEmpty() ? "" : " · " + reason));
        if (run != null) {
            printResult(out, path, run, messages);
            printStages(out, run);
        }
        return new Step(title, path, response.status(), outcome, reason, messages, run);
    }

    /**
     * Waits up to 5 s for the run the reply pipeline started for a reply, if the reply went there (a consent
     * answer does not): the same event submitted again is a duplicate whose completion is that run's end.
     */
    private static Optional<RunRecord> replyRun(AiHq hq, Stores stores, String idempotencyKey) {
        Optional<JournalEntry> entry = stores.journal().find(DemoShop.SHOP_ID, idempotencyKey);
        if (entry.isEmpty() || !(entry.get().event() instanceof CustomerReplyEvent reply)) {
            return Optional.empty();
        }
        try {
            return hq.replies().submit(reply).await(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static void printResult(PrintStream out, String path, RunRecord run, List<String> messages) {
        AgentTrace trace = run.agent();
        if (trace != null) {
            out.println("  agent: " + trace.path() + (trace.path() == AgentPath.MODEL
                    ? " · " + trace.model() + " · " + trace.inputTokens() + "+" + trace.outputTokens() + " tokens"
                    : " · " + trace.fallbackReason()));
        }
        if (path.equals(WebhookFrontDoor.FINANCE_EVENT_PATH) && run.resultJson() != null) {
            printReport(out, parse(run.resultJson()));
        } else if (path.equals(WebhookFrontDoor.LEGAL_EVENT_PATH) && run.resultJson() != null) {
            printAssessment(out, parse(run.resultJson()));
        } else if (run.resultJson() != null) {
            JsonNode result = parse(run.resultJson());
            StringBuilder offer = new StringBuilder("  offer: ").append(field(result, "kind").orElse("?"));
            JsonNode skus = result.path("offered_products");
            if (skus.isArray() && !skus.isEmpty()) {
                offer.append(" · product ").append(skus.get(0).asText());
            }
            field(result, "promo_code").ifPresent(code -> offer.append(" · promo ").append(code));
            out.println(offer);
        } else if (messages.isEmpty()) {
            String what = path.equals(WebhookFrontDoor.LEGAL_EVENT_PATH) ? "document"
                    : path.equals(WebhookFrontDoor.FINANCE_EVENT_PATH) ? "report" : "result";
            out.println("  " + what + ": none — " + run.reason());
        }
    }

    /** The accountant's report as the seed's JSON with its extensions; the per-product figures shortened. */
    private static void printReport(PrintStream out, JsonNode report) {
        JsonNode shown = report.deepCopy();
        if (shown.path("products").isArray() && shown.path("products").size() > 3) {
            ArrayNode products = (ArrayNode) shown.get("products");
            int more = products.size() - 3;
            while (products.size() > 3) {
                products.remove(products.size() - 1);
            }
            products.add("… " + more + " more");
        }
        try {
            String json = SdkJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(shown);
            for (String line : json.split("\n")) {
                out.println("  " + line);
            }
        } catch (IOException e) {
            out.println("  report: " + report);
        }
    }

    /** The legal assessment: its decisions and sources first, then the three texts in full. */
    private static void printAssessment(PrintStream out, JsonNode assessment) {
        out.println("  risk_level: " + assessment.path("risk_level").asText() + " · can_contest: "
                + assessment.path("can_contest").asText() + " · template: " + assessment.path("template").asText()
                + (assessment.path("template_draft").asBoolean() ? " (template draft)" : ""));
        out.println("  deadline: " + (assessment.path("deadline").isNull() ? "—" : assessment.path("deadline").asText())
                + " · deadline_official: " + assessment.path("deadline_official").asBoolean());
        if (assessment.hasNonNull("deadline_note")) {
            out.println("    " + assessment.get("deadline_note").asText());
        }
        out.println("  sources:");
        for (JsonNode source : assessment.path("sources")) {
            out.println("    " + source.path("rule_id").asText() + " [" + source.path("status").asText() + "] "
                    + source.path("title").asText() + (source.path("url").asText().isEmpty() ? ""
                    : " — " + source.path("url").asText()));
        }
        for (JsonNode problem : assessment.path("document_problems")) {
            out.println("  document problem: " + problem.path("name").asText() + " — " + problem.path("reason").asText());
        }
        for (String part : new String[] {"analysis", "document", "recommendation"}) {
            out.println("  " + part + ":");
            for (String line : assessment.path(part).asText().split("\n")) {
                out.println("    " + line);
            }
        }
    }

    private static void printStages(PrintStream out, RunRecord run) {
        out.println(String.format(Locale.ROOT, "    %-16s %-9s %9s", "stage", "status", "ms"));
        for (StageRecord stage : run.stages()) {
            BigDecimal ms = BigDecimal.valueOf(stage.duration().toNanos(), 6).setScale(2, RoundingMode.HALF_UP);
            out.println(String.format(Locale.ROOT, "    %-16s %-9s %9s", stage.name(), stage.status(),
                    ms.toPlainString()));
        }
    }

    private static void printHeader(PrintStream out, int products, String database) {
        out.println("AI HQ — демо / demo");
        out.println("База данных / database: " + database);
        out.println("Магазин / shop: " + DemoShop.SHOP_ID + " «" + DemoShop.shop().name() + "» · Kaspi.kz · ИП ·"
                + " упрощённая декларация / simplified declaration");
        out.println("Каталог / catalog: " + products + " products · модель / model: " + DemoModel.describe());
        out.println("Every event is signed with the shop's secret and sent through the webhook front door.");
    }

    private static void printSummary(PrintStream out, List<Step> steps) {
        out.println();
        out.println("━━ Итог / summary");
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            out.println(String.format(Locale.ROOT, "  %d. %-22s HTTP %d  %-9s %s", i + 1, s.path(), s.httpStatus(),
                    s.outcome() == null ? "—" : s.outcome(), s.reason()));
        }
        out.println("  (the first event's timings include the JVM warming up: class loading and JIT)");
    }

    private static byte[] sample(String name) {
        String path = "/demo/events/" + name;
        try (InputStream in = Demo.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the sample event " + path + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample event " + path, e);
        }
    }

    private static JsonNode json(WebhookResponse response) {
        return response.body().length == 0 ? SdkJson.mapper().createObjectNode()
                : parse(new String(response.body(), StandardCharsets.UTF_8));
    }

    private static JsonNode parse(String json) {
        try {
            return SdkJson.mapper().readTree(json);
        } catch (IOException e) {
            return SdkJson.mapper().createObjectNode();
        }
    }

    private static Optional<String> field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
