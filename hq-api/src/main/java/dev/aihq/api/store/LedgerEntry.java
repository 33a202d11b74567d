package dev.aihq.api.store;

import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * One money movement of a shop that the accountant counts: a sale, a return or cancellation, or a cost.
 * Entries are written once per (shop, key) and never changed, so a source that records the same movement
 * again (a redelivered event, a re-imported file) changes nothing.
 *
 * @param shopId the shop
 * @param key the entry's stable key, unique per shop: e.g. {@code sale:<order>:<sku>},
 *     {@code return:<order>:<sku>}, {@code import:<file hash>:<row>}; 1–{@value #MAX_KEY_LENGTH} printable
 *     characters
 * @param kind what it records
 * @param occurredAt when the movement happened (the sale, the refund, the charge); it decides the period
 * @param sku the product, or {@code null} for a shop-wide cost
 * @param orderId the order, or {@code null}
 * @param quantity the units (sold, returned, bought); zero for costs without units; never negative
 * @param amount the amount, never negative; its currency is the shop's for the period
 * @param source where it came from, e.g. {@code purchase-event}, {@code kaspi-poller}, {@code import:sales.csv};
 *     1–{@value #MAX_SOURCE_LENGTH} characters
 */
public record LedgerEntry(ShopId shopId, String key, LedgerEntryKind kind, Instant occurredAt, @Nullable Sku sku,
        @Nullable OrderId orderId, BigDecimal quantity, Money amount, String source) {

    /** The longest key. */
    public static final int MAX_KEY_LENGTH = 200;

    /** The longest source. */
    public static final int MAX_SOURCE_LENGTH = 100;

    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]+");

    /**
     * Validates the entry.
     *
     * @throws IllegalArgumentException naming the part that is invalid
     */
    public LedgerEntry {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurred at");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(source, "source");
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !PRINTABLE.matcher(key).matches()) {
            throw new IllegalArgumentException("ledger entry key must be 1-" + MAX_KEY_LENGTH
                    + " printable characters");
        }
        if (source.isBlank() || source.length() > MAX_SOURCE_LENGTH || !PRINTABLE.matcher(source).matches()) {
            throw new IllegalArgumentException("ledger entry source must be 1-" + MAX_SOURCE_LENGTH
                    + " printable characters");
        }
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException("ledger entry " + key + ": quantity must not be negative, got "
                    + quantity.toPlainString());
        }
        if (amount.isNegative()) {
            throw new IllegalArgumentException("ledger entry " + key + ": amount must not be negative (the kind "
                    + "gives the direction), got " + amount);
        }
        if ((kind == LedgerEntryKind.SALE || kind.reversesSale()) && sku == null) {
            throw new IllegalArgumentException("ledger entry " + key + ": a " + kind + " needs a product (sku)");
        }
    }
}
