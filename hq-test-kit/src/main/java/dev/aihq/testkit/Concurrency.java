package dev.aihq.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Runs a task on several threads released at the same moment, for tests of atomicity under contention. */
public final class Concurrency {

    /** How long a race may take before it fails the test instead of hanging it. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Concurrency() {}

    /**
     * Starts {@code threads} threads, waits until all of them are ready, releases them together through one
     * start gate and collects what each returned.
     *
     * @param threads how many threads, at least 1
     * @param task the work of one thread, given the thread's index {@code 0..threads-1}
     * @param <T> what a thread returns
     * @return the results, in thread index order
     * @throws AssertionError when a thread failed or the race took longer than {@link #TIMEOUT}; a thread's
     *     runtime exception or error is rethrown as it is
     */
    public static <T> List<T> race(int threads, IntFunction<T> task) {
        Objects.requireNonNull(task, "task");
        if (threads < 1) {
            throw new IllegalArgumentException("a race needs at least 1 thread, got " + threads);
        }
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>(threads);
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(executor.submit(() -> {
                    ready.countDown();
                    start.await();
                    return task.apply(index);
                }));
            }
            if (!ready.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the race's threads did not start within " + TIMEOUT);
            }
            start.countDown();
            List<T> results = new ArrayList<>(threads);
            for (Future<T> future : futures) {
                results.add(future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            }
            return results;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new AssertionError("a racing thread failed", cause);
        } catch (TimeoutException e) {
            throw new AssertionError("the race did not finish within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the race", e);
        } finally {
            executor.shutdownNow();
        }
    }
}
