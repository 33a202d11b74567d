package dev.aihq.connectors.ozon;

import java.util.List;
import javax.annotation.Nullable;

/**
 * One page of {@code /v1/review/list} (reference §3.5).
 *
 * @param reviews the reviews of the page
 * @param hasNext whether more follow
 * @param lastId where the next page starts ({@code last_id}), or {@code null} when Ozon sent none
 */
public record OzonReviewPage(List<OzonReview> reviews, boolean hasNext, @Nullable String lastId) {

    /** Copies the reviews. */
    public OzonReviewPage {
        reviews = List.copyOf(reviews);
    }
}
