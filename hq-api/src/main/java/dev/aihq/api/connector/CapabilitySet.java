package dev.aihq.api.connector;

import dev.aihq.api.ShopId;
import dev.aihq.api.error.CapabilityNotSupportedException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one shop gets from its marketplace: each capability is either supported (possibly with a
 * condition worth knowing, e.g. "proxy phone only") or refused with the reason.
 *
 * @param shopId the shop
 * @param supported supported capabilities with an optional note ("" for none)
 * @param refused refused capabilities with the reason
 */
public record CapabilitySet(ShopId shopId, Map<Capability, String> supported, Map<Capability, String> refused) {

    /** Copies the maps; a capability may not be both supported and refused. */
    public CapabilitySet {
        Objects.requireNonNull(shopId, "shop id");
        supported = Map.copyOf(supported);
        refused = Map.copyOf(refused);
        for (Capability c : supported.keySet()) {
            if (refused.containsKey(c)) {
                throw new IllegalArgumentException(c + " cannot be both supported and refused");
            }
        }
    }

    /**
     * Tells whether a capability is supported.
     *
     * @param capability the capability
     * @return {@code true} when supported
     */
    public boolean supports(Capability capability) {
        return supported.containsKey(capability);
    }

    /**
     * Returns why a capability is refused.
     *
     * @param capability the capability
     * @return the reason, or empty when supported
     */
    public Optional<String> refusal(Capability capability) {
        if (supported.containsKey(capability)) {
            return Optional.empty();
        }
        return Optional.of(refused.getOrDefault(capability, "the connector does not declare it"));
    }

    /**
     * Fails unless a capability is supported.
     *
     * @param capability the capability
     * @throws CapabilityNotSupportedException naming the capability and the reason
     */
    public void require(Capability capability) {
        Optional<String> reason = refusal(capability);
        if (reason.isPresent()) {
            throw new CapabilityNotSupportedException(shopId, capability, reason.get());
        }
    }

    /**
     * Starts a builder.
     *
     * @param shopId the shop
     * @return a builder
     */
    public static Builder builder(ShopId shopId) {
        return new Builder(shopId);
    }

    /** Builds {@link CapabilitySet}. Not thread-safe. */
    public static final class Builder {
        private final ShopId shopId;
        private final Map<Capability, String> supported = new EnumMap<>(Capability.class);
        private final Map<Capability, String> refused = new EnumMap<>(Capability.class);

        private Builder(ShopId shopId) {
            this.shopId = shopId;
        }

        /**
         * Declares a capability supported.
         *
         * @param capability the capability
         * @param note a condition worth knowing, or "" for none
         * @return this builder
         */
        public Builder supports(Capability capability, String note) {
            refused.remove(capability);
            supported.put(capability, note);
            return this;
        }

        /**
         * Declares a capability refused.
         *
         * @param capability the capability
         * @param reason why, e.g. "Kaspi has no finance API"
         * @return this builder
         */
        public Builder refuses(Capability capability, String reason) {
            supported.remove(capability);
            refused.put(capability, reason);
            return this;
        }

        /**
         * Builds the set.
         *
         * @return the set
         */
        public CapabilitySet build() {
            return new CapabilitySet(shopId, supported, refused);
        }
    }
}
