package dev.aihq.connectors.ozon;

import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A comment on a review, from {@code /v1/review/comment/list} (reference §3.5; only comments that passed
 * moderation).
 *
 * @param id Ozon's id of the comment
 * @param text the text
 * @param publishedAt when it was published, or {@code null}
 * @param owner whether the seller wrote it
 * @param official whether an official (Ozon) wrote it
 * @param parentCommentId the comment it answers, or {@code null}
 */
public record OzonReviewComment(String id, String text, @Nullable Instant publishedAt, boolean owner,
        boolean official, @Nullable String parentCommentId) {

    /** Requires the id and text. */
    public OzonReviewComment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }
}
