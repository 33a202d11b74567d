package dev.aihq.api.connector;

/**
 * What a {@link MessagingRule} forbids. The list is closed and owned by the SDK: every kind here is enforced
 * by the sales guard, so a connector can only declare rules the guard knows how to check.
 *
 * <p>Prohibitions on links, phone numbers, addresses, other channels and third-party resources need no kind:
 * the guard refuses them in every shop's messages already. Misleading product information is not a kind
 * either: the guard compares every amount, code and product in a message with the catalog and the shop's
 * settings instead of looking for words.
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
    NO_REVIEW_INCENTIVE(false),
    /**
     * The seller must not ask the buyer to cancel the order, refuse it at the pickup point or not collect it
     * («отмените заказ», «откажитесь от заказа при получении»). Telling the buyer how the marketplace's own
     * cancellation works when the buyer asks is fine.
     */
    NO_CANCELLATION_REQUEST(false),
    /**
     * The seller must not ask for, collect or keep the buyer's personal data: phone number, e-mail, home
     * address, full name, passport, date of birth, bank card («напишите ваш номер телефона», «пришлите фото
     * паспорта»). Asking for the order or posting number is fine: it identifies the order, not the person.
     */
    NO_PERSONAL_DATA_REQUEST(false),
    /**
     * The seller must not disparage competitors, other sellers or the marketplace: no «у конкурентов
     * подделки», «другие продавцы обманывают», «Ozon опять всё потерял». The rule carries the marketplace's
     * names ({@link MessagingRule#protectedNames()}), so that negative statements about it are recognised.
     */
    NO_DISPARAGEMENT(true),
    /**
     * No profanity, insults or rudeness towards the buyer, veiled ones included («сами виноваты», «читать
     * не умеете?», «не нравится — не покупайте»).
     */
    NO_RUDENESS(false);

    private final boolean namesProtected;

    MessagingRuleKind(boolean namesProtected) {
        this.namesProtected = namesProtected;
    }

    /**
     * Tells whether a rule of this kind carries protected names (at least one), or none at all.
     *
     * @return {@code true} for {@link #NO_IMPERSONATION} and {@link #NO_DISPARAGEMENT}
     */
    public boolean namesProtected() {
        return namesProtected;
    }
}
