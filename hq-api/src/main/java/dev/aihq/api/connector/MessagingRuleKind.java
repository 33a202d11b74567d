package dev.aihq.api.connector;

/**
 * What a {@link MessagingRule} forbids. The list is closed and owned by the SDK: every kind here is enforced
 * by the sales guard, so a connector can only declare rules the guard knows how to check.
 *
 * <p>Ozon's communication policy (research reference, marketplaces §3.10, confirmed) also forbids asking a
 * buyer to cancel an order, collecting the buyer's personal data, disparaging competitors, Ozon or other
 * sellers, rudeness and profanity. Those kinds are not here yet: they come with the Ozon connector, together
 * with the guard's check for each. Its prohibitions on links, phone numbers, addresses, other channels and
 * third-party resources need no kind: the guard refuses them in every shop's messages already.
 */
public enum MessagingRuleKind {
    /**
     * The seller must not present itself as the marketplace (or any other business): no "Вас беспокоит
     * Kaspi", "служба поддержки Kaspi", "мы — Kaspi". Naming the marketplace ("ваш заказ на Kaspi") is fine.
     * The rule carries the protected names ({@link MessagingRule#protectedNames()}).
     */
    NO_IMPERSONATION(true),
    /**
     * No reward, discount, bonus, gift or cashback in exchange for a positive or five-star review. Asking for
     * an honest review is fine, and so is a review reward that is the same whatever the review says.
     */
    NO_REVIEW_INCENTIVE(false);

    private final boolean namesProtected;

    MessagingRuleKind(boolean namesProtected) {
        this.namesProtected = namesProtected;
    }

    /**
     * Tells whether a rule of this kind carries protected names (at least one), or none at all.
     *
     * @return {@code true} for {@link #NO_IMPERSONATION}
     */
    public boolean namesProtected() {
        return namesProtected;
    }
}
