package dev.aihq.api.store;

import dev.aihq.api.ShopId;
import dev.aihq.api.inbox.Interaction;
import dev.aihq.api.inbox.InteractionMessage;
import dev.aihq.api.inbox.InteractionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The unified inbox's interactions and their timelines, per shop. Messages are added once per (shop, interaction,
 * message id), so fetching or pushing the same review or chat message again changes nothing; the interaction's
 * state is saved with optimistic versions, so two workers updating one interaction at once cannot overwrite each
 * other silently. No shop sees another's interactions. Interactions hold what buyers wrote on the marketplace and
 * no phone number: an erasure by phone has nothing to do here. Thread-safe.
 */
public interface InteractionStore {

    /**
     * Adds a message to an interaction's timeline, once: a message id the interaction already holds is kept as
     * it was.
     *
     * @param shopId the shop
     * @param interactionId the interaction's id ({@link Interaction#idOf})
     * @param message the message
     * @return {@code true} when the message was new
     * @throws dev.aihq.api.error.StoreException when the storage fails
     */
    boolean addMessage(ShopId shopId, String interactionId, InteractionMessage message);

    /**
     * Lists an interaction's timeline, oldest first (ties by message id).
     *
     * @param shopId the shop
     * @param interactionId the interaction's id
     * @return the messages; empty when there are none
     * @throws dev.aihq.api.error.StoreException when the storage fails
     */
    List<InteractionMessage> messages(ShopId shopId, String interactionId);

    /**
     * Saves an interaction's state if nobody saved it since it was read: inserts it when its version is 0 and the
     * shop has no interaction with its id, or replaces the stored one whose version equals its version. The saved
     * interaction has the next version.
     *
     * @param interaction the interaction, with the version it was read at (0 for a new one)
     * @return the saved interaction with its new version, or empty when the stored version differs (read it again,
     *     apply the change, save again)
     * @throws dev.aihq.api.error.StoreException when the storage fails
     */
    Optional<Interaction> save(Interaction interaction);

    /**
     * Finds an interaction.
     *
     * @param shopId the shop
     * @param interactionId the id
     * @return the interaction, or empty when the shop has none with that id
     * @throws dev.aihq.api.error.StoreException when the storage fails
     */
    Optional<Interaction> find(ShopId shopId, String interactionId);

    /**
     * Lists a shop's interactions in some statuses by SLA deadline, soonest first (ties by id; those without a
     * deadline last): the inbox's work queue.
     *
     * @param shopId the shop
     * @param statuses the statuses wanted, at least one
     * @param limit the most to return, at least 1
     * @return the interactions
     * @throws IllegalArgumentException when {@code statuses} is empty or {@code limit} is below 1
     * @throws dev.aihq.api.error.StoreException when the storage fails
     */
    List<Interaction> queue(ShopId shopId, Set<InteractionStatus> statuses, int limit);

    /**
     * Lists a shop's interactions opened within a time range, oldest first (ties by id): what the metrics and the
     * quality alerts count.
     *
     * @param shopId the shop
     * @param from the start of {@link Interaction#openedAt()}, inclusive
     * @param to the end, exclusive
     * @param limit the most to return, at least 1
     * @return the interactions
     * @throws IllegalArgumentException when {@code to} is before {@code from} or {@code limit} is below 1
     * @throws dev.aihq.api.error.StoreException when the storage fails
     */
    List<Interaction> openedBetween(ShopId shopId, Instant from, Instant to, int limit);
}
