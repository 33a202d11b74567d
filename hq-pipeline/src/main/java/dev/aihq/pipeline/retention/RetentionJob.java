package dev.aihq.pipeline.retention;

import dev.aihq.api.ShopId;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.PersonalDataStore;
import dev.aihq.api.store.Outbox;
import dev.aihq.api.store.PurgeReport;
import dev.aihq.api.store.ShopStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges personal data that has outlived its shop's retention: for every shop in the {@link ShopStore},
 * active or not, {@link PersonalDataStore#purgeBefore} with the cutoff {@code now} minus the shop's
 * {@link dev.aihq.api.shop.ShopSettings#personalDataRetention()}. Run it once a day or so:
 *
 * <pre>{@code
 * RetentionJob job = RetentionJob.builder().shops(stores.shops()).personalData(stores.personalData()).build();
 * job.schedule(myScheduler, Duration.ofMinutes(5), Duration.ofDays(1));   // on a scheduler you own
 * // or, from your own scheduler (cron, Quartz, db-scheduler): job.runOnce();
 * }</pre>
 *
 * <p>A pass walks the shops a page at a time ({@link ShopStore#listIds}); a shop whose purge fails is logged
 * and reported, and the pass goes on with the next one. Passes are idempotent and cheap when nothing is
 * due, and several application instances may run them: a second pass finds nothing left to purge. Nothing
 * the job logs holds personal data. Thread-safe.
 */
public final class RetentionJob implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final ShopStore shops;
    private final PersonalDataStore personalData;
    private final @Nullable Outbox outbox;
    private final Clock clock;
    private final int pageSize;

    private RetentionJob(Builder b) {
        this.shops = Objects.requireNonNull(b.shops);
        this.personalData = Objects.requireNonNull(b.personalData);
        this.outbox = b.outbox;
        this.clock = b.clock;
        this.pageSize = b.pageSize;
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs one pass over every shop now.
     *
     * @return what was purged per shop, and which shops failed
     * @throws dev.aihq.api.error.StoreException when the shops cannot be listed (nothing more was done)
     */
    public RetentionReport runOnce() {
        Instant now = clock.instant();
        List<PurgeReport> purged = new ArrayList<>();
        Map<ShopId, String> failures = new LinkedHashMap<>();
        int expired = 0;
        ShopId after = null;
        while (true) {
            List<ShopId> page = shops.listIds(after, pageSize);
            for (ShopId id : page) {
                try {
                    Optional<Shop> shop = shops.find(id);
                    if (shop.isPresent()) {
                        Instant before = now.minus(shop.get().settings().personalDataRetention());
                        purged.add(personalData.purgeBefore(id, before));
                        if (outbox != null) {
                            expired += expireOffers(id, shop.get(), now);
                        }
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Retention could not purge shop {}; it is tried again on the next pass", id, e);
                    failures.put(id, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
            if (page.size() < pageSize) {
                break;
            }
            after = page.get(page.size() - 1);
        }
        RetentionReport report = new RetentionReport(now, purged, failures, expired);
        if (report.total() > 0 || !failures.isEmpty()) {
            LOG.info("Retention pass at {}: {} items purged in {} shops, {} shops failed", now, report.total(),
                    purged.stream().filter(p -> p.total() > 0).count(), failures.size());
        }
        return report;
    }

    /**
     * Cancels the offers that waited for the customer's consent longer than the shop's
     * {@code SalesSettings#consentExpiry()}: the customer's silence drops them.
     */
    private int expireOffers(ShopId id, Shop shop, Instant now) {
        Duration expiry = shop.settings().sales().consentExpiry();
        return Objects.requireNonNull(outbox).expireAwaitingConsent(id, now.minus(expiry),
                "cancelled: no answer to the consent question within " + expiry.toDays() + " days");
    }

    /** Runs one pass and logs, never throws: for schedulers that stop a task after an exception. */
    @Override
    public void run() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("Retention pass failed; it is tried again on the next one", e);
        }
    }

    /**
     * Runs a pass on a scheduler the caller owns (and shuts down), at a fixed delay between passes.
     *
     * @param scheduler the scheduler
     * @param initialDelay the wait before the first pass, not negative
     * @param interval the wait between the end of a pass and the next, positive (a day is plenty)
     * @return the scheduled task; cancel it to stop
     * @throws IllegalArgumentException when a delay is out of range
     */
    public ScheduledFuture<?> schedule(ScheduledExecutorService scheduler, Duration initialDelay, Duration interval) {
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(initialDelay, "initial delay");
        Objects.requireNonNull(interval, "interval");
        if (initialDelay.isNegative()) {
            throw new IllegalArgumentException("retention initial delay must not be negative, got " + initialDelay);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("retention interval must be positive, got " + interval);
        }
        return scheduler.scheduleWithFixedDelay(this, initialDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Builds {@link RetentionJob}. Not thread-safe. */
    public static final class Builder {
        private @Nullable ShopStore shops;
        private @Nullable PersonalDataStore personalData;
        private @Nullable Outbox outbox;
        private Clock clock = Clock.systemUTC();
        private int pageSize = 100;

        private Builder() {}

        /**
         * Sets the shops to walk (required).
         *
         * @param shops the shop store
         * @return this builder
         */
        public Builder shops(ShopStore shops) {
            this.shops = shops;
            return this;
        }

        /**
         * Also cancels, per shop, the offers that waited for consent longer than the shop's
         * {@code SalesSettings#consentExpiry()} (the customer never answered); without an outbox they stay.
         *
         * @param outbox the outbox
         * @return this builder
         */
        public Builder outbox(Outbox outbox) {
            this.outbox = Objects.requireNonNull(outbox, "outbox");
            return this;
        }

        /**
         * Sets the store that purges (required), e.g. {@code stores.personalData()}.
         *
         * @param personalData the personal data store
         * @return this builder
         */
        public Builder personalData(PersonalDataStore personalData) {
            this.personalData = personalData;
            return this;
        }

        /**
         * Sets the clock "now" is read from; default the system UTC clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets how many shops are listed at a time; default 100.
         *
         * @param size at least 1
         * @return this builder
         */
        public Builder pageSize(int size) {
            this.pageSize = size;
            return this;
        }

        /**
         * Builds the job.
         *
         * @return the job
         * @throws ConfigurationException listing every missing or invalid part
         */
        public RetentionJob build() {
            List<String> problems = new ArrayList<>();
            if (shops == null) {
                problems.add("shops is missing");
            }
            if (personalData == null) {
                problems.add("personalData is missing");
            }
            if (clock == null) {
                problems.add("clock is missing");
            }
            if (pageSize < 1) {
                problems.add("pageSize must be at least 1, got " + pageSize);
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException("the retention job is misconfigured: " + String.join("; ", problems));
            }
            return new RetentionJob(this);
        }
    }
}
