package dev.aihq.api.event;

import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * A request for the accounting agent: a new sale, a month close or a manual request, for a period (the
 * seed's {@code POST /finance-event}).
 *
 * @param shopId the shop
 * @param period the reporting period
 * @param eventType what asks for the report
 * @param orderId the sale's order for {@code new_sale}, or {@code null}
 * @param occurredAt when the event was received or happened
 * @param idempotencyKey the deduplication key; see {@link #of(ShopId, ReportingPeriod, FinanceEventType,
 *     OrderId, Instant, String)}
 * @param taxMode the tax mode the source names for this report (the seed's {@code "tax_mode": "IP_USN"}), as
 *     written, overriding the shop's; {@code null} to use the shop's. The accountant resolves it and refuses a
 *     code it does not know
 */
public record FinanceEvent(
        ShopId shopId,
        ReportingPeriod period,
        FinanceEventType eventType,
        @Nullable OrderId orderId,
        Instant occurredAt,
        String idempotencyKey,
        @Nullable String taxMode) implements HqEvent {

    /** The longest tax mode code. */
    public static final int MAX_TAX_MODE_LENGTH = 64;

    /** The prefix of {@link #type()}: {@code finance.monthly_report}, … */
    public static final String TYPE_PREFIX = "finance.";

    /** Validates the event. */
    public FinanceEvent {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(eventType, "event type");
        Objects.requireNonNull(occurredAt, "occurred at");
        Objects.requireNonNull(idempotencyKey, "idempotency key");
        Keys.requireValid(idempotencyKey);
        if (taxMode != null && (taxMode.isBlank() || taxMode.length() > MAX_TAX_MODE_LENGTH
                || !taxMode.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_'))) {
            throw new IllegalArgumentException("tax mode must be 1-" + MAX_TAX_MODE_LENGTH
                    + " letters, digits or '_'");
        }
    }

    /**
     * An event that uses the shop's own tax mode.
     *
     * @param shopId the shop
     * @param period the period
     * @param eventType the type
     * @param orderId the sale's order, or {@code null}
     * @param occurredAt when
     * @param idempotencyKey the key
     */
    public FinanceEvent(ShopId shopId, ReportingPeriod period, FinanceEventType eventType, @Nullable OrderId orderId,
            Instant occurredAt, String idempotencyKey) {
        this(shopId, period, eventType, orderId, occurredAt, idempotencyKey, null);
    }

    /**
     * Returns the same event naming a tax mode for its report.
     *
     * @param code the tax mode as the source writes it, or {@code null} for the shop's
     * @return the event
     */
    public FinanceEvent withTaxMode(@Nullable String code) {
        return new FinanceEvent(shopId, period, eventType, orderId, occurredAt, idempotencyKey, code);
    }

    /**
     * Creates the event. Without an explicit key a {@code manual_request} gets a fresh random key (never
     * deduplicated); the others get {@code finance.<type>:<period>[:<order id>]}.
     *
     * @param shopId the shop
     * @param period the period
     * @param eventType the type
     * @param orderId the order for a new sale, or {@code null}
     * @param occurredAt when
     * @param idempotencyKey an explicit key, or {@code null} to derive one
     * @return the event
     */
    public static FinanceEvent of(ShopId shopId, ReportingPeriod period, FinanceEventType eventType,
            @Nullable OrderId orderId, Instant occurredAt, @Nullable String idempotencyKey) {
        String key = idempotencyKey;
        if (key == null) {
            key = eventType == FinanceEventType.MANUAL_REQUEST
                    ? TYPE_PREFIX + eventType.wireValue() + ":" + UUID.randomUUID()
                    : TYPE_PREFIX + eventType.wireValue() + ":" + period.label()
                            + (orderId == null ? "" : ":" + orderId.value());
        }
        return new FinanceEvent(shopId, period, eventType, orderId, occurredAt, key);
    }

    @Override
    public String type() {
        return TYPE_PREFIX + eventType.wireValue();
    }
}
