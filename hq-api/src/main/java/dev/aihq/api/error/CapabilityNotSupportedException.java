package dev.aihq.api.error;

import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;

/**
 * A marketplace does not give what was asked for, for this shop (its fulfilment scheme or subscription
 * does not include it). A typed refusal instead of an empty answer: the scenario is refused with this
 * reason, never faked.
 */
public class CapabilityNotSupportedException extends HqException {

    private static final long serialVersionUID = 1L;

    private final Capability capability;
    private final transient ShopId shopId;

    /**
     * Creates the refusal.
     *
     * @param shopId the shop asked about
     * @param capability the capability it lacks
     * @param reason why, e.g. {@code Kaspi has no finance API}
     */
    public CapabilityNotSupportedException(ShopId shopId, Capability capability, String reason) {
        super(capability + " is not available for shop " + shopId + ": " + reason);
        this.capability = capability;
        this.shopId = shopId;
    }

    /**
     * Returns the missing capability.
     *
     * @return the capability
     */
    public Capability capability() {
        return capability;
    }

    /**
     * Returns the shop the refusal is about.
     *
     * @return the shop id
     */
    public ShopId shopId() {
        return shopId;
    }
}
