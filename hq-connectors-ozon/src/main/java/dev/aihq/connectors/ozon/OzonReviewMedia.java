package dev.aihq.connectors.ozon;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A photo or video of a review, from {@code /v1/review/info} (reference §3.5).
 *
 * @param url the file
 * @param previewUrl a video's preview, or {@code null}
 * @param shortVideoPreviewUrl a video's short preview, or {@code null}
 * @param width the width, or {@code null}
 * @param height the height, or {@code null}
 */
public record OzonReviewMedia(String url, @Nullable String previewUrl, @Nullable String shortVideoPreviewUrl,
        @Nullable Long width, @Nullable Long height) {

    /** Requires the URL. */
    public OzonReviewMedia {
        Objects.requireNonNull(url, "url");
    }
}
