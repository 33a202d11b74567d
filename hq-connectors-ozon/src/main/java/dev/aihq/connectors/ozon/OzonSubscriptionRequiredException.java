package dev.aihq.connectors.ozon;

import dev.aihq.api.connector.Capability;
import dev.aihq.api.error.NonRetriableMarketplaceException;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Ozon refused a method because the shop's subscription lacks it: integrators report {@code code 7}
 * {@code PermissionDenied} for reviews, questions and chats without Premium Plus (reference §3.2, integrator-reported).
 * Not retriable: the shop needs the subscription, or the integrator's {@link OzonCredentialsProvider#subscription}
 * is wrong.
 */
public class OzonSubscriptionRequiredException extends NonRetriableMarketplaceException {

    private static final long serialVersionUID = 1L;

    private final OzonSubscription subscription;
    private final Capability capability;

    /**
     * Creates the exception.
     *
     * @param service the service name, {@code ozon}
     * @param status the HTTP status Ozon answered
     * @param subscription the subscription the method needs
     * @param capability the capability the method serves
     * @param message the message, with Ozon's own text
     * @param cause the status mapping's exception, or {@code null}
     */
    public OzonSubscriptionRequiredException(String service, int status, OzonSubscription subscription,
            Capability capability, String message, @Nullable Throwable cause) {
        super(service, status, message, cause);
        this.subscription = Objects.requireNonNull(subscription, "subscription");
        this.capability = Objects.requireNonNull(capability, "capability");
    }

    /**
     * Returns the subscription the method needs.
     *
     * @return e.g. {@link OzonSubscription#PREMIUM_PLUS}
     */
    public OzonSubscription subscription() {
        return subscription;
    }

    /**
     * Returns the capability the refused method serves.
     *
     * @return e.g. {@link Capability#CHATS}
     */
    public Capability capability() {
        return capability;
    }
}
