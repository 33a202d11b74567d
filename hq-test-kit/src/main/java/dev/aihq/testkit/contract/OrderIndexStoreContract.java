package dev.aihq.testkit.contract;

import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.store.IndexedOrder;
import dev.aihq.api.store.OrderIndexStore;
import dev.aihq.testkit.Concurrency;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link OrderIndexStore}: one order per (shop, marketplace, order id); a second sighting seen at
 * the same time or later updates the status, {@code seenAt} and the details it has, keeps the details it lacks and
 * never moves {@code createdAt}, while an earlier one changes nothing; a lookup finds every order of the shop and
 * marketplace whose order id, rid, order uid or sticker equals the stripped reference exactly, newest
 * {@code createdAt} first, then by order id, within a limit; {@link OrderIndexStore#upsertAll} counts only the new
 * orders; a purge forgets only the shop's orders seen before its time. Shops and marketplaces never see each
 * other's orders. Every field reads back exactly, times to the microsecond. Concurrent upserts of one new order
 * make one order and tell exactly one caller it was new. Subclass it and return a new empty store from
 * {@link #createStore()}.
 */
public abstract class OrderIndexStoreContract extends StoreContract<OrderIndexStore> {

    /** When the orders of most tests were made, with microseconds. */
    private static final Instant CREATED = Instant.parse("2026-03-10T10:15:30.123456Z");
    /** When they were first seen. */
    private static final Instant SEEN = Instant.parse("2026-03-10T10:20:00.654321Z");
    private static final Marketplace WB = Marketplace.WILDBERRIES;
    /** How many threads the races run. */
    private static final int THREADS = 8;

    /** Creates the suite. */
    protected OrderIndexStoreContract() {}

    /**
     * Makes a Wildberries FBS assembly task with every reference, status {@code new}.
     *
     * @param shop the shop
     * @param orderId the assembly task id
     * @param rid the unique order id
     * @param orderUid the basket
     * @param createdAt when it was made
     * @param seenAt when it was seen
     * @return the order
     */
    protected static IndexedOrder task(ShopId shop, String orderId, String rid, String orderUid, Instant createdAt,
            Instant seenAt) {
        return new IndexedOrder(shop, WB, orderId, rid, orderUid, "WB-" + orderId, "PHN-A55-256", "215473829",
                "Смартфон Samsung Galaxy A55 256 ГБ", "fbs", "new", createdAt, seenAt);
    }

    /**
     * Makes an order with only an id and the given status and times.
     *
     * @param shop the shop
     * @param marketplace the marketplace
     * @param orderId the order id
     * @param status the status, or {@code null}
     * @param createdAt when it was made
     * @param seenAt when it was seen
     * @return the order
     */
    protected static IndexedOrder bare(ShopId shop, Marketplace marketplace, String orderId, @Nullable String status,
            Instant createdAt, Instant seenAt) {
        return new IndexedOrder(shop, marketplace, orderId, null, null, null, null, null, null, null, status,
                createdAt, seenAt);
    }

    /** A store without orders finds none and looks up none. */
    @Test
    public void should_find_nothing_when_no_order_indexed() {
        // given
        OrderIndexStore store = store();

        // when / then
        assertThat(store.find(SHOP_ID, WB, "4512345678")).isEmpty();
        assertThat(store.lookup(SHOP_ID, WB, "4512345678", 10)).isEmpty();
        assertThat(store.purgeSeenBefore(SHOP_ID, SEEN)).isZero();
    }

    /** A new order is indexed and read back with every field as it was given: Cyrillic texts, microseconds. */
    @Test
    public void should_read_every_field_back_when_upserted() {
        // given
        OrderIndexStore store = store();
        IndexedOrder order = new IndexedOrder(SHOP_ID, WB, "4512345678", "f1a2b3c4d5e6.0.0", "33445566778899",
                "ШК-1234567890", "Чай-зелёный-100", "215473829", "Чай зелёный «Горный», 100 г — пакет", "dbs",
                "ожидает сборки", CREATED, SEEN);

        // when
        boolean added = store.upsert(order);

        // then
        assertThat(added).isTrue();
        assertThat(store.find(SHOP_ID, WB, "4512345678")).contains(order);
        assertThat(store.lookup(SHOP_ID, WB, "4512345678", 10)).containsExactly(order);
    }

    /** An order with only its id reads back with every other reference and detail missing. */
    @Test
    public void should_read_missing_details_back_as_missing_when_upserted() {
        // given
        OrderIndexStore store = store();
        IndexedOrder order = bare(SHOP_ID, Marketplace.OZON, "0123456789-0001-1", null, CREATED, SEEN);

        // when
        store.upsert(order);

        // then
        assertThat(store.find(SHOP_ID, Marketplace.OZON, order.orderId())).hasValueSatisfying(found -> {
            assertThat(found.rid()).isNull();
            assertThat(found.orderUid()).isNull();
            assertThat(found.sticker()).isNull();
            assertThat(found.sellerSku()).isNull();
            assertThat(found.productId()).isNull();
            assertThat(found.productName()).isNull();
            assertThat(found.scheme()).isNull();
            assertThat(found.status()).isNull();
            assertThat(found).isEqualTo(order);
        });
    }

    /**
     * A later sighting of a known order updates its status, {@code seenAt} and the references it brings, keeps
     * what it lacks and the original {@code createdAt}, and is not new.
     */
    @Test
    public void should_update_status_and_keep_created_at_when_upserted_again() {
        // given
        OrderIndexStore store = store();
        IndexedOrder first = task(SHOP_ID, "4512345678", "rid-1", "basket-1", CREATED, SEEN);
        store.upsert(first);
        Instant later = SEEN.plus(2, ChronoUnit.HOURS).plus(3, ChronoUnit.MICROS);
        IndexedOrder sighting = new IndexedOrder(SHOP_ID, WB, "4512345678", null, null, "231648-9753", null, null,
                null, null, "complete", CREATED.plus(1, ChronoUnit.DAYS), later);

        // when
        boolean added = store.upsert(sighting);

        // then
        assertThat(added).isFalse();
        assertThat(store.find(SHOP_ID, WB, "4512345678")).contains(new IndexedOrder(SHOP_ID, WB, "4512345678",
                "rid-1", "basket-1", "231648-9753", "PHN-A55-256", "215473829", "Смартфон Samsung Galaxy A55 256 ГБ",
                "fbs", "complete", CREATED, later));
        assertThat(store.lookup(SHOP_ID, WB, "231648-9753", 10)).extracting(IndexedOrder::orderId)
                .containsExactly("4512345678");
        assertThat(store.lookup(SHOP_ID, WB, "WB-4512345678", 10)).isEmpty();
    }

    /** A sighting seen at the same time as the stored one applies too. */
    @Test
    public void should_update_when_sighting_is_seen_at_the_same_time() {
        // given
        OrderIndexStore store = store();
        store.upsert(bare(SHOP_ID, WB, "4512345678", "new", CREATED, SEEN));

        // when
        boolean added = store.upsert(bare(SHOP_ID, WB, "4512345678", "confirm", CREATED, SEEN));

        // then
        assertThat(added).isFalse();
        assertThat(store.find(SHOP_ID, WB, "4512345678")).hasValueSatisfying(
                found -> assertThat(found.status()).isEqualTo("confirm"));
    }

    /** A sighting seen before the stored one changes nothing: the index keeps the latest state. */
    @Test
    public void should_change_nothing_when_an_earlier_sighting_is_upserted() {
        // given
        OrderIndexStore store = store();
        IndexedOrder latest = task(SHOP_ID, "4512345678", "rid-1", "basket-1", CREATED, SEEN);
        store.upsert(latest);
        IndexedOrder earlier = new IndexedOrder(SHOP_ID, WB, "4512345678", "rid-old", "basket-old", "sticker-old",
                "sku-old", "1", "старое имя", "fbo", "new", CREATED.minusSeconds(60), SEEN.minus(1, ChronoUnit.MICROS));

        // when
        boolean added = store.upsert(earlier);

        // then
        assertThat(added).isFalse();
        assertThat(store.find(SHOP_ID, WB, "4512345678")).contains(latest);
        assertThat(store.lookup(SHOP_ID, WB, "rid-old", 10)).isEmpty();
    }

    /** An order is found by its order id, its rid, its order uid and its sticker alike. */
    @Test
    public void should_find_order_by_each_of_its_references() {
        // given
        OrderIndexStore store = store();
        IndexedOrder order = task(SHOP_ID, "4512345678", "f1a2b3c4d5e6.0.0", "33445566778899", CREATED, SEEN);
        IndexedOrder other = task(SHOP_ID, "4599999999", "other-rid", "other-basket", CREATED, SEEN);
        store.upsert(order);
        store.upsert(other);

        // when / then
        for (String reference : List.of("4512345678", "f1a2b3c4d5e6.0.0", "33445566778899", "WB-4512345678")) {
            assertThat(store.lookup(SHOP_ID, WB, reference, 10)).as(reference).containsExactly(order);
        }
    }

    /**
     * A reference several orders share (a basket's order uid) returns all of them, newest {@code createdAt} first
     * and orders made at one time by order id, within the limit.
     */
    @Test
    public void should_list_basket_newest_first_then_by_order_id_within_limit() {
        // given
        OrderIndexStore store = store();
        store.upsert(task(SHOP_ID, "400003", "rid-3", "basket-1", CREATED, SEEN));
        store.upsert(task(SHOP_ID, "400001", "rid-1", "basket-1", CREATED.plusSeconds(60), SEEN));
        store.upsert(task(SHOP_ID, "400004", "rid-4", "basket-1", CREATED.plusSeconds(60), SEEN));
        store.upsert(task(SHOP_ID, "400002", "rid-2", "basket-1", CREATED.plus(1, ChronoUnit.MICROS), SEEN));
        store.upsert(task(SHOP_ID, "400005", "rid-5", "basket-2", CREATED.plusSeconds(120), SEEN));

        // when
        List<IndexedOrder> all = store.lookup(SHOP_ID, WB, "basket-1", 10);
        List<IndexedOrder> firstTwo = store.lookup(SHOP_ID, WB, "basket-1", 2);
        List<IndexedOrder> one = store.lookup(SHOP_ID, WB, "basket-1", 1);

        // then
        assertThat(all).extracting(IndexedOrder::orderId).containsExactly("400001", "400004", "400002", "400003");
        assertThat(firstTwo).extracting(IndexedOrder::orderId).containsExactly("400001", "400004");
        assertThat(one).extracting(IndexedOrder::orderId).containsExactly("400001");
    }

    /** An order whose references coincide (its rid equals its order uid) is listed once. */
    @Test
    public void should_list_an_order_once_when_several_of_its_references_match() {
        // given
        OrderIndexStore store = store();
        IndexedOrder order = new IndexedOrder(SHOP_ID, WB, "4512345678", "4512345678", "4512345678", "4512345678",
                null, null, null, null, null, CREATED, SEEN);
        store.upsert(order);

        // when / then
        assertThat(store.lookup(SHOP_ID, WB, "4512345678", 10)).containsExactly(order);
    }

    /** The reference is stripped of surrounding whitespace, and so are the references an order is given with. */
    @Test
    public void should_strip_references_when_indexing_and_looking_up() {
        // given
        OrderIndexStore store = store();
        IndexedOrder order = new IndexedOrder(SHOP_ID, WB, " 4512345678\t", " rid-1 ", "\nbasket-1 ", " WB-1 ", null,
                null, null, null, null, CREATED, SEEN);

        // when
        store.upsert(order);

        // then
        assertThat(order.orderId()).isEqualTo("4512345678");
        for (String reference : List.of("  4512345678 ", "\trid-1", "basket-1\n", " WB-1")) {
            assertThat(store.lookup(SHOP_ID, WB, reference, 10)).as(reference).containsExactly(order);
        }
        assertThat(store.find(SHOP_ID, WB, " 4512345678 ")).contains(order);
        assertThat(store.lookup(SHOP_ID, WB, "   ", 10)).isEmpty();
        assertThat(store.lookup(SHOP_ID, WB, "", 10)).isEmpty();
    }

    /** Only an exact match counts: no prefix, no other case. */
    @Test
    public void should_match_references_exactly() {
        // given
        OrderIndexStore store = store();
        store.upsert(new IndexedOrder(SHOP_ID, WB, "4512345678", "AbC-rid", null, "WB-1", null, null, null, null,
                null, CREATED, SEEN));

        // when / then
        assertThat(store.lookup(SHOP_ID, WB, "451234567", 10)).isEmpty();
        assertThat(store.lookup(SHOP_ID, WB, "45123456789", 10)).isEmpty();
        assertThat(store.lookup(SHOP_ID, WB, "abc-rid", 10)).isEmpty();
        assertThat(store.lookup(SHOP_ID, WB, "wb-1", 10)).isEmpty();
        assertThat(store.lookup(SHOP_ID, WB, "WB-%", 10)).isEmpty();
    }

    /** Two shops with the same order ids and references never see each other's orders, nor purge them. */
    @Test
    public void should_keep_shops_apart_when_both_have_same_order_ids() {
        // given
        OrderIndexStore store = store();
        IndexedOrder mine = task(SHOP_ID, "4512345678", "rid-1", "basket-1", CREATED, SEEN);
        IndexedOrder theirs = new IndexedOrder(OTHER_SHOP_ID, WB, "4512345678", "rid-1", "basket-1",
                "WB-4512345678", null, null, "Другой товар", "fbo", "sold", CREATED.plusSeconds(5), SEEN);

        // when
        boolean mineAdded = store.upsert(mine);
        boolean theirsAdded = store.upsert(theirs);

        // then
        assertThat(mineAdded).isTrue();
        assertThat(theirsAdded).isTrue();
        assertThat(store.find(SHOP_ID, WB, "4512345678")).contains(mine);
        assertThat(store.find(OTHER_SHOP_ID, WB, "4512345678")).contains(theirs);
        for (String reference : List.of("4512345678", "rid-1", "basket-1", "WB-4512345678")) {
            assertThat(store.lookup(SHOP_ID, WB, reference, 10)).as(reference).containsExactly(mine);
            assertThat(store.lookup(OTHER_SHOP_ID, WB, reference, 10)).as(reference).containsExactly(theirs);
        }
        assertThat(store.purgeSeenBefore(OTHER_SHOP_ID, SEEN.plusSeconds(1))).isEqualTo(1);
        assertThat(store.find(SHOP_ID, WB, "4512345678")).contains(mine);
        assertThat(store.find(OTHER_SHOP_ID, WB, "4512345678")).isEmpty();
    }

    /** One shop's orders on two marketplaces with the same id are two orders, each found only on its own. */
    @Test
    public void should_keep_marketplaces_apart_when_one_shop_has_same_order_id_on_both() {
        // given
        OrderIndexStore store = store();
        IndexedOrder wb = task(SHOP_ID, "4512345678", "rid-1", "basket-1", CREATED, SEEN);
        IndexedOrder ozon = new IndexedOrder(SHOP_ID, Marketplace.OZON, "4512345678", null, null,
                "0123456789-0001-1", "PHN-A55-256", "1234567", null, "fbs", "awaiting_packaging", CREATED, SEEN);

        // when
        boolean wbAdded = store.upsert(wb);
        boolean ozonAdded = store.upsert(ozon);

        // then
        assertThat(wbAdded).isTrue();
        assertThat(ozonAdded).isTrue();
        assertThat(store.lookup(SHOP_ID, WB, "4512345678", 10)).containsExactly(wb);
        assertThat(store.lookup(SHOP_ID, Marketplace.OZON, "4512345678", 10)).containsExactly(ozon);
        assertThat(store.lookup(SHOP_ID, WB, "0123456789-0001-1", 10)).isEmpty();
        assertThat(store.lookup(SHOP_ID, Marketplace.OZON, "rid-1", 10)).isEmpty();
        assertThat(store.lookup(SHOP_ID, Marketplace.KASPI, "4512345678", 10)).isEmpty();
    }

    /**
     * A thousand orders indexed in one call are all new and all found; the same call again with a later status
     * adds none and updates every one.
     */
    @Test
    public void should_index_a_thousand_orders_in_one_call() {
        // given
        OrderIndexStore store = store();
        List<IndexedOrder> batch = new ArrayList<>();
        List<IndexedOrder> later = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            IndexedOrder order = task(SHOP_ID, String.valueOf(4_500_000_000L + i), "rid-" + i, "basket-" + (i / 4),
                    CREATED.plusSeconds(i), SEEN);
            batch.add(order);
            later.add(new IndexedOrder(SHOP_ID, WB, order.orderId(), null, null, null, null, null, null, null,
                    "complete", CREATED, SEEN.plusSeconds(60)));
        }

        // when
        int added = store.upsertAll(batch);
        int addedAgain = store.upsertAll(later);

        // then
        assertThat(added).isEqualTo(1_000);
        assertThat(addedAgain).isZero();
        assertThat(store.lookup(SHOP_ID, WB, "rid-0", 10)).singleElement().satisfies(o -> {
            assertThat(o.orderId()).isEqualTo("4500000000");
            assertThat(o.status()).isEqualTo("complete");
            assertThat(o.rid()).isEqualTo("rid-0");
            assertThat(o.createdAt()).isEqualTo(CREATED);
            assertThat(o.seenAt()).isEqualTo(SEEN.plusSeconds(60));
        });
        assertThat(store.lookup(SHOP_ID, WB, "4500000999", 10)).extracting(IndexedOrder::rid)
                .containsExactly("rid-999");
        assertThat(store.lookup(SHOP_ID, WB, "WB-4500000500", 10)).extracting(IndexedOrder::orderId)
                .containsExactly("4500000500");
        assertThat(store.lookup(SHOP_ID, WB, "basket-249", 10)).extracting(IndexedOrder::orderId)
                .containsExactly("4500000999", "4500000998", "4500000997", "4500000996");
        assertThat(store.purgeSeenBefore(SHOP_ID, SEEN.plusSeconds(61))).isEqualTo(1_000);
    }

    /** Sightings of one order in one batch count once, and the latest of them stays. */
    @Test
    public void should_count_once_when_batch_repeats_an_order() {
        // given
        OrderIndexStore store = store();
        IndexedOrder first = task(SHOP_ID, "4512345678", "rid-1", "basket-1", CREATED, SEEN);
        IndexedOrder second = bare(SHOP_ID, WB, "4512345678", "complete", CREATED, SEEN.plusSeconds(10));
        IndexedOrder stale = bare(SHOP_ID, WB, "4512345678", "new", CREATED, SEEN.plusSeconds(5));
        IndexedOrder another = task(SHOP_ID, "4599999999", "rid-2", "basket-2", CREATED, SEEN);

        // when
        int added = store.upsertAll(List.of(first, second, stale, another));

        // then
        assertThat(added).isEqualTo(2);
        assertThat(store.find(SHOP_ID, WB, "4512345678")).contains(first.seenAgain(second));
        assertThat(store.find(SHOP_ID, WB, "4512345678")).hasValueSatisfying(
                found -> assertThat(found.status()).isEqualTo("complete"));
        assertThat(store.upsertAll(List.of())).isZero();
    }

    /**
     * A purge forgets the shop's orders seen before its time on every marketplace, keeps those seen at it or
     * later and every other shop's orders, and says how many it forgot.
     */
    @Test
    public void should_purge_only_older_orders_of_that_shop() {
        // given
        OrderIndexStore store = store();
        Instant cutoff = SEEN.plus(30, ChronoUnit.DAYS);
        store.upsert(bare(SHOP_ID, WB, "old-wb", "sold", CREATED, cutoff.minus(1, ChronoUnit.MICROS)));
        store.upsert(bare(SHOP_ID, Marketplace.OZON, "old-ozon", "delivered", CREATED, SEEN));
        store.upsert(bare(SHOP_ID, WB, "at-cutoff", "sold", CREATED, cutoff));
        store.upsert(bare(SHOP_ID, WB, "recent", "new", CREATED, cutoff.plusSeconds(1)));
        store.upsert(bare(OTHER_SHOP_ID, WB, "old-wb", "sold", CREATED, SEEN));
        store.upsert(bare(SHOP_ID, WB, "seen-again", "new", CREATED, SEEN));
        store.upsert(bare(SHOP_ID, WB, "seen-again", "sold", CREATED, cutoff.plusSeconds(2)));

        // when
        int purged = store.purgeSeenBefore(SHOP_ID, cutoff);

        // then
        assertThat(purged).isEqualTo(2);
        assertThat(store.find(SHOP_ID, WB, "old-wb")).isEmpty();
        assertThat(store.find(SHOP_ID, Marketplace.OZON, "old-ozon")).isEmpty();
        assertThat(store.find(SHOP_ID, WB, "at-cutoff")).isPresent();
        assertThat(store.find(SHOP_ID, WB, "recent")).isPresent();
        assertThat(store.find(SHOP_ID, WB, "seen-again")).isPresent();
        assertThat(store.find(OTHER_SHOP_ID, WB, "old-wb")).isPresent();
        assertThat(store.purgeSeenBefore(SHOP_ID, cutoff)).isZero();
        assertThat(store.upsert(bare(SHOP_ID, WB, "old-wb", "sold", CREATED, SEEN))).isTrue();
    }

    /** A limit below 1 and missing arguments are refused. */
    @Test
    public void should_refuse_invalid_arguments() {
        // given
        OrderIndexStore store = store();

        // when / then
        assertThatThrownBy(() -> store.lookup(SHOP_ID, WB, "4512345678", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> store.lookup(SHOP_ID, WB, "4512345678", -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.upsert(nullValue())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.lookup(SHOP_ID, WB, nullValue(), 10)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.find(SHOP_ID, WB, nullValue())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.purgeSeenBefore(SHOP_ID, nullValue()))
                .isInstanceOf(NullPointerException.class);
        List<IndexedOrder> withNull = new ArrayList<>();
        withNull.add(task(SHOP_ID, "4512345678", "rid-1", "basket-1", CREATED, SEEN));
        withNull.add(null);
        assertThatThrownBy(() -> store.upsertAll(withNull)).isInstanceOf(NullPointerException.class);
        assertThat(store.find(SHOP_ID, WB, "4512345678")).isEmpty();
    }

    /**
     * Several threads indexing one new order at once make one order, and exactly one is told it was new; the
     * sighting seen last stays, whichever thread wrote first.
     */
    @Test
    public void should_tell_one_thread_it_was_new_when_threads_upsert_same_new_order() {
        // given
        OrderIndexStore store = store();

        // when
        List<Boolean> results = Concurrency.race(THREADS, i -> store.upsert(bare(SHOP_ID, WB, "4512345678",
                "status-" + i, CREATED, SEEN.plusSeconds(i))));

        // then
        assertThat(results).containsOnlyOnce(true);
        assertThat(results.stream().filter(r -> !r).count()).isEqualTo(THREADS - 1);
        assertThat(store.lookup(SHOP_ID, WB, "4512345678", 100)).containsExactly(
                bare(SHOP_ID, WB, "4512345678", "status-" + (THREADS - 1), CREATED, SEEN.plusSeconds(THREADS - 1)));
    }

    /** Threads indexing different orders of one basket at once lose none of them. */
    @Test
    public void should_keep_every_order_when_threads_upsert_different_orders() {
        // given
        OrderIndexStore store = store();

        // when
        List<Boolean> results = Concurrency.race(THREADS, i -> store.upsert(task(SHOP_ID, "45000000" + i,
                "rid-" + i, "basket-1", CREATED.plusSeconds(i), SEEN)));

        // then
        assertThat(results).containsOnly(true);
        assertThat(store.lookup(SHOP_ID, WB, "basket-1", 100)).hasSize(THREADS);
    }

    /** Returns {@code null} as any type, to pass where the SPI requires a value. */
    private static <T> T nullValue() {
        return null;
    }
}
