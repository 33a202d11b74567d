package dev.aihq.channel.whatsapp.pacing;

import dev.aihq.api.error.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;

/**
 * The limits a {@link SendPacer} keeps for one sending number: the least time between two messages to the
 * same customer, and the most messages per second from the number to all customers together.
 *
 * <pre>{@code
 * PacingConfig pacing = PacingConfig.defaults();                 // 6 s per customer, 80 messages/s
 * PacingConfig shared = PacingConfig.coexistence();              // a number shared with the Business app: 20/s
 * PacingConfig custom = PacingConfig.defaults().withMessagesPerSecond(1_000);
 * }</pre>
 *
 * <p>Meta counts inbound messages against the same throughput; a number that also receives much can be
 * given a lower rate than its limit to leave room.
 *
 * @param pairInterval the least time between two messages to one customer (Meta's pair rate, error 131056);
 *     positive, at most {@link #MAX_PAIR_INTERVAL}
 * @param messagesPerSecond the most messages per second from the number (error 130429); from 1 to
 *     {@link #MAX_MESSAGES_PER_SECOND}
 */
public record PacingConfig(Duration pairInterval, int messagesPerSecond) {

    /** The default pair interval: about one message every 6 seconds to one customer. */
    public static final Duration DEFAULT_PAIR_INTERVAL = Duration.ofSeconds(6);

    /** The default throughput of a Cloud API number: 80 messages per second. */
    public static final int DEFAULT_MESSAGES_PER_SECOND = 80;

    /** The throughput of a number shared with the WhatsApp Business app (coexistence): 20 messages per second. */
    public static final int COEXISTENCE_MESSAGES_PER_SECOND = 20;

    /** The highest throughput Meta gives a number (after its automatic upgrade): 1,000 messages per second. */
    public static final int MAX_MESSAGES_PER_SECOND = 1_000;

    /** The longest pair interval accepted, to catch a unit mistake (hours for seconds): one hour. */
    public static final Duration MAX_PAIR_INTERVAL = Duration.ofHours(1);

    /**
     * Validates the limits.
     *
     * @throws ConfigurationException naming every invalid field
     */
    public PacingConfig {
        List<String> problems = new ArrayList<>();
        checkPairInterval(pairInterval, problems);
        if (messagesPerSecond < 1 || messagesPerSecond > MAX_MESSAGES_PER_SECOND) {
            problems.add("messagesPerSecond must be from 1 to " + MAX_MESSAGES_PER_SECOND + ", got " + messagesPerSecond);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("PacingConfig is not configured correctly: " + String.join("; ", problems));
        }
    }

    private static void checkPairInterval(@Nullable Duration pairInterval, List<String> problems) {
        if (pairInterval == null) {
            problems.add("pairInterval is required");
        } else if (pairInterval.isNegative() || pairInterval.isZero()) {
            problems.add("pairInterval must be positive, got " + pairInterval);
        } else if (pairInterval.compareTo(MAX_PAIR_INTERVAL) > 0) {
            problems.add("pairInterval must be at most " + MAX_PAIR_INTERVAL + ", got " + pairInterval);
        }
    }

    /**
     * Returns the limits of a Cloud API number as Meta sets them by default: 6 seconds per customer,
     * 80 messages per second.
     *
     * @return the default limits
     */
    public static PacingConfig defaults() {
        return new PacingConfig(DEFAULT_PAIR_INTERVAL, DEFAULT_MESSAGES_PER_SECOND);
    }

    /**
     * Returns the limits of a number shared with the WhatsApp Business app: 6 seconds per customer,
     * 20 messages per second.
     *
     * @return the coexistence limits
     */
    public static PacingConfig coexistence() {
        return new PacingConfig(DEFAULT_PAIR_INTERVAL, COEXISTENCE_MESSAGES_PER_SECOND);
    }

    /**
     * Returns these limits with another pair interval.
     *
     * @param interval the least time between two messages to one customer
     * @return the new limits
     * @throws ConfigurationException if the interval is not positive or longer than {@link #MAX_PAIR_INTERVAL}
     */
    public PacingConfig withPairInterval(Duration interval) {
        return new PacingConfig(interval, messagesPerSecond);
    }

    /**
     * Returns these limits with another throughput.
     *
     * @param perSecond the most messages per second from the number
     * @return the new limits
     * @throws ConfigurationException if the rate is below 1 or above {@link #MAX_MESSAGES_PER_SECOND}
     */
    public PacingConfig withMessagesPerSecond(int perSecond) {
        return new PacingConfig(pairInterval, perSecond);
    }

    /**
     * Returns the least time between two messages from the number: one second divided by the rate,
     * rounded up to the nanosecond so that no one-second window holds more than {@link #messagesPerSecond()}.
     *
     * @return the spacing of the number's slots, 12.5 ms at 80 messages per second
     */
    public Duration numberSpacing() {
        long second = Duration.ofSeconds(1).toNanos();
        return Duration.ofNanos((second + messagesPerSecond - 1) / messagesPerSecond);
    }
}
