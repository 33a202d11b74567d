package dev.aihq.pipeline.memory;

import dev.aihq.api.ShopId;
import dev.aihq.api.inbox.Interaction;
import dev.aihq.api.inbox.InteractionMessage;
import dev.aihq.api.inbox.InteractionStatus;
import dev.aihq.api.store.InteractionStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An {@link InteractionStore} with one map of interactions per shop, keyed by id, and one map of messages per
 * shop and interaction, keyed by message id. A timeline does not need its interaction: messages may come before
 * the interaction's state is first saved. The queue and the opened list read the shop's interactions one by one
 * and sort them on each call, which is fine for tests and demos. Interactions hold no phone number, so an erasure
 * has nothing to do here. Thread-safe (every method is synchronized, so a save compares and replaces the version
 * at once); nothing survives a restart.
 */
public final class InMemoryInteractionStore implements InteractionStore {

    private static final Comparator<Interaction> BY_DEADLINE = Comparator
            .comparing(Interaction::slaDeadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Interaction::id);

    private static final Comparator<Interaction> OLDEST_FIRST = Comparator
            .comparing(Interaction::openedAt)
            .thenComparing(Interaction::id);

    private static final Comparator<InteractionMessage> TIMELINE = Comparator
            .comparing(InteractionMessage::at)
            .thenComparing(InteractionMessage::messageId);

    private final Map<ShopId, Map<String, Interaction>> interactions = new HashMap<>();
    private final Map<ShopInteraction, Map<String, InteractionMessage>> messages = new HashMap<>();

    /** Creates an empty store. */
    public InMemoryInteractionStore() {}

    @Override
    public synchronized boolean addMessage(ShopId shopId, String interactionId, InteractionMessage message) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(interactionId, "interaction id");
        Objects.requireNonNull(message, "message");
        return messages.computeIfAbsent(new ShopInteraction(shopId, interactionId), k -> new HashMap<>())
                .putIfAbsent(message.messageId(), message) == null;
    }

    @Override
    public synchronized List<InteractionMessage> messages(ShopId shopId, String interactionId) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(interactionId, "interaction id");
        return messages.getOrDefault(new ShopInteraction(shopId, interactionId), Map.of()).values().stream()
                .sorted(TIMELINE)
                .toList();
    }

    @Override
    public synchronized Optional<Interaction> save(Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction");
        Map<String, Interaction> shop = interactions.computeIfAbsent(interaction.shopId(), k -> new HashMap<>());
        Interaction stored = shop.get(interaction.id());
        long storedVersion = stored == null ? 0 : stored.version();
        if (storedVersion != interaction.version()) {
            return Optional.empty();
        }
        Interaction saved = interaction.toBuilder().version(interaction.version() + 1).build();
        shop.put(saved.id(), saved);
        return Optional.of(saved);
    }

    @Override
    public synchronized Optional<Interaction> find(ShopId shopId, String interactionId) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(interactionId, "interaction id");
        return Optional.ofNullable(interactions.getOrDefault(shopId, Map.of()).get(interactionId));
    }

    @Override
    public synchronized List<Interaction> queue(ShopId shopId, Set<InteractionStatus> statuses, int limit) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(statuses, "statuses");
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("the queue needs at least one status");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        Set<InteractionStatus> wanted = Set.copyOf(statuses);
        return interactions.getOrDefault(shopId, Map.of()).values().stream()
                .filter(i -> wanted.contains(i.status()))
                .sorted(BY_DEADLINE)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<Interaction> openedBetween(ShopId shopId, Instant from, Instant to, int limit) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return interactions.getOrDefault(shopId, Map.of()).values().stream()
                .filter(i -> !i.openedAt().isBefore(from) && i.openedAt().isBefore(to))
                .sorted(OLDEST_FIRST)
                .limit(limit)
                .toList();
    }

    /** A timeline's key. */
    private record ShopInteraction(ShopId shopId, String interactionId) {}
}
