package dev.aihq.agents.inbox.proactive;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.connector.CapabilitySet;
import dev.aihq.api.connector.MarketplaceConnector;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Answers honestly whether a proactive scenario can be done for a shop, from its connector's declared capabilities
 * (reference §5) and the scheme:
 *
 * <ul>
 *   <li><b>Activation after delivery</b> and <b>win-back</b> need a way to reach the buyer with marketing: refused
 *       wherever the marketplace gives no marketing contact ({@link Capability#CUSTOMER_CONTACT}) — Wildberries and
 *       Ozon — with the connector's reason; an Ozon chat may be started only for service messages.</li>
 *   <li><b>VIP programme</b> needs each buyer's purchase history ({@link Capability#PURCHASE_HISTORY}): refused with
 *       the connector's reason where there is none.</li>
 *   <li><b>Service message</b>: offered only where the connector supports {@link Capability#PROACTIVE_MESSAGE} and
 *       the scheme allows it (Ozon FBS/rFBS: within 72 h after payment or delivery, Premium Plus, plain text up to
 *       1000 characters, nothing but the order); refused for FBO and for marketplaces without a way to start a
 *       chat.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class ProactiveScenarios {

    private ProactiveScenarios() {}

    /**
     * Answers for one scenario.
     *
     * @param connector the shop's marketplace connector
     * @param shopId the shop
     * @param scenario the scenario
     * @param scheme the order's fulfilment scheme when it matters ({@code fbs}, {@code rfbs}, {@code fbo}, ...), or
     *     {@code null}
     * @return the answer
     */
    public static ScenarioAnswer assess(MarketplaceConnector connector, ShopId shopId, ProactiveScenario scenario,
            @Nullable String scheme) {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(scenario, "scenario");
        CapabilitySet capabilities = connector.capabilities(shopId);
        Marketplace marketplace = connector.marketplace();
        return switch (scenario) {
            case ACTIVATION_AFTER_DELIVERY, WIN_BACK -> needs(capabilities, Capability.CUSTOMER_CONTACT, scenario,
                    marketplace, scheme, List.of("the buyer agreed to marketing messages",
                            "the marketplace's messaging rules"),
                    proactiveNote(capabilities));
            case VIP_PROGRAMME -> needs(capabilities, Capability.PURCHASE_HISTORY, scenario, marketplace, scheme,
                    List.of("a stable buyer id across orders"), "");
            case SERVICE_MESSAGE -> service(capabilities, marketplace, scheme);
        };
    }

    /**
     * Answers for every scenario.
     *
     * @param connector the shop's marketplace connector
     * @param shopId the shop
     * @param scheme the fulfilment scheme, or {@code null}
     * @return one answer per scenario, in the enum's order
     */
    public static List<ScenarioAnswer> assessAll(MarketplaceConnector connector, ShopId shopId,
            @Nullable String scheme) {
        return java.util.Arrays.stream(ProactiveScenario.values())
                .map(s -> assess(connector, shopId, s, scheme)).toList();
    }

    private static ScenarioAnswer needs(CapabilitySet capabilities, Capability capability,
            ProactiveScenario scenario, Marketplace marketplace, @Nullable String scheme, List<String> conditions,
            String note) {
        if (capabilities.supports(capability)) {
            return new ScenarioAnswer(scenario, marketplace, scheme, true, capabilities.supported().get(capability),
                    conditions);
        }
        String refusal = capabilities.refusal(capability).orElse(capability + " is not supported");
        return new ScenarioAnswer(scenario, marketplace, scheme, false, marketplace.code() + " gives no "
                + capability.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + refusal + note, List.of());
    }

    private static String proactiveNote(CapabilitySet capabilities) {
        return capabilities.supports(Capability.PROACTIVE_MESSAGE)
                ? "; a chat may be started only for a service message about one order (SERVICE_MESSAGE)" : "";
    }

    private static ScenarioAnswer service(CapabilitySet capabilities, Marketplace marketplace,
            @Nullable String scheme) {
        ProactiveScenario scenario = ProactiveScenario.SERVICE_MESSAGE;
        if (!capabilities.supports(Capability.PROACTIVE_MESSAGE)) {
            return new ScenarioAnswer(scenario, marketplace, scheme, false, marketplace.code()
                    + " lets no seller start a conversation: " + capabilities.refusal(Capability.PROACTIVE_MESSAGE)
                    .orElse("not supported") + "; answer when the buyer writes", List.of());
        }
        if (scheme != null && scheme.strip().equalsIgnoreCase("fbo")) {
            return new ScenarioAnswer(scenario, marketplace, scheme, false, "for FBO orders only the buyer can start"
                    + " a chat (" + marketplace.code() + ")", List.of());
        }
        return new ScenarioAnswer(scenario, marketplace, scheme, true,
                capabilities.supported().get(Capability.PROACTIVE_MESSAGE),
                List.of("a service message about this order only, no advertising", "within 72 h after payment or"
                        + " delivery (the marketplace enforces it)", "plain text, the marketplace's length limit",
                        "the reply guard's rules"));
    }
}
