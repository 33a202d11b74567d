package dev.aihq.http;

import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.RetriableMarketplaceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.annotation.Nullable;

/**
 * When and how long {@link HqHttpClient} waits before another attempt. Only retriable failures
 * ({@link RetriableMarketplaceException}: rate limited, unavailable, timed out) are retried, and only
 * for calls marked {@linkplain HttpCall#retryable() retryable}.
 *
 * <p>The wait before retry {@code n} (after {@code n} failed attempts) is the service's own
 * {@code Retry-After} when it sent one, otherwise
 * {@code min(maxBackoff, initialBackoff × multiplier^(n-1))}, spread by ± {@code jitter} of itself so
 * that many shops do not retry in step. A {@code Retry-After} longer than {@code maxRetryAfter} is not
 * waited at all: the failure is thrown at once, so a caller (a scheduler, a pipeline) can come back later
 * instead of blocking a thread for an hour.
 *
 * <p>Defaults: 3 attempts, 500 ms initial backoff, 30 s maximum backoff, multiplier 2.0, jitter 0.2,
 * {@code Retry-After} honoured up to 2 minutes.
 *
 * @param maxAttempts the most attempts in all, the first included; at least 1
 * @param initialBackoff the wait before the first retry when the service gave none
 * @param maxBackoff the longest computed backoff (a service's {@code Retry-After} is not bound by it)
 * @param multiplier the growth of the backoff per retry; at least 1
 * @param jitter the random spread as a fraction of the backoff, 0 (none) to 1
 * @param maxRetryAfter the longest {@code Retry-After} still waited
 */
public record RetryPolicy(
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        double multiplier,
        double jitter,
        Duration maxRetryAfter) {

    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    /**
     * Validates every component and reports all problems at once.
     *
     * @throws ConfigurationException listing each invalid component
     */
    public RetryPolicy {
        List<String> problems = new ArrayList<>();
        if (maxAttempts < 1) {
            problems.add("maxAttempts must be at least 1, got " + maxAttempts);
        }
        requireNonNegative(problems, "initialBackoff", initialBackoff);
        requireNonNegative(problems, "maxBackoff", maxBackoff);
        requireNonNegative(problems, "maxRetryAfter", maxRetryAfter);
        if (initialBackoff != null && maxBackoff != null && maxBackoff.compareTo(initialBackoff) < 0) {
            problems.add("maxBackoff (" + maxBackoff + ") must not be shorter than initialBackoff ("
                    + initialBackoff + ")");
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            problems.add("multiplier must be a finite number of at least 1.0, got " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            problems.add("jitter must be within 0.0-1.0, got " + jitter);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("invalid RetryPolicy: " + String.join("; ", problems));
        }
    }

    private static void requireNonNegative(List<String> problems, String name, @Nullable Duration value) {
        if (value == null) {
            problems.add(name + " is required");
        } else if (value.isNegative()) {
            problems.add(name + " must not be negative, got " + value);
        }
    }

    /**
     * Returns the default policy: 3 attempts, 500 ms doubling up to 30 s, jitter 0.2, {@code Retry-After}
     * honoured up to 2 minutes.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * Returns the policy that never retries: one attempt.
     *
     * @return the single-attempt policy
     */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * Starts a builder with the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this policy.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder()
                .maxAttempts(maxAttempts)
                .initialBackoff(initialBackoff)
                .maxBackoff(maxBackoff)
                .multiplier(multiplier)
                .jitter(jitter)
                .maxRetryAfter(maxRetryAfter);
    }

    /**
     * Computes the backoff before retry number {@code failedAttempts} when the service named no wait,
     * jitter included.
     *
     * @param failedAttempts how many attempts have failed so far, at least 1
     * @return the wait, never longer than {@link #maxBackoff()}
     */
    public Duration backoff(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1, got " + failedAttempts);
        }
        double capMillis = maxBackoff.toMillis();
        double millis = Math.min(capMillis, initialBackoff.toMillis() * Math.pow(multiplier, failedAttempts - 1.0));
        if (jitter > 0.0) {
            double spread = (ThreadLocalRandom.current().nextDouble() * 2.0 - 1.0) * jitter;
            millis = Math.min(capMillis, millis * (1.0 + spread));
        }
        return Duration.ofMillis(Math.max(0L, Math.round(millis)));
    }

    /**
     * Decides whether to retry after a failed attempt and how long to wait first.
     *
     * @param failedAttempts how many attempts have failed so far, at least 1
     * @param failure the last failure
     * @return the wait before the next attempt, or empty when the failure should be thrown: no attempts
     *     left, or the service asked for a wait longer than {@link #maxRetryAfter()}
     */
    public Optional<Duration> delayBeforeRetry(int failedAttempts, RetriableMarketplaceException failure) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        Optional<Duration> requested = failure.retryAfter();
        if (requested.isPresent()) {
            Duration wait = requested.get().isNegative() ? Duration.ZERO : requested.get();
            return wait.compareTo(maxRetryAfter) > 0 ? Optional.empty() : Optional.of(wait);
        }
        return Optional.of(backoff(failedAttempts));
    }

    /** Builds a {@link RetryPolicy}; starts from the defaults. Not thread-safe. */
    public static final class Builder {
        private int maxAttempts = 3;
        private @Nullable Duration initialBackoff = Duration.ofMillis(500);
        private @Nullable Duration maxBackoff = Duration.ofSeconds(30);
        private double multiplier = 2.0;
        private double jitter = 0.2;
        private @Nullable Duration maxRetryAfter = Duration.ofMinutes(2);

        private Builder() {}

        /**
         * Sets the most attempts in all, the first included.
         *
         * @param maxAttempts at least 1; 1 means no retry
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets the wait before the first retry when the service gave none.
         *
         * @param initialBackoff zero or positive
         * @return this builder
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
            return this;
        }

        /**
         * Sets the longest computed backoff.
         *
         * @param maxBackoff at least the initial backoff
         * @return this builder
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        /**
         * Sets the growth of the backoff per retry.
         *
         * @param multiplier at least 1.0
         * @return this builder
         */
        public Builder multiplier(double multiplier) {
            this.multiplier = multiplier;
            return this;
        }

        /**
         * Sets the random spread of the backoff.
         *
         * @param jitter a fraction from 0.0 (none, for tests) to 1.0
         * @return this builder
         */
        public Builder jitter(double jitter) {
            this.jitter = jitter;
            return this;
        }

        /**
         * Sets the longest {@code Retry-After} still waited; a longer one fails the call at once.
         *
         * @param maxRetryAfter zero or positive
         * @return this builder
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @throws ConfigurationException listing every invalid setting
         */
        public RetryPolicy build() {
            return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, maxRetryAfter);
        }
    }
}
