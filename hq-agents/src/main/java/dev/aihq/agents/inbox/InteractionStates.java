package dev.aihq.agents.inbox;

import dev.aihq.api.event.InboxSender;
import dev.aihq.api.inbox.Classification;
import dev.aihq.api.inbox.InboxPriority;
import dev.aihq.api.inbox.Interaction;
import dev.aihq.api.inbox.InteractionMessage;
import dev.aihq.api.inbox.InteractionStatus;
import dev.aihq.api.shop.InboxSettings;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Derives an interaction's state from its timeline, so that the same messages always give the same state however
 * often and in whatever order they were fetched: the status, the SLA deadline, the escalation count, ratings and
 * times. The classification, the correction, the order link, the product and the version are kept from the
 * interaction given.
 *
 * <ul>
 *   <li><b>Status.</b> The buyer wrote last → {@link InteractionStatus#OPEN}, or {@link InteractionStatus#ESCALATED}
 *       once the escalation count reaches the shop's threshold; we wrote last → {@link InteractionStatus#ANSWERED}.
 *       A {@link InteractionStatus#CLOSED} interaction stays closed until the buyer writes after it was closed.</li>
 *   <li><b>Escalation count.</b> The buyer's messages after our last reply the shop marked resolving (all of them
 *       when there is none). An escalation holds until such a reply: an unresolving reply answers the buyer but
 *       keeps the interaction with a person.</li>
 *   <li><b>SLA deadline.</b> When the shop is awaited: the first buyer message after our last reply, plus the
 *       answer time of the classification's priority (normal before any), counted in the shop's business hours in
 *       its zone. The first deadline, set once the buyer's first message is classified, is that message's: SLA
 *       compliance is counted against it.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class InteractionStates {

    private InteractionStates() {}

    /**
     * Derives the state.
     *
     * @param base the interaction as stored (or as first built), whose identity, classification, correction, order
     *     link, product and version are kept
     * @param timeline its messages, in any order, at least one
     * @param settings the shop's inbox settings
     * @param zone the shop's zone
     * @param now the time of the derivation, the new {@code updatedAt}
     * @return the interaction with its derived state
     * @throws IllegalArgumentException when the timeline is empty
     */
    public static Interaction derive(Interaction base, List<InteractionMessage> timeline, InboxSettings settings,
            ZoneId zone, Instant now) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(zone, "zone");
        if (timeline.isEmpty()) {
            throw new IllegalArgumentException("interaction " + base.id() + " has no messages");
        }
        List<InteractionMessage> messages = timeline.stream()
                .sorted(Comparator.comparing(InteractionMessage::at).thenComparing(InteractionMessage::messageId))
                .toList();
        Instant openedAt = messages.get(0).at();
        Instant lastBuyerAt = null;
        Instant firstReplyAt = null;
        Integer firstRating = null;
        Integer rating = null;
        Instant firstUnanswered = null;
        int sinceResolving = 0;
        Instant escalatedAt = null;
        InteractionMessage last = messages.get(messages.size() - 1);
        for (InteractionMessage message : messages) {
            if (message.sender() != InboxSender.SELLER && message.rating() != null) {
                // The buyer's review, or the marketplace's notice that the buyer changed its rating.
                firstRating = firstRating == null ? message.rating() : firstRating;
                rating = message.rating();
            }
            if (message.sender() == InboxSender.BUYER) {
                lastBuyerAt = message.at();
                if (firstUnanswered == null) {
                    firstUnanswered = message.at();
                }
                sinceResolving++;
                if (sinceResolving == settings.escalationThreshold() && escalatedAt == null) {
                    escalatedAt = message.at();
                }
            } else if (message.sender() == InboxSender.SELLER) {
                firstReplyAt = firstReplyAt == null ? message.at() : firstReplyAt;
                firstUnanswered = null;
                if (message.resolving()) {
                    sinceResolving = 0;
                    escalatedAt = null;
                }
            }
        }
        boolean buyerLast = last.sender() == InboxSender.BUYER;
        InteractionStatus status;
        if (base.status() == InteractionStatus.CLOSED
                && !(buyerLast && last.at().isAfter(base.updatedAt()))) {
            status = InteractionStatus.CLOSED;
        } else if (escalatedAt != null) {
            status = InteractionStatus.ESCALATED;
        } else if (buyerLast) {
            status = InteractionStatus.OPEN;
        } else {
            status = InteractionStatus.ANSWERED;
        }
        Instant firstDeadline = base.firstDeadline();
        if (firstDeadline == null && messages.get(0).sender() == InboxSender.BUYER
                && base.effectiveClassification() != null) {
            firstDeadline = settings.businessHours().deadline(openedAt, settings.answerTime(priority(base)), zone);
        }
        Instant deadline = null;
        if (status.awaitsShop()) {
            Instant from = firstUnanswered != null ? firstUnanswered : last.at();
            deadline = settings.businessHours().deadline(from, settings.answerTime(priority(base)), zone);
        }
        return base.toBuilder()
                .status(status)
                .openedAt(openedAt)
                .lastBuyerAt(lastBuyerAt)
                .firstReplyAt(firstReplyAt)
                .firstRating(firstRating)
                .rating(rating)
                .unansweredBuyerMessages(sinceResolving)
                .escalatedAt(status == InteractionStatus.ESCALATED ? escalatedAt : null)
                .slaDeadline(deadline)
                .firstDeadline(firstDeadline)
                .updatedAt(now)
                .build();
    }

    private static InboxPriority priority(Interaction interaction) {
        @Nullable Classification effective = interaction.effectiveClassification();
        return effective == null ? InboxPriority.NORMAL : effective.priority();
    }
}
