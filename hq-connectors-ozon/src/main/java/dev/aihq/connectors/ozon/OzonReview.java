package dev.aihq.connectors.ozon;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A product review on Ozon (reference §3.5): from {@code /v1/review/list}, or {@code /v1/review/info} which adds the
 * photos, videos, likes and dislikes. Ozon gives <b>no author name and no order number</b> on reviews; pros and cons
 * are deprecated and not returned.
 *
 * @param id Ozon's id of the review
 * @param sku Ozon's SKU of the product, or {@code null} when not sent
 * @param text the text, possibly empty
 * @param rating the rating 1–5, or {@code null} when not sent or out of range
 * @param status {@code UNPROCESSED} or {@code PROCESSED} as sent (an open value), {@code ""} when absent
 * @param orderStatus {@code DELIVERED} or {@code CANCELLED} as sent, or {@code null}
 * @param publishedAt when it was published, or {@code null} when not readable
 * @param commentsAmount how many comments it has
 * @param photosAmount how many photos
 * @param videosAmount how many videos
 * @param ratingParticipant whether it counts in the product's rating
 * @param photos the photos (info only; empty from the list)
 * @param videos the videos (info only; empty from the list)
 * @param likesAmount likes (info only), or {@code null}
 * @param dislikesAmount dislikes (info only), or {@code null}
 */
public record OzonReview(String id, @Nullable Long sku, String text, @Nullable Integer rating, String status,
        @Nullable String orderStatus, @Nullable Instant publishedAt, int commentsAmount, int photosAmount,
        int videosAmount, boolean ratingParticipant, List<OzonReviewMedia> photos, List<OzonReviewMedia> videos,
        @Nullable Integer likesAmount, @Nullable Integer dislikesAmount) {

    /** Requires the id, text and status; copies the lists. */
    public OzonReview {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
        photos = List.copyOf(photos);
        videos = List.copyOf(videos);
    }

    /**
     * Tells whether Ozon lists it as processed.
     *
     * @return {@code true} for {@code PROCESSED}, any case
     */
    public boolean processed() {
        return status.equalsIgnoreCase(OzonReviewStatus.PROCESSED.name());
    }
}
