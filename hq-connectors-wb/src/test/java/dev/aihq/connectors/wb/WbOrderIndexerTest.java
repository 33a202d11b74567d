package dev.aihq.connectors.wb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Marketplace;
import dev.aihq.api.store.IndexedOrder;
import dev.aihq.pipeline.memory.InMemoryOrderIndexStore;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.wb.FakeWbApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every task and statistics row read lands in the local order index, one entry per order, found by any reference. */
class WbOrderIndexerTest {

    private static final Instant START = Instant.parse("2025-09-01T00:00:00Z");

    private FakeWbApi wb;
    private SettableClock clock;
    private InMemoryOrderIndexStore index;
    private WbOrderIndexer indexer;

    @BeforeEach
    void start() {
        wb = FakeWbApi.start(WbFixtures.TOKEN);
        clock = SettableClock.at(START.plus(Duration.ofDays(5)));
        index = new InMemoryOrderIndexStore();
        WbClient client = WbFixtures.client(WbFixtures.config(wb.baseUrl()).orderPageSize(2).build(), clock,
                new RecordingSleeper(clock));
        indexer = WbOrderIndexer.of(client, index, clock);
    }

    @AfterEach
    void stop() {
        wb.close();
    }

    private List<IndexedOrder> lookup(String reference) {
        return index.lookup(WbFixtures.SHOP, Marketplace.WILDBERRIES, reference, 10);
    }

    @Test
    void should_index_fbs_tasks_with_their_statuses_page_by_page_and_find_them_by_task_id_rid_and_basket() {
        // given
        for (int i = 0; i < 3; i++) {
            wb.putFbsTask(FakeWbApi.task(5_000 + i, "rid-" + i, START.plus(Duration.ofHours(i))), false);
        }
        wb.setFbsStatus(5_001, "confirm", "sorted");

        // when
        WbIndexReport report = indexer.indexFbs(WbFixtures.SHOP, START, START.plus(Duration.ofDays(2)));

        // then
        assertThat(report).isEqualTo(new WbIndexReport(2, 3, 3));
        IndexedOrder one = lookup("5001").get(0);
        assertThat(one.orderId()).isEqualTo("5001");
        assertThat(one.rid()).isEqualTo("rid-1");
        assertThat(one.orderUid()).isEqualTo("165918930_rid-1");
        assertThat(one.sellerSku()).isEqualTo("TS-OVS-BLK-M");
        assertThat(one.productId()).isEqualTo("146123456");
        assertThat(one.scheme()).isEqualTo("fbs");
        assertThat(one.status()).isEqualTo("sorted");
        assertThat(one.createdAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(one.seenAt()).isEqualTo(clock.instant());
        assertThat(lookup("rid-1")).extracting(IndexedOrder::orderId).containsExactly("5001");
        assertThat(lookup("165918930_rid-2")).extracting(IndexedOrder::orderId).containsExactly("5002");
        assertThat(lookup("5000").get(0).status()).isEqualTo("waiting");
    }

    @Test
    void should_merge_a_statistics_row_into_the_task_of_its_srid_so_one_order_is_one_entry() {
        // given: the task first, then its statistics row (the usual order: statistics lag 30 minutes)
        wb.putFbsTask(FakeWbApi.task(5_100, "rid-merge", START.plusSeconds(60)), true);
        wb.putStatisticsRow(FakeWbApi.statisticsRow("rid-merge", "g-777", "sticker-555", START.plusSeconds(60),
                START.plus(Duration.ofHours(1))));
        indexer.indexFbsNew(WbFixtures.SHOP);
        clock.advance(Duration.ofHours(1));
        Instant pageReadAt = clock.instant();

        // when
        WbIndexReport report = indexer.indexStatistics(WbFixtures.SHOP, START);

        // then
        assertThat(report.newOrders()).isZero();
        List<IndexedOrder> bySticker = lookup("sticker-555");
        assertThat(bySticker).hasSize(1);
        IndexedOrder order = bySticker.get(0);
        assertThat(order.orderId()).isEqualTo("5100");
        assertThat(order.rid()).isEqualTo("rid-merge");
        assertThat(order.orderUid()).isEqualTo("165918930_rid-merge"); // the task's basket is kept
        assertThat(order.sticker()).isEqualTo("sticker-555");
        assertThat(order.seenAt()).isEqualTo(pageReadAt);
        assertThat(lookup("rid-merge")).hasSize(1);
        assertThat(lookup("5100")).hasSize(1);
    }

    @Test
    void should_index_fbw_rows_under_their_srid_and_find_them_by_gnumber_and_sticker() {
        // given
        wb.putStatisticsRow(FakeWbApi.statisticsRow("srid-fbw-1", "g-100", "", START, START.plusSeconds(600)).fbw());
        wb.putStatisticsRow(FakeWbApi.statisticsRow("srid-fbw-2", "g-100", "st-2", START.plusSeconds(5),
                START.plusSeconds(700)).fbw().cancelled());

        // when
        WbIndexReport report = indexer.indexStatistics(WbFixtures.SHOP, START.minusSeconds(1));

        // then
        assertThat(report).isEqualTo(new WbIndexReport(1, 2, 2));
        assertThat(lookup("g-100")).extracting(IndexedOrder::orderId).containsExactlyInAnyOrder("srid-fbw-1",
                "srid-fbw-2");
        IndexedOrder second = lookup("st-2").get(0);
        assertThat(second.orderId()).isEqualTo("srid-fbw-2");
        assertThat(second.scheme()).isEqualTo("fbw");
        assertThat(second.status()).isEqualTo("canceled");
        assertThat(lookup("srid-fbw-1").get(0).sticker()).isEqualTo("g-100");
    }

    @Test
    void should_index_dbs_orders_new_and_completed_without_buyer_data() {
        // given
        wb.putDbsTask(FakeWbApi.task(7_001, "dbs-1", START.plusSeconds(60)), true);
        wb.putDbsTask(FakeWbApi.task(7_002, "dbs-2", START.plus(Duration.ofDays(1))), false);
        wb.putDbsClient(7_001, "Анна", "+79991234567", "");

        // when
        WbIndexReport fresh = indexer.indexDbsNew(WbFixtures.SHOP);
        WbIndexReport done = indexer.indexDbs(WbFixtures.SHOP, START, START.plus(Duration.ofDays(3)));

        // then
        assertThat(fresh.newOrders()).isEqualTo(1);
        assertThat(done).isEqualTo(new WbIndexReport(2, 2, 1)); // a full page of 2, then an empty one
        IndexedOrder order = lookup("dbs-1").get(0);
        assertThat(order.orderId()).isEqualTo("7001");
        assertThat(order.scheme()).isEqualTo("dbs");
        assertThat(order.toString()).doesNotContain("Анна").doesNotContain("9991234567");
        assertThat(wb.requests("/api/v3/dbs/orders/client")).isZero();
    }

    @Test
    void should_let_a_chat_rid_find_an_order_seen_only_in_statistics_and_keep_it_one_entry_when_the_task_follows() {
        // given: statistics first
        wb.putStatisticsRow(FakeWbApi.statisticsRow("rid-late", "g-9", "st-9", START, START.plusSeconds(60)));
        indexer.indexStatistics(WbFixtures.SHOP, START.minusSeconds(1));
        wb.putFbsTask(FakeWbApi.task(9_001, "rid-late", START), true);

        // when
        indexer.indexFbsNew(WbFixtures.SHOP);

        // then: the srid stays the order id; the task's details merge into it
        List<IndexedOrder> found = lookup("rid-late");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).orderId()).isEqualTo("rid-late");
        assertThat(found.get(0).scheme()).isEqualTo("fbs");
        assertThat(found.get(0).orderUid()).isEqualTo("165918930_rid-late");
        assertThat(lookup("st-9")).hasSize(1);
    }
}
