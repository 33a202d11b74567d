package dev.aihq.testkit.contract;

import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static dev.aihq.testkit.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.store.TokenUsageStore;
import dev.aihq.testkit.Concurrency;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TokenUsageStore}: additions return the running total of one shop's local day,
 * days and shops are counted apart, and concurrent additions are never lost. Subclass it and return a
 * new empty store from {@link #createStore()}.
 */
public abstract class TokenUsageStoreContract extends StoreContract<TokenUsageStore> {

    /** Creates the suite. */
    protected TokenUsageStoreContract() {}

    /** A day without usage is zero. */
    @Test
    public void should_return_zero_when_nothing_was_used() {
        // given
        TokenUsageStore store = store();

        // when / then
        assertThat(store.used(SHOP_ID, TODAY)).isZero();
    }

    /** Each addition returns the day's new total. */
    @Test
    public void should_return_running_total_when_tokens_are_added() {
        // given
        TokenUsageStore store = store();

        // when
        long first = store.add(SHOP_ID, TODAY, 455);
        long second = store.add(SHOP_ID, TODAY, 1_200);
        long third = store.add(SHOP_ID, TODAY, 0);

        // then
        assertThat(List.of(first, second, third)).containsExactly(455L, 1_655L, 1_655L);
        assertThat(store.used(SHOP_ID, TODAY)).isEqualTo(1_655);
    }

    /** Each local day has its own total. */
    @Test
    public void should_count_days_apart_when_tokens_are_added_on_different_days() {
        // given
        TokenUsageStore store = store();
        store.add(SHOP_ID, TODAY.minusDays(1), 50_000);

        // when
        long today = store.add(SHOP_ID, TODAY, 300);

        // then
        assertThat(today).isEqualTo(300);
        assertThat(store.used(SHOP_ID, TODAY.minusDays(1))).isEqualTo(50_000);
        assertThat(store.used(SHOP_ID, TODAY.plusDays(1))).isZero();
    }

    /** Tenant isolation: one shop's spending never counts against another's budget. */
    @Test
    public void should_count_shops_apart_when_both_spend_on_same_day() {
        // given
        TokenUsageStore store = store();
        store.add(SHOP_ID, TODAY, 10_000);

        // when
        long theirs = store.add(OTHER_SHOP_ID, TODAY, 25);

        // then
        assertThat(theirs).isEqualTo(25);
        assertThat(store.used(SHOP_ID, TODAY)).isEqualTo(10_000);
        assertThat(store.used(OTHER_SHOP_ID, TODAY)).isEqualTo(25);
    }

    /**
     * Eight threads adding at once lose nothing; every addition's answer includes that thread's own
     * additions so far, and the last answer the whole day's total.
     */
    @Test
    public void should_sum_every_addition_when_threads_add_concurrently() {
        // given
        TokenUsageStore store = store();
        int threads = 8;
        int addsPerThread = 500;

        // when
        List<List<Long>> totals = Concurrency.race(threads, i -> {
            List<Long> seen = new ArrayList<>(addsPerThread);
            for (int n = 0; n < addsPerThread; n++) {
                seen.add(store.add(SHOP_ID, TODAY, 3));
            }
            return seen;
        });

        // then
        long expected = 3L * threads * addsPerThread;
        assertThat(store.used(SHOP_ID, TODAY)).isEqualTo(expected);
        List<Long> all = totals.stream().flatMap(List::stream).toList();
        assertThat(all).contains(expected).allMatch(t -> t % 3 == 0 && t <= expected);
        for (List<Long> seen : totals) {
            for (int n = 0; n < seen.size(); n++) {
                assertThat(seen.get(n)).as("addition %d of a thread sees the thread's own additions", n + 1)
                        .isGreaterThanOrEqualTo(3L * (n + 1));
                if (n > 0) {
                    assertThat(seen.get(n)).isGreaterThan(seen.get(n - 1));
                }
            }
        }
    }
}
