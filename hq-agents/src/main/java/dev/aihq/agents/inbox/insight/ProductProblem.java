package dev.aihq.agents.inbox.insight;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A product ranked by its reviews' negative share over a period, for the dashboard's "top problem products".
 *
 * @param productId the marketplace's product id
 * @param productName its name, or {@code null}
 * @param reviews reviews in the period
 * @param negative of those, at 1–2★ when written
 * @param topComplaint the most frequent intent among the negative ones, or {@code null}
 */
public record ProductProblem(String productId, @Nullable String productName, int reviews, int negative,
        @Nullable String topComplaint) {

    /** Requires the product. */
    public ProductProblem {
        Objects.requireNonNull(productId, "product id");
    }

    /**
     * Returns the negative share.
     *
     * @return {@code negative / reviews}
     */
    public double negativeShare() {
        return reviews == 0 ? 0 : (double) negative / reviews;
    }
}
