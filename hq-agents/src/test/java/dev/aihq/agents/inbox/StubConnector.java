package dev.aihq.agents.inbox;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.connector.CapabilitySet;
import dev.aihq.api.connector.MarketplaceConnector;
import dev.aihq.api.connector.PublishedReply;
import dev.aihq.api.connector.ReplyTarget;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A marketplace that takes every reply and remembers it: the inbox tests' connector stub. */
final class StubConnector implements MarketplaceConnector {

    /** One reply the stub took. */
    record Sent(ShopId shopId, ReplyTarget target, String text) {}

    private final Marketplace marketplace;
    private final Clock clock;
    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final java.util.Map<String, Integer> ratings = new java.util.concurrent.ConcurrentHashMap<>();
    final java.util.Map<String, String> chatOrders = new java.util.concurrent.ConcurrentHashMap<>();
    volatile java.time.Duration stampSkew = java.time.Duration.ZERO;

    StubConnector(Marketplace marketplace, Clock clock) {
        this.marketplace = marketplace;
        this.clock = clock;
    }

    @Override
    public Marketplace marketplace() {
        return marketplace;
    }

    @Override
    public CapabilitySet capabilities(ShopId shopId) {
        CapabilitySet.Builder set = CapabilitySet.builder(shopId);
        for (Capability capability : Capability.values()) {
            set.supports(capability, "stub");
        }
        return set.build();
    }

    @Override
    public java.util.Optional<String> chatOrderRef(ShopId shopId, String chatId) {
        return java.util.Optional.ofNullable(chatOrders.get(chatId));
    }

    @Override
    public java.util.Optional<Integer> reviewRating(ShopId shopId, String reviewId) {
        return java.util.Optional.ofNullable(ratings.get(reviewId));
    }

    @Override
    public PublishedReply reply(ShopId shopId, ReplyTarget target, String text) {
        sent.add(new Sent(shopId, target, text));
        return new PublishedReply("stub-reply-" + sent.size(), clock.instant().plus(stampSkew));
    }
}
