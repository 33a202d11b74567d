package dev.aihq.channel.whatsapp.pacing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Hands out send times for one WhatsApp number so that its messages keep Meta's pair rate (one message per
 * {@link PacingConfig#pairInterval()} to one customer, error 131056) and its throughput
 * ({@link PacingConfig#messagesPerSecond()} from the number, error 130429). One pacer per sending number,
 * shared by everything that sends from it in this process.
 *
 * <pre>{@code
 * SendPacer pacer = SendPacer.create(PacingConfig.defaults(), clock);
 * Instant at = pacer.reserve(shop.value() + ":" + customer.e164());
 * outbox.schedule(message, at);                          // the dispatcher sends it at that time
 * }</pre>
 *
 * <p><b>Design: a slot schedule.</b> Every {@link #reserve(String)} takes a <em>slot</em>, an instant at
 * which one message may go. The slot is the earliest instant, not before now, that is
 * <ul>
 *   <li>at least the pair interval after the recipient's previous slot, and</li>
 *   <li>at least {@link PacingConfig#numberSpacing()} (1 s / rate, 12.5 ms at 80/s) away from every other
 *       slot of the number, before or after it.</li>
 * </ul>
 * Slots of one number are therefore always at least one spacing apart, so no one-second window
 * {@code [t, t + 1 s)} holds more than {@code messagesPerSecond} of them. Unlike a token bucket this allows
 * no burst above the rate, and unlike a single "next free time" it fills gaps: a burst of 50 messages to
 * one customer, spread over five minutes, does not delay a message to another customer. The first message
 * to an idle recipient of an idle number gets exactly now.
 *
 * <p>The pacer never sleeps and has no threads: it only computes times, and the caller (an outbox
 * dispatcher) schedules the send at the returned instant. Time comes from the {@link Clock} it was given.
 * A reserved slot stays taken even if the message is then not sent, which only errs on the slow side.
 *
 * <p><b>Memory.</b> A recipient is tracked only while its last slot still constrains the next one, that is
 * until its last slot plus the pair interval has passed; such idle recipients are dropped by a sweep that
 * runs at most once per pair interval, so an idle recipient is forgotten at the latest two intervals after
 * its last slot. Slots of the number are dropped as soon as they are one spacing in the past. What stays
 * is proportional to the messages reserved for the coming minutes, not to the customers ever written to.
 * Finding a slot walks over the run of adjacent taken slots from the earliest candidate, so its cost grows
 * with the backlog of already reserved messages, which at a few seconds of backlog is a handful of steps.
 *
 * <p><b>Thread-safety.</b> All methods are thread-safe; reservations are serialised by one lock, so two
 * callers never get the same slot. The pacer is in-process: two processes sending from one number each
 * need a share of the rate ({@link PacingConfig#withMessagesPerSecond(int)}).
 *
 * <p><b>Privacy.</b> The recipient key is whatever the caller chooses (for example the shop and the
 * customer's E.164 number). The pacer never logs it, and {@link #toString()} shows only counts.
 */
public final class SendPacer {

    private final PacingConfig config;
    private final Clock clock;
    private final Duration pairInterval;
    private final Duration spacing;

    private final Object lock = new Object();
    /** The last slot of each recipient whose next slot is still constrained (or was until the last sweep). */
    private final Map<String, Instant> lastSlots = new HashMap<>();
    /** The number's slots that may still be near a new one: from one spacing before now on. */
    private final NavigableSet<Instant> numberSlots = new TreeSet<>();
    private Instant nextSweep = Instant.MIN;

    private SendPacer(PacingConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.pairInterval = config.pairInterval();
        this.spacing = config.numberSpacing();
    }

    /**
     * Creates a pacer for one sending number.
     *
     * @param config the number's limits
     * @param clock where the time comes from (a settable clock in tests)
     * @return the pacer, with nothing reserved
     */
    public static SendPacer create(PacingConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        return new SendPacer(config, clock);
    }

    /**
     * Creates a pacer for one sending number on the system clock.
     *
     * @param config the number's limits
     * @return the pacer, with nothing reserved
     */
    public static SendPacer create(PacingConfig config) {
        return create(config, Clock.systemUTC());
    }

    /**
     * Returns the limits this pacer keeps.
     *
     * @return the config
     */
    public PacingConfig config() {
        return config;
    }

    /**
     * Reserves the earliest slot at which a message to a recipient may go, and returns it. The next
     * reservation for the same recipient comes at least one pair interval later, and no other reservation
     * comes within one number spacing of it.
     *
     * @param recipientKey who the message goes to, as the caller identifies customers of this number
     *     (for example shop and E.164 number); never logged
     * @return the slot: now, or a later instant at which the caller should send
     * @throws IllegalArgumentException if the key is blank
     */
    public Instant reserve(String recipientKey) {
        String key = checkKey(recipientKey);
        synchronized (lock) {
            return reserveAt(key, clock.instant());
        }
    }

    /**
     * Reserves a slot as {@link #reserve(String)} does and returns how long until it, for a caller that
     * schedules by delay rather than by instant. <b>This reserves</b>: call it once per message.
     *
     * @param recipientKey who the message goes to; never logged
     * @return the wait before sending, zero if the message may go now
     * @throws IllegalArgumentException if the key is blank
     */
    public Duration delayFor(String recipientKey) {
        String key = checkKey(recipientKey);
        synchronized (lock) {
            Instant now = clock.instant();
            Instant slot = reserveAt(key, now);
            return slot.isAfter(now) ? Duration.between(now, slot) : Duration.ZERO;
        }
    }

    /**
     * Returns the slot a reservation for a recipient would get now, without reserving it; a later
     * {@link #reserve(String)} may get a later slot if others reserved in between.
     *
     * @param recipientKey who the message would go to; never logged
     * @return the earliest instant at which a message to the recipient could go
     * @throws IllegalArgumentException if the key is blank
     */
    public Instant nextSlot(String recipientKey) {
        String key = checkKey(recipientKey);
        synchronized (lock) {
            Instant now = clock.instant();
            forgetPast(now);
            return earliestSlot(key, now);
        }
    }

    /**
     * Returns how many recipients the pacer still remembers, after forgetting those whose last slot no
     * longer constrains the next one (last slot plus the pair interval is not after now).
     *
     * @return the number of recipients with a slot within the last pair interval or in the future
     */
    public int trackedRecipients() {
        synchronized (lock) {
            Instant now = clock.instant();
            sweepRecipients(now);
            return lastSlots.size();
        }
    }

    /**
     * Returns how many of the number's slots the pacer still holds: those reserved in the future and those
     * less than one number spacing in the past.
     *
     * @return the number of held slots
     */
    public int heldSlots() {
        synchronized (lock) {
            forgetPast(clock.instant());
            return numberSlots.size();
        }
    }

    /** Describes the pacer by its limits and counts; never names a recipient. */
    @Override
    public String toString() {
        synchronized (lock) {
            return "SendPacer[pairInterval=" + pairInterval + ", messagesPerSecond=" + config.messagesPerSecond()
                    + ", recipients=" + lastSlots.size() + ", slots=" + numberSlots.size() + "]";
        }
    }

    private Instant reserveAt(String key, Instant now) {
        forgetPast(now);
        if (!now.isBefore(nextSweep)) {
            sweepRecipients(now);
        }
        Instant slot = earliestSlot(key, now);
        lastSlots.put(key, slot);
        numberSlots.add(slot);
        return slot;
    }

    private Instant earliestSlot(String key, Instant now) {
        Instant candidate = now;
        Instant last = lastSlots.get(key);
        if (last != null) {
            Instant pairFree = last.plus(pairInterval);
            if (pairFree.isAfter(candidate)) {
                candidate = pairFree;
            }
        }
        return firstFreeFrom(candidate);
    }

    /** The earliest instant not before {@code from} that is at least one spacing from every held slot. */
    private Instant firstFreeFrom(Instant from) {
        Instant t = from;
        while (true) {
            Instant before = numberSlots.floor(t);
            if (before != null && before.plus(spacing).isAfter(t)) {
                t = before.plus(spacing);
                continue;
            }
            Instant after = numberSlots.ceiling(t);
            if (after != null && after.isBefore(t.plus(spacing))) {
                t = after.plus(spacing);
                continue;
            }
            return t;
        }
    }

    /** Drops the number's slots that can no longer be within one spacing of a slot at or after now. */
    private void forgetPast(Instant now) {
        numberSlots.headSet(now.minus(spacing), true).clear();
    }

    private void sweepRecipients(Instant now) {
        lastSlots.values().removeIf(last -> !last.plus(pairInterval).isAfter(now));
        nextSweep = now.plus(pairInterval);
    }

    private static String checkKey(String recipientKey) {
        Objects.requireNonNull(recipientKey, "recipientKey");
        if (recipientKey.isBlank()) {
            throw new IllegalArgumentException("recipientKey must not be blank");
        }
        return recipientKey;
    }
}
