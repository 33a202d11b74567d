package dev.aihq.testkit.contract;

import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerEntryKind;
import dev.aihq.api.store.LedgerStore;
import dev.aihq.api.store.LedgerTotal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link LedgerStore}: an entry is recorded once per (shop, key) and the first one stays;
 * {@link LedgerStore#recordAll} counts only the new entries, skips keys that exist and refuses a batch in
 * which two different entries share a shop and key, writing nothing then. Totals add up a shop's entries of
 * {@code [from, to)} per product, kind and currency, exactly (decimal amounts and quantities, never floating
 * point), shop-wide entries first and other shops never counted; entries are listed by time then key within
 * a limit. Times are kept to the microsecond. Stores may give amounts and quantities back at another scale
 * (e.g. {@code 300.0000} for {@code 300}), so sums are compared by value. Subclass it and return a new empty
 * store from {@link #createStore()}.
 */
public abstract class LedgerStoreContract extends StoreContract<LedgerStore> {

    /** The start of the period most tests add up: March 2026 in UTC. */
    private static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");
    /** The end of that period, exclusive. */
    private static final Instant APRIL = Instant.parse("2026-04-01T00:00:00Z");
    /** A time inside the period, with microseconds. */
    private static final Instant AT = Instant.parse("2026-03-10T10:15:30.123456Z");
    private static final Currency KZT = Money.KZT;
    private static final Currency RUB = Money.RUB;
    private static final Sku PHONE = Sku.of("PHN-A55-256");
    private static final Sku CASE = Sku.of("ACC-CASE-A55");

    /** Creates the suite. */
    protected LedgerStoreContract() {}

    /**
     * Makes a sale entry keyed {@code sale:<order>:<sku>}, from source {@code purchase-event}.
     *
     * @param shop the shop
     * @param order the order id
     * @param sku the product
     * @param quantity the units, as decimal text
     * @param amount the amount, as decimal text
     * @param currency the currency
     * @param at when it happened
     * @return the entry
     */
    protected static LedgerEntry sale(ShopId shop, String order, Sku sku, String quantity, String amount,
            Currency currency, Instant at) {
        return entry(shop, "sale:" + order + ":" + sku.value(), LedgerEntryKind.SALE, at, sku, OrderId.of(order),
                quantity, Money.of(amount, currency));
    }

    /**
     * Makes an entry from source {@code purchase-event}.
     *
     * @param shop the shop
     * @param key the key
     * @param kind the kind
     * @param at when it happened
     * @param sku the product, or {@code null} for a shop-wide entry
     * @param order the order, or {@code null}
     * @param quantity the units, as decimal text
     * @param amount the amount
     * @return the entry
     */
    protected static LedgerEntry entry(ShopId shop, String key, LedgerEntryKind kind, Instant at, @Nullable Sku sku,
            @Nullable OrderId order, String quantity, Money amount) {
        return new LedgerEntry(shop, key, kind, at, sku, order, new BigDecimal(quantity), amount, "purchase-event");
    }

    /** A shop without entries finds none, adds up nothing and lists nothing. */
    @Test
    public void should_find_nothing_when_no_entry_recorded() {
        // given
        LedgerStore store = store();

        // when / then
        assertThat(store.find(SHOP_ID, "sale:512345678:PHN-A55-256")).isEmpty();
        assertThat(store.totals(SHOP_ID, MARCH, APRIL)).isEmpty();
        assertThat(store.entries(SHOP_ID, MARCH, APRIL, 10)).isEmpty();
    }

    /** A new entry is recorded and found by its key exactly as it was given, its time to the microsecond. */
    @Test
    public void should_read_entry_back_when_recorded() {
        // given
        LedgerStore store = store();
        LedgerEntry sale = sale(SHOP_ID, "512345678", PHONE, "1", "189990", KZT, AT);

        // when
        boolean recorded = store.record(sale);

        // then
        assertThat(recorded).isTrue();
        assertThat(store.find(SHOP_ID, sale.key())).contains(sale);
        assertThat(store.entries(SHOP_ID, MARCH, APRIL, 10)).containsExactly(sale);
    }

    /** Recording the same key again returns false and keeps the first entry, even when the second differs. */
    @Test
    public void should_keep_first_entry_when_same_key_is_recorded_again() {
        // given
        LedgerStore store = store();
        LedgerEntry first = sale(SHOP_ID, "512345678", PHONE, "1", "189990", KZT, AT);
        store.record(first);
        LedgerEntry second = sale(SHOP_ID, "512345678", PHONE, "2", "379980", KZT, AT.plusSeconds(60));

        // when
        boolean recorded = store.record(second);

        // then
        assertThat(recorded).isFalse();
        assertThat(store.find(SHOP_ID, first.key())).contains(first);
        assertThat(store.totals(SHOP_ID, MARCH, APRIL)).singleElement()
                .satisfies(total -> assertThat(total.amount()).isEqualByComparingTo("189990"));
    }

    /** A shop-wide cost has no product and no order, and reads back so. */
    @Test
    public void should_keep_shop_wide_cost_when_recorded_without_product() {
        // given
        LedgerStore store = store();
        LedgerEntry rent = entry(SHOP_ID, "import:rent-2026-03:1", LedgerEntryKind.OTHER_EXPENSE, AT, null, null,
                "0", Money.kzt(250_000));

        // when
        store.record(rent);

        // then
        assertThat(store.find(SHOP_ID, rent.key())).contains(rent);
    }

    /** The same key in two shops is two entries; neither shop finds or counts the other's. */
    @Test
    public void should_keep_shops_apart_when_both_record_same_key() {
        // given
        LedgerStore store = store();
        LedgerEntry mine = sale(SHOP_ID, "512345678", PHONE, "1", "189990", KZT, AT);
        LedgerEntry theirs = sale(OTHER_SHOP_ID, "512345678", PHONE, "3", "569970", KZT, AT);

        // when
        boolean first = store.record(mine);
        boolean second = store.record(theirs);

        // then
        assertThat(first).isTrue();
        assertThat(second).isTrue();
        assertThat(store.find(SHOP_ID, mine.key())).contains(mine);
        assertThat(store.find(OTHER_SHOP_ID, theirs.key())).contains(theirs);
        assertThat(store.totals(SHOP_ID, MARCH, APRIL)).singleElement().satisfies(total -> {
            assertThat(total.quantity()).isEqualByComparingTo("1");
            assertThat(total.amount()).isEqualByComparingTo("189990");
            assertThat(total.entries()).isEqualTo(1);
        });
        assertThat(store.entries(OTHER_SHOP_ID, MARCH, APRIL, 10)).containsExactly(theirs);
    }

    /** A batch counts only the entries that were new; a key recorded before is skipped and keeps its entry. */
    @Test
    public void should_count_only_new_entries_when_recording_a_batch() {
        // given
        LedgerStore store = store();
        LedgerEntry existing = sale(SHOP_ID, "512345678", PHONE, "1", "189990", KZT, AT);
        store.record(existing);
        LedgerEntry changed = sale(SHOP_ID, "512345678", PHONE, "5", "949950", KZT, AT);
        LedgerEntry newCase = sale(SHOP_ID, "512345678", CASE, "1", "4990", KZT, AT);
        LedgerEntry otherShop = sale(OTHER_SHOP_ID, "512345678", PHONE, "1", "189990", KZT, AT);

        // when
        int added = store.recordAll(List.of(changed, newCase, otherShop));

        // then
        assertThat(added).isEqualTo(2);
        assertThat(store.find(SHOP_ID, existing.key())).contains(existing);
        assertThat(store.find(SHOP_ID, newCase.key())).contains(newCase);
        assertThat(store.find(OTHER_SHOP_ID, otherShop.key())).contains(otherShop);
    }

    /** Recording a batch again adds nothing; an empty batch adds nothing either. */
    @Test
    public void should_add_nothing_when_batch_is_recorded_again() {
        // given
        LedgerStore store = store();
        List<LedgerEntry> batch = List.of(sale(SHOP_ID, "512345678", PHONE, "1", "189990", KZT, AT),
                sale(SHOP_ID, "512345678", CASE, "2", "9980", KZT, AT));
        store.recordAll(batch);

        // when
        int again = store.recordAll(batch);
        int empty = store.recordAll(List.of());

        // then
        assertThat(again).isZero();
        assertThat(empty).isZero();
        assertThat(store.entries(SHOP_ID, MARCH, APRIL, 10)).hasSize(2);
    }

    /** The same entry twice in one batch is recorded once and counted once. */
    @Test
    public void should_count_once_when_batch_repeats_an_entry() {
        // given
        LedgerStore store = store();
        LedgerEntry sale = sale(SHOP_ID, "512345678", PHONE, "1", "189990", KZT, AT);

        // when
        int added = store.recordAll(List.of(sale, sale));

        // then
        assertThat(added).isEqualTo(1);
        assertThat(store.entries(SHOP_ID, MARCH, APRIL, 10)).containsExactly(sale);
    }

    /**
     * Two different entries with one shop and key in a batch are refused, and nothing of the batch is written.
     */
    @Test
    public void should_write_nothing_when_batch_holds_two_different_entries_with_one_key() {
        // given
        LedgerStore store = store();
        LedgerEntry other = sale(SHOP_ID, "500000001", CASE, "1", "4990", KZT, AT);
        LedgerEntry first = sale(SHOP_ID, "512345678", PHONE, "1", "189990", KZT, AT);
        LedgerEntry clash = sale(SHOP_ID, "512345678", PHONE, "2", "379980", KZT, AT);

        // when / then
        assertThatThrownBy(() -> store.recordAll(List.of(other, first, clash)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(first.key());
        assertThat(store.find(SHOP_ID, other.key())).isEmpty();
        assertThat(store.find(SHOP_ID, first.key())).isEmpty();
        assertThat(store.entries(SHOP_ID, MARCH, APRIL, 10)).isEmpty();
    }

    /** A batch larger than any sensible statement batch is recorded whole and counted exactly. */
    @Test
    public void should_record_every_entry_when_batch_is_large() {
        // given
        LedgerStore store = store();
        List<LedgerEntry> batch = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            batch.add(sale(SHOP_ID, "6" + (100_000 + i), PHONE, "1", "10.5", KZT, AT.plusSeconds(i)));
        }
        store.recordAll(batch.subList(0, 1_000));

        // when
        int added = store.recordAll(batch);

        // then
        assertThat(added).isEqualTo(1_500);
        assertThat(store.totals(SHOP_ID, MARCH, APRIL)).singleElement().satisfies(total -> {
            assertThat(total.quantity()).isEqualByComparingTo("2500");
            assertThat(total.amount()).isEqualByComparingTo("26250");
            assertThat(total.entries()).isEqualTo(2_500);
        });
    }

    /**
     * An entry at the start of the range counts, one at its end does not, and neither does one a microsecond
     * before the start.
     */
    @Test
    public void should_count_start_and_leave_out_end_when_adding_up_a_range() {
        // given
        LedgerStore store = store();
        Instant microBefore = MARCH.minus(1, ChronoUnit.MICROS);
        Instant microBeforeEnd = APRIL.minus(1, ChronoUnit.MICROS);
        store.recordAll(List.of(
                sale(SHOP_ID, "500000001", PHONE, "1", "1", KZT, microBefore),
                sale(SHOP_ID, "500000002", PHONE, "1", "10", KZT, MARCH),
                sale(SHOP_ID, "500000003", PHONE, "1", "100", KZT, microBeforeEnd),
                sale(SHOP_ID, "500000004", PHONE, "1", "1000", KZT, APRIL)));

        // when
        List<LedgerTotal> totals = store.totals(SHOP_ID, MARCH, APRIL);
        List<LedgerEntry> entries = store.entries(SHOP_ID, MARCH, APRIL, 10);

        // then
        assertThat(totals).singleElement().satisfies(total -> {
            assertThat(total.amount()).isEqualByComparingTo("110");
            assertThat(total.entries()).isEqualTo(2);
        });
        assertThat(entries).extracting(LedgerEntry::occurredAt).containsExactly(MARCH, microBeforeEnd);
        assertThat(store.totals(SHOP_ID, MARCH, MARCH)).isEmpty();
    }

    /**
     * Amounts add up exactly: 0.1 + 0.2 is 0.3, tenge with tiyn and roubles with kopecks; 1.5 kg and 0.25 kg
     * are 1.75 kg.
     */
    @Test
    public void should_add_up_exactly_when_amounts_and_quantities_have_decimals() {
        // given
        LedgerStore store = store();
        Sku tea = Sku.of("TEA-GREEN-KG");
        Sku honey = Sku.of("HONEY-KG");
        store.recordAll(List.of(
                sale(SHOP_ID, "500000001", tea, "1.5", "0.1", KZT, AT),
                sale(SHOP_ID, "500000002", tea, "0.25", "0.2", KZT, AT),
                sale(SHOP_ID, "500000003", honey, "1", "1499.50", KZT, AT),
                sale(SHOP_ID, "500000004", honey, "2", "2999", KZT, AT),
                sale(SHOP_ID, "500000005", honey, "0.333", "0.01", RUB, AT),
                sale(SHOP_ID, "500000006", honey, "0.667", "1234.99", RUB, AT)));

        // when
        List<LedgerTotal> totals = store.totals(SHOP_ID, MARCH, APRIL);

        // then
        assertThat(totals).extracting(t -> t.sku().value() + " " + t.currency().getCurrencyCode())
                .containsExactly("HONEY-KG KZT", "HONEY-KG RUB", "TEA-GREEN-KG KZT");
        assertThat(totals.get(0).amount()).isEqualByComparingTo("4498.50");
        assertThat(totals.get(0).quantity()).isEqualByComparingTo("3");
        assertThat(totals.get(1).amount()).isEqualByComparingTo("1235.00");
        assertThat(totals.get(1).quantity()).isEqualByComparingTo("1");
        assertThat(totals.get(2).amount()).isEqualByComparingTo("0.3");
        assertThat(totals.get(2).quantity()).isEqualByComparingTo("1.75");
    }

    /** One product's sales in two currencies are two totals, never added together. */
    @Test
    public void should_keep_currencies_apart_when_one_product_sells_in_two() {
        // given
        LedgerStore store = store();
        store.recordAll(List.of(
                sale(SHOP_ID, "500000001", PHONE, "1", "189990", KZT, AT),
                sale(SHOP_ID, "500000002", PHONE, "1", "35990", RUB, AT),
                sale(SHOP_ID, "500000003", PHONE, "2", "379980", KZT, AT)));

        // when
        List<LedgerTotal> totals = store.totals(SHOP_ID, MARCH, APRIL);

        // then
        assertThat(totals).hasSize(2);
        assertThat(totals.get(0).currency()).isEqualTo(KZT);
        assertThat(totals.get(0).amount()).isEqualByComparingTo("569970");
        assertThat(totals.get(0).quantity()).isEqualByComparingTo("3");
        assertThat(totals.get(0).entries()).isEqualTo(2);
        assertThat(totals.get(1).currency()).isEqualTo(RUB);
        assertThat(totals.get(1).amount()).isEqualByComparingTo("35990");
        assertThat(totals.get(1).entries()).isEqualTo(1);
    }

    /**
     * Totals come shop-wide first, then by SKU in character-code order, then by kind in declaration order, then
     * by currency.
     */
    @Test
    public void should_order_totals_by_sku_then_kind_then_currency() {
        // given
        LedgerStore store = store();
        store.recordAll(List.of(
                entry(SHOP_ID, "return:500000001:PHN-A55-256", LedgerEntryKind.RETURN, AT, PHONE,
                        OrderId.of("500000001"), "1", Money.kzt(189_990)),
                sale(SHOP_ID, "500000001", PHONE, "1", "189990", KZT, AT),
                entry(SHOP_ID, "kaspi:commission:500000001:PHN-A55-256", LedgerEntryKind.COMMISSION, AT, PHONE,
                        OrderId.of("500000001"), "0", Money.kzt(15_199)),
                sale(SHOP_ID, "500000002", CASE, "1", "4990", KZT, AT),
                entry(SHOP_ID, "import:rent:1", LedgerEntryKind.OTHER_EXPENSE, AT, null, null, "0", Money.kzt(250_000)),
                entry(SHOP_ID, "kaspi:penalty:1", LedgerEntryKind.PENALTY, AT, null, null, "0", Money.kzt(5_000)),
                entry(SHOP_ID, "import:ads:1", LedgerEntryKind.OTHER_EXPENSE, AT, null, null, "0", Money.rub(1_000))));

        // when
        List<LedgerTotal> totals = store.totals(SHOP_ID, MARCH, APRIL);

        // then
        assertThat(totals).extracting(t -> (t.sku() == null ? "-" : t.sku().value()) + " " + t.kind() + " "
                + t.currency().getCurrencyCode()).containsExactly(
                        "- PENALTY KZT", "- OTHER_EXPENSE KZT", "- OTHER_EXPENSE RUB",
                        "ACC-CASE-A55 SALE KZT",
                        "PHN-A55-256 SALE KZT", "PHN-A55-256 RETURN KZT", "PHN-A55-256 COMMISSION KZT");
    }

    /** Another shop's entries of the same period, products and kinds never count in a shop's totals. */
    @Test
    public void should_leave_out_other_shops_when_adding_up() {
        // given
        LedgerStore store = store();
        store.recordAll(List.of(
                sale(SHOP_ID, "500000001", PHONE, "1", "189990", KZT, AT),
                sale(OTHER_SHOP_ID, "500000002", PHONE, "4", "759960", KZT, AT),
                sale(OTHER_SHOP_ID, "500000003", CASE, "1", "4990", KZT, AT)));

        // when
        List<LedgerTotal> totals = store.totals(SHOP_ID, MARCH, APRIL);

        // then
        assertThat(totals).containsExactly(new LedgerTotal(PHONE, LedgerEntryKind.SALE, KZT,
                totals.get(0).quantity(), totals.get(0).amount(), 1));
        assertThat(totals.get(0).amount()).isEqualByComparingTo("189990");
    }

    /** Entries are listed by time, then by key in character-code order, at most {@code limit} of them. */
    @Test
    public void should_list_entries_by_time_then_key_within_limit() {
        // given
        LedgerStore store = store();
        LedgerEntry late = sale(SHOP_ID, "500000001", PHONE, "1", "189990", KZT, AT.plusSeconds(3600));
        LedgerEntry earlyB = sale(SHOP_ID, "500000002", PHONE, "1", "189990", KZT, AT);
        LedgerEntry earlyA = sale(SHOP_ID, "500000002", CASE, "1", "4990", KZT, AT);
        LedgerEntry earliest = sale(SHOP_ID, "500000003", CASE, "1", "4990", KZT, AT.minusSeconds(60));
        store.recordAll(List.of(late, earlyB, earlyA, earliest));

        // when
        List<LedgerEntry> all = store.entries(SHOP_ID, MARCH, APRIL, 10);
        List<LedgerEntry> firstTwo = store.entries(SHOP_ID, MARCH, APRIL, 2);

        // then
        assertThat(all).containsExactly(earliest, earlyA, earlyB, late);
        assertThat(firstTwo).containsExactly(earliest, earlyA);
    }

    /** A range that ends before it starts is refused, and so is a limit below one. */
    @Test
    public void should_refuse_invalid_range_and_limit() {
        // given
        LedgerStore store = store();

        // when / then
        assertThatThrownBy(() -> store.totals(SHOP_ID, APRIL, MARCH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.entries(SHOP_ID, APRIL, MARCH, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.entries(SHOP_ID, MARCH, APRIL, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    /** Cyrillic SKUs and keys are kept, found, added up and ordered by character code. */
    @Test
    public void should_keep_cyrillic_sku_and_key_when_recorded() {
        // given
        LedgerStore store = store();
        Sku tea = Sku.of("Чай-Зелёный-100г");
        Sku honey = Sku.of("Мёд-Горный-1кг");
        LedgerEntry teaSale = sale(SHOP_ID, "Заказ-1", tea, "3", "2970", KZT, AT);
        LedgerEntry honeySale = sale(SHOP_ID, "Заказ-1", honey, "1", "6500", KZT, AT);
        LedgerEntry phoneSale = sale(SHOP_ID, "Заказ-1", PHONE, "1", "189990", KZT, AT);

        // when
        store.recordAll(List.of(teaSale, honeySale, phoneSale));

        // then
        assertThat(store.find(SHOP_ID, "sale:Заказ-1:Чай-Зелёный-100г")).contains(teaSale);
        assertThat(store.totals(SHOP_ID, MARCH, APRIL)).extracting(LedgerTotal::sku)
                .containsExactly(PHONE, honey, tea);
        assertThat(store.entries(SHOP_ID, MARCH, APRIL, 10)).containsExactly(phoneSale, honeySale, teaSale);
    }

    /** The longest key and source the entry allows are kept whole. */
    @Test
    public void should_keep_longest_key_and_source_when_recorded() {
        // given
        LedgerStore store = store();
        LedgerEntry entry = new LedgerEntry(SHOP_ID, "к".repeat(LedgerEntry.MAX_KEY_LENGTH),
                LedgerEntryKind.DELIVERY, AT, PHONE, null, BigDecimal.ZERO, Money.kzt(1_200),
                "и".repeat(LedgerEntry.MAX_SOURCE_LENGTH));

        // when
        store.record(entry);

        // then
        assertThat(store.find(SHOP_ID, entry.key())).contains(entry);
    }

    /** Times differing by one microsecond stay apart and read back exactly. */
    @Test
    public void should_keep_times_to_the_microsecond() {
        // given
        LedgerStore store = store();
        LedgerEntry first = sale(SHOP_ID, "500000002", PHONE, "1", "1", KZT, AT.plus(1, ChronoUnit.MICROS));
        LedgerEntry second = sale(SHOP_ID, "500000001", PHONE, "1", "1", KZT, AT.plus(2, ChronoUnit.MICROS));
        store.recordAll(List.of(second, first));

        // when
        List<LedgerEntry> from = store.entries(SHOP_ID, AT.plus(2, ChronoUnit.MICROS), APRIL, 10);

        // then
        assertThat(store.entries(SHOP_ID, MARCH, APRIL, 10)).containsExactly(first, second);
        assertThat(from).containsExactly(second);
        assertThat(store.find(SHOP_ID, first.key())).hasValueSatisfying(
                e -> assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-03-10T10:15:30.123457Z")));
    }
}
