package dev.aihq.api.store;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.Objects;

/**
 * The customers a shop must never message again: those who opted out, and those whose data was erased.
 * Implementations store no phone number, only its {@link PhoneHash} under a secret key, so the list
 * itself holds no personal contact; see {@link PhoneHash} for how to keep the key. Thread-safe.
 */
public interface SuppressionStore {

    /** The longest reason, in characters. */
    int MAX_REASON_LENGTH = 200;

    /**
     * Puts a customer on a shop's list. Idempotent: suppressing a customer again keeps them suppressed
     * (the reason and time may be replaced).
     *
     * @param shopId the shop
     * @param customer the customer's number; only its hash is stored
     * @param reason why, e.g. {@code opted-out} or {@code erased}: 1–{@value #MAX_REASON_LENGTH} characters,
     *     which must not hold the phone number
     * @param at when
     * @throws IllegalArgumentException when the reason is empty or too long
     */
    void suppress(ShopId shopId, PhoneNumber customer, String reason, Instant at);

    /**
     * Tells whether a customer is on a shop's list.
     *
     * @param shopId the shop
     * @param customer the customer's number
     * @return {@code true} when the shop must not message the customer
     */
    boolean isSuppressed(ShopId shopId, PhoneNumber customer);

    /**
     * Takes a customer off a shop's list, when the customer opted in again.
     *
     * @param shopId the shop
     * @param customer the customer's number
     * @return {@code true} when the customer was on the list
     */
    boolean lift(ShopId shopId, PhoneNumber customer);

    /**
     * Checks a reason as {@link #suppress(ShopId, PhoneNumber, String, Instant)} requires; for
     * implementations.
     *
     * @param reason the reason
     * @throws IllegalArgumentException naming the problem
     */
    static void validateReason(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("suppression reason must be 1-" + MAX_REASON_LENGTH
                    + " characters and not blank, got " + reason.length());
        }
    }
}
