package dev.aihq.channel.whatsapp.webhook;

import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The {@code pricing} object of a status: whether and how the message is charged. Every part is kept as
 * Meta wrote it; categories and models are Meta's open sets.
 *
 * @param billable whether the message is charged, or {@code null} when not stated
 * @param pricingModel e.g. {@code PMP} (per message), or {@code null}
 * @param type e.g. {@code regular} or {@code free_customer_service}, or {@code null}
 * @param category e.g. {@code marketing}, {@code utility}, {@code service}, or {@code null}
 */
public record Pricing(
        @Nullable Boolean billable,
        @Nullable String pricingModel,
        @Nullable String type,
        @Nullable String category) {

    /**
     * Returns the category when given.
     *
     * @return the pricing category, or empty
     */
    public Optional<String> categoryValue() {
        return Optional.ofNullable(category);
    }
}
