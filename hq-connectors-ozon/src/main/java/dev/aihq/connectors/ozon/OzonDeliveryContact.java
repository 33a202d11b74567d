package dev.aihq.connectors.ozon;

import dev.aihq.api.PhoneNumber;
import javax.annotation.Nullable;

/**
 * The buyer contact Ozon gives on an <b>rFBS</b> posting only ({@code customer}, reference §3.3 and §4): a name,
 * the delivery address and Ozon's <b>substitute (proxy) phone, for delivering that posting only</b>. FBS and FBO
 * postings carry none ({@code customer: null}). It is never a marketing contact: the number is not the buyer's
 * own, and Ozon's rules forbid collecting or storing buyers' personal data and offering other channels
 * (reference §3.10). This is why {@link OzonConnector} declares {@link dev.aihq.api.connector.Capability#CUSTOMER_CONTACT}
 * for delivery only, and why purchase events carry the phone with
 * {@link dev.aihq.api.event.PurchaseEvent#contactForDeliveryOnly()} set. {@link #forDeliveryOnly()} is always
 * {@code true}. No e-mail is given anywhere.
 *
 * <p>{@code toString} masks the phone and hides the name and street.
 *
 * @param customerId Ozon's id of the buyer ({@code customer_id}); whether it is stable across orders is not known
 * @param name the buyer's name, or {@code null}
 * @param phone the substitute number, or {@code null} when absent, empty or not a phone number
 * @param address the delivery address, or {@code null}
 */
public record OzonDeliveryContact(
        @Nullable Long customerId,
        @Nullable String name,
        @Nullable PhoneNumber phone,
        @Nullable OzonAddress address) {

    /**
     * Tells the purpose of this contact: always delivery of the posting, never marketing.
     *
     * @return {@code true}
     */
    public boolean forDeliveryOnly() {
        return true;
    }

    /** Shows a masked phone; never the name or the street. */
    @Override
    public String toString() {
        return "OzonDeliveryContact[customerId=" + customerId + ", name=" + (name == null ? "null" : "***")
                + ", phone=" + (phone == null ? "null" : phone.masked()) + ", address=" + address
                + ", deliveryOnly=true]";
    }
}
