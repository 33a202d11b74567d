package dev.aihq.api.store;

import dev.aihq.api.Marketplace;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.LegalEventType;
import dev.aihq.api.result.CanContest;
import dev.aihq.api.result.RiskLevel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A legal event with its assessment, kept so the shop's fine history and the marketplace's later answers feed the
 * next assessment (the 90-day ladder of Kaspi, a repeat of the same ground, what the marketplace answered last
 * time).
 *
 * @param shopId the shop
 * @param key the event's idempotency key; one case per (shop, key)
 * @param eventType what happened
 * @param marketplace the marketplace the event concerns
 * @param orderId the order concerned, or {@code null}
 * @param productName the product concerned, or {@code null}
 * @param measureType the restrictive measure applied (e.g. {@code disconnection}), or {@code null}
 * @param ruleIds the ids of the rules the assessment applied, in order; the first is the main one
 * @param riskLevel the assessed risk
 * @param canContest whether the seller could contest
 * @param deadline the computed deadline, or {@code null}
 * @param deadlineOfficial whether an official source set the deadline
 * @param appliedAt when the marketplace applied the measure or the event happened: the moment the repeat windows
 *     count from
 * @param assessedAt when the assessment was made
 * @param assessmentJson the whole assessment as the front door returns it (JSON)
 */
public record LegalCase(
        ShopId shopId,
        String key,
        LegalEventType eventType,
        Marketplace marketplace,
        @Nullable OrderId orderId,
        @Nullable String productName,
        @Nullable String measureType,
        List<String> ruleIds,
        RiskLevel riskLevel,
        CanContest canContest,
        @Nullable Instant deadline,
        boolean deadlineOfficial,
        Instant appliedAt,
        Instant assessedAt,
        String assessmentJson) {

    /** Requires the identifying parts, a key of at most 200 characters, and copies the rule ids. */
    public LegalCase {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(eventType, "event type");
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(riskLevel, "risk level");
        Objects.requireNonNull(canContest, "can contest");
        Objects.requireNonNull(appliedAt, "applied at");
        Objects.requireNonNull(assessedAt, "assessed at");
        Objects.requireNonNull(assessmentJson, "assessment json");
        ruleIds = List.copyOf(ruleIds);
        if (key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("a case key must be 1-200 characters, got " + key.length());
        }
        if (deadlineOfficial && deadline == null) {
            throw new IllegalArgumentException("an official deadline needs a deadline");
        }
    }
}
