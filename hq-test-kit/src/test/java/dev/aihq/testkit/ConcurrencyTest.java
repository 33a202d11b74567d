package dev.aihq.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void should_return_results_in_thread_order_when_race_ends() {
        // given
        Set<String> threadNames = ConcurrentHashMap.newKeySet();

        // when
        List<Integer> results = Concurrency.race(4, i -> {
            threadNames.add(Thread.currentThread().getName());
            return i * 10;
        });

        // then
        assertThat(results).containsExactly(0, 10, 20, 30);
        assertThat(threadNames).hasSize(4);
    }

    @Test
    void should_rethrow_failure_when_a_thread_fails() {
        // when / then
        assertThatThrownBy(() -> Concurrency.race(3, i -> {
            if (i == 1) {
                throw new IllegalStateException("thread 1 broke");
            }
            return i;
        })).isInstanceOf(IllegalStateException.class).hasMessage("thread 1 broke");
    }
}
