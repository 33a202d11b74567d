package dev.aihq.pipeline.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aihq.api.OrderId;
import dev.aihq.api.event.FinanceEvent;
import dev.aihq.api.event.FinanceEventType;
import dev.aihq.api.event.ReportingPeriod;
import java.time.Instant;
import java.time.YearMonth;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Decodes {@code POST /finance-event}: {@code shop_id, period, event_type} as in the seed, plus an
 * optional {@code order_id} and an optional {@code tax_mode} (the seed's {@code "IP_USN"}; the accountant resolves
 * it against the shop's country); see {@link WebhookFrontDoor}.
 */
final class FinanceEventDecoder extends EventDecoder<FinanceEvent> {

    private static final String EVENT_TYPES = "new_sale, monthly_report, manual_request";
    private static final Pattern TAX_MODE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    @Override
    @Nullable FinanceEvent read(ObjectNode body, Context context, FieldReader reader) {
        FinanceEventType type = null;
        JsonNode typeValue = reader.required(body, "event_type", "event_type");
        if (typeValue != null) {
            String text = reader.string(typeValue, "event_type");
            if (text != null) {
                try {
                    type = FinanceEventType.fromWire(text.strip());
                } catch (IllegalArgumentException e) {
                    reader.error("event_type", "must be one of " + EVENT_TYPES + ", got "
                            + FieldReader.describe(typeValue));
                }
            }
        }
        Instant occurredAt = occurredAt(body, context, reader);
        ReportingPeriod period = null;
        JsonNode periodValue = FieldReader.optional(body, "period");
        if (periodValue != null) {
            period = period(periodValue, reader);
        } else if (type == FinanceEventType.NEW_SALE && occurredAt != null) {
            // A sale belongs to the month it happened in, in the shop's own zone.
            period = ReportingPeriod.parse(YearMonth.from(occurredAt.atZone(context.shop().zone())).toString());
        } else if (type != null) {
            reader.error("period", body.has("period") ? "must not be null" : "is required: a month (2026-01),"
                    + " a quarter (2026-Q1) or a year (2026)");
        }
        OrderId orderId = null;
        JsonNode orderValue = FieldReader.optional(body, "order_id");
        if (orderValue != null) {
            orderId = orderId(orderValue, "order_id", reader);
        }
        String taxMode = null;
        JsonNode modeValue = FieldReader.optional(body, "tax_mode");
        if (modeValue != null) {
            String text = reader.string(modeValue, "tax_mode");
            if (text != null && !TAX_MODE.matcher(text.strip()).matches()) {
                reader.error("tax_mode", "must be a tax mode code such as KZ_SIMPLIFIED_DECLARATION or IP_USN, got "
                        + FieldReader.describe(modeValue));
            } else if (text != null) {
                taxMode = text.strip();
            }
        }
        String key = idempotencyKey(body, context, reader);
        if (!reader.errors().isEmpty()) {
            return null;
        }
        return FinanceEvent.of(context.shop().id(), period, type, orderId, occurredAt, key).withTaxMode(taxMode);
    }

    private static @Nullable ReportingPeriod period(JsonNode value, FieldReader reader) {
        String text = reader.stringOrInteger(value, "period", false);
        if (text == null) {
            return null;
        }
        try {
            return ReportingPeriod.parse(text.strip());
        } catch (IllegalArgumentException e) {
            reader.error("period", "must be a month (2026-01), a quarter (2026-Q1), a half-year (2026-H1) or a year "
                    + "(2026), got " + FieldReader.describe(value));
            return null;
        }
    }
}
