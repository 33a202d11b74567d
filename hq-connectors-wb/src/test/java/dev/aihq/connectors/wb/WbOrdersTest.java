package dev.aihq.connectors.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aihq.api.Money;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.RequestRejectedException;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.wb.FakeWbApi;
import dev.aihq.testkit.wb.FakeWbApi.ErrorShape;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FBS and DBS tasks, FBS statuses, DBS delivery contacts and statistics orders against {@link FakeWbApi}. */
class WbOrdersTest {

    private static final Instant START = Instant.parse("2025-09-01T00:00:00Z");

    private FakeWbApi wb;
    private SettableClock clock;
    private RecordingSleeper sleeper;

    @BeforeEach
    void start() {
        wb = FakeWbApi.start(WbFixtures.TOKEN);
        clock = SettableClock.at(START.plus(Duration.ofDays(60)));
        sleeper = new RecordingSleeper(clock);
    }

    @AfterEach
    void stop() {
        wb.close();
    }

    private WbClient client(int orderPageSize) {
        return WbFixtures.client(WbFixtures.config(wb.baseUrl()).orderPageSize(orderPageSize).build(), clock,
                sleeper);
    }

    @Test
    void should_split_a_45_day_span_into_two_windows_and_walk_next_to_the_end_of_each() {
        // given: 5 tasks in the first 30 days, 3 in the last 15
        for (int i = 0; i < 8; i++) {
            Instant created = START.plus(Duration.ofDays(i < 5 ? 2 + i * 5 : 31 + (i - 5) * 4));
            wb.putFbsTask(FakeWbApi.task(1000 + i, "rid-" + i, created), false);
        }

        // when: pages of 2
        List<WbOrder> orders = client(2).orders().fbs(WbFixtures.SHOP, START, START.plus(Duration.ofDays(45)));

        // then
        assertThat(orders).extracting(WbOrder::rid)
                .containsExactly("rid-0", "rid-1", "rid-2", "rid-3", "rid-4", "rid-5", "rid-6", "rid-7");
        List<Map<String, String>> queries = wb.queries(WbFixtures.ORDERS_PATH);
        assertThat(queries).extracting(q -> q.get("dateFrom")).containsOnly(
                Long.toString(START.getEpochSecond()), Long.toString(START.plus(Duration.ofDays(30)).getEpochSecond()));
        assertThat(queries.stream().filter(q -> q.get("next").equals("0"))).hasSize(2);
        assertThat(queries).allSatisfy(q -> assertThat(Long.parseLong(q.get("dateTo")) - Long.parseLong(
                q.get("dateFrom"))).isLessThanOrEqualTo(30L * 86_400));
        assertThat(queries).extracting(q -> q.get("limit")).containsOnly("2");
    }

    @Test
    void should_read_a_45_day_span_in_two_requests_when_each_window_fits_one_page() {
        // given
        wb.putFbsTask(FakeWbApi.task(1, "rid-a", START.plus(Duration.ofDays(3))), false);
        wb.putFbsTask(FakeWbApi.task(2, "rid-b", START.plus(Duration.ofDays(40))), false);

        // when
        List<WbOrder> orders = client(1000).orders().fbs(WbFixtures.SHOP, START, START.plus(Duration.ofDays(45)));

        // then
        assertThat(orders).extracting(WbOrder::rid).containsExactly("rid-a", "rid-b");
        assertThat(wb.requests(WbFixtures.ORDERS_PATH)).isEqualTo(2);
    }

    @Test
    void should_refuse_a_window_over_30_days_in_the_marketplace_error_shape_on_the_fake() throws Exception {
        // given
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String url = wb.baseUrl() + "/api/v3/orders?limit=10&next=0&dateFrom=0&dateTo=" + (31L * 86_400);

        // when
        java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url)).header("Authorization", WbFixtures.TOKEN).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"IncorrectParameter\"").contains("\"message\":")
                .contains("\"data\":null");
    }

    @Test
    void should_turn_kopecks_and_the_numeric_currency_into_money() {
        // given
        wb.putFbsTask(FakeWbApi.task(1, "rid-rub", START.plusSeconds(60)), true);
        wb.putFbsTask(FakeWbApi.task(2, "rid-byn", START.plusSeconds(120)).withPrice(4_599, 933), true);
        wb.putFbsTask(FakeWbApi.task(3, "rid-kzt", START.plusSeconds(180)).withPrice(1_250_000, 398)
                .withComment("Позвоните за час"), true);

        // when
        List<WbOrder> orders = client(1000).orders().fbsNew(WbFixtures.SHOP);

        // then
        assertThat(orders).hasSize(3);
        WbOrder rub = orders.get(0);
        assertThat(rub.price()).isEqualTo(Money.of(new BigDecimal("1490.00"), Money.RUB));
        assertThat(rub.finalPrice()).isEqualTo(Money.of(new BigDecimal("990.00"), Money.RUB));
        assertThat(rub.id()).isEqualTo(1L);
        assertThat(rub.orderUid()).isEqualTo("165918930_rid-rub");
        assertThat(rub.article()).isEqualTo("TS-OVS-BLK-M");
        assertThat(rub.nmId()).isEqualTo(146_123_456L);
        assertThat(rub.skus()).containsExactly("6665956397512");
        assertThat(rub.deliveryType()).isEqualTo(WbOrder.FBS);
        assertThat(rub.comment()).isNull();
        assertThat(orders.get(1).price()).isEqualTo(Money.of(new BigDecimal("45.99"), Currency.getInstance("BYN")));
        assertThat(orders.get(2).price()).isEqualTo(Money.of(new BigDecimal("12500"), Money.KZT));
        assertThat(orders.get(2).comment()).isEqualTo("Позвоните за час");
        assertThat(orders.get(2).toString()).doesNotContain("Позвоните").contains("16 chars");
    }

    @Test
    void should_name_the_field_when_the_currency_code_is_unknown() {
        // given
        wb.putFbsTask(FakeWbApi.task(1, "rid-ok", START.plusSeconds(60)), true);
        wb.putFbsTask(FakeWbApi.task(2, "rid-odd", START.plusSeconds(120)).withPrice(100, 111), true);

        // when
        Throwable thrown = catchThrowable(() -> client(1000).orders().fbsNew(WbFixtures.SHOP));

        // then
        assertThat(thrown).isInstanceOf(WbResponseException.class)
                .hasMessageContaining("orders[1].currencyCode 111").hasMessageContaining("643 RUB");
        assertThat(((WbResponseException) thrown).field()).isEqualTo("orders[1].currencyCode");
    }

    @Test
    void should_read_2500_statuses_in_three_calls_of_at_most_1000_ids() {
        // given
        for (long id = 1; id <= 2500; id++) {
            wb.putFbsTask(FakeWbApi.task(id, "rid-" + id, START), false);
        }
        wb.setFbsStatus(2042, WbOrderStatus.CONFIRM, "sorted");
        List<Long> ids = LongStream.rangeClosed(1, 2500).boxed().toList();

        // when
        List<WbOrderStatus> statuses = client(1000).orders().fbsStatuses(WbFixtures.SHOP, ids);

        // then
        assertThat(statuses).hasSize(2500);
        assertThat(wb.requests("/api/v3/orders/status")).isEqualTo(3);
        assertThat(wb.bodies("/api/v3/orders/status")).extracting(b -> b.split(",").length)
                .containsExactly(1000, 1000, 500);
        assertThat(statuses.get(2041)).isEqualTo(new WbOrderStatus(2042, "confirm", "sorted"));
        assertThat(statuses.get(0)).isEqualTo(new WbOrderStatus(1, "new", "waiting"));
    }

    @Test
    void should_read_dbs_orders_and_their_delivery_only_contacts_with_an_unassigned_number_absent() {
        // given
        wb.putDbsTask(FakeWbApi.task(7001, "dbs-rid-1", START.plusSeconds(60)), true);
        wb.putDbsTask(FakeWbApi.task(7002, "dbs-rid-2", START.plus(Duration.ofDays(2))), false);
        wb.putDbsClient(7001, "Анна", "+7 (999) 123-45-67", "4321");
        wb.putDbsClient(7002, "Пётр", "", "");
        WbOrders orders = client(1000).orders();

        // when
        List<WbOrder> fresh = orders.dbsNew(WbFixtures.SHOP);
        List<WbOrder> done = orders.dbs(WbFixtures.SHOP, START, START.plus(Duration.ofDays(10)));
        List<WbDbsContact> contacts = orders.dbsContacts(WbFixtures.SHOP, List.of(7001L, 7002L, 7001L));

        // then
        assertThat(fresh).extracting(WbOrder::rid).containsExactly("dbs-rid-1");
        assertThat(fresh.get(0).deliveryType()).isEqualTo(WbOrder.DBS);
        assertThat(done).extracting(WbOrder::rid).containsExactly("dbs-rid-1", "dbs-rid-2");
        assertThat(wb.requests("/api/v3/dbs/orders/client")).isEqualTo(1);
        assertThat(contacts).hasSize(2);
        WbDbsContact anna = contacts.get(0);
        assertThat(anna.phone()).isNotNull();
        assertThat(anna.phone().e164()).isEqualTo("+79991234567");
        assertThat(anna.phoneCode()).isEqualTo("4321");
        assertThat(anna.forDeliveryOnly()).isTrue();
        assertThat(anna.toString()).doesNotContain("Анна").doesNotContain("9991234567").contains("deliveryOnly=true");
        WbDbsContact petr = contacts.get(1);
        assertThat(petr.phone()).isNull();
        assertThat(petr.replacementPhone()).isNull();
        assertThat(petr.hasPhone()).isFalse();
    }

    @Test
    void should_page_statistics_orders_by_last_change_date_until_an_empty_page_waiting_a_minute_between() {
        // given: 5 rows, 2 per response
        for (int i = 0; i < 5; i++) {
            Instant date = START.plus(Duration.ofHours(i));
            wb.putStatisticsRow(FakeWbApi.statisticsRow("srid-" + i, "g-" + i, "st-" + i, date,
                    date.plus(Duration.ofMinutes(30))));
        }
        wb.putStatisticsRow(FakeWbApi.statisticsRow("srid-fbw", "g-fbw", "", START.plus(Duration.ofHours(9)),
                START.plus(Duration.ofHours(10))).fbw().cancelled());
        wb.statisticsPageSize(2);

        // when
        List<WbStatisticsOrder> rows = client(1000).orders().statisticsOrders(WbFixtures.SHOP, START);

        // then
        assertThat(rows).extracting(WbStatisticsOrder::srid)
                .containsExactly("srid-0", "srid-1", "srid-2", "srid-3", "srid-4", "srid-fbw");
        List<Map<String, String>> queries = wb.queries("/api/v1/supplier/orders");
        assertThat(queries).hasSize(4);
        assertThat(queries.get(0)).containsEntry("dateFrom", "2025-09-01T03:00:00+03:00").containsEntry("flag", "0");
        assertThat(queries.get(1)).containsEntry("dateFrom", "2025-09-01T04:30:00");
        assertThat(sleeper.waits()).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(1),
                Duration.ofMinutes(1));
        WbStatisticsOrder fbw = rows.get(5);
        assertThat(fbw.fbw()).isTrue();
        assertThat(fbw.cancelled()).isTrue();
        assertThat(fbw.sticker()).isNull();
        assertThat(fbw.gNumber()).isEqualTo("g-fbw");
        assertThat(rows.get(0).finishedPrice()).isEqualTo(Money.of(new BigDecimal("990.5"), Money.RUB));
        assertThat(rows.get(0).date()).isEqualTo(START);
    }

    @Test
    void should_stop_when_the_cursor_no_longer_moves_if_wb_sends_the_rows_at_date_from_again() {
        // given: WB read as "at or after dateFrom": the last row comes again and [] never comes
        for (int i = 0; i < 3; i++) {
            wb.putStatisticsRow(FakeWbApi.statisticsRow("srid-" + i, "g-" + i, "st-" + i, START,
                    START.plus(Duration.ofMinutes(10 + i))));
        }
        wb.statisticsPageSize(2).statisticsFromInclusive(true);

        // when
        List<WbStatisticsOrder> rows = client(1000).orders().statisticsOrders(WbFixtures.SHOP, START);

        // then: pages [0,1], [1,2], [2]; each srid once
        assertThat(rows).extracting(WbStatisticsOrder::srid).containsExactly("srid-0", "srid-1", "srid-2");
        assertThat(wb.requests("/api/v1/supplier/orders")).isEqualTo(3);
    }

    @Test
    void should_name_the_field_and_mask_the_text_when_a_dbs_phone_is_not_a_number() {
        // given
        wb.putDbsClient(7001, "Анна", "звоните +7999123", "");

        // when
        Throwable thrown = catchThrowable(() -> client(1000).orders().dbsContacts(WbFixtures.SHOP, List.of(7001L)));

        // then
        assertThat(thrown).isInstanceOf(WbResponseException.class).hasMessageContaining("orders[0].phone")
                .hasMessageNotContaining("7999123").hasMessageNotContaining("Анна");
    }

    @Test
    void should_quote_the_marketplace_shape_of_an_fbs_409() {
        // given
        wb.failNext("/api/v3/orders/status", 1, 409, ErrorShape.MARKETPLACE, "Сборочное задание уже в поставке",
                null);

        // when
        Throwable thrown = catchThrowable(() -> client(1000).orders().fbsStatuses(WbFixtures.SHOP, List.of(1L)));

        // then
        assertThat(thrown).isInstanceOf(RequestRejectedException.class).hasMessageContaining("HTTP 409")
                .hasMessageContaining("IncorrectParameter: Сборочное задание уже в поставке");
        assertThat(wb.requests("/api/v3/orders/status")).isEqualTo(1);
    }

    @Test
    void should_wait_x_ratelimit_retry_seconds_after_a_429_and_read_the_tasks() {
        // given
        wb.putFbsTask(FakeWbApi.task(1, "rid-1", START.plusSeconds(60)), true);
        wb.failNext("/api/v3/orders/new", 1, 429, ErrorShape.PROBLEM_JSON, "limited by c2d1", 7);

        // when
        List<WbOrder> orders = client(1000).orders().fbsNew(WbFixtures.SHOP);

        // then
        assertThat(orders).hasSize(1);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void should_refuse_a_shop_without_a_token_before_any_request() {
        // when
        Throwable thrown = catchThrowable(() -> client(1000).orders().dbsNew(WbFixtures.OTHER_SHOP));

        // then
        assertThat(thrown).isInstanceOf(CapabilityNotSupportedException.class).hasMessageContaining("ORDERS");
        assertThat(wb.requests("/api/v3/dbs/orders/new")).isZero();
    }
}
