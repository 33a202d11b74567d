package dev.aihq.agents.inbox;

import dev.aihq.agents.inbox.draft.ReplyChannel;
import dev.aihq.api.connector.MessagingRules;
import dev.aihq.api.event.InboxEvent;
import dev.aihq.api.inbox.Classification;
import dev.aihq.api.inbox.Interaction;
import dev.aihq.api.inbox.InteractionMessage;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.IndexedOrder;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What the inbox pipeline knows when it drafts a reply to a buyer's message.
 *
 * @param event the buyer's message
 * @param shop the shop
 * @param interaction the interaction, with the message's classification and its derived state
 * @param timeline the interaction's messages, oldest first
 * @param order the linked order as the order index has it, or {@code null}
 * @param needsOrder whether the reply must ask for the order number (a chat about an order with no link yet)
 * @param personReasons why a person must approve the reply before it goes out (escalated, critical, a negative
 *     review, the shop approves every reply); empty when it may be published at once
 * @param review the reviewer's decision while a person's approval is being delivered ({@code approved by …},
 *     {@code edited by …}), else {@code null}
 * @param channel the reply's length limits
 * @param rules the marketplace's messaging rules
 * @param template the template reply, the fallback of the model
 */
public record InboxContext(
        InboxEvent event,
        Shop shop,
        Interaction interaction,
        List<InteractionMessage> timeline,
        @Nullable IndexedOrder order,
        boolean needsOrder,
        List<String> personReasons,
        @Nullable String review,
        ReplyChannel channel,
        MessagingRules rules,
        String template) {

    /** Requires the parts; copies the lists. */
    public InboxContext {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(interaction, "interaction");
        timeline = List.copyOf(timeline);
        personReasons = List.copyOf(personReasons);
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(template, "template");
    }

    /**
     * Returns the classification the reply is for.
     *
     * @return the interaction's effective classification
     */
    public Classification classification() {
        return Objects.requireNonNull(interaction.effectiveClassification(), "classification");
    }
}
