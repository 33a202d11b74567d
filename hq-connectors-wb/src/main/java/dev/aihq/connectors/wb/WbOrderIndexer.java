package dev.aihq.connectors.wb;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.store.IndexedOrder;
import dev.aihq.api.store.OrderIndexStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a shop's Wildberries orders and records every task and statistics row in the local order index
 * ({@link OrderIndexStore}), one {@code upsertAll} per page as it arrives, so that a chat's {@code goodCard.rid}, a
 * sticker or order number a buyer typed, or a task id finds its order with {@link OrderIndexStore#lookup}.
 *
 * <p><b>One order, one entry.</b> WB has no single order object: an FBS/DBS assembly task has an {@code id} and a
 * {@code rid}; the statistics row of the same unit has {@code srid} = that {@code rid}, plus {@code sticker} and
 * {@code gNumber}; an FBW unit has only the statistics row. The rule:
 *
 * <ol>
 *   <li>A sighting is first looked up by its {@code rid}/{@code srid}. When the index holds an order with that
 *       {@code rid} (or with it as order id), the sighting is recorded under <em>that</em> order's id: the first
 *       sighting fixes the order id, later ones merge into it ({@link IndexedOrder#seenAgain}: newer details win,
 *       details a sighting lacks are kept, {@code createdAt} never moves).</li>
 *   <li>Otherwise a task's order id is its task {@code id} (its {@code rid} when WB sent no id), and a statistics
 *       row's is its {@code srid}.</li>
 * </ol>
 *
 * <p>So a task read before its statistics row (the usual order: statistics lag 30 minutes) is found by task id,
 * {@code rid}, {@code orderUid}, and, once the row is read, its sticker; an order seen in statistics first keeps
 * {@code srid} as its id and is not found by the task id read later (index FBS/DBS tasks before statistics).
 *
 * <p><b>References.</b> {@code rid} = task {@code rid} / row {@code srid}; {@code orderUid} = the task's basket id,
 * else the row's {@code gNumber} (which also groups a basket's units); {@code sticker} = the row's {@code sticker},
 * else its {@code gNumber}. Seller SKU = {@code article}/{@code supplierArticle}, product id = {@code nmId}, no
 * product name (neither source carries one). Scheme = the task's {@code deliveryType} ({@code fbs}/{@code dbs}), or
 * {@code fbw} for a row from WB's warehouse. Status = WB's {@code wbStatus}, else {@code supplierStatus} (FBS tasks
 * are read with their statuses); a cancelled statistics row says {@code canceled}. {@code seenAt} is the clock's
 * time of the page. No buyer data is recorded.
 *
 * <p>Thread-safe when the store is; runs for one shop should not overlap (the lookup before a page and its upsert
 * are not one transaction).
 */
public final class WbOrderIndexer {

    private static final int LOOKUP_LIMIT = 20;

    private final WbClient client;
    private final OrderIndexStore index;
    private final Clock clock;

    private WbOrderIndexer(WbClient client, OrderIndexStore index, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.index = Objects.requireNonNull(index, "index");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates an indexer.
     *
     * @param client the client that reads
     * @param index the order index to record in
     * @param clock the clock of {@code seenAt}
     * @return the indexer
     */
    public static WbOrderIndexer of(WbClient client, OrderIndexStore index, Clock clock) {
        return new WbOrderIndexer(client, index, clock);
    }

    /**
     * Reads the FBS tasks created within a span with their statuses and records them, page by page.
     *
     * @param shopId the shop
     * @param from created at or after
     * @param to created at or before
     * @return pages, sightings and new orders
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read; earlier pages stay recorded
     */
    public WbIndexReport indexFbs(ShopId shopId, Instant from, Instant to) {
        Counter counter = new Counter();
        client.orders().forEachFbsPage(shopId, from, to,
                page -> counter.add(page.size(), recordTasks(shopId, client.orders().withStatuses(shopId, page))));
        return counter.report();
    }

    /**
     * Reads the new FBS tasks with their statuses and records them.
     *
     * @param shopId the shop
     * @return one page, sightings and new orders
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public WbIndexReport indexFbsNew(ShopId shopId) {
        List<WbOrder> tasks = client.orders().withStatuses(shopId, client.orders().fbsNew(shopId));
        return new WbIndexReport(1, tasks.size(), recordTasks(shopId, tasks));
    }

    /**
     * Reads the completed DBS orders created within a span and records them, page by page.
     *
     * @param shopId the shop
     * @param from created at or after
     * @param to created at or before
     * @return pages, sightings and new orders
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read; earlier pages stay recorded
     */
    public WbIndexReport indexDbs(ShopId shopId, Instant from, Instant to) {
        Counter counter = new Counter();
        client.orders().forEachDbsPage(shopId, from, to, page -> counter.add(page.size(), recordTasks(shopId, page)));
        return counter.report();
    }

    /**
     * Reads the new DBS orders and records them.
     *
     * @param shopId the shop
     * @return one page, sightings and new orders
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public WbIndexReport indexDbsNew(ShopId shopId) {
        List<WbOrder> tasks = client.orders().dbsNew(shopId);
        return new WbIndexReport(1, tasks.size(), recordTasks(shopId, tasks));
    }

    /**
     * Reads the statistics orders changed since an instant (every scheme, FBW included) and records them, page by
     * page. At most one request a minute: the client's limiter waits.
     *
     * @param shopId the shop
     * @param since changed at or after
     * @return pages, sightings and new orders
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read; earlier pages stay recorded
     */
    public WbIndexReport indexStatistics(ShopId shopId, Instant since) {
        Counter counter = new Counter();
        client.orders().forEachStatisticsPage(shopId, since,
                page -> counter.add(page.size(), recordStatistics(shopId, page)));
        return counter.report();
    }

    /**
     * Records FBS or DBS tasks already read, in one {@code upsertAll}, under the rule of the class description.
     *
     * @param shopId the shop they are of
     * @param tasks the tasks
     * @return how many orders were new
     */
    public int recordTasks(ShopId shopId, List<WbOrder> tasks) {
        Instant seenAt = clock.instant();
        Map<String, Optional<IndexedOrder>> known = new HashMap<>();
        List<IndexedOrder> batch = new ArrayList<>(tasks.size());
        for (WbOrder task : tasks) {
            String taskId = task.id() == null ? task.rid() : Long.toString(task.id());
            Optional<IndexedOrder> existing = known.computeIfAbsent(task.rid(), rid -> byRid(shopId, rid));
            String orderId = existing.filter(o -> o.orderId().equals(task.rid())).map(IndexedOrder::orderId)
                    .orElse(taskId);
            String status = task.wbStatus() != null ? task.wbStatus() : task.supplierStatus();
            batch.add(new IndexedOrder(shopId, Marketplace.WILDBERRIES, orderId, task.rid(), task.orderUid(), null,
                    task.article(), task.nmId() == null ? null : Long.toString(task.nmId()), null,
                    task.deliveryType(), status, task.createdAt(), seenAt));
        }
        return batch.isEmpty() ? 0 : index.upsertAll(batch);
    }

    /**
     * Records statistics orders rows already read, in one {@code upsertAll}, under the rule of the class
     * description.
     *
     * @param shopId the shop they are of
     * @param rows the rows
     * @return how many orders were new
     */
    public int recordStatistics(ShopId shopId, List<WbStatisticsOrder> rows) {
        Instant seenAt = clock.instant();
        Map<String, Optional<IndexedOrder>> known = new HashMap<>();
        List<IndexedOrder> batch = new ArrayList<>(rows.size());
        for (WbStatisticsOrder row : rows) {
            Optional<IndexedOrder> existing = known.computeIfAbsent(row.srid(), srid -> byRid(shopId, srid));
            String orderId = existing.map(IndexedOrder::orderId).orElse(row.srid());
            boolean basketKnown = existing.map(o -> o.orderUid() != null).orElse(false);
            String sticker = row.sticker() != null ? row.sticker() : row.gNumber();
            batch.add(new IndexedOrder(shopId, Marketplace.WILDBERRIES, orderId, row.srid(),
                    basketKnown ? null : row.gNumber(), sticker, row.supplierArticle(),
                    row.nmId() == null ? null : Long.toString(row.nmId()), null, row.fbw() ? "fbw" : null,
                    row.cancelled() ? "canceled" : null, row.date(), seenAt));
        }
        return batch.isEmpty() ? 0 : index.upsertAll(batch);
    }

    @Override
    public String toString() {
        return "WbOrderIndexer[" + client + "]";
    }

    private Optional<IndexedOrder> byRid(ShopId shopId, String rid) {
        return index.lookup(shopId, Marketplace.WILDBERRIES, rid, LOOKUP_LIMIT).stream()
                .filter(o -> rid.strip().equals(o.rid()) || rid.strip().equals(o.orderId()))
                .findFirst();
    }

    private static final class Counter {
        private int pages;
        private int orders;
        private int fresh;

        void add(int seen, int recordedNew) {
            pages++;
            orders += seen;
            fresh += recordedNew;
        }

        WbIndexReport report() {
            return new WbIndexReport(pages, orders, fresh);
        }
    }
}
