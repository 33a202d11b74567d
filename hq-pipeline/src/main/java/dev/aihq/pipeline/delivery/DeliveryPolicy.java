package dev.aihq.pipeline.delivery;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.shop.FrequencyCap;
import dev.aihq.api.shop.QuietHours;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.Outbox;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Decides when a marketing message may go out. Built-ins behind static factories.
 */
@FunctionalInterface
public interface DeliveryPolicy {

    /**
     * Plans one message.
     *
     * @param shop the shop (its settings and time zone)
     * @param to the customer
     * @param now the current time
     * @param outbox the outbox, for policies that look at the customer's messages (the built-ins do not)
     * @return when to send, or why not, and the frequency cap to enforce when scheduling
     */
    DeliveryPlan plan(Shop shop, PhoneNumber to, Instant now, Outbox outbox);

    /**
     * Sends at once, whatever the settings say (no delay, no quiet hours, no frequency cap); for replies the
     * customer is waiting for.
     *
     * @return the policy
     */
    static DeliveryPolicy immediate() {
        return (shop, to, now, outbox) -> DeliveryPlan.at(now, "sent at once");
    }

    /**
     * Follows the shop's settings: waits the send delay, and if that lands in quiet hours (in the shop's
     * time zone) waits for their end; the plan carries the shop's frequency cap, which
     * {@link MessageDelivery} enforces atomically when it schedules the message.
     *
     * @return the policy
     */
    static DeliveryPolicy shopSettings() {
        return (shop, to, now, outbox) -> {
            ShopSettings settings = shop.settings();
            FrequencyCap cap = settings.frequencyCap();
            Instant due = now.plus(settings.sendDelay());
            String reason = settings.sendDelay().isZero() ? "no send delay"
                    : "send delay " + DeliveryTexts.describe(settings.sendDelay());
            QuietHours quiet = settings.quietHours();
            if (quiet != null) {
                ZonedDateTime local = due.atZone(shop.zone());
                if (quiet.contains(local.toLocalTime())) {
                    LocalDate day = local.toLocalTime().isBefore(quiet.end()) ? local.toLocalDate()
                            : local.toLocalDate().plusDays(1);
                    due = ZonedDateTime.of(day, quiet.end(), shop.zone()).toInstant();
                    reason = reason + ", then quiet hours " + quiet.start() + "–" + quiet.end() + " ("
                            + shop.zone() + ")";
                }
            }
            return DeliveryPlan.at(due, reason, cap);
        };
    }
}
