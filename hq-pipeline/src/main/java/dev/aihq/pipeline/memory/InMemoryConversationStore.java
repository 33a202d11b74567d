package dev.aihq.pipeline.memory;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.store.ConversationMessage;
import dev.aihq.api.store.ConversationStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A {@link ConversationStore} keeping each customer's messages in a set sorted by time, then message key,
 * plus the keys of each shop for idempotent appends. Times are kept to the microsecond, as in the JDBC
 * stores. Thread-safe (one lock per store: conversations are small and short-lived); nothing survives a
 * restart.
 */
public final class InMemoryConversationStore implements ConversationStore {

    private static final Comparator<ConversationMessage> CHRONOLOGICAL =
            Comparator.comparing(ConversationMessage::at).thenComparing(ConversationMessage::messageKey);

    private final Map<MessageKey, ConversationMessage> byKey = new HashMap<>();
    private final Map<CustomerKey, TreeSet<ConversationMessage>> byCustomer = new HashMap<>();

    /** Creates an empty store. */
    public InMemoryConversationStore() {}

    @Override
    public synchronized boolean append(ConversationMessage message) {
        Objects.requireNonNull(message, "message");
        ConversationMessage stored = new ConversationMessage(message.shopId(), message.customer(),
                message.direction(), message.text(), message.at().truncatedTo(ChronoUnit.MICROS),
                message.messageKey());
        if (byKey.putIfAbsent(new MessageKey(stored.shopId(), stored.messageKey()), stored) != null) {
            return false;
        }
        byCustomer.computeIfAbsent(new CustomerKey(stored.shopId(), stored.customer()),
                k -> new TreeSet<>(CHRONOLOGICAL)).add(stored);
        return true;
    }

    @Override
    public synchronized List<ConversationMessage> recent(ShopId shopId, PhoneNumber customer, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        TreeSet<ConversationMessage> conversation = byCustomer.get(new CustomerKey(shopId, customer));
        if (conversation == null) {
            return List.of();
        }
        List<ConversationMessage> newest = new ArrayList<>(Math.min(limit, conversation.size()));
        for (Iterator<ConversationMessage> it = conversation.descendingIterator();
                it.hasNext() && newest.size() < limit; ) {
            newest.add(it.next());
        }
        Collections.reverse(newest);
        return List.copyOf(newest);
    }

    @Override
    public synchronized Optional<Instant> lastInboundAt(ShopId shopId, PhoneNumber customer) {
        TreeSet<ConversationMessage> conversation = byCustomer.get(new CustomerKey(shopId, customer));
        if (conversation == null) {
            return Optional.empty();
        }
        for (Iterator<ConversationMessage> it = conversation.descendingIterator(); it.hasNext(); ) {
            ConversationMessage message = it.next();
            if (message.direction() == ConversationMessage.Direction.INBOUND) {
                return Optional.of(message.at());
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized int purgeBefore(ShopId shopId, Instant before) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(before, "before");
        int purged = 0;
        for (Iterator<ConversationMessage> it = byKey.values().iterator(); it.hasNext(); ) {
            ConversationMessage message = it.next();
            if (message.shopId().equals(shopId) && message.at().isBefore(before)) {
                it.remove();
                CustomerKey customer = new CustomerKey(shopId, message.customer());
                TreeSet<ConversationMessage> conversation = byCustomer.get(customer);
                conversation.remove(message);
                if (conversation.isEmpty()) {
                    byCustomer.remove(customer);
                }
                purged++;
            }
        }
        return purged;
    }

    /**
     * Deletes a customer's conversation with a shop, and rewrites the shop's other messages that a cleaner
     * changes (they mention the customer).
     *
     * @return how many messages were deleted or rewritten
     */
    synchronized int erase(ShopId shopId, PhoneNumber customer, UnaryOperator<String> cleaner) {
        int changed = 0;
        TreeSet<ConversationMessage> own = byCustomer.remove(new CustomerKey(shopId, customer));
        if (own != null) {
            for (ConversationMessage message : own) {
                byKey.remove(new MessageKey(shopId, message.messageKey()));
            }
            changed += own.size();
        }
        for (Map.Entry<MessageKey, ConversationMessage> entry : byKey.entrySet()) {
            ConversationMessage message = entry.getValue();
            if (!message.shopId().equals(shopId)) {
                continue;
            }
            String cleaned = cleaner.apply(message.text());
            if (!cleaned.equals(message.text())) {
                ConversationMessage rewritten = new ConversationMessage(message.shopId(), message.customer(),
                        message.direction(), cleaned.length() > ConversationMessage.MAX_TEXT_LENGTH
                                ? cleaned.substring(0, ConversationMessage.MAX_TEXT_LENGTH) : cleaned,
                        message.at(), message.messageKey());
                entry.setValue(rewritten);
                TreeSet<ConversationMessage> conversation = byCustomer.get(new CustomerKey(shopId, message.customer()));
                conversation.remove(message);
                conversation.add(rewritten);
                changed++;
            }
        }
        return changed;
    }

    private record MessageKey(ShopId shopId, String messageKey) {}

    private record CustomerKey(ShopId shopId, PhoneNumber customer) {
        CustomerKey {
            Objects.requireNonNull(shopId, "shop id");
            Objects.requireNonNull(customer, "customer");
        }
    }
}
