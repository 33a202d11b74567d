package dev.aihq.connectors.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aihq.api.Money;
import dev.aihq.api.error.AuthenticationException;
import dev.aihq.api.error.RequestRejectedException;
import dev.aihq.connectors.wb.finance.WbReportPage;
import dev.aihq.connectors.wb.finance.WbReportParser;
import dev.aihq.connectors.wb.finance.WbReportRow;
import dev.aihq.pipeline.memory.InMemoryLedgerStore;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.wb.FakeWbApi;
import dev.aihq.testkit.wb.FakeWbApi.ErrorShape;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sales report paged by rrdid until 204 at one request a minute, recorded in the ledger once; the balance. */
class WbReportsTest {

    private static final String REPORT = "/api/v5/supplier/reportDetailByPeriod";
    private static final Instant FROM = Instant.parse("2025-06-08T21:00:00Z");
    private static final Instant TO = Instant.parse("2025-06-15T20:59:59Z");

    private FakeWbApi wb;
    private SettableClock clock;
    private RecordingSleeper sleeper;

    @BeforeEach
    void start() {
        wb = FakeWbApi.start(WbFixtures.TOKEN);
        clock = SettableClock.at(Instant.parse("2025-06-16T09:00:00Z"));
        sleeper = new RecordingSleeper(clock);
    }

    @AfterEach
    void stop() {
        wb.close();
    }

    private WbClient client(int reportPageSize) {
        return WbFixtures.client(WbFixtures.config(wb.baseUrl()).reportPageSize(reportPageSize).build(), clock,
                sleeper);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = WbReportsTest.class.getResourceAsStream("/wb/report/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void should_page_by_the_last_rrd_id_until_204_waiting_a_minute_between_requests() throws IOException {
        // given: 11 rows, 4 a page
        wb.putReportRows(fixture("week-2025-06-09.json"));

        // when
        WbSalesReport report = client(4).reports().salesReport(WbFixtures.SHOP, FROM, TO, WbReportPeriod.WEEKLY);

        // then
        assertThat(report.pages()).isEqualTo(3);
        assertThat(report.rows()).extracting(WbReportRow::rrdId).hasSize(11).isSorted();
        assertThat(report.problems()).isEmpty();
        List<Map<String, String>> queries = wb.queries(REPORT);
        assertThat(queries).extracting(q -> q.get("rrdid"))
                .containsExactly("0", "2900000104", "2900000108", "2900000111");
        assertThat(queries.get(0)).containsEntry("dateFrom", "2025-06-09T00:00:00+03:00")
                .containsEntry("dateTo", "2025-06-15T23:59:59+03:00").containsEntry("limit", "4")
                .containsEntry("period", "weekly");
        assertThat(sleeper.waits()).containsExactlyElementsOf(Collections.nCopies(3, Duration.ofMinutes(1)));
    }

    @Test
    void should_record_the_actuals_page_by_page_and_nothing_twice_on_a_second_run() throws IOException {
        // given
        wb.putReportRows(fixture("week-2025-06-09.json"));
        InMemoryLedgerStore ledger = new InMemoryLedgerStore();
        WbReports reports = client(5).reports();

        // when
        WbActualsReport first = reports.recordActuals(WbFixtures.SHOP, FROM, TO, ledger);
        WbActualsReport second = reports.recordActuals(WbFixtures.SHOP, FROM, TO, ledger);

        // then
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.rows()).isEqualTo(11);
        assertThat(first.entries()).isEqualTo(18);
        assertThat(first.newEntries()).isEqualTo(18);
        assertThat(first.knownEntries()).isZero();
        assertThat(first.problems()).isEmpty();
        assertThat(second.entries()).isEqualTo(18);
        assertThat(second.newEntries()).isZero();
        assertThat(second.knownEntries()).isEqualTo(18);
    }

    @Test
    void should_report_the_rows_it_left_out_and_keep_paging_after_them() throws IOException {
        // given
        wb.putReportRows(fixture("broken-rows.json"));
        WbReportPage whole = new WbReportParser().parse(fixture("broken-rows.json"));

        // when
        WbSalesReport report = client(3).reports().salesReport(WbFixtures.SHOP, FROM, TO, WbReportPeriod.DAILY);

        // then
        assertThat(report.rows()).isEqualTo(whole.rows());
        assertThat(report.problems()).isNotEmpty().hasSize(whole.problems().size());
        assertThat(wb.queries(REPORT)).extracting(q -> q.get("period")).containsOnly("daily");
        assertThat(wb.queries(REPORT)).extracting(q -> q.get("rrdid")).containsExactly("0", "2900000103",
                "2900000105");
    }

    @Test
    void should_end_at_once_on_an_empty_report() {
        // when
        WbSalesReport report = client(100_000).reports().salesReport(WbFixtures.SHOP, FROM, TO,
                WbReportPeriod.WEEKLY);

        // then
        assertThat(report.pages()).isZero();
        assertThat(report.rows()).isEmpty();
        assertThat(wb.requests(REPORT)).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void should_read_the_balance() {
        // given
        wb.balance("RUB", "12345.67", "10000");

        // when
        WbBalance balance = client(100_000).reports().balance(WbFixtures.SHOP);

        // then
        assertThat(balance.currency()).isEqualTo(Money.RUB);
        assertThat(balance.current()).isEqualTo(Money.of(new BigDecimal("12345.67"), Money.RUB));
        assertThat(balance.forWithdraw()).isEqualTo(Money.of(new BigDecimal("10000"), Money.RUB));
    }

    @Test
    void should_name_an_unknown_balance_currency() {
        // given
        wb.balance("ZZZ", "1", "1");

        // when
        Throwable thrown = catchThrowable(() -> client(100_000).reports().balance(WbFixtures.SHOP));

        // then
        assertThat(thrown).isInstanceOf(WbResponseException.class).hasMessageContaining("currency 'ZZZ'");
    }

    @Test
    void should_retry_a_429_after_x_ratelimit_retry_and_stop_on_401_after_one_request() throws IOException {
        // given
        wb.putReportRows(fixture("other-currency.json"));
        wb.failNext(REPORT, 1, 429, ErrorShape.PROBLEM_JSON, "limited by 9f1", 61);
        wb.failNext("/api/v1/account/balance", 1, 401, ErrorShape.PROBLEM_JSON, "token problem; token is expired",
                null);
        WbClient client = client(100_000);

        // when
        WbSalesReport report = client.reports().salesReport(WbFixtures.SHOP, FROM, TO, WbReportPeriod.WEEKLY);
        Throwable balance = catchThrowable(() -> client.reports().balance(WbFixtures.SHOP));

        // then
        assertThat(report.rows()).hasSize(2);
        assertThat(sleeper.waits()).startsWith(Duration.ofSeconds(61));
        assertThat(balance).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("unauthorized: token problem; token is expired")
                .hasMessageNotContaining(WbFixtures.TOKEN);
        assertThat(wb.requests("/api/v1/account/balance")).isEqualTo(1);
    }

    @Test
    void should_quote_a_report_400_in_the_problem_shape() {
        // given
        wb.failNext(REPORT, 1, 400, ErrorShape.PROBLEM_JSON, "dateFrom: некорректная дата", null);

        // when
        Throwable thrown = catchThrowable(() -> client(100_000).reports().salesReport(WbFixtures.SHOP, FROM, TO,
                WbReportPeriod.WEEKLY));

        // then
        assertThat(thrown).isInstanceOf(RequestRejectedException.class)
                .hasMessageContaining("dateFrom: некорректная дата");
    }
}
