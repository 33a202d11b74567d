package dev.aihq.api.connector;

import java.time.Instant;
import java.util.Objects;

/**
 * A reply the marketplace accepted.
 *
 * @param messageId the marketplace's id of the reply when it gives one (Ozon's {@code comment_id},
 *     {@code answer_id}), else an id the connector makes from the thread and the time; never blank
 * @param publishedAt when it was accepted
 */
public record PublishedReply(String messageId, Instant publishedAt) {

    /** Requires both. */
    public PublishedReply {
        Objects.requireNonNull(messageId, "message id");
        Objects.requireNonNull(publishedAt, "published at");
        if (messageId.isBlank()) {
            throw new IllegalArgumentException("message id must not be blank");
        }
    }
}
