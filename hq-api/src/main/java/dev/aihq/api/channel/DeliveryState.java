package dev.aihq.api.channel;

/** How far a sent message got, as the provider reported it later. */
public enum DeliveryState {
    /** The provider sent it towards the customer's device. */
    SENT,
    /** It reached the customer's device. */
    DELIVERED,
    /** The customer opened it. */
    READ,
    /** It could not be delivered. */
    FAILED;

    /**
     * Tells whether a status update in this state supersedes one already recorded: updates arrive out of
     * order (a {@code read} before its {@code delivered}), so a state never goes back; a failure
     * supersedes everything but a read.
     *
     * @param recorded the state recorded so far, or {@code null} when none is
     * @return {@code true} when this state should replace it
     */
    public boolean supersedes(@javax.annotation.Nullable DeliveryState recorded) {
        if (recorded == null) {
            return true;
        }
        if (this == FAILED) {
            return recorded != READ && recorded != FAILED;
        }
        if (recorded == FAILED) {
            return this == READ;
        }
        return ordinal() > recorded.ordinal();
    }
}
