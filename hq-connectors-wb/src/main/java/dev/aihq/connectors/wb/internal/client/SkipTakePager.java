package dev.aihq.connectors.wb.internal.client;

import dev.aihq.connectors.wb.WbResponseException;
import dev.aihq.connectors.wb.WbSortOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * Reads a {@code take}/{@code skip} listing of WB (feedbacks, questions) to the end. Pages of {@code take} are read
 * until a short one. WB caps how far {@code skip} goes (feedbacks: {@code skip ≤ 199 990}; questions:
 * {@code take + skip ≤ 10 000}); when a listing reaches the cap, the window moves instead: with the oldest first,
 * {@code dateFrom} becomes the last item's second, with the newest first {@code dateTo} becomes the second after
 * it, and {@code skip} starts again at 0. Items read twice across the move are kept once, by id, in the order first
 * read. Not thread-safe; one per listing.
 *
 * @param <T> the item type
 */
public final class SkipTakePager<T> {

    /** The most requests one listing makes, a guard against a server that never gives a short page. */
    public static final int MAX_REQUESTS = 10_000;

    /** Reads one page. */
    @FunctionalInterface
    public interface PageReader<T> {
        /**
         * Reads one page.
         *
         * @param take how many to ask for
         * @param skip how many to skip
         * @param dateFrom the window's start, or {@code null}
         * @param dateTo the window's end, or {@code null}
         * @return the page's items in WB's order
         */
        List<T> read(int take, int skip, @Nullable Instant dateFrom, @Nullable Instant dateTo);
    }

    private final PageReader<T> reader;
    private final Function<T, String> id;
    private final Function<T, Instant> created;
    private final String request;
    private final int take;
    private final int maxSkip;
    private final int maxSkipPlusTake;

    /**
     * Creates a pager.
     *
     * @param request the request, for messages, e.g. {@code GET /api/v1/feedbacks}
     * @param reader reads one page
     * @param id an item's id
     * @param created an item's creation date
     * @param take the page size
     * @param maxSkip the largest {@code skip} WB accepts
     * @param maxSkipPlusTake the largest {@code skip + take} WB accepts, or {@link Integer#MAX_VALUE}
     */
    public SkipTakePager(String request, PageReader<T> reader, Function<T, String> id, Function<T, Instant> created,
            int take, int maxSkip, int maxSkipPlusTake) {
        this.request = Objects.requireNonNull(request, "request");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.id = Objects.requireNonNull(id, "id");
        this.created = Objects.requireNonNull(created, "created");
        this.take = take;
        this.maxSkip = maxSkip;
        this.maxSkipPlusTake = maxSkipPlusTake;
    }

    /**
     * Reads every item of a window.
     *
     * @param order the order WB lists in
     * @param dateFrom the window's start, or {@code null}
     * @param dateTo the window's end, or {@code null}
     * @return the items, each once, in the order read
     * @throws WbResponseException when more items than one window can page through share one second
     */
    public List<T> readAll(WbSortOrder order, @Nullable Instant dateFrom, @Nullable Instant dateTo) {
        Map<String, T> items = new LinkedHashMap<>();
        Instant from = dateFrom;
        Instant to = dateTo;
        int skip = 0;
        T last = null;
        for (int requests = 0; requests < MAX_REQUESTS; requests++) {
            int size = (int) Math.min(take, (long) maxSkipPlusTake - skip);
            if (skip > maxSkip || size <= 0) {
                if (last == null) {
                    return new ArrayList<>(items.values());
                }
                Instant edge = created.apply(last).truncatedTo(ChronoUnit.SECONDS);
                if (order == WbSortOrder.DATE_ASC) {
                    if (edge.equals(from)) {
                        throw stuck(edge);
                    }
                    from = edge;
                } else {
                    Instant next = edge.plusSeconds(1);
                    if (next.equals(to)) {
                        throw stuck(edge);
                    }
                    to = next;
                }
                skip = 0;
                continue;
            }
            List<T> page = reader.read(size, skip, from, to);
            for (T item : page) {
                items.putIfAbsent(id.apply(item), item);
            }
            if (!page.isEmpty()) {
                last = page.get(page.size() - 1);
            }
            if (page.size() < size) {
                return new ArrayList<>(items.values());
            }
            skip += size;
        }
        throw new WbResponseException(200, "skip", request + ": no short page after " + MAX_REQUESTS
                + " requests; narrow the date window", null);
    }

    private WbResponseException stuck(Instant second) {
        return new WbResponseException(200, "createdDate", request + ": more items were created within the second "
                + second + " than WB lets one window page through (skip limit); they cannot all be read", null);
    }
}
