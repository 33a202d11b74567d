package dev.aihq.agents.inbox.proactive;

/** A way of writing to a buyer first, as the second seed lists them. */
public enum ProactiveScenario {
    /** Writing after delivery to activate the buyer: thanks, tips, a cross-sell. */
    ACTIVATION_AFTER_DELIVERY,
    /** A programme for the shop's best buyers, by their purchase history. */
    VIP_PROGRAMME,
    /** Bringing back a buyer who has not ordered for a while. */
    WIN_BACK,
    /** A service message about one order: a delay, a missing size, a question about the delivery. */
    SERVICE_MESSAGE
}
