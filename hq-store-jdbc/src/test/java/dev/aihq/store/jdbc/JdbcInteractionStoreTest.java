package dev.aihq.store.jdbc;

import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Marketplace;
import dev.aihq.api.error.StoreException;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the JDBC interaction store adds to its contract, on both databases: messages and saves made inside a unit
 * of work go with it, a refused save inside one leaves the unit usable, the reasons are stored as one JSON array,
 * and a row the SDK cannot read is reported naming the table and the interaction.
 */
class JdbcInteractionStoreTest {

    private static final Instant AT = Instant.parse("2026-03-10T10:15:30.123456Z");

    static Object[] databases() {
        return MigratedDatabase.both().toArray();
    }

    private static Interaction review(String threadId) {
        return Interaction.builder()
                .shopId(SHOP_ID)
                .marketplace(Marketplace.WILDBERRIES)
                .kind(InboxItemKind.REVIEW)
                .threadId(threadId)
                .status(InteractionStatus.OPEN)
                .openedAt(AT)
                .lastBuyerAt(AT)
                .slaDeadline(AT.plus(4, ChronoUnit.HOURS))
                .unansweredBuyerMessages(1)
                .updatedAt(AT)
                .build();
    }

    private static InteractionMessage buyer(String messageId) {
        return InteractionMessage.incoming(messageId, InboxSender.BUYER, "Плохо", 1, AT);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void should_go_with_the_unit_of_work_when_written_inside_one(Supplier<MigratedDatabase> database) {
        // given
        JdbcStores stores = database.get().stores();
        Interaction kept = review("kept");
        Interaction undone = review("undone");
        IllegalStateException failure = new IllegalStateException("the step after the inbox broke");

        // when
        Optional<Interaction> saved = stores.transactions().inTransaction(() -> {
            stores.interactions().addMessage(SHOP_ID, kept.id(), buyer("m-1"));
            return stores.interactions().save(kept);
        });
        assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
            stores.interactions().addMessage(SHOP_ID, undone.id(), buyer("m-1"));
            stores.interactions().addMessage(SHOP_ID, kept.id(), buyer("m-2"));
            stores.interactions().save(undone);
            stores.interactions().save(saved.orElseThrow().toBuilder().status(InteractionStatus.CLOSED)
                    .slaDeadline(null).build());
            throw failure;
        })).isSameAs(failure);

        // then
        assertThat(saved).contains(kept.toBuilder().version(1).build());
        assertThat(stores.interactions().find(SHOP_ID, kept.id())).isEqualTo(saved);
        assertThat(stores.interactions().messages(SHOP_ID, kept.id())).containsExactly(buyer("m-1"));
        assertThat(stores.interactions().find(SHOP_ID, undone.id())).isEmpty();
        assertThat(stores.interactions().messages(SHOP_ID, undone.id())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void should_keep_the_unit_of_work_usable_when_a_save_or_message_is_refused_inside_it(
            Supplier<MigratedDatabase> database) {
        // given
        JdbcStores stores = database.get().stores();
        Interaction known = stores.interactions().save(review("known")).orElseThrow();
        stores.interactions().addMessage(SHOP_ID, known.id(), buyer("m-1"));
        Interaction other = review("other");

        // when
        List<Boolean> outcomes = stores.transactions().inTransaction(() -> List.of(
                stores.interactions().save(review("known")).isPresent(),
                stores.interactions().save(known.toBuilder().version(7).build()).isPresent(),
                stores.interactions().addMessage(SHOP_ID, known.id(), buyer("m-1")),
                stores.interactions().addMessage(SHOP_ID, other.id(), buyer("m-1")),
                stores.interactions().save(other).isPresent()));

        // then
        assertThat(outcomes).containsExactly(false, false, false, true, true);
        assertThat(stores.interactions().find(SHOP_ID, known.id())).contains(known);
        assertThat(stores.interactions().find(SHOP_ID, other.id())).contains(other.toBuilder().version(1).build());
        assertThat(stores.interactions().messages(SHOP_ID, other.id())).containsExactly(buyer("m-1"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void should_store_reasons_as_one_json_array(Supplier<MigratedDatabase> database) throws Exception {
        // given
        MigratedDatabase db = database.get();
        Interaction interaction = review("review-1").toBuilder()
                .classification(new Classification(InboxIntent.CHURN_RISK, InboxEmotion.ANGRY,
                        InboxPriority.CRITICAL, ClassificationSource.RULES, 0.75, List.of("верну", "\"кавычки\"")))
                .build();

        // when
        db.stores().interactions().save(interaction);

        // then
        assertThat(db.queryString("SELECT classification_reasons FROM " + db.table("inbox_interactions")))
                .isEqualTo("[\"верну\",\"\\\"кавычки\\\"\"]");
        assertThat(db.queryValue("SELECT COUNT(*) FROM " + db.table("inbox_interactions") + " WHERE"
                + " correction_intent IS NULL AND correction_reasons IS NULL AND order_ref IS NULL")).isEqualTo(1L);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void should_name_table_and_interaction_when_a_row_cannot_be_read(Supplier<MigratedDatabase> database)
            throws Exception {
        // given
        MigratedDatabase db = database.get();
        Interaction interaction = db.stores().interactions().save(review("review-1")).orElseThrow();
        db.stores().interactions().addMessage(SHOP_ID, interaction.id(), buyer("m-1"));
        db.execute("UPDATE " + db.table("inbox_interactions") + " SET status = 'snoozed'");
        db.execute("UPDATE " + db.table("inbox_messages") + " SET origin = 'by_robot'");

        // when / then
        assertThatThrownBy(() -> db.stores().interactions().find(SHOP_ID, interaction.id()))
                .isInstanceOf(StoreException.class).hasMessageContaining("inbox_interactions")
                .hasMessageContaining(interaction.id()).hasMessageContaining("snoozed");
        assertThatThrownBy(() -> db.stores().interactions().messages(SHOP_ID, interaction.id()))
                .isInstanceOf(StoreException.class).hasMessageContaining("inbox_messages")
                .hasMessageContaining("m-1").hasMessageContaining("by_robot");
    }
}
