package dev.aihq.agents.inbox.proactive;

import dev.aihq.agents.inbox.InteractionStates;
import dev.aihq.agents.inbox.draft.ReplyChannel;
import dev.aihq.agents.inbox.draft.ReplyCheck;
import dev.aihq.agents.text.PhraseBook;
import dev.aihq.api.Marketplace;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.connector.MarketplaceConnector;
import dev.aihq.api.connector.PublishedReply;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.inbox.Interaction;
import dev.aihq.api.inbox.InteractionMessage;
import dev.aihq.api.inbox.InteractionStatus;
import dev.aihq.api.inbox.OrderLink;
import dev.aihq.api.inbox.OrderLinkSource;
import dev.aihq.api.inbox.ReplyOrigin;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.IndexedOrder;
import dev.aihq.api.store.InteractionStore;
import dev.aihq.api.store.OrderIndexStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Sends a service message to the buyer of one order where the marketplace lets a seller write first (Ozon FBS and
 * rFBS postings: {@link ProactiveScenario#SERVICE_MESSAGE}): the scenario is assessed for the order's scheme (from
 * the order index), the text must pass the reply guard and carry no advertising ({@code service-message-ads.txt}),
 * and the chat that starts joins the inbox as an interaction linked to the order, the message recorded as the shop's.
 * Everything refused is refused before any request. Thread-safe when its parts are.
 */
public final class ServiceMessages {

    private static final String ADS = "/dev/aihq/agents/inbox/service-message-ads.txt";

    private final InteractionStore interactions;
    private final @Nullable OrderIndexStore orders;
    private final Clock clock;
    private final ReplyCheck check = ReplyCheck.standard();
    private final PhraseBook ads = PhraseBook.load(ADS);

    /**
     * Creates the sender.
     *
     * @param interactions where the started chat is kept
     * @param orders the order index, for the order's scheme; or {@code null}
     * @param clock the clock
     */
    public ServiceMessages(InteractionStore interactions, @Nullable OrderIndexStore orders, Clock clock) {
        this.interactions = Objects.requireNonNull(interactions, "interactions");
        this.orders = orders;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Lists why a service message would be refused, without sending it: the scenario's refusal, the guard's problems,
     * advertising words.
     *
     * @param connector the shop's marketplace connector
     * @param shop the shop
     * @param orderRef the order or posting
     * @param text the message
     * @return the problems; empty when it may be sent
     */
    public List<String> problems(MarketplaceConnector connector, Shop shop, String orderRef, String text) {
        List<String> problems = new ArrayList<>();
        ScenarioAnswer answer = ProactiveScenarios.assess(connector, shop.id(), ProactiveScenario.SERVICE_MESSAGE,
                scheme(shop, connector.marketplace(), orderRef));
        if (!answer.offered()) {
            problems.add(answer.reason());
        }
        problems.addAll(check.problems(text, new ReplyCheck.Request(shop, ReplyChannel.of(connector.marketplace(),
                InboxItemKind.CHAT_MESSAGE), connector.messagingRules(shop.id()), null, null, List.of())));
        for (PhraseBook.Hit hit : ads.findAll(PhraseBook.normalize(text))) {
            problems.add("a service message carries no advertising («" + hit.found() + "»)");
        }
        return List.copyOf(problems);
    }

    /**
     * Sends a service message: starts the chat about the order and records it in the inbox.
     *
     * @param connector the shop's marketplace connector
     * @param shop the shop
     * @param orderRef the order or posting
     * @param text the message
     * @return the interaction of the chat started
     * @throws CapabilityNotSupportedException naming every problem when the message may not be sent
     * @throws dev.aihq.api.error.MarketplaceException when the marketplace refuses or fails
     */
    public Interaction send(MarketplaceConnector connector, Shop shop, String orderRef, String text) {
        List<String> problems = problems(connector, shop, orderRef, text);
        if (!problems.isEmpty()) {
            throw new CapabilityNotSupportedException(shop.id(), Capability.PROACTIVE_MESSAGE,
                    String.join("; ", problems));
        }
        Marketplace marketplace = connector.marketplace();
        PublishedReply started = connector.startChat(shop.id(), orderRef, scheme(shop, marketplace, orderRef),
                text.strip());
        Instant now = clock.instant();
        String chatId = started.messageId();
        Interaction interaction = Interaction.builder().shopId(shop.id()).marketplace(marketplace)
                .kind(InboxItemKind.CHAT_MESSAGE).threadId(chatId).status(InteractionStatus.ANSWERED)
                .openedAt(started.publishedAt()).updatedAt(now)
                .orderLink(new OrderLink(orderRef, order(shop, marketplace, orderRef).map(IndexedOrder::orderId)
                        .orElse(null), OrderLinkSource.SHOP, now))
                .build();
        List<InteractionMessage> timeline = List.of(InteractionMessage.reply(chatId + ":start", text.strip(),
                started.publishedAt(), ReplyOrigin.BY_HAND, true));
        interactions.addMessage(shop.id(), interaction.id(), timeline.get(0));
        Interaction derived = InteractionStates.derive(interaction, timeline, shop.settings().inbox(), shop.zone(),
                now);
        return interactions.save(derived).orElseGet(() -> interactions.find(shop.id(), interaction.id())
                .orElseThrow());
    }

    private @Nullable String scheme(Shop shop, Marketplace marketplace, String orderRef) {
        return order(shop, marketplace, orderRef).map(IndexedOrder::scheme).orElse(null);
    }

    private Optional<IndexedOrder> order(Shop shop, Marketplace marketplace, String orderRef) {
        if (orders == null) {
            return Optional.empty();
        }
        List<IndexedOrder> found = orders.lookup(shop.id(), marketplace, orderRef, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
}
