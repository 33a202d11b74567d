package dev.aihq.pipeline.memory;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.channel.DeliveryState;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.shop.FrequencyCap;
import dev.aihq.api.store.Claims;
import dev.aihq.api.store.Outbox;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.api.store.ScheduleResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import javax.annotation.Nullable;

/**
 * An {@link Outbox} in memory, for one JVM. It has no clock of its own: every time comes from the caller.
 *
 * <p>Each message lives in a cell with its own lock; every change of a message (claim, sent, failed)
 * happens under that lock only, together with the update of two sorted indexes: pending messages by due
 * time and claimed messages by lease expiry. A claim walks both indexes from their heads, merging them by
 * due time, and takes each message under its lock after checking that it is still claimable, so racing
 * dispatchers never take the same message and never wait on a global lock. Messages in flight (claimed,
 * lease not expired) are never walked over. Of the messages whose lease expired, those that expired first are
 * taken first; the claimed batch is returned oldest due first. Frequency-cap counts read only the
 * customer's own messages; {@link #scheduleWithinCap} counts and adds under a lock of its own per shop and
 * customer (the customer's list of messages), so capped schedules to one customer run one at a time while
 * others proceed. Listing and cancelling by order walk the shop's own messages. A cancel takes the
 * message's lock, so it and a claim never both succeed.
 *
 * <p>Messages are kept until the outbox is dropped. Thread-safe.
 */
public final class InMemoryOutbox implements Outbox {

    private static final Comparator<Slot> BY_TIME = Comparator.comparing(Slot::at).thenComparingLong(Slot::sequence);

    private final ConcurrentHashMap<Key, Cell> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, Cell> byStableKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, Cell> byProviderId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Contact, Queue<Cell>> byContact = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ShopId, Queue<Cell>> byShop = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<Slot> pendingByDue = new ConcurrentSkipListSet<>(BY_TIME);
    private final ConcurrentSkipListSet<Slot> claimedByLease = new ConcurrentSkipListSet<>(BY_TIME);
    private final AtomicLong sequence = new AtomicLong();

    /** Creates an empty outbox. */
    public InMemoryOutbox() {}

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the message is not pending, or its id is taken in the shop by a
     *     message with another stable key
     */
    @Override
    public boolean schedule(OutboxMessage message) {
        Objects.requireNonNull(message, "message");
        message.requireSchedulable();
        Cell cell = new Cell(sequence.incrementAndGet(), message);
        Key stableKey = new Key(message.shopId(), message.stableKey());
        synchronized (cell) {
            if (byStableKey.putIfAbsent(stableKey, cell) != null) {
                return false;
            }
            if (byId.putIfAbsent(new Key(message.shopId(), message.id()), cell) != null) {
                byStableKey.remove(stableKey, cell);
                throw new IllegalArgumentException("outbox message id " + message.id() + " is already used in shop "
                        + message.shopId() + " by a message with another stable key");
            }
            contactCells(message.shopId(), message.to()).add(cell);
            byShop.computeIfAbsent(message.shopId(), s -> new ConcurrentLinkedQueue<>()).add(cell);
            index(cell, message);
        }
        return true;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the message is not schedulable, or its id is taken in the shop
     *     by a message with another stable key
     */
    @Override
    public ScheduleResult scheduleWithinCap(OutboxMessage message, FrequencyCap cap, Instant now) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(now, "now");
        message.requireSchedulable();
        if (message.category() != MessageCategory.MARKETING) {
            // The cap limits marketing only.
            return schedule(message) ? ScheduleResult.SCHEDULED : ScheduleResult.DUPLICATE;
        }
        Queue<Cell> contact = contactCells(message.shopId(), message.to());
        synchronized (contact) {
            if (byStableKey.containsKey(new Key(message.shopId(), message.stableKey()))) {
                return ScheduleResult.DUPLICATE;
            }
            if (countRecent(message.shopId(), message.to(), now.minus(cap.period())) >= cap.maxMessages()) {
                return ScheduleResult.CAPPED;
            }
            return schedule(message) ? ScheduleResult.SCHEDULED : ScheduleResult.DUPLICATE;
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    @Override
    public List<OutboxMessage> list(ShopId shopId, Set<OutboxStatus> statuses, int limit) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(statuses, "statuses");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        Queue<Cell> cells = byShop.get(shopId);
        if (cells == null || statuses.isEmpty()) {
            return List.of();
        }
        return cells.stream().map(cell -> cell.message).filter(m -> statuses.contains(m.status()))
                .sorted(Comparator.comparing(OutboxMessage::dueAt).thenComparing(OutboxMessage::id))
                .limit(limit).toList();
    }

    @Override
    public boolean cancel(ShopId shopId, String id) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(id, "id");
        Cell cell = byId.get(new Key(shopId, id));
        return cell != null && cancelIfPending(cell);
    }

    @Override
    public int cancelByOrder(ShopId shopId, String orderKey) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(orderKey, "order key");
        Queue<Cell> cells = byShop.get(shopId);
        if (cells == null) {
            return 0;
        }
        int cancelled = 0;
        for (Cell cell : cells) {
            if (orderKey.equals(cell.message.orderKey()) && cancelIfPending(cell)) {
                cancelled++;
            }
        }
        return cancelled;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code max} is below 1 or the lease is not positive
     */
    @Override
    public List<OutboxMessage> claimDue(Instant now, int max, String worker, Duration lease) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(lease, "lease");
        Claims.requireValid(max, lease);
        Iterator<Slot> pending = pendingByDue.iterator();
        Iterator<Slot> expired = claimedByLease.iterator();
        Slot nextPending = nextUpTo(pending, now);
        Slot nextExpired = nextUpTo(expired, now);
        List<OutboxMessage> claimed = new ArrayList<>(Math.min(max, 64));
        while (claimed.size() < max && (nextPending != null || nextExpired != null)) {
            Cell cell;
            if (nextExpired == null
                    || (nextPending != null && !nextPending.at().isAfter(nextExpired.cell().message.dueAt()))) {
                cell = nextPending.cell();
                nextPending = nextUpTo(pending, now);
            } else {
                cell = nextExpired.cell();
                nextExpired = nextUpTo(expired, now);
            }
            OutboxMessage message = tryClaim(cell, now, worker, lease);
            if (message != null) {
                claimed.add(message);
            }
        }
        claimed.sort(Comparator.comparing(OutboxMessage::dueAt));
        return List.copyOf(claimed);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The message becomes SENT whatever its status was (the provider did accept it); its lease ends and
     * its dispatcher stays recorded.
     *
     * @throws IllegalArgumentException when the shop has no such message
     */
    @Override
    public void markSent(ShopId shopId, String id, String providerMessageId, Instant at) {
        Objects.requireNonNull(providerMessageId, "provider message id");
        Objects.requireNonNull(at, "at");
        Cell cell = require(shopId, id);
        synchronized (cell) {
            OutboxMessage m = cell.message;
            change(cell, copy(m, m.dueAt(), OutboxStatus.SENT, m.attempts(), m.claimedBy(), null, providerMessageId,
                    m.lastError(), at));
            byProviderId.put(new Key(shopId, providerMessageId), cell);
        }
    }

    @Override
    public int cancelForCustomer(ShopId shopId, PhoneNumber to, Set<MessageCategory> categories, String reason) {
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(reason, "reason");
        Queue<Cell> cells = byContact.get(new Contact(shopId, to));
        if (cells == null || categories.isEmpty()) {
            return 0;
        }
        int cancelled = 0;
        for (Cell cell : cells) {
            if (categories.contains(cell.message.category()) && cancelIfPending(cell, reason)) {
                cancelled++;
            }
        }
        return cancelled;
    }

    @Override
    public int expireAwaitingConsent(ShopId shopId, Instant dueBefore, String reason) {
        Objects.requireNonNull(dueBefore, "due before");
        Objects.requireNonNull(reason, "reason");
        Queue<Cell> cells = byShop.get(shopId);
        if (cells == null) {
            return 0;
        }
        int expired = 0;
        for (Cell cell : cells) {
            OutboxMessage m = cell.message;
            if (m.status() == OutboxStatus.AWAITING_CONSENT && m.dueAt().isBefore(dueBefore)
                    && cancelIfPending(cell, reason)) {
                expired++;
            }
        }
        return expired;
    }

    @Override
    public int releaseAwaitingConsent(ShopId shopId, PhoneNumber to, String consent) {
        Objects.requireNonNull(consent, "consent");
        Queue<Cell> cells = byContact.get(new Contact(shopId, to));
        if (cells == null) {
            return 0;
        }
        int released = 0;
        for (Cell cell : cells) {
            synchronized (cell) {
                OutboxMessage m = cell.message;
                if (m.status() != OutboxStatus.AWAITING_CONSENT) {
                    continue;
                }
                change(cell, copy(m, m.dueAt(), OutboxStatus.PENDING, m.attempts(), null, null, null, m.lastError(), null)
                        .withPurpose(m.category(), consent, m.quickReplies()));
                released++;
            }
        }
        return released;
    }

    @Override
    public Optional<OutboxMessage> recordDelivery(ShopId shopId, String providerMessageId, DeliveryState state,
            Instant at, @Nullable String error) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        Cell cell = byProviderId.get(new Key(shopId, providerMessageId));
        if (cell == null) {
            return Optional.empty();
        }
        synchronized (cell) {
            OutboxMessage m = cell.message;
            if (!providerMessageId.equals(m.providerMessageId()) || !state.supersedes(m.deliveryState())) {
                return Optional.of(m);
            }
            boolean failed = state == DeliveryState.FAILED;
            OutboxMessage next = new OutboxMessage(m.id(), m.shopId(), m.runId(), m.channel(), m.to(), m.text(),
                    m.stableKey(), m.dueAt(), failed ? OutboxStatus.FAILED : m.status(), m.attempts(), m.claimedBy(),
                    m.leaseUntil(), m.providerMessageId(), failed && error != null ? error : m.lastError(),
                    m.orderKey(), m.sentAt(), m.category(), m.consent(), m.quickReplies(), m.templateRequired(), state,
                    at);
            change(cell, next);
            return Optional.of(next);
        }
    }

    @Override
    public boolean requeue(ShopId shopId, String id, Instant dueAt, boolean templateRequired, String reason) {
        Objects.requireNonNull(dueAt, "due at");
        Objects.requireNonNull(reason, "reason");
        Cell cell = byId.get(new Key(shopId, id));
        if (cell == null) {
            return false;
        }
        synchronized (cell) {
            OutboxMessage m = cell.message;
            if (m.status() != OutboxStatus.SENT && m.status() != OutboxStatus.FAILED) {
                return false;
            }
            String providerId = m.providerMessageId();
            if (providerId != null) {
                byProviderId.remove(new Key(shopId, providerId), cell);
            }
            change(cell, new OutboxMessage(m.id(), m.shopId(), m.runId(), m.channel(), m.to(), m.text(),
                    m.stableKey(), dueAt, OutboxStatus.PENDING, m.attempts(), null, null, null, reason, m.orderKey(),
                    null, m.category(), m.consent(), m.quickReplies(), templateRequired, null, null));
            return true;
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the shop has no such message
     */
    @Override
    public void markFailed(ShopId shopId, String id, String error, @Nullable Instant retryAt) {
        Objects.requireNonNull(error, "error");
        Cell cell = require(shopId, id);
        synchronized (cell) {
            OutboxMessage m = cell.message;
            OutboxMessage failed = retryAt != null
                    ? copy(m, retryAt, OutboxStatus.PENDING, m.attempts(), null, null, m.providerMessageId(), error,
                            m.sentAt())
                    : copy(m, m.dueAt(), OutboxStatus.FAILED, m.attempts(), m.claimedBy(), null,
                            m.providerMessageId(), error, m.sentAt());
            change(cell, failed);
        }
    }

    @Override
    public long countRecent(ShopId shopId, PhoneNumber to, Instant since) {
        Objects.requireNonNull(since, "since");
        Queue<Cell> cells = byContact.get(new Contact(shopId, to));
        if (cells == null) {
            return 0;
        }
        long count = 0;
        for (Cell cell : cells) {
            OutboxMessage m = cell.message;
            boolean counted = m.category() == MessageCategory.MARKETING && (m.status() == OutboxStatus.PENDING
                    || m.status() == OutboxStatus.CLAIMED || m.status() == OutboxStatus.SENT
                    || m.status() == OutboxStatus.AWAITING_CONSENT);
            if (counted && !m.dueAt().isBefore(since)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public Optional<OutboxMessage> find(ShopId shopId, String id) {
        Cell cell = byId.get(new Key(shopId, id));
        return cell == null ? Optional.empty() : Optional.of(cell.message);
    }

    /** Returns every message of a shop, in no particular order; for erasure and retention. */
    List<OutboxMessage> all(ShopId shopId) {
        Queue<Cell> cells = byShop.get(shopId);
        return cells == null ? List.of() : cells.stream().map(cell -> cell.message).toList();
    }

    /**
     * Deletes a message, whatever its status, unless it changed since the caller read it.
     *
     * @param seen the message as the caller read it
     * @return {@code true} when deleted
     */
    boolean delete(OutboxMessage seen) {
        Cell cell = byId.get(new Key(seen.shopId(), seen.id()));
        if (cell == null) {
            return false;
        }
        synchronized (cell) {
            if (cell.message != seen) {
                return false;
            }
            unindex(cell, seen);
            byId.remove(new Key(seen.shopId(), seen.id()), cell);
            byStableKey.remove(new Key(seen.shopId(), seen.stableKey()), cell);
            if (seen.providerMessageId() != null) {
                byProviderId.remove(new Key(seen.shopId(), seen.providerMessageId()), cell);
            }
            Contact contact = new Contact(seen.shopId(), seen.to());
            Queue<Cell> contactCells = byContact.get(contact);
            if (contactCells != null) {
                contactCells.remove(cell);
            }
            Queue<Cell> shopCells = byShop.get(seen.shopId());
            if (shopCells != null) {
                shopCells.remove(cell);
            }
            return true;
        }
    }

    /** Forgets the index of a customer's messages when none is left, so that no number stays behind. */
    void forgetContact(ShopId shopId, PhoneNumber to) {
        byContact.computeIfPresent(new Contact(shopId, to), (contact, cells) -> cells.isEmpty() ? null : cells);
    }

    /**
     * Replaces a message's text and last error, unless it changed since the caller read it.
     *
     * @return {@code true} when rewritten
     */
    boolean rewrite(OutboxMessage seen, String text, @Nullable String lastError) {
        Cell cell = byId.get(new Key(seen.shopId(), seen.id()));
        if (cell == null) {
            return false;
        }
        synchronized (cell) {
            OutboxMessage m = cell.message;
            if (m != seen) {
                return false;
            }
            change(cell, new OutboxMessage(m.id(), m.shopId(), m.runId(), m.channel(), m.to(), text, m.stableKey(),
                    m.dueAt(), m.status(), m.attempts(), m.claimedBy(), m.leaseUntil(), m.providerMessageId(),
                    lastError, m.orderKey(), m.sentAt(), m.category(), m.consent(), m.quickReplies(),
                    m.templateRequired(), m.deliveryState(), m.deliveryAt()));
            return true;
        }
    }

    private @Nullable OutboxMessage tryClaim(Cell cell, Instant now, String worker, Duration lease) {
        synchronized (cell) {
            OutboxMessage m = cell.message;
            boolean due = m.status() == OutboxStatus.PENDING && !m.dueAt().isAfter(now);
            Instant leaseUntil = m.leaseUntil();
            boolean leaseExpired = m.status() == OutboxStatus.CLAIMED && leaseUntil != null
                    && !leaseUntil.isAfter(now);
            if (!due && !leaseExpired) {
                return null;
            }
            OutboxMessage claimed = copy(m, m.dueAt(), OutboxStatus.CLAIMED, m.attempts() + 1, worker,
                    now.plus(lease), m.providerMessageId(), m.lastError(), m.sentAt());
            change(cell, claimed);
            return claimed;
        }
    }

    private boolean cancelIfPending(Cell cell) {
        return cancelIfPending(cell, null);
    }

    private boolean cancelIfPending(Cell cell, @Nullable String reason) {
        synchronized (cell) {
            OutboxMessage m = cell.message;
            if (m.status() != OutboxStatus.PENDING && m.status() != OutboxStatus.AWAITING_CONSENT) {
                return false;
            }
            change(cell, copy(m, m.dueAt(), OutboxStatus.CANCELLED, m.attempts(), null, null, m.providerMessageId(),
                    reason == null ? m.lastError() : reason, m.sentAt()));
            return true;
        }
    }

    /** The customer's messages in a shop; the queue is also the lock of capped schedules to the customer. */
    private Queue<Cell> contactCells(ShopId shopId, PhoneNumber to) {
        return byContact.computeIfAbsent(new Contact(shopId, to), c -> new ConcurrentLinkedQueue<>());
    }

    private static @Nullable Slot nextUpTo(Iterator<Slot> slots, Instant now) {
        if (!slots.hasNext()) {
            return null;
        }
        Slot slot = slots.next();
        return slot.at().isAfter(now) ? null : slot;
    }

    /** Replaces a cell's message and moves it between the indexes; the caller holds the cell's lock. */
    private void change(Cell cell, OutboxMessage next) {
        unindex(cell, cell.message);
        cell.message = next;
        index(cell, next);
    }

    private void index(Cell cell, OutboxMessage m) {
        if (m.status() == OutboxStatus.PENDING) {
            pendingByDue.add(new Slot(m.dueAt(), cell.sequence, cell));
        } else if (m.status() == OutboxStatus.CLAIMED && m.leaseUntil() != null) {
            claimedByLease.add(new Slot(m.leaseUntil(), cell.sequence, cell));
        }
    }

    private void unindex(Cell cell, OutboxMessage m) {
        if (m.status() == OutboxStatus.PENDING) {
            pendingByDue.remove(new Slot(m.dueAt(), cell.sequence, cell));
        } else if (m.status() == OutboxStatus.CLAIMED && m.leaseUntil() != null) {
            claimedByLease.remove(new Slot(m.leaseUntil(), cell.sequence, cell));
        }
    }

    private Cell require(ShopId shopId, String id) {
        Cell cell = byId.get(new Key(shopId, id));
        if (cell == null) {
            throw new IllegalArgumentException("shop " + shopId + " has no outbox message " + id);
        }
        return cell;
    }

    private static OutboxMessage copy(OutboxMessage m, Instant dueAt, OutboxStatus status, int attempts,
            @Nullable String claimedBy, @Nullable Instant leaseUntil, @Nullable String providerMessageId,
            @Nullable String lastError, @Nullable Instant sentAt) {
        return new OutboxMessage(m.id(), m.shopId(), m.runId(), m.channel(), m.to(), m.text(), m.stableKey(), dueAt,
                status, attempts, claimedBy, leaseUntil, providerMessageId, lastError, m.orderKey(), sentAt,
                m.category(), m.consent(), m.quickReplies(), m.templateRequired(), m.deliveryState(), m.deliveryAt());
    }

    /** One message and its lock; {@code message} is written only under the lock and read without it. */
    private static final class Cell {
        final long sequence;
        volatile OutboxMessage message;

        Cell(long sequence, OutboxMessage message) {
            this.sequence = sequence;
            this.message = message;
        }
    }

    /** An index entry: a time (due, or lease expiry) and the schedule order breaking ties. */
    private record Slot(Instant at, long sequence, Cell cell) {}

    private record Key(ShopId shopId, String value) {
        Key {
            Objects.requireNonNull(shopId, "shop id");
            Objects.requireNonNull(value, "key");
        }
    }

    private record Contact(ShopId shopId, PhoneNumber to) {
        Contact {
            Objects.requireNonNull(shopId, "shop id");
            Objects.requireNonNull(to, "to");
        }
    }
}
