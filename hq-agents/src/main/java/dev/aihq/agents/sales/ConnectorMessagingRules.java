package dev.aihq.agents.sales;

import dev.aihq.api.connector.MarketplaceConnector;
import dev.aihq.api.connector.MessagingRules;
import dev.aihq.api.shop.Shop;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The messaging rules of a shop's marketplace, as the deployment's connectors declare them: the rules of
 * every connector whose {@link MarketplaceConnector#marketplace()} is the shop's marketplace, combined. A
 * shop whose marketplace has no connector gets {@link MessagingRules#none()}: the guard then applies only
 * its standing checks and the shop's forbidden phrases. Asked for every message checked, so connectors
 * answer from memory. Immutable and thread-safe.
 */
public final class ConnectorMessagingRules implements Function<Shop, MessagingRules> {

    private final List<MarketplaceConnector> connectors;

    /**
     * Creates the lookup.
     *
     * @param connectors the deployment's connectors, in any order; none is allowed
     */
    public ConnectorMessagingRules(Collection<MarketplaceConnector> connectors) {
        this.connectors = List.copyOf(connectors);
    }

    /**
     * Returns the messaging rules of a shop's marketplace.
     *
     * @param shop the shop
     * @return its marketplace's rules for it; none when no connector serves the marketplace
     * @throws IllegalArgumentException when two connectors of the marketplace declare different rules under
     *     one id
     */
    @Override
    public MessagingRules apply(Shop shop) {
        Objects.requireNonNull(shop, "shop");
        MessagingRules rules = MessagingRules.none();
        for (MarketplaceConnector connector : connectors) {
            if (connector.marketplace().equals(shop.marketplace())) {
                rules = rules.and(Objects.requireNonNull(connector.messagingRules(shop.id()),
                        () -> connector + " returned null messaging rules"));
            }
        }
        return rules;
    }
}
