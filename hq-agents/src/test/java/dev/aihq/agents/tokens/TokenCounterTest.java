package dev.aihq.agents.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokenCounterTest {

    @Test
    void should_count_exact_o200k_tokens() {
        // given
        TokenCounter counter = TokenCounter.o200k();

        // when / then
        assertThat(counter.count("")).isZero();
        assertThat(counter.count("hello world")).isEqualTo(2);
        assertThat(counter.count("Спасибо за заказ! К смартфону подойдёт защитное стекло.")).isBetween(8, 20);
        assertThat(TokenCounter.o200k()).isSameAs(counter);
    }

    @Test
    void should_give_the_same_counts_from_many_threads() throws Exception {
        // given
        TokenCounter counter = TokenCounter.o200k();
        String text = "Покупатель оформил заказ №512345678. Купленные товары: смартфон Samsung Galaxy A55.";
        int expected = counter.count(text);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            // when
            List<Callable<Integer>> tasks = IntStream.range(0, 64).<Callable<Integer>>mapToObj(i -> () -> counter.count(text))
                    .toList();
            List<Future<Integer>> counts = pool.invokeAll(tasks);

            // then
            for (Future<Integer> count : counts) {
                assertThat(count.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_estimate_a_token_per_four_characters_and_at_least_one_per_word() {
        // given
        TokenCounter counter = TokenCounter.estimate();

        // when / then
        assertThat(counter.count("")).isZero();
        assertThat(counter.count("abcd")).isEqualTo(1);
        assertThat(counter.count("abcdefghi")).isEqualTo(3);
        assertThat(counter.count("a b c d e f")).isEqualTo(6);
    }
}
