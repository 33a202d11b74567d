package dev.aihq.connectors.ozon;

import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A buyer's question on a product card, from {@code /v1/question/list} (reference §3.6).
 *
 * @param id Ozon's id of the question
 * @param sku Ozon's SKU of the product, or {@code null} when not sent (needed to answer)
 * @param text the text
 * @param authorName the author's name as Ozon shows it, or {@code null}
 * @param answersCount how many answers it has
 * @param productUrl the product's page, or {@code null}
 * @param questionLink the question's page, or {@code null}
 * @param publishedAt when it was published, or {@code null}
 * @param status {@code NEW}, {@code VIEWED}, {@code PROCESSED}, … as sent (an open value), {@code ""} when absent
 */
public record OzonQuestion(String id, @Nullable Long sku, String text, @Nullable String authorName, long answersCount,
        @Nullable String productUrl, @Nullable String questionLink, @Nullable Instant publishedAt, String status) {

    /** Requires the id, text and status. */
    public OzonQuestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
    }
}
