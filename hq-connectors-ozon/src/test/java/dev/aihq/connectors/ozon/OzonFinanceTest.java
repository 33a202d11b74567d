package dev.aihq.connectors.ozon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aihq.api.event.ReportingPeriod;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.pipeline.memory.InMemoryLedgerStore;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.ozon.FakeOzonApi;
import java.io.InputStream;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The finance transactions through the client: one-month windows, pages to the end, recorded once. */
class OzonFinanceTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private FakeOzonApi ozon;
    private OzonClient client;
    private final InMemoryLedgerStore ledger = new InMemoryLedgerStore();

    @BeforeEach
    void start() throws Exception {
        ozon = FakeOzonApi.start(OzonFixtures.CLIENT_ID, OzonFixtures.API_KEY);
        try (InputStream in = getClass().getResourceAsStream("/ozon/finance/month-2025-06.json")) {
            JsonNode month = new ObjectMapper().readTree(in);
            ozon.addOperations(month.path("result").path("operations"));
        }
        SettableClock clock = SettableClock.at(OzonFixtures.NOW);
        client = OzonFixtures.client(OzonFixtures.config(ozon.baseUrl()).build(), OzonSubscription.STANDARD, clock,
                new RecordingSleeper(clock));
    }

    @AfterEach
    void stop() {
        ozon.close();
    }

    @Test
    void should_record_a_shops_month_once_asking_ozon_in_one_month_windows() {
        // given: June 2025 in the shop's zone, which starts on 31 May 21:00 UTC
        ReportingPeriod june = ReportingPeriod.month(YearMonth.of(2025, 6));
        Instant from = june.startIn(MOSCOW);
        Instant to = june.endIn(MOSCOW);

        // when
        OzonActualsReport first = client.finance().recordActuals(OzonFixtures.SHOP, from, to, ledger);
        OzonActualsReport second = client.finance().recordActuals(OzonFixtures.SHOP, from, to, ledger);

        // then: the June operations of the fixture (the one on 30 June 23:10 UTC is July in Moscow) and nothing twice
        assertThat(first.newEntries()).isEqualTo(first.entries()).isPositive();
        assertThat(first.problems()).extracting(p -> p.operationId()).containsExactly(27481100010L);
        assertThat(second.newEntries()).isZero();
        assertThat(second.entries()).isEqualTo(first.entries());
        assertThat(first.pages()).as("two windows, one page each").isEqualTo(2);
        List<LedgerEntry> recorded = ledger.entries(OzonFixtures.SHOP, from, to, 1000);
        assertThat(recorded).hasSize(first.entries());
        assertThat(ozon.requests(OzonFinance.LIST_PATH)).isEqualTo(4);
    }

    @Test
    void should_split_a_quarter_into_three_one_month_windows() {
        // when: a quarter
        int pages = client.finance().forEachPage(OzonFixtures.SHOP, Instant.parse("2025-04-01T00:00:00Z"),
                Instant.parse("2025-07-01T00:00:00Z"), page -> { });

        // then: one request per month, April and May empty, June with its operations
        assertThat(pages).isEqualTo(3);
        assertThat(ozon.requests(OzonFinance.LIST_PATH)).isEqualTo(3);
    }

    @Test
    void should_add_up_the_totals_of_each_one_month_window() throws Exception {
        // given: the fixture's operations of June 2025 in Moscow, summed here
        ReportingPeriod june = ReportingPeriod.month(YearMonth.of(2025, 6));
        Instant from = june.startIn(MOSCOW);
        Instant to = june.endIn(MOSCOW);
        java.math.BigDecimal accruals = java.math.BigDecimal.ZERO;
        java.math.BigDecimal commission = java.math.BigDecimal.ZERO;
        try (InputStream in = getClass().getResourceAsStream("/ozon/finance/month-2025-06.json")) {
            for (JsonNode op : new ObjectMapper().readTree(in).path("result").path("operations")) {
                Instant at = java.time.LocalDateTime.parse(op.path("operation_date").asText().replace(' ', 'T'))
                        .toInstant(java.time.ZoneOffset.UTC);
                if (!at.isBefore(from) && at.isBefore(to)) {
                    accruals = accruals.add(op.path("accruals_for_sale").decimalValue());
                    commission = commission.add(op.path("sale_commission").decimalValue());
                }
            }
        }

        // when
        var totals = client.finance().totals(OzonFixtures.SHOP, from, to);

        // then: one request per window, the windows' figures added up
        assertThat(ozon.requests(OzonFinance.TOTALS_PATH)).isEqualTo(2);
        assertThat(totals.accrualsForSale()).isEqualByComparingTo(accruals).isPositive();
        assertThat(totals.saleCommission()).isEqualByComparingTo(commission).isNegative();
        assertThat(totals.othersAmount()).isNotNull();
    }
}
