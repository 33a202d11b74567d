package dev.aihq.api.inbox;

import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A notice to a shop's manager from the unified inbox: an urgent message, an escalation or a product-quality alert.
 * Its {@code id} is stable for one cause (the interaction and the kind, or the product and the week), so a
 * receiver can drop a notice it already has when the inbox sends it again after a failure.
 *
 * @param id the notice's id, stable per cause; 1–300 characters
 * @param shopId the shop
 * @param kind why
 * @param subject one line for a list or a push title, at most {@value #MAX_SUBJECT_LENGTH} characters
 * @param body what happened and what to do, at most {@value #MAX_BODY_LENGTH} characters; buyer texts in it are
 *     excerpts with phone numbers masked
 * @param interactionId the interaction concerned, or {@code null} (a quality alert)
 * @param productId the product concerned, or {@code null}
 * @param priority the interaction's priority, or {@code null}
 * @param deadline when the answer is due, or {@code null}
 * @param createdAt when the notice was made
 */
public record ManagerNotification(
        String id,
        ShopId shopId,
        NotificationKind kind,
        String subject,
        String body,
        @Nullable String interactionId,
        @Nullable String productId,
        @Nullable InboxPriority priority,
        @Nullable Instant deadline,
        Instant createdAt) {

    /** The longest subject. */
    public static final int MAX_SUBJECT_LENGTH = 200;

    /** The longest body. */
    public static final int MAX_BODY_LENGTH = 4_000;

    /** Validates the texts. */
    public ManagerNotification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "created at");
        if (id.isBlank() || id.length() > 300) {
            throw new IllegalArgumentException("a notification id is 1-300 characters; got '" + id + "'");
        }
        if (subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH) {
            throw new IllegalArgumentException("a notification subject is 1-" + MAX_SUBJECT_LENGTH
                    + " characters; got " + subject.length());
        }
        if (body.length() > MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("a notification body is at most " + MAX_BODY_LENGTH
                    + " characters; got " + body.length());
        }
    }
}
