package dev.aihq.api.store;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * One order (or assembly task, or posting) of a shop as a connector last saw it, kept in the local order index
 * ({@link OrderIndexStore}) so that a reference a buyer or a chat gives can be linked to the order. Wildberries
 * has no lookup by the keys a chat carries ({@code goodCard.rid}, the basket's {@code orderUid}, the sticker), so
 * the connectors remember every order they see under all of them.
 *
 * <p>No personal data: the index holds the marketplace's references, the product and the order's state, never
 * a buyer's name, phone or address. An erasure of a customer therefore has nothing to do here.
 *
 * <p>The references ({@code orderId}, {@code rid}, {@code orderUid}, {@code sticker}) are kept stripped of
 * surrounding whitespace, since lookups compare them with a trimmed reference; a given one must not be blank
 * (pass {@code null} when the marketplace did not give it).
 *
 * @param shopId the shop
 * @param marketplace the marketplace the order is on
 * @param orderId the marketplace's own id of the order, assembly task or posting (for Wildberries FBS the
 *     assembly task's {@code id}); unique per (shop, marketplace); 1–{@value #MAX_ORDER_ID_LENGTH} printable
 *     characters
 * @param rid the unique order id: Wildberries' {@code rid}, equal to {@code srid} in statistics, claims and
 *     finance reports and to a chat's {@code goodCard.rid}; or {@code null}; at most
 *     {@value #MAX_REFERENCE_LENGTH} printable characters
 * @param orderUid the basket or transaction id several orders share (Wildberries' {@code orderUid}), or
 *     {@code null}; at most {@value #MAX_REFERENCE_LENGTH} printable characters
 * @param sticker the number shown to the buyer: a Wildberries sticker or {@code gNumber}, an Ozon posting number;
 *     or {@code null}; at most {@value #MAX_REFERENCE_LENGTH} printable characters
 * @param sellerSku the seller's own article of the product, or {@code null}; not blank, at most
 *     {@value #MAX_REFERENCE_LENGTH} characters, kept as given
 * @param productId the marketplace's product id ({@code nmId} on Wildberries, the SKU on Ozon), or {@code null};
 *     not blank, at most {@value #MAX_REFERENCE_LENGTH} characters, kept as given
 * @param productName the product's name, or {@code null}; at most {@value #MAX_PRODUCT_NAME_LENGTH} characters
 * @param scheme the fulfilment scheme in lower case ({@code fbs}, {@code dbs}, {@code fbo}, {@code rfbs}, ...), or
 *     {@code null}; given in any case, kept in lower case; 1–{@value #MAX_SCHEME_LENGTH} letters, digits,
 *     {@code _} or {@code -}
 * @param status the order's status as the marketplace names it (e.g. {@code confirm}, {@code delivering}), or
 *     {@code null}; at most {@value #MAX_STATUS_LENGTH} characters
 * @param createdAt when the order was made on the marketplace; it orders lookups, newest first
 * @param seenAt when a connector last saw the order; the latest sighting wins and old ones are purged by it
 */
public record IndexedOrder(
        ShopId shopId,
        Marketplace marketplace,
        String orderId,
        @Nullable String rid,
        @Nullable String orderUid,
        @Nullable String sticker,
        @Nullable String sellerSku,
        @Nullable String productId,
        @Nullable String productName,
        @Nullable String scheme,
        @Nullable String status,
        Instant createdAt,
        Instant seenAt) {

    /** The longest order id. */
    public static final int MAX_ORDER_ID_LENGTH = 100;

    /** The longest reference: rid, order uid, sticker, seller SKU, product id. */
    public static final int MAX_REFERENCE_LENGTH = 200;

    /** The longest product name. */
    public static final int MAX_PRODUCT_NAME_LENGTH = 500;

    /** The longest scheme. */
    public static final int MAX_SCHEME_LENGTH = 32;

    /** The longest status. */
    public static final int MAX_STATUS_LENGTH = 100;

    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]+");
    private static final Pattern SCHEME = Pattern.compile("[a-z0-9_-]{1," + MAX_SCHEME_LENGTH + "}");

    /**
     * Validates the order, strips the references and puts the scheme in lower case.
     *
     * @throws IllegalArgumentException naming the part that is invalid
     */
    public IndexedOrder {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(orderId, "order id");
        Objects.requireNonNull(createdAt, "created at");
        Objects.requireNonNull(seenAt, "seen at");
        orderId = reference("order id", orderId.strip(), MAX_ORDER_ID_LENGTH);
        rid = rid == null ? null : reference("rid", rid.strip(), MAX_REFERENCE_LENGTH);
        orderUid = orderUid == null ? null : reference("order uid", orderUid.strip(), MAX_REFERENCE_LENGTH);
        sticker = sticker == null ? null : reference("sticker", sticker.strip(), MAX_REFERENCE_LENGTH);
        sellerSku = nonBlank("seller sku", text("seller sku", sellerSku, MAX_REFERENCE_LENGTH));
        productId = nonBlank("product id", text("product id", productId, MAX_REFERENCE_LENGTH));
        productName = text("product name", productName, MAX_PRODUCT_NAME_LENGTH);
        status = text("status", status, MAX_STATUS_LENGTH);
        if (scheme != null) {
            scheme = scheme.strip().toLowerCase(Locale.ROOT);
            if (!SCHEME.matcher(scheme).matches()) {
                throw new IllegalArgumentException("indexed order " + orderId + ": scheme must be 1-"
                        + MAX_SCHEME_LENGTH + " letters, digits, '_' or '-', got '" + abbreviate(scheme) + "'");
            }
        }
    }

    /**
     * Returns the order as the index keeps it after another sighting of it: a sighting seen at the same time or
     * later brings its status, its {@code seenAt} and every reference and product detail it has, while a detail
     * it lacks ({@code null}) keeps the one known; a sighting seen earlier changes nothing. The order's
     * {@code createdAt} never moves.
     *
     * @param sighting another sighting of the same (shop, marketplace, order id)
     * @return the order to keep
     * @throws IllegalArgumentException when the sighting is of another order
     */
    public IndexedOrder seenAgain(IndexedOrder sighting) {
        Objects.requireNonNull(sighting, "sighting");
        if (!shopId.equals(sighting.shopId) || !marketplace.equals(sighting.marketplace)
                || !orderId.equals(sighting.orderId)) {
            throw new IllegalArgumentException("order " + sighting.orderId + " of shop " + sighting.shopId + " on "
                    + sighting.marketplace + " is not order " + orderId + " of shop " + shopId + " on " + marketplace);
        }
        if (sighting.seenAt.isBefore(seenAt)) {
            return this;
        }
        return new IndexedOrder(shopId, marketplace, orderId, or(sighting.rid, rid), or(sighting.orderUid, orderUid),
                or(sighting.sticker, sticker), or(sighting.sellerSku, sellerSku), or(sighting.productId, productId),
                or(sighting.productName, productName), or(sighting.scheme, scheme), or(sighting.status, status),
                createdAt, sighting.seenAt);
    }

    private static @Nullable String or(@Nullable String newer, @Nullable String known) {
        return newer != null ? newer : known;
    }

    private static String reference(String part, String value, int maxLength) {
        if (value.isEmpty() || value.length() > maxLength || !PRINTABLE.matcher(value).matches()) {
            throw new IllegalArgumentException("indexed order " + part + " must be 1-" + maxLength
                    + " printable characters (null when not known), got '" + abbreviate(value) + "'");
        }
        return value;
    }

    private static @Nullable String text(String part, @Nullable String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new IllegalArgumentException("indexed order " + part + " must be at most " + maxLength
                    + " characters, got " + value.length());
        }
        return value;
    }

    private static @Nullable String nonBlank(String part, @Nullable String value) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException("indexed order " + part + " must not be blank (null when not known)");
        }
        return value;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
