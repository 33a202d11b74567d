package dev.aihq.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ScriptedChatModelTest {

    private static ChatRequest request(String system, String user) {
        return ChatRequest.builder().messages(SystemMessage.from(system), UserMessage.from(user)).build();
    }

    @Test
    void should_reply_in_script_order_when_called_repeatedly() {
        // given
        ScriptedChatModel model = ScriptedChatModel.create().reply("первый").reply("второй");

        // when
        String first = model.chat("Привет");
        String second = model.chat("Ещё раз");

        // then
        assertThat(first).isEqualTo("первый");
        assertThat(second).isEqualTo("второй");
        assertThat(model.callCount()).isEqualTo(2);
        assertThat(model.remainingSteps()).isZero();
    }

    @Test
    void should_report_tokens_and_model_name_when_reply_has_usage() {
        // given
        ScriptedChatModel model = ScriptedChatModel.named("gpt-4o-mini").reply("{\"text\":\"ok\"}", 420, 35);

        // when
        ChatResponse response = model.chat(request("Ты помощник продавца", "Покупатель купил смартфон"));

        // then
        assertThat(response.aiMessage().text()).isEqualTo("{\"text\":\"ok\"}");
        assertThat(response.modelName()).isEqualTo("gpt-4o-mini");
        assertThat(response.metadata().tokenUsage()).isEqualTo(new TokenUsage(420, 35));
        assertThat(response.tokenUsage().totalTokenCount()).isEqualTo(455);
        assertThat(response.id()).isEqualTo("scripted-1");
    }

    @Test
    void should_report_default_name_and_zero_tokens_when_reply_has_no_usage() {
        // given
        ScriptedChatModel model = ScriptedChatModel.create().reply("ok");

        // when
        ChatResponse response = model.chat(request("system", "user"));

        // then
        assertThat(model.modelName()).isEqualTo("scripted-model");
        assertThat(response.modelName()).isEqualTo("scripted-model");
        assertThat(response.tokenUsage().totalTokenCount()).isZero();
    }

    @Test
    void should_throw_scripted_failure_when_step_is_a_failure() {
        // given
        RuntimeException outage = new RuntimeException("503 from the provider");
        ScriptedChatModel model = ScriptedChatModel.create().fail(outage).reply("после сбоя");

        // when / then
        assertThatThrownBy(() -> model.chat("Привет")).isSameAs(outage);
        assertThat(model.chat("Привет")).isEqualTo("после сбоя");
    }

    @Test
    void should_fail_saying_so_when_script_is_exhausted() {
        // given
        ScriptedChatModel model = ScriptedChatModel.create().reply("единственный");
        model.chat("1");

        // when / then
        assertThatThrownBy(() -> model.chat("2"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no step left for call 2")
                .hasMessageContaining("1 step(s)");
        assertThat(model.callCount()).isEqualTo(2);
    }

    @Test
    void should_record_every_request_when_called_including_failed_ones() {
        // given
        ScriptedChatModel model = ScriptedChatModel.create().fail(new RuntimeException("boom")).reply("ok");

        // when
        assertThatThrownBy(() -> model.chat(request("system one", "user one"))).hasMessage("boom");
        model.chat(request("system two", "user two"));

        // then
        assertThat(model.requests()).hasSize(2);
        assertThat(ScriptedChatModel.textOf(model.requests().get(0))).isEqualTo("system one\nuser one");
        assertThat(model.lastPromptText()).isEqualTo("system two\nuser two");
    }

    @Test
    void should_keep_only_recent_requests_when_recording_is_limited() {
        // given
        ScriptedChatModel model = ScriptedChatModel.create().keepRequests(2).replyAlways("ok");

        // when
        for (int i = 1; i <= 5; i++) {
            model.chat("запрос " + i);
        }

        // then
        assertThat(model.requests()).extracting(ScriptedChatModel::textOf).containsExactly("запрос 4", "запрос 5");
        assertThat(model.callCount()).isEqualTo(5);
    }

    @Test
    void should_take_at_least_the_delay_when_step_is_delayed() {
        // given
        ScriptedChatModel model = ScriptedChatModel.create().delay(Duration.ofMillis(200)).reply("медленно")
                .reply("быстро");

        // when
        long start = System.nanoTime();
        String slow = model.chat("1");
        long elapsed = System.nanoTime() - start;

        // then
        assertThat(slow).isEqualTo("медленно");
        assertThat(Duration.ofNanos(elapsed)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(model.chat("2")).isEqualTo("быстро");
    }

    @Test
    void should_end_delayed_call_when_calling_thread_is_interrupted() throws InterruptedException {
        // given
        ScriptedChatModel model = ScriptedChatModel.create().delay(Duration.ofMinutes(5)).reply("никогда");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> interruptKept = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                model.chat("1");
            } catch (RuntimeException e) {
                thrown.set(e);
                interruptKept.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        while (model.callCount() == 0) {
            Thread.onSpinWait();
        }

        // when
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(10));

        // then
        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("interrupted");
        assertThat(interruptKept.get()).isTrue();
    }

    @Test
    void should_hold_call_until_released_when_step_is_gated() throws Exception {
        // given
        ScriptedChatModel model = ScriptedChatModel.create();
        ScriptedChatModel.Gate gate = model.blockUntilReleased();
        model.reply("отпущен");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> model.chat("1"), executor);
            assertThat(gate.awaitBlocked(Duration.ofSeconds(10))).isTrue();
            assertThat(call).isNotDone();

            // when
            gate.release();

            // then
            assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("отпущен");
            assertThat(gate.isReleased()).isTrue();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void should_reply_every_time_when_script_ends_with_reply_always() {
        // given
        ScriptedChatModel model = ScriptedChatModel.create().reply("первый").replyAlways("всегда", 10, 2);

        // when
        model.chat("0");
        for (int i = 0; i < 1_000; i++) {
            assertThat(model.chat("ещё")).isEqualTo("всегда");
        }

        // then
        assertThat(model.callCount()).isEqualTo(1_001);
        assertThat(model.remainingSteps()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void should_throw_every_time_when_script_ends_with_fail_always() {
        // given
        RuntimeException down = new RuntimeException("provider down");
        ScriptedChatModel model = ScriptedChatModel.create().failAlways(down);

        // when / then
        assertThatThrownBy(() -> model.chat("1")).isSameAs(down);
        assertThatThrownBy(() -> model.chat("2")).isSameAs(down);
    }

    @Test
    void should_refuse_new_step_when_script_ends_with_repeating_step() {
        // given
        ScriptedChatModel model = ScriptedChatModel.create().replyAlways("всегда");

        // when / then
        assertThatThrownBy(() -> model.reply("после"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("repeats forever");
    }

    @Test
    void should_answer_every_call_once_when_threads_call_concurrently() {
        // given
        ScriptedChatModel model = ScriptedChatModel.create();
        for (int i = 0; i < 80; i++) {
            model.reply("ответ " + i);
        }

        // when
        List<List<String>> replies = Concurrency.race(8, t -> {
            List<String> mine = new ArrayList<>();
            for (int n = 0; n < 10; n++) {
                mine.add(model.chat("вопрос"));
            }
            return mine;
        });

        // then
        assertThat(replies.stream().flatMap(List::stream).toList())
                .hasSize(80).doesNotHaveDuplicates();
        assertThat(model.callCount()).isEqualTo(80);
        assertThat(model.requests()).hasSize(80);
        assertThat(model.remainingSteps()).isZero();
    }
}
