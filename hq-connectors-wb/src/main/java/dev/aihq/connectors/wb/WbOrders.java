package dev.aihq.connectors.wb;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.connectors.wb.internal.client.WbHttp;
import dev.aihq.connectors.wb.internal.dto.DbsClientsDto;
import dev.aihq.connectors.wb.internal.dto.OrderStatusesDto;
import dev.aihq.connectors.wb.internal.dto.OrdersPage;
import dev.aihq.connectors.wb.internal.dto.StatisticsOrderDto;
import dev.aihq.connectors.wb.internal.mapper.WbOrderMapper;
import dev.aihq.http.HttpCall;
import dev.aihq.http.HttpResult;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A shop's Wildberries orders (reference §2.3), from {@link WbClient#orders()}:
 *
 * <ul>
 *   <li><b>FBS</b> (the seller's warehouse, WB delivers): {@link #fbsNew} ({@code GET /api/v3/orders/new}, all new
 *       tasks, no paging), {@link #fbs} ({@code GET /api/v3/orders}: windows of at most {@value #MAX_WINDOW_DAYS}
 *       days, a longer span split; each window read with {@code limit} and the {@code next} cursor to a short
 *       page), {@link #fbsStatuses} ({@code POST /api/v3/orders/status}, at most {@value #MAX_IDS_PER_CALL} ids a
 *       call, a longer list split). Method group {@link WbMethodGroup#FBS}.</li>
 *   <li><b>DBS</b> (the seller delivers): {@link #dbsNew}, {@link #dbs} (same windows and paging), and
 *       {@link #dbsContacts}: the buyer's first name and WB's <b>substitute phone, for delivering that order
 *       only</b> ({@link WbDbsContact}). The reference gives only DBS status changes a limit (1/s, burst 10); these
 *       calls share that bucket, {@link WbMethodGroup#DBS_STATUS}, the conservative reading.</li>
 *   <li><b>Every scheme</b>, FBW included: {@link #statisticsOrders}
 *       ({@code GET statistics-api…/api/v1/supplier/orders}, {@code flag=0}), paged by the last row's
 *       {@code lastChangeDate} until {@code []}, at most one request a minute ({@link WbMethodGroup#STATISTICS}; the
 *       limiter waits through the client's sleeper).</li>
 * </ul>
 *
 * <p>Each listing also comes page by page ({@code forEach…Page}), which {@link WbOrderIndexer} uses to record each
 * page in the local order index as it arrives. Amounts are {@link dev.aihq.api.Money} from WB's kopecks and ISO 4217
 * numeric codes; a code that names no currency fails with a {@link WbResponseException} naming the field.
 *
 * <p>A shop without a token gets a {@link CapabilityNotSupportedException} for {@link Capability#ORDERS} before any
 * request. Thread-safe.
 */
public final class WbOrders {

    /** The longest window of one FBS or DBS list request, in days. */
    public static final int MAX_WINDOW_DAYS = 30;

    /** The longest window of one FBS or DBS list request. */
    public static final Duration MAX_WINDOW = Duration.ofDays(MAX_WINDOW_DAYS);

    /** The most ids one status or contact request takes. */
    public static final int MAX_IDS_PER_CALL = 1000;

    /** The most pages read per window or statistics listing, a guard against a cursor that never ends. */
    public static final int MAX_PAGES = 10_000;

    /** Moscow, the zone of the statistics dates. */
    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    static final String FBS_NEW = "/api/v3/orders/new";
    static final String FBS_LIST = "/api/v3/orders";
    static final String FBS_STATUS = "/api/v3/orders/status";
    static final String DBS_NEW = "/api/v3/dbs/orders/new";
    static final String DBS_LIST = "/api/v3/dbs/orders";
    static final String DBS_CLIENT = "/api/v3/dbs/orders/client";
    static final String STATISTICS_ORDERS = "/api/v1/supplier/orders";

    private final WbHttp http;
    private final int pageSize;

    WbOrders(WbHttp http, int pageSize) {
        this.http = Objects.requireNonNull(http, "http");
        this.pageSize = pageSize;
    }

    /**
     * Lists every new FBS assembly task at the moment of the call ({@code GET /api/v3/orders/new}).
     *
     * @param shopId the shop
     * @return the tasks, in WB's order
     * @throws CapabilityNotSupportedException for {@link Capability#ORDERS} if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public List<WbOrder> fbsNew(ShopId shopId) {
        return newTasks(shopId, WbMethodGroup.FBS, FBS_NEW);
    }

    /**
     * Lists the FBS assembly tasks created within a span, each once (by {@code rid}).
     *
     * @param shopId the shop
     * @param from created at or after
     * @param to created at or before, not before {@code from}
     * @return the tasks, in WB's order; without statuses (see {@link #fbsStatuses})
     * @throws CapabilityNotSupportedException for {@link Capability#ORDERS} if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public List<WbOrder> fbs(ShopId shopId, Instant from, Instant to) {
        return collect(consumer -> forEachFbsPage(shopId, from, to, consumer));
    }

    /**
     * Reads the FBS assembly tasks created within a span page by page: windows of at most {@link #MAX_WINDOW}, each
     * walked with the {@code next} cursor to a short page.
     *
     * @param shopId the shop
     * @param from created at or after
     * @param to created at or before, not before {@code from}
     * @param page called with each page's tasks, in order
     * @return how many pages were read
     * @throws CapabilityNotSupportedException for {@link Capability#ORDERS} if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public int forEachFbsPage(ShopId shopId, Instant from, Instant to, Consumer<List<WbOrder>> page) {
        return windows(shopId, WbMethodGroup.FBS, FBS_LIST, from, to, page);
    }

    /**
     * Reads the statuses of FBS assembly tasks ({@code POST /api/v3/orders/status}), at most
     * {@value #MAX_IDS_PER_CALL} ids a request: 2 500 ids are three requests.
     *
     * @param shopId the shop
     * @param taskIds the tasks' ids; duplicates are asked once
     * @return the statuses WB gave, in request order
     * @throws CapabilityNotSupportedException for {@link Capability#ORDERS} if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public List<WbOrderStatus> fbsStatuses(ShopId shopId, Collection<Long> taskIds) {
        String request = "POST " + FBS_STATUS;
        List<WbOrderStatus> statuses = new ArrayList<>();
        for (List<Long> chunk : chunks(taskIds)) {
            HttpResult result = postJson(shopId, WbMethodGroup.FBS, FBS_STATUS, Map.of("orders", chunk));
            OrderStatusesDto body = http.read(result, request, new TypeReference<OrderStatusesDto>() {});
            if (body == null || body.orders() == null) {
                throw new WbResponseException(result.status(), "orders", request
                        + ": malformed response, orders is missing", null);
            }
            for (int i = 0; i < body.orders().size(); i++) {
                statuses.add(WbOrderMapper.status(request, body.orders().get(i), "orders[" + i + "]"));
            }
        }
        return List.copyOf(statuses);
    }

    /**
     * Returns the tasks with their statuses read by {@link #fbsStatuses}; a task without an id or without a status
     * from WB is returned as it was.
     *
     * @param shopId the shop
     * @param tasks FBS tasks
     * @return the tasks, in order, with {@code supplierStatus}/{@code wbStatus} where WB gave them
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public List<WbOrder> withStatuses(ShopId shopId, List<WbOrder> tasks) {
        List<Long> ids = tasks.stream().map(WbOrder::id).filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return List.copyOf(tasks);
        }
        Map<Long, WbOrderStatus> byId = new LinkedHashMap<>();
        for (WbOrderStatus status : fbsStatuses(shopId, ids)) {
            byId.put(status.id(), status);
        }
        return tasks.stream().map(t -> t.id() != null && byId.containsKey(t.id()) ? t.withStatus(byId.get(t.id())) : t)
                .toList();
    }

    /**
     * Lists the new DBS orders ({@code GET /api/v3/dbs/orders/new}).
     *
     * @param shopId the shop
     * @return the tasks, in WB's order
     * @throws CapabilityNotSupportedException for {@link Capability#ORDERS} if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public List<WbOrder> dbsNew(ShopId shopId) {
        return newTasks(shopId, WbMethodGroup.DBS_STATUS, DBS_NEW);
    }

    /**
     * Lists the completed DBS orders created within a span ({@code GET /api/v3/dbs/orders}), each once.
     *
     * @param shopId the shop
     * @param from created at or after
     * @param to created at or before, not before {@code from}
     * @return the tasks, in WB's order
     * @throws CapabilityNotSupportedException for {@link Capability#ORDERS} if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public List<WbOrder> dbs(ShopId shopId, Instant from, Instant to) {
        return collect(consumer -> forEachDbsPage(shopId, from, to, consumer));
    }

    /**
     * Reads the completed DBS orders created within a span page by page, as {@link #forEachFbsPage} does.
     *
     * @param shopId the shop
     * @param from created at or after
     * @param to created at or before, not before {@code from}
     * @param page called with each page's tasks, in order
     * @return how many pages were read
     * @throws CapabilityNotSupportedException for {@link Capability#ORDERS} if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public int forEachDbsPage(ShopId shopId, Instant from, Instant to, Consumer<List<WbOrder>> page) {
        return windows(shopId, WbMethodGroup.DBS_STATUS, DBS_LIST, from, to, page);
    }

    /**
     * Reads the buyer contacts of DBS orders ({@code POST /api/v3/dbs/orders/client}), at most
     * {@value #MAX_IDS_PER_CALL} ids a request. Each is a <b>delivery-only</b> contact: WB's substitute number for
     * delivering that order, never a marketing contact (see {@link WbDbsContact}). A number WB has not assigned yet
     * ({@code ""}) is absent.
     *
     * @param shopId the shop
     * @param dbsOrderIds the DBS tasks' ids; duplicates are asked once
     * @return the contacts WB gave, in request order
     * @throws CapabilityNotSupportedException for {@link Capability#ORDERS} if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read (a number that is not one
     *     is named by field, masked)
     */
    public List<WbDbsContact> dbsContacts(ShopId shopId, Collection<Long> dbsOrderIds) {
        String request = "POST " + DBS_CLIENT;
        List<WbDbsContact> contacts = new ArrayList<>();
        for (List<Long> chunk : chunks(dbsOrderIds)) {
            HttpResult result = postJson(shopId, WbMethodGroup.DBS_STATUS, DBS_CLIENT, Map.of("orders", chunk));
            DbsClientsDto body = http.read(result, request, new TypeReference<DbsClientsDto>() {});
            if (body == null || body.orders() == null) {
                throw new WbResponseException(result.status(), "orders", request
                        + ": malformed response, orders is missing", null);
            }
            for (int i = 0; i < body.orders().size(); i++) {
                contacts.add(WbOrderMapper.contact(request, body.orders().get(i), "orders[" + i + "]"));
            }
        }
        return List.copyOf(contacts);
    }

    /**
     * Lists the statistics orders rows changed since an instant, of every scheme, each {@code srid} once (its last
     * row read).
     *
     * @param shopId the shop
     * @param since changed at or after (sent in Moscow time)
     * @return the rows, by {@code lastChangeDate} as WB sent them
     * @throws CapabilityNotSupportedException for {@link Capability#ORDERS} if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public List<WbStatisticsOrder> statisticsOrders(ShopId shopId, Instant since) {
        Map<String, WbStatisticsOrder> rows = new LinkedHashMap<>();
        forEachStatisticsPage(shopId, since, page -> page.forEach(r -> {
            rows.remove(r.srid());
            rows.put(r.srid(), r);
        }));
        return List.copyOf(rows.values());
    }

    /**
     * Reads the statistics orders rows changed since an instant page by page
     * (<code>GET /api/v1/supplier/orders?dateFrom=…&amp;flag=0</code>): the first request sends {@code since}
     * in Moscow time (RFC 3339), each next one the last row's {@code lastChangeDate} as WB wrote it, until WB answers
     * {@code []} or the cursor no longer moves (rows at the cursor's own second are read again by WB's
     * {@code dateFrom}; those already read end the paging). At most one request a minute: the limiter waits.
     *
     * @param shopId the shop
     * @param since changed at or after
     * @param page called with each non-empty page's rows, in order
     * @return how many requests were made
     * @throws CapabilityNotSupportedException for {@link Capability#ORDERS} if the shop has no token
     * @throws MarketplaceException if WB refuses, fails or answers what cannot be read
     */
    public int forEachStatisticsPage(ShopId shopId, Instant since, Consumer<List<WbStatisticsOrder>> page) {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(page, "page");
        String request = "GET " + STATISTICS_ORDERS;
        String cursor = moscow(since);
        for (int requests = 1; ; requests++) {
            if (requests > MAX_PAGES) {
                throw new WbResponseException(200, "lastChangeDate", request + ": more than " + MAX_PAGES
                        + " pages; the cursor does not end", null);
            }
            Map<String, String> params = new LinkedHashMap<>();
            params.put("dateFrom", cursor);
            params.put("flag", "0");
            List<StatisticsOrderDto> dtos = http.get(shopId, WbMethodGroup.STATISTICS, WbApi.STATISTICS,
                    STATISTICS_ORDERS, params, new TypeReference<List<StatisticsOrderDto>>() {});
            if (dtos == null || dtos.isEmpty()) {
                return requests;
            }
            List<WbStatisticsOrder> rows = new ArrayList<>(dtos.size());
            for (int i = 0; i < dtos.size(); i++) {
                rows.add(WbOrderMapper.statisticsOrder(request, dtos.get(i), "[" + i + "]"));
            }
            page.accept(List.copyOf(rows));
            String last = dtos.get(dtos.size() - 1).lastChangeDate();
            if (last == null || last.strip().equals(cursor)) {
                return requests;
            }
            cursor = last.strip();
        }
    }

    /**
     * Formats an instant as WB's statistics and report APIs want it: RFC 3339 in Moscow time.
     *
     * @param instant the instant
     * @return e.g. {@code 2025-10-01T12:00:00+03:00}
     */
    public static String moscow(Instant instant) {
        return OffsetDateTime.ofInstant(instant, MOSCOW).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    @Override
    public String toString() {
        return "WbOrders[" + http + "]";
    }

    private List<WbOrder> newTasks(ShopId shopId, WbMethodGroup group, String path) {
        String request = "GET " + path;
        OrdersPage body = http.get(shopId, group, WbApi.MARKETPLACE, path, Map.of(),
                new TypeReference<OrdersPage>() {});
        if (body == null || body.orders() == null) {
            throw new WbResponseException(200, "orders", request + ": malformed response, orders is missing", null);
        }
        List<WbOrder> orders = new ArrayList<>(body.orders().size());
        for (int i = 0; i < body.orders().size(); i++) {
            orders.add(WbOrderMapper.order(request, body.orders().get(i), "orders[" + i + "]"));
        }
        return List.copyOf(orders);
    }

    private int windows(ShopId shopId, WbMethodGroup group, String path, Instant from, Instant to,
            Consumer<List<WbOrder>> consumer) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(consumer, "page");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        String request = "GET " + path;
        int pages = 0;
        for (Instant start = from; ; start = start.plus(MAX_WINDOW)) {
            Instant end = start.plus(MAX_WINDOW).isBefore(to) ? start.plus(MAX_WINDOW) : to;
            long next = 0;
            for (int page = 0; ; page++) {
                if (page >= MAX_PAGES) {
                    throw new WbResponseException(200, "next", request + ": more than " + MAX_PAGES
                            + " pages in one window; narrow the window", null);
                }
                Map<String, String> params = new LinkedHashMap<>();
                params.put("limit", Integer.toString(pageSize));
                params.put("next", Long.toString(next));
                params.put("dateFrom", Long.toString(start.getEpochSecond()));
                params.put("dateTo", Long.toString(end.getEpochSecond()));
                OrdersPage body = http.get(shopId, group, WbApi.MARKETPLACE, path, params,
                        new TypeReference<OrdersPage>() {});
                if (body == null || body.orders() == null) {
                    throw new WbResponseException(200, "orders", request + ": malformed response, orders is missing",
                            null);
                }
                List<OrdersPage.OrderDto> dtos = body.orders();
                List<WbOrder> orders = new ArrayList<>(dtos.size());
                for (int i = 0; i < dtos.size(); i++) {
                    orders.add(WbOrderMapper.order(request, dtos.get(i), "orders[" + i + "]"));
                }
                pages++;
                consumer.accept(List.copyOf(orders));
                if (dtos.size() < pageSize || body.next() == null || body.next() == next) {
                    break;
                }
                next = body.next();
            }
            if (!end.isBefore(to)) {
                return pages;
            }
        }
    }

    private static List<WbOrder> collect(Consumer<Consumer<List<WbOrder>>> reader) {
        Map<String, WbOrder> orders = new LinkedHashMap<>();
        reader.accept(page -> page.forEach(o -> orders.putIfAbsent(o.rid(), o)));
        return List.copyOf(orders.values());
    }

    private HttpResult postJson(ShopId shopId, WbMethodGroup group, String path, Object body) {
        return http.execute(shopId, group, WbApi.MARKETPLACE, HttpCall.post(path)
                .header("Accept", "application/json").jsonBody(http.codec().writeBytes(body)).retryable(true));
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        Objects.requireNonNull(ids, "ids");
        List<Long> distinct = ids.stream().map(id -> Objects.requireNonNull(id, "id")).distinct().toList();
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += MAX_IDS_PER_CALL) {
            chunks.add(distinct.subList(i, Math.min(distinct.size(), i + MAX_IDS_PER_CALL)));
        }
        return chunks;
    }
}
