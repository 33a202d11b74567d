package dev.aihq.connectors.ozon;

/**
 * The Ozon seller subscription a shop has, as far as the API cares: reviews, questions and buyer chats (history,
 * send, read, start) are available only with <b>Premium Plus</b> (reference §3.5–§3.7). The API has no reliable way
 * to ask which subscription a shop has, so the integrator says it through the {@link OzonCredentialsProvider}; a
 * shop that says {@link #STANDARD} is refused those capabilities before any request, and a shop that claims
 * {@link #PREMIUM_PLUS} without having it gets an {@link OzonSubscriptionRequiredException} when Ozon answers
 * {@code code 7 PermissionDenied}.
 */
public enum OzonSubscription {

    /** No Premium Plus: postings, products and finance only. The default. */
    STANDARD("no subscription"),

    /** Premium Plus: reviews, questions and buyer chats on top of everything else. */
    PREMIUM_PLUS("Premium Plus");

    private final String displayName;

    OzonSubscription(String displayName) {
        this.displayName = displayName;
    }

    /**
     * Returns the name Ozon gives the subscription.
     *
     * @return e.g. {@code Premium Plus}
     */
    public String displayName() {
        return displayName;
    }

    /**
     * Tells whether the subscription opens reviews, questions and buyer chats.
     *
     * @return {@code true} for {@link #PREMIUM_PLUS}
     */
    public boolean includesBuyerCommunication() {
        return this == PREMIUM_PLUS;
    }
}
