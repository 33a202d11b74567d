package dev.aihq.connectors.ozon;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * One Ozon posting (отправление), the unit Ozon ships: an order ({@code order_id}, {@code order_number}) can be
 * split into several postings (reference §3.3). The fields are those of §3.3 the connector reads; the cancellation,
 * financial, barcode, legal and requirements blocks are not read yet.
 *
 * <p>{@link #deliveryContact()} is present only for {@link OzonScheme#RFBS}, where Ozon gives the buyer's name,
 * address and a substitute phone for the delivery; it is for that delivery only (see {@link OzonDeliveryContact}).
 * {@code toString} shows it masked.
 *
 * @param postingNumber {@code posting_number}, e.g. {@code 23713478-0018-3}
 * @param orderId {@code order_id}, or {@code null}
 * @param orderNumber {@code order_number}, e.g. {@code 23713478-0018}, or {@code null}
 * @param parentPostingNumber {@code parent_posting_number} of a split posting, or {@code null}
 * @param scheme FBS, rFBS or FBO
 * @param status {@code status}, e.g. {@code awaiting_packaging}, {@code delivered}, {@code cancelled}
 * @param substatus {@code substatus}, or {@code null}
 * @param inProcessAt {@code in_process_at}, when the posting was taken into processing, or {@code null}
 * @param shipmentDate {@code shipment_date}, the ship-by date, or {@code null}
 * @param deliveringDate {@code delivering_date}, when it was handed to delivery, or {@code null}
 * @param products {@code products}, possibly empty
 * @param deliveryMethod {@code delivery_method}, or {@code null}
 * @param trackingNumber {@code tracking_number}, or {@code null}
 * @param tplIntegrationType {@code tpl_integration_type} ({@code ozon} for Ozon delivery; other values mean the
 *     seller delivers, i.e. rFBS), or {@code null}
 * @param analytics {@code analytics_data}, or {@code null} when not asked for or absent
 * @param deliveryContact the rFBS buyer contact, for delivery only; {@code null} for FBS and FBO
 */
public record OzonPosting(
        String postingNumber,
        @Nullable Long orderId,
        @Nullable String orderNumber,
        @Nullable String parentPostingNumber,
        OzonScheme scheme,
        String status,
        @Nullable String substatus,
        @Nullable Instant inProcessAt,
        @Nullable Instant shipmentDate,
        @Nullable Instant deliveringDate,
        List<OzonPostingProduct> products,
        @Nullable OzonDeliveryMethod deliveryMethod,
        @Nullable String trackingNumber,
        @Nullable String tplIntegrationType,
        @Nullable OzonAnalytics analytics,
        @Nullable OzonDeliveryContact deliveryContact) {

    /** Statuses Ozon documents for FBS/rFBS postings (reference §3.3), plus {@code delivered}. */
    public static final List<String> KNOWN_STATUSES = List.of("awaiting_registration", "acceptance_in_progress",
            "awaiting_approve", "awaiting_packaging", "awaiting_deliver", "arbitration", "client_arbitration",
            "delivering", "driver_pickup", "delivered", "cancelled", "not_accepted", "sent_by_seller");

    /** Checks the required parts and copies the lines; an FBS or FBO posting may not carry a contact. */
    public OzonPosting {
        Objects.requireNonNull(postingNumber, "postingNumber");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(status, "status");
        products = List.copyOf(Objects.requireNonNull(products, "products"));
        if (deliveryContact != null && scheme != OzonScheme.RFBS) {
            throw new IllegalArgumentException("posting " + postingNumber + ": only rFBS postings carry a buyer"
                    + " contact, this one is " + scheme);
        }
    }

    /**
     * Returns the rFBS buyer contact, for delivering this posting only.
     *
     * @return the contact, empty for FBS and FBO
     */
    public Optional<OzonDeliveryContact> contact() {
        return Optional.ofNullable(deliveryContact);
    }

    /** Shows the posting; the contact masked. */
    @Override
    public String toString() {
        return "OzonPosting[postingNumber=" + postingNumber + ", orderId=" + orderId + ", orderNumber=" + orderNumber
                + ", scheme=" + scheme + ", status=" + status + ", substatus=" + substatus + ", inProcessAt="
                + inProcessAt + ", products=" + products + ", tplIntegrationType=" + tplIntegrationType
                + ", deliveryContact=" + deliveryContact + "]";
    }
}
