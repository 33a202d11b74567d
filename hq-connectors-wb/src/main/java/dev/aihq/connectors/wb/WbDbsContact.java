package dev.aihq.connectors.wb;

import dev.aihq.api.PhoneNumber;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The buyer contact WB gives for one DBS order ({@code POST /api/v3/dbs/orders/client}, reference §2.3): a first
 * name and WB's <b>substitute (proxy) phone, for delivering that order only</b>. It is never a marketing contact:
 * the number is not the buyer's own, WB assigns it for the delivery, and using it to message the buyer about
 * anything else is covered by no source. This is why {@link WbConnector} keeps refusing
 * {@link dev.aihq.api.connector.Capability#CUSTOMER_CONTACT}; {@link #forDeliveryOnly()} is always {@code true}.
 *
 * <p>WB sends {@code ""} for a number not assigned yet (integrators report the data appears after the order is
 * confirmed): such a number is {@code null} here. {@code toString} masks the numbers and hides the names.
 *
 * @param orderId the DBS task's id
 * @param firstName the buyer's first name, or {@code null}
 * @param fullName the buyer's full name, or {@code null}
 * @param phone the substitute number to call for the delivery, or {@code null} when not assigned yet
 * @param phoneCode the extension to dial after {@code phone}, or {@code null}
 * @param additionalPhoneCodes further extensions, possibly empty
 * @param replacementPhone another substitute number, or {@code null} when not assigned
 */
public record WbDbsContact(
        long orderId,
        @Nullable String firstName,
        @Nullable String fullName,
        @Nullable PhoneNumber phone,
        @Nullable String phoneCode,
        List<String> additionalPhoneCodes,
        @Nullable PhoneNumber replacementPhone) {

    /** Copies the extensions. */
    public WbDbsContact {
        additionalPhoneCodes = List.copyOf(Objects.requireNonNull(additionalPhoneCodes, "additionalPhoneCodes"));
    }

    /**
     * Tells the purpose of this contact: always delivery of the order, never marketing.
     *
     * @return {@code true}
     */
    public boolean forDeliveryOnly() {
        return true;
    }

    /**
     * Tells whether a substitute number is assigned yet.
     *
     * @return {@code true} when {@code phone} or {@code replacementPhone} is present
     */
    public boolean hasPhone() {
        return phone != null || replacementPhone != null;
    }

    /** Shows the order id and masked numbers; never a name. */
    @Override
    public String toString() {
        return "WbDbsContact[orderId=" + orderId + ", firstName=" + (firstName == null ? "null" : "***") + ", phone="
                + (phone == null ? "null" : phone.masked()) + ", replacementPhone="
                + (replacementPhone == null ? "null" : replacementPhone.masked()) + ", deliveryOnly=true]";
    }
}
