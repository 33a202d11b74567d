package dev.aihq.testkit;

import dev.aihq.api.channel.ChannelLimits;
import dev.aihq.api.channel.MarkupStyle;
import dev.aihq.api.channel.MessageChannel;
import dev.aihq.api.channel.OutboundMessage;
import dev.aihq.api.channel.SendReceipt;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link MessageChannel} that records what it is asked to send and answers with scripted failures or
 * receipts ({@code rec-1}, {@code rec-2}, …). Thread-safe.
 */
public final class RecordingChannel implements MessageChannel {

    private final String name;
    private final ChannelLimits limits;
    private final Clock clock;
    private final List<OutboundMessage> sent = new ArrayList<>();
    private final Deque<RuntimeException> failures = new ArrayDeque<>();
    private final AtomicInteger ids = new AtomicInteger();

    /**
     * Creates a channel named {@code recording} with WhatsApp-like limits (4096 characters).
     *
     * @param clock the clock for receipts
     */
    public RecordingChannel(Clock clock) {
        this("recording", new ChannelLimits(4096, MarkupStyle.WHATSAPP, false), clock);
    }

    /**
     * Creates a channel.
     *
     * @param name its name
     * @param limits its limits
     * @param clock the clock for receipts
     */
    public RecordingChannel(String name, ChannelLimits limits, Clock clock) {
        this.name = name;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Makes the next {@link #send} throw; queued failures are used in order.
     *
     * @param failure the exception to throw
     * @return this channel
     */
    public synchronized RecordingChannel failNext(RuntimeException failure) {
        failures.add(failure);
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ChannelLimits limits() {
        return limits;
    }

    @Override
    public synchronized SendReceipt send(OutboundMessage message) {
        RuntimeException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        sent.add(message);
        return new SendReceipt("rec-" + ids.incrementAndGet(), clock.instant());
    }

    /**
     * Returns the messages sent so far.
     *
     * @return a copy, in sending order
     */
    public synchronized List<OutboundMessage> sent() {
        return List.copyOf(sent);
    }
}
