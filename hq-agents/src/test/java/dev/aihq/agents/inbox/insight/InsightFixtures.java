package dev.aihq.agents.inbox.insight;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.event.InboxSender;
import dev.aihq.api.inbox.Classification;
import dev.aihq.api.inbox.ClassificationSource;
import dev.aihq.api.inbox.InboxEmotion;
import dev.aihq.api.inbox.InboxIntent;
import dev.aihq.api.inbox.InboxPriority;
import dev.aihq.api.inbox.Interaction;
import dev.aihq.api.inbox.InteractionMessage;
import dev.aihq.api.inbox.InteractionStatus;
import dev.aihq.api.store.InteractionStore;
import java.time.Instant;
import java.util.List;
import javax.annotation.Nullable;

/** Interactions written straight into a store, as the inbox pipeline leaves them. */
final class InsightFixtures {

    static final ShopId SHOP = ShopId.of("wb_1");

    private InsightFixtures() {}

    static Classification rules(InboxIntent intent) {
        return new Classification(intent, InboxEmotion.NEUTRAL, InboxPriority.HIGH, ClassificationSource.RULES, 0.7,
                List.of());
    }

    static Interaction.Builder interaction(InboxItemKind kind, String thread, Instant openedAt) {
        return Interaction.builder().shopId(SHOP).marketplace(Marketplace.WILDBERRIES).kind(kind).threadId(thread)
                .status(InteractionStatus.ANSWERED).openedAt(openedAt).updatedAt(openedAt);
    }

    static void review(InteractionStore store, String id, String product, int firstRating, @Nullable Integer rating,
            Instant at, @Nullable InboxIntent intent) {
        Interaction review = interaction(InboxItemKind.REVIEW, id, at).productId(product)
                .productName("Товар " + product).firstRating(firstRating).rating(rating == null ? firstRating : rating)
                .classification(intent == null ? null : rules(intent)).build();
        store.addMessage(SHOP, review.id(), InteractionMessage.incoming(id + "-v1", InboxSender.BUYER, "отзыв",
                firstRating, at));
        store.save(review);
    }
}
