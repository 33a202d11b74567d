package dev.aihq.api.connector;

import dev.aihq.api.event.InboxItemKind;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What a reply answers on a marketplace: a review, a question or a buyer chat, by the marketplace's ids.
 *
 * @param kind review, question or chat
 * @param threadId the marketplace's id of the review, question or chat
 * @param replyHandle what the marketplace needs besides the id to reply, e.g. a Wildberries chat's
 *     {@code replySign}; {@code null} when it needs nothing; never logged
 * @param productId the product the thread is about (an Ozon question's answer needs its SKU), or {@code null}
 */
public record ReplyTarget(InboxItemKind kind, String threadId, @Nullable String replyHandle,
        @Nullable String productId) {

    /** Requires the kind and a thread id. */
    public ReplyTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(threadId, "thread id");
        if (threadId.isBlank()) {
            throw new IllegalArgumentException("thread id must not be blank");
        }
    }

    /** Describes the target without its reply handle. */
    @Override
    public String toString() {
        return "ReplyTarget[" + kind.wireValue() + " " + threadId + (replyHandle == null ? "" : ", handle ***")
                + (productId == null ? "" : ", product " + productId) + "]";
    }
}
