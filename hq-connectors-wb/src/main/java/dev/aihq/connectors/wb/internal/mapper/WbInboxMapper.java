package dev.aihq.connectors.wb.internal.mapper;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.InboxEvent;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.event.InboxSender;
import dev.aihq.connectors.wb.WbFeedback;
import dev.aihq.connectors.wb.WbProductDetails;
import dev.aihq.connectors.wb.WbQuestion;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;

/**
 * A feedback or a question as the inbox's {@link InboxEvent}: thread and message id are WB's id of the item, the
 * product is {@code nmId} with the seller's article and name, the author is the buyer's first name. A feedback's
 * text is its text, then {@code Достоинства: …} and {@code Недостатки: …} on their own lines, each only when
 * written, so a rating-only review is {@code ""} with its rating. Photos and a video are listed as attachments
 * ({@code photo}, {@code video}). Stateless.
 */
public final class WbInboxMapper {

    /** The label of the buyer's pros in a review's text. */
    public static final String PROS_LABEL = "Достоинства: ";

    /** The label of the buyer's cons in a review's text. */
    public static final String CONS_LABEL = "Недостатки: ";

    private WbInboxMapper() {}

    /**
     * Maps a feedback to a {@link InboxItemKind#REVIEW}.
     *
     * @param shopId the shop
     * @param feedback the feedback
     * @return the event
     */
    public static InboxEvent review(ShopId shopId, WbFeedback feedback) {
        InboxEvent.Builder event = InboxEvent.builder()
                .shopId(shopId)
                .marketplace(Marketplace.WILDBERRIES)
                .kind(InboxItemKind.REVIEW)
                .threadId(feedback.id())
                .sender(InboxSender.BUYER)
                .text(reviewText(feedback))
                .rating(feedback.rating())
                .authorName(feedback.userName())
                .occurredAt(feedback.createdDate());
        product(event, feedback.product());
        for (int i = 0; i < feedback.photoCount(); i++) {
            event.attachment("photo");
        }
        if (feedback.hasVideo()) {
            event.attachment("video");
        }
        return event.build();
    }

    /**
     * Maps a question to a {@link InboxItemKind#QUESTION}.
     *
     * @param shopId the shop
     * @param question the question
     * @return the event
     */
    public static InboxEvent question(ShopId shopId, WbQuestion question) {
        InboxEvent.Builder event = InboxEvent.builder()
                .shopId(shopId)
                .marketplace(Marketplace.WILDBERRIES)
                .kind(InboxItemKind.QUESTION)
                .threadId(question.id())
                .sender(InboxSender.BUYER)
                .text(question.text().strip())
                .occurredAt(question.createdDate());
        product(event, question.product());
        return event.build();
    }

    /**
     * Joins a review's text, pros and cons: the text, then {@value #PROS_LABEL}pros and {@value #CONS_LABEL}cons on
     * their own lines, each only when not blank.
     *
     * @param feedback the feedback
     * @return the joined text, {@code ""} for a rating-only review
     */
    public static String reviewText(WbFeedback feedback) {
        List<String> parts = new ArrayList<>(3);
        if (!feedback.text().isBlank()) {
            parts.add(feedback.text().strip());
        }
        if (!feedback.pros().isBlank()) {
            parts.add(PROS_LABEL + feedback.pros().strip());
        }
        if (!feedback.cons().isBlank()) {
            parts.add(CONS_LABEL + feedback.cons().strip());
        }
        return String.join("\n", parts);
    }

    private static void product(InboxEvent.Builder event, @Nullable WbProductDetails product) {
        if (product == null) {
            return;
        }
        event.productId(product.nmId() == null ? null : Long.toString(product.nmId()))
                .sellerSku(product.supplierArticle())
                .productName(product.productName());
    }
}
