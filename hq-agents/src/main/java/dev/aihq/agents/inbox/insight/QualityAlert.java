package dev.aihq.agents.inbox.insight;

import java.time.LocalDate;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A product whose share of 1–2★ reviews grew beyond the shop's threshold week over week: the seed's "Товар X имеет
 * всплеск негатива, проверить поставку".
 *
 * @param productId the marketplace's product id
 * @param productName its name, or {@code null}
 * @param weekStart the first day of the week, in the shop's zone
 * @param reviews reviews of the week
 * @param negative of those, at 1–2★ when written
 * @param previousReviews reviews of the week before
 * @param previousNegative of those, at 1–2★
 * @param growthPercent how much the negative share grew, in percent of the previous share; {@code null} when the
 *     week before had no negative review (the alert then rests on this week's share alone)
 */
public record QualityAlert(String productId, @Nullable String productName, LocalDate weekStart, int reviews,
        int negative, int previousReviews, int previousNegative, @Nullable Double growthPercent) {

    /** Requires the product and the week. */
    public QualityAlert {
        Objects.requireNonNull(productId, "product id");
        Objects.requireNonNull(weekStart, "week start");
    }

    /**
     * Returns this week's negative share.
     *
     * @return {@code negative / reviews}
     */
    public double negativeShare() {
        return reviews == 0 ? 0 : (double) negative / reviews;
    }
}
