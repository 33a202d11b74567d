package dev.aihq.agents.finance.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.aihq.agents.OpenAiEndpoint.COMPLETIONS;
import static dev.aihq.agents.OpenAiEndpoint.completion;
import static dev.aihq.agents.OpenAiEndpoint.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.aihq.agents.OpenAiEndpoint;
import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.event.FinanceEvent;
import dev.aihq.api.event.FinanceEventType;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.event.ReportingPeriod;
import dev.aihq.api.result.FinanceReport;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerEntryKind;
import dev.aihq.api.store.Product;
import dev.aihq.api.store.Purchase;
import dev.aihq.api.store.RunRecord;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.pipeline.json.SdkJson;
import dev.aihq.pipeline.memory.InMemoryStores;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.SettableClock;
import dev.langchain4j.model.chat.ChatModel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The accounting pipeline end to end on the in-memory stores: ledger → P&L → tax → report, with and without a model. */
class FinancePipelinesTest {

    @RegisterExtension
    static final WireMockExtension OPEN_AI = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final ShopId RU_SHOP = ShopId.of("wb_ip_77");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private final InMemoryStores stores = InMemoryStores.create();
    private final SettableClock clock = SettableClock.at(Instant.parse("2026-02-03T09:00:00Z"));
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private @Nullable AgentPipeline<FinanceEvent, FinanceContext, FinanceReport> pipeline;

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        executor.shutdownNow();
    }

    private AgentPipeline<FinanceEvent, FinanceContext, FinanceReport> pipeline(@Nullable ChatModel model) {
        pipeline = FinancePipelines.builder().shops(stores.shops()).journal(stores.journal()).runLog(stores.runLog())
                .ledger(stores.ledger()).catalog(stores.catalog()).purchases(stores.purchases())
                .tokenUsage(stores.tokenUsage()).chatModel(model).clock(clock).executor(executor)
                .modelSleeper(wait -> { })
                .build().pipeline().start();
        return pipeline;
    }

    /** The seed's shop as a Russian ИП on УСН 15 %: January 2026, revenue 1 250 000, expenses 830 000. */
    private void seedShop() {
        stores.shops().save(Shop.builder(RU_SHOP, Marketplace.WILDBERRIES).name("Чехлы и стёкла").zone(MOSCOW)
                .currency(Money.RUB).legalForm(LegalForm.IP).taxMode(TaxMode.RU_USN_INCOME_MINUS_EXPENSES)
                .settings(ShopSettings.builder().defaultCommissionPercent(BigDecimal.valueOf(15)).build()).build());
        stores.catalog().save(new Product(RU_SHOP, Sku.of("CASE-IP15"), "Чехол iPhone 15", "Чехлы", Money.rub(1_000),
                Money.rub(600), 100, true));
        stores.catalog().save(new Product(RU_SHOP, Sku.of("GLASS-IP15"), "Стекло iPhone 15", "Стёкла", Money.rub(500),
                Money.rub(200), 100, true));
        Instant jan = LocalDate.of(2026, 1, 15).atStartOfDay(MOSCOW).toInstant();
        record(RU_SHOP, "sale:1:CASE-IP15", LedgerEntryKind.SALE, jan, "CASE-IP15", 750, Money.rub(750_000));
        record(RU_SHOP, "sale:2:GLASS-IP15", LedgerEntryKind.SALE, jan, "GLASS-IP15", 1000, Money.rub(500_000));
        record(RU_SHOP, "cogs:jan:CASE", LedgerEntryKind.COST_OF_GOODS, jan, "CASE-IP15", 750, Money.rub(450_000));
        record(RU_SHOP, "cogs:jan:GLASS", LedgerEntryKind.COST_OF_GOODS, jan, "GLASS-IP15", 1000, Money.rub(200_000));
        record(RU_SHOP, "wb:commission:jan", LedgerEntryKind.COMMISSION, jan, null, 0, Money.rub(150_000));
        record(RU_SHOP, "wb:logistics:jan", LedgerEntryKind.DELIVERY, jan, null, 0, Money.rub(30_000));
        // December: smaller, so January's revenue and profit both grew.
        Instant dec = LocalDate.of(2025, 12, 10).atStartOfDay(MOSCOW).toInstant();
        record(RU_SHOP, "sale:0:CASE-IP15", LedgerEntryKind.SALE, dec, "CASE-IP15", 500, Money.rub(500_000));
        record(RU_SHOP, "cogs:dec:CASE", LedgerEntryKind.COST_OF_GOODS, dec, "CASE-IP15", 500, Money.rub(300_000));
        record(RU_SHOP, "wb:commission:dec", LedgerEntryKind.COMMISSION, dec, null, 0, Money.rub(75_000));
    }

    private void record(ShopId shop, String key, LedgerEntryKind kind, Instant at, @Nullable String sku, long units,
            Money amount) {
        stores.ledger().record(new LedgerEntry(shop, key, kind, at, sku == null ? null : Sku.of(sku), null,
                BigDecimal.valueOf(units), amount, "test"));
    }

    private static FinanceEvent monthly(ShopId shop, String period, @Nullable String taxMode) {
        return FinanceEvent.of(shop, ReportingPeriod.parse(period), FinanceEventType.MANUAL_REQUEST, null,
                Instant.parse("2026-02-03T09:00:00Z"), "finance:" + UUID.randomUUID()).withTaxMode(taxMode);
    }

    private static JsonNode result(RunRecord run) throws Exception {
        return SdkJson.mapper().readTree(run.resultJson());
    }

    @Test
    void should_reproduce_the_seed_as_an_ru_shop_on_the_ip_usn_alias() throws Exception {
        // given
        seedShop();

        // when
        RunRecord run = pipeline(null).submit(monthly(RU_SHOP, "2026-01", "IP_USN")).join();

        // then: the seed's numbers, its shape extended
        assertThat(run.outcome()).isEqualTo(RunOutcome.COMPLETED);
        JsonNode report = result(run);
        assertThat(report.get("revenue").decimalValue()).isEqualByComparingTo("1250000");
        assertThat(report.get("profit").decimalValue()).isEqualByComparingTo("420000");
        assertThat(report.get("tax_due").decimalValue()).isEqualByComparingTo("63000");
        assertThat(report.get("currency").asText()).isEqualTo("RUB");
        assertThat(report.get("costs").get("cost_of_goods").decimalValue()).isEqualByComparingTo("650000");
        JsonNode tax = report.get("tax");
        assertThat(tax.get("regime").asText()).isEqualTo("RU_USN_INCOME_MINUS_EXPENSES");
        assertThat(tax.get("rate").decimalValue()).isEqualByComparingTo("15");
        assertThat(tax.get("base").decimalValue()).isEqualByComparingTo("420000");
        assertThat(tax.get("period").asText()).isEqualTo("2026");
        assertThat(tax.get("estimate").asBoolean()).isTrue();
        assertThat(tax.get("rule_id").asText()).isNotBlank();
        assertThat(tax.get("source").asText()).isNotBlank();
        assertThat(tax.get("next_due_date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(tax.get("assumptions").toString()).contains("IP_USN");
        JsonNode previous = report.get("previous_period");
        assertThat(previous.get("period").asText()).isEqualTo("2025-12");
        assertThat(previous.get("revenue").decimalValue()).isEqualByComparingTo("500000");
        assertThat(report.get("narrative").asText()).isEqualTo("rules");
    }

    @Test
    void should_refuse_the_ip_usn_alias_for_a_kazakh_shop_and_an_unknown_mode() {
        // given
        stores.shops().save(Fixtures.kaspiShop().build());
        AgentPipeline<FinanceEvent, FinanceContext, FinanceReport> finance = pipeline(null);

        // when
        RunRecord alias = finance.submit(monthly(Fixtures.SHOP_ID, "2026-01", "IP_USN")).join();
        RunRecord unknown = finance.submit(monthly(Fixtures.SHOP_ID, "2026-01", "KZ_PATENT")).join();

        // then
        assertThat(alias.outcome()).isEqualTo(RunOutcome.REJECTED);
        assertThat(alias.reason()).contains("IP_USN");
        assertThat(unknown.outcome()).isEqualTo(RunOutcome.REJECTED);
        assertThat(unknown.reason()).contains("KZ_PATENT");
    }

    @Test
    void should_warn_on_the_vat_threshold_and_report_only_the_new_warning_for_a_new_sale() throws Exception {
        // given: a Kaspi ТОО on the general regime with 34 000 000 ₸ of January sales: 78.6 % of the 2026 VAT
        // registration threshold (form-910 payers have none in 2026: they may not register)
        stores.shops().save(Fixtures.kaspiShop().legalForm(LegalForm.TOO).taxMode(TaxMode.KZ_GENERAL).build());
        stores.catalog().save(new Product(Fixtures.SHOP_ID, Sku.of("PH-1"), "Смартфон", "Смартфоны", Money.kzt(200_000),
                Money.kzt(150_000), 1000, true));
        Instant jan = LocalDate.of(2026, 1, 20).atStartOfDay(ALMATY).toInstant();
        record(Fixtures.SHOP_ID, "sale:100:PH-1", LedgerEntryKind.SALE, jan, "PH-1", 170, Money.kzt(34_000_000));
        AgentPipeline<FinanceEvent, FinanceContext, FinanceReport> finance = pipeline(null);
        // a sale of 1 000 000 ₸ brings it to 35 000 000: past 80 %
        stores.purchases().save(new Purchase(Fixtures.SHOP_ID, OrderId.of("101"), null,
                List.of(new PurchaseItem(Sku.of("PH-1"), "Смартфон", Money.kzt(200_000), 5)), jan.plusSeconds(60)));
        record(Fixtures.SHOP_ID, "sale:101:PH-1", LedgerEntryKind.SALE, jan.plusSeconds(60), "PH-1", 5, Money.kzt(1_000_000));

        // when: that sale, then one more of 200 000 ₸, then the month's report
        RunRecord crossing = finance.submit(sale("101", "2026-01")).join();
        stores.purchases().save(new Purchase(Fixtures.SHOP_ID, OrderId.of("102"), null,
                List.of(new PurchaseItem(Sku.of("PH-1"), "Смартфон", Money.kzt(200_000), 1)), jan.plusSeconds(120)));
        record(Fixtures.SHOP_ID, "sale:102:PH-1", LedgerEntryKind.SALE, jan.plusSeconds(120), "PH-1", 1, Money.kzt(200_000));
        RunRecord after = finance.submit(sale("102", "2026-01")).join();
        RunRecord month = finance.submit(monthly(Fixtures.SHOP_ID, "2026-01", null)).join();

        // then
        assertThat(result(crossing).get("warnings")).singleElement().asString()
                .contains("НДС").contains("35 000 000").contains("80,9");
        assertThat(result(crossing).get("products")).isEmpty();
        assertThat(result(after).get("warnings")).isEmpty();
        JsonNode report = result(month);
        assertThat(report.get("warnings").get(0).asText()).contains("НДС").contains("35 200 000").contains("81,3");
        assertThat(report.get("tax").get("regime").asText()).isEqualTo("KZ_GENERAL_TOO_CIT");
        assertThat(report.get("tax").get("period").asText()).isEqualTo("2026");
        assertThat(report.get("tax").get("estimate").asBoolean()).isTrue();
    }

    private static FinanceEvent sale(String order, String period) {
        return FinanceEvent.of(Fixtures.SHOP_ID, ReportingPeriod.parse(period), FinanceEventType.NEW_SALE,
                OrderId.of(order), Instant.parse("2026-01-20T10:00:00Z"), null);
    }

    @Test
    void should_estimate_a_form_910_month_as_part_of_its_half_year() throws Exception {
        // given: 30 000 000 ₸ of sales in January 2026 (V1's half-year income, in one month)
        stores.shops().save(Fixtures.kaspiShop().build());
        stores.catalog().save(new Product(Fixtures.SHOP_ID, Sku.of("PH-1"), "Смартфон", "Смартфоны", Money.kzt(200_000),
                Money.kzt(150_000), 1000, true));
        record(Fixtures.SHOP_ID, "sale:1:PH-1", LedgerEntryKind.SALE, LocalDate.of(2026, 1, 20).atStartOfDay(ALMATY)
                .toInstant(), "PH-1", 150, Money.kzt(30_000_000));

        // when
        JsonNode report = result(pipeline(null).submit(monthly(Fixtures.SHOP_ID, "2026-01", null)).join());

        // then: 4 % of the month's income, labelled as part of 2026-H1, due in August
        assertThat(report.get("tax_due").decimalValue()).isEqualByComparingTo("1200000");
        assertThat(report.get("tax").get("period").asText()).isEqualTo("2026-H1");
        assertThat(report.get("tax").get("estimate").asBoolean()).isTrue();
        assertThat(report.get("tax").get("estimate_note").asText()).contains("2026-01").contains("2026-H1");
        assertThat(report.get("tax").get("next_due_date").asText()).startsWith("2026-08");
    }

    @Test
    void should_compare_across_the_new_year_with_each_years_own_rules() throws Exception {
        // given: a form-910 shop selling 10 000 000 ₸ in December 2025 and again in January 2026
        stores.shops().save(Fixtures.kaspiShop().build());
        stores.catalog().save(new Product(Fixtures.SHOP_ID, Sku.of("PH-1"), "Смартфон", "Смартфоны", Money.kzt(200_000),
                Money.kzt(150_000), 1000, true));
        record(Fixtures.SHOP_ID, "sale:dec:PH-1", LedgerEntryKind.SALE, LocalDate.of(2025, 12, 10).atStartOfDay(ALMATY)
                .toInstant(), "PH-1", 50, Money.kzt(10_000_000));
        record(Fixtures.SHOP_ID, "sale:jan:PH-1", LedgerEntryKind.SALE, LocalDate.of(2026, 1, 10).atStartOfDay(ALMATY)
                .toInstant(), "PH-1", 50, Money.kzt(10_000_000));

        // when
        JsonNode report = result(pipeline(null).submit(monthly(Fixtures.SHOP_ID, "2026-01", null)).join());

        // then: the same income, 4 % under the 2026 rules and 3 % under the 2025 ones
        assertThat(report.get("tax_due").decimalValue()).isEqualByComparingTo("400000");
        assertThat(report.get("tax").get("rule_id").asText()).contains("2026");
        JsonNode previous = report.get("previous_period");
        assertThat(previous.get("revenue").decimalValue()).isEqualByComparingTo("10000000");
        assertThat(previous.get("tax_due").decimalValue()).isEqualByComparingTo("300000");
        assertThat(previous.get("tax_rule_id").asText()).contains("2025");
    }

    @Test
    void should_take_the_models_wording_when_every_number_is_the_reports() throws Exception {
        // given
        seedShop();
        OPEN_AI.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(completion("{\"recommendations\": [\"Выручка выросла до 1 250 000 ₽, прибыль — 420 000 ₽.\","
                        + " \"Отложите 63 000 ₽ на налог за 2026 год.\"]}", 900, 60))));

        // when
        RunRecord run = pipeline(OpenAiEndpoint.model(OPEN_AI, Duration.ofSeconds(5)))
                .submit(monthly(RU_SHOP, "2026-01", null)).join();

        // then
        JsonNode report = result(run);
        assertThat(report.get("narrative").asText()).isEqualTo("model");
        assertThat(report.get("recommendations").get(0).asText()).startsWith("Выручка выросла");
        assertThat(report.get("profit").decimalValue()).isEqualByComparingTo("420000");
    }

    @Test
    void should_keep_the_rules_when_the_model_states_a_number_the_report_does_not_have() throws Exception {
        // given: the first answer and its repair both invent a figure
        seedShop();
        OPEN_AI.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(completion("{\"recommendations\": [\"Прибыль выросла до 480 000 ₽.\"]}", 900, 20))));

        // when
        RunRecord run = pipeline(OpenAiEndpoint.model(OPEN_AI, Duration.ofSeconds(5)))
                .submit(monthly(RU_SHOP, "2026-01", null)).join();

        // then
        assertThat(run.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(result(run).get("narrative").asText()).isEqualTo("rules");
        assertThat(run.agent().fallbackReason()).contains("480 000");
    }

    @Test
    void should_keep_the_rules_when_the_model_fails_or_answers_garbage() throws Exception {
        // given
        seedShop();
        OPEN_AI.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(error(500, "The server had an error")));
        AgentPipeline<FinanceEvent, FinanceContext, FinanceReport> finance =
                pipeline(OpenAiEndpoint.model(OPEN_AI, Duration.ofSeconds(5)));

        // when
        RunRecord failed = finance.submit(monthly(RU_SHOP, "2026-01", null)).join();
        OPEN_AI.resetAll();
        OPEN_AI.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(completion("Выручка хорошая, налог небольшой.", 900, 20))));
        RunRecord garbage = finance.submit(monthly(RU_SHOP, "2026-01", null)).join();

        // then
        assertThat(failed.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(result(failed).get("narrative").asText()).isEqualTo("rules");
        assertThat(garbage.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(result(garbage).get("narrative").asText()).isEqualTo("rules");
        assertThat(result(garbage).get("tax_due").decimalValue()).isEqualByComparingTo("63000");
    }

    @Test
    void should_keep_the_rules_when_the_model_is_rate_limited_or_times_out() throws Exception {
        // given
        seedShop();
        OPEN_AI.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(error(429, "Rate limit reached for gpt-4o-mini")
                .withHeader("Retry-After", "1")));
        AgentPipeline<FinanceEvent, FinanceContext, FinanceReport> finance =
                pipeline(OpenAiEndpoint.model(OPEN_AI, Duration.ofMillis(300)));

        // when
        RunRecord limited = finance.submit(monthly(RU_SHOP, "2026-01", null)).join();
        OPEN_AI.resetAll();
        OPEN_AI.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withFixedDelay(2_000)
                .withHeader("Content-Type", "application/json")
                .withBody(completion("{\"recommendations\": [\"Прибыль 420 000 ₽.\"]}", 900, 10))));
        RunRecord slow = finance.submit(monthly(RU_SHOP, "2026-01", null)).join();

        // then: the report is the calculator's either way, worded by the rules
        for (RunRecord run : List.of(limited, slow)) {
            assertThat(run.outcome()).isEqualTo(RunOutcome.COMPLETED);
            assertThat(result(run).get("narrative").asText()).isEqualTo("rules");
            assertThat(result(run).get("profit").decimalValue()).isEqualByComparingTo("420000");
        }
    }
}
