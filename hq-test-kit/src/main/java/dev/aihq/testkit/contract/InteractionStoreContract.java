package dev.aihq.testkit.contract;

import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.aihq.api.inbox.OrderLink;
import dev.aihq.api.inbox.OrderLinkSource;
import dev.aihq.api.inbox.ReplyOrigin;
import dev.aihq.api.store.InteractionStore;
import dev.aihq.testkit.Concurrency;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link InteractionStore}: a message is kept once per (shop, interaction, message id), the first
 * one staying, whether or not the interaction's state was saved yet, and a timeline comes oldest first, ties by
 * message id; {@link InteractionStore#save} inserts an interaction at version 0 when the shop has none with its
 * id, replaces the stored one only from the version it holds, returns it with the next version, and returns empty
 * otherwise, changing nothing; the queue lists a shop's interactions in the wanted statuses by SLA deadline,
 * soonest first, ties by id, those without a deadline last, within a limit; {@code openedBetween} lists those
 * opened in {@code [from, to)} oldest first, ties by id, within a limit. Ids and message ids are ordered by
 * character code. Shops never see each other's interactions or messages. Every field reads back exactly, times to
 * the microsecond. Of several threads adding one message at once exactly one is told it was new, and of several
 * saving from one version exactly one succeeds. Subclass it and return a new empty store from
 * {@link #createStore()}.
 */
public abstract class InteractionStoreContract extends StoreContract<InteractionStore> {

    /** The start of the range most tests read: March 2026 in UTC. */
    private static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");
    /** The end of that range, exclusive. */
    private static final Instant APRIL = Instant.parse("2026-04-01T00:00:00Z");
    /** When most interactions were opened, with microseconds. */
    private static final Instant AT = Instant.parse("2026-03-10T10:15:30.123456Z");
    private static final Marketplace WB = Marketplace.WILDBERRIES;
    private static final Set<InteractionStatus> WAITING = EnumSet.of(InteractionStatus.OPEN,
            InteractionStatus.ESCALATED);
    /** How many threads the races run. */
    private static final int THREADS = 8;

    /** Creates the suite. */
    protected InteractionStoreContract() {}

    /**
     * Makes a new open Wildberries review, written by the buyer when it was opened, due four hours later.
     *
     * @param shop the shop
     * @param threadId the review's id
     * @param openedAt when it was opened
     * @return the interaction, at version 0
     */
    protected static Interaction review(ShopId shop, String threadId, Instant openedAt) {
        return Interaction.builder()
                .shopId(shop)
                .marketplace(WB)
                .kind(InboxItemKind.REVIEW)
                .threadId(threadId)
                .rating(2)
                .firstRating(2)
                .status(InteractionStatus.OPEN)
                .openedAt(openedAt)
                .lastBuyerAt(openedAt)
                .slaDeadline(openedAt.plus(4, ChronoUnit.HOURS))
                .unansweredBuyerMessages(1)
                .updatedAt(openedAt)
                .build();
    }

    /**
     * Makes a Wildberries review in a status, with an SLA deadline or none.
     *
     * @param shop the shop
     * @param threadId the review's id
     * @param status the status
     * @param slaDeadline the deadline, or {@code null} (only for a status that does not wait for the shop)
     * @return the interaction, at version 0
     */
    protected static Interaction inStatus(ShopId shop, String threadId, InteractionStatus status,
            @Nullable Instant slaDeadline) {
        return review(shop, threadId, AT).toBuilder()
                .status(status)
                .slaDeadline(slaDeadline)
                .escalatedAt(status == InteractionStatus.ESCALATED ? AT.plusSeconds(60) : null)
                .build();
    }

    /**
     * Makes a buyer's message.
     *
     * @param messageId the message id
     * @param text the text
     * @param at when it was written
     * @return the message
     */
    protected static InteractionMessage buyer(String messageId, String text, Instant at) {
        return InteractionMessage.incoming(messageId, InboxSender.BUYER, text, null, at);
    }

    /**
     * Saves an interaction and returns what the store returned, failing the test when it refused.
     *
     * @param store the store
     * @param interaction the interaction
     * @return the saved interaction
     */
    protected static Interaction saved(InteractionStore store, Interaction interaction) {
        Optional<Interaction> saved = store.save(interaction);
        assertThat(saved).as("save of %s at version %d", interaction.id(), interaction.version()).isPresent();
        return saved.orElseThrow();
    }

    private static String id(String threadId) {
        return Interaction.idOf(WB, InboxItemKind.REVIEW, threadId);
    }

    /** A store without interactions finds none, lists no timeline, no queue and nothing opened. */
    @Test
    public void should_find_nothing_when_nothing_stored() {
        // given
        InteractionStore store = store();

        // when / then
        assertThat(store.find(SHOP_ID, id("review-1"))).isEmpty();
        assertThat(store.messages(SHOP_ID, id("review-1"))).isEmpty();
        assertThat(store.queue(SHOP_ID, EnumSet.allOf(InteractionStatus.class), 10)).isEmpty();
        assertThat(store.openedBetween(SHOP_ID, MARCH, APRIL, 10)).isEmpty();
    }

    /**
     * A new interaction with every field set is saved at version 1 and read back exactly: an order link with the
     * index's order id, a classification with reasons in order (Cyrillic, quotes, commas, brackets), a person's
     * correction, both ratings, every time to the microsecond, Cyrillic texts.
     */
    @Test
    public void should_read_every_field_back_when_saved() {
        // given
        InteractionStore store = store();
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < Classification.MAX_REASONS - 2; i++) {
            reasons.add("фраза «верну» №" + i);
        }
        reasons.add("reason \"with\" quotes, commas; [brackets] and \\ slash");
        reasons.add("Ж".repeat(Classification.MAX_REASON_LENGTH));
        Interaction interaction = Interaction.builder()
                .shopId(SHOP_ID)
                .marketplace(Marketplace.OZON)
                .kind(InboxItemKind.CHAT_MESSAGE)
                .threadId("Чат-6f2e9a1c-0001")
                .productId("1234567890")
                .sellerSku("Чай-зелёный-100")
                .productName("Чай зелёный «Горный», 100 г — пакет")
                .replyHandle("1:6f2e9a1c:reply-sign-Ωmega")
                .orderLink(new OrderLink("0123456789-0001-1", "0123456789-0001", OrderLinkSource.BUYER_REPLY,
                        AT.plus(5, ChronoUnit.MICROS)))
                .firstRating(1)
                .rating(4)
                .classification(new Classification(InboxIntent.CHURN_RISK, InboxEmotion.ANGRY,
                        InboxPriority.CRITICAL, ClassificationSource.MODEL, 0.8734512, reasons))
                .classifiedMessageId("сообщение-0042")
                .correction(Classification.byHuman(InboxIntent.of("delivery_delay_kz"), InboxEmotion.FRUSTRATED,
                        InboxPriority.HIGH))
                .status(InteractionStatus.ESCALATED)
                .openedAt(AT)
                .lastBuyerAt(AT.plus(1, ChronoUnit.MICROS))
                .slaDeadline(AT.plus(1, ChronoUnit.HOURS).plus(2, ChronoUnit.MICROS))
                .firstDeadline(AT.plus(1, ChronoUnit.HOURS).plus(7, ChronoUnit.MICROS))
                .firstReplyAt(AT.plus(3, ChronoUnit.MICROS))
                .unansweredBuyerMessages(3)
                .escalatedAt(AT.plus(4, ChronoUnit.MICROS))
                .updatedAt(AT.plus(6, ChronoUnit.MICROS))
                .build();

        // when
        Optional<Interaction> saved = store.save(interaction);

        // then
        Interaction expected = interaction.toBuilder().version(1).build();
        assertThat(saved).contains(expected);
        assertThat(store.find(SHOP_ID, interaction.id())).hasValueSatisfying(found -> {
            assertThat(found.classification()).isNotNull();
            assertThat(found.classification().reasons()).containsExactlyElementsOf(reasons);
            assertThat(found.classification().confidence()).isEqualTo(0.8734512);
            assertThat(found).isEqualTo(expected);
        });
        assertThat(store.queue(SHOP_ID, WAITING, 10)).containsExactly(expected);
        assertThat(store.openedBetween(SHOP_ID, MARCH, APRIL, 10)).containsExactly(expected);
    }

    /**
     * An interaction with nothing optional reads back with nothing: no product, order link, ratings,
     * classification, correction, buyer message, deadline, reply or escalation; an order link without the
     * index's order id and a classification without reasons read back so too.
     */
    @Test
    public void should_read_missing_parts_back_as_missing_when_saved() {
        // given
        InteractionStore store = store();
        Interaction bare = Interaction.builder()
                .shopId(SHOP_ID)
                .marketplace(Marketplace.KASPI)
                .kind(InboxItemKind.QUESTION)
                .threadId("q-1")
                .status(InteractionStatus.CLOSED)
                .openedAt(AT)
                .updatedAt(AT)
                .build();
        Interaction linked = Interaction.builder()
                .shopId(SHOP_ID)
                .marketplace(Marketplace.KASPI)
                .kind(InboxItemKind.QUESTION)
                .threadId("q-2")
                .orderLink(new OrderLink("512345678", null, OrderLinkSource.MARKETPLACE, AT))
                .classification(new Classification(InboxIntent.OTHER, InboxEmotion.NEUTRAL, InboxPriority.NORMAL,
                        ClassificationSource.RULES, 0.0, List.of()))
                .status(InteractionStatus.ANSWERED)
                .openedAt(AT)
                .updatedAt(AT)
                .build();

        // when
        store.save(bare);
        store.save(linked);

        // then
        assertThat(store.find(SHOP_ID, bare.id())).hasValueSatisfying(found -> {
            assertThat(found.productId()).isNull();
            assertThat(found.sellerSku()).isNull();
            assertThat(found.productName()).isNull();
            assertThat(found.replyHandle()).isNull();
            assertThat(found.classifiedMessageId()).isNull();
            assertThat(found.firstDeadline()).isNull();
            assertThat(found.orderLink()).isNull();
            assertThat(found.firstRating()).isNull();
            assertThat(found.rating()).isNull();
            assertThat(found.classification()).isNull();
            assertThat(found.correction()).isNull();
            assertThat(found.lastBuyerAt()).isNull();
            assertThat(found.slaDeadline()).isNull();
            assertThat(found.firstReplyAt()).isNull();
            assertThat(found.escalatedAt()).isNull();
            assertThat(found.unansweredBuyerMessages()).isZero();
            assertThat(found).isEqualTo(bare.toBuilder().version(1).build());
        });
        assertThat(store.find(SHOP_ID, linked.id())).contains(linked.toBuilder().version(1).build());
    }

    /** Every value of every enumeration an interaction holds reads back, and every default intent. */
    @Test
    public void should_read_every_enumeration_value_back() {
        // given
        InteractionStore store = store();
        List<Interaction> interactions = new ArrayList<>();
        int i = 0;
        for (InteractionStatus status : InteractionStatus.values()) {
            for (InboxItemKind kind : InboxItemKind.values()) {
                for (Marketplace marketplace : List.of(Marketplace.KASPI, WB, Marketplace.OZON)) {
                    ClassificationSource source = ClassificationSource.values()[i % 3];
                    InboxEmotion emotion = InboxEmotion.values()[i % InboxEmotion.values().length];
                    InboxPriority priority = InboxPriority.values()[i % InboxPriority.values().length];
                    InboxIntent intent = InboxIntent.DEFAULTS.get(i % InboxIntent.DEFAULTS.size());
                    OrderLinkSource linkSource = OrderLinkSource.values()[i % OrderLinkSource.values().length];
                    interactions.add(inStatus(SHOP_ID, "thread-" + i, status, AT.plusSeconds(i)).toBuilder()
                            .marketplace(marketplace)
                            .kind(kind)
                            .orderLink(new OrderLink("order-" + i, null, linkSource, AT))
                            .classification(new Classification(intent, emotion, priority, source, 0.5,
                                    List.of("reason " + i)))
                            .correction(i % 2 == 0 ? null : Classification.byHuman(intent, emotion, priority))
                            .build());
                    i++;
                }
            }
        }
        for (int d = 0; d < InboxIntent.DEFAULTS.size(); d++) {
            interactions.add(review(SHOP_ID, "intent-" + d, AT).toBuilder()
                    .classification(new Classification(InboxIntent.DEFAULTS.get(d), InboxEmotion.NEUTRAL,
                            InboxPriority.NORMAL, ClassificationSource.RULES, 1.0, List.of()))
                    .build());
        }

        // when
        interactions.forEach(store::save);

        // then
        for (Interaction interaction : interactions) {
            assertThat(store.find(SHOP_ID, interaction.id())).contains(interaction.toBuilder().version(1).build());
        }
    }

    /**
     * A message is kept once: adding its id again returns false and keeps the first, even when the second
     * differs in every other field.
     */
    @Test
    public void should_keep_first_message_when_same_id_is_added_again() {
        // given
        InteractionStore store = store();
        String id = id("review-1");
        InteractionMessage first = InteractionMessage.incoming("review-1", InboxSender.BUYER,
                "Пришёл не тот размер, верну.", 2, AT);
        InteractionMessage second = InteractionMessage.incoming("review-1", InboxSender.MARKETPLACE,
                "Отзыв изменён", 5, AT.plusSeconds(60));

        // when
        boolean addedFirst = store.addMessage(SHOP_ID, id, first);
        boolean addedSecond = store.addMessage(SHOP_ID, id, second);
        boolean addedFirstAgain = store.addMessage(SHOP_ID, id, first);

        // then
        assertThat(addedFirst).isTrue();
        assertThat(addedSecond).isFalse();
        assertThat(addedFirstAgain).isFalse();
        assertThat(store.messages(SHOP_ID, id)).containsExactly(first);
    }

    /**
     * Every field of a message reads back exactly: the buyer's rating, the marketplace's notice, our replies with
     * each origin, resolving or not, an empty text, the longest Cyrillic text, times to the microsecond.
     */
    @Test
    public void should_read_every_message_field_back() {
        // given
        InteractionStore store = store();
        String id = Interaction.idOf(Marketplace.OZON, InboxItemKind.CHAT_MESSAGE, "chat-1");
        List<InteractionMessage> timeline = new ArrayList<>();
        timeline.add(InteractionMessage.incoming("m-01", InboxSender.BUYER, "Где мой заказ? 😡 «срочно»", 1,
                AT));
        timeline.add(InteractionMessage.incoming("m-02", InboxSender.BUYER, "", 5, AT.plus(1, ChronoUnit.MICROS)));
        timeline.add(InteractionMessage.incoming("m-03", InboxSender.MARKETPLACE, "Покупатель открыл спор",
                null, AT.plus(2, ChronoUnit.MICROS)));
        timeline.add(InteractionMessage.reply("m-04", "Ж".repeat(InteractionMessage.MAX_TEXT_LENGTH),
                AT.plus(3, ChronoUnit.MICROS), ReplyOrigin.DRAFT_AS_IS, false));
        timeline.add(InteractionMessage.reply("m-05", "Исправили, приносим извинения.",
                AT.plus(4, ChronoUnit.MICROS), ReplyOrigin.DRAFT_EDITED, true));
        timeline.add(InteractionMessage.reply("m-06", "Line one\nline two\ttab \"quotes\" \\ slash",
                AT.plus(5, ChronoUnit.MICROS), ReplyOrigin.BY_HAND, false));
        timeline.add(new InteractionMessage("m-07", InboxSender.SELLER, "Оценка учтена", 3,
                AT.plus(6, ChronoUnit.MICROS), ReplyOrigin.BY_HAND, true));

        // when
        for (InteractionMessage message : timeline) {
            assertThat(store.addMessage(SHOP_ID, id, message)).as(message.messageId()).isTrue();
        }

        // then
        assertThat(store.messages(SHOP_ID, id)).containsExactlyElementsOf(timeline);
    }

    /**
     * A timeline comes oldest first; messages of one time by id in character-code order (upper case before
     * lower case before Cyrillic), whatever order they were added in.
     */
    @Test
    public void should_list_messages_oldest_first_then_by_id() {
        // given
        InteractionStore store = store();
        String id = id("review-1");
        InteractionMessage late = buyer("a-late", "поздно", AT.plusSeconds(3600));
        InteractionMessage tieLower = buyer("msg-b", "b", AT.plus(1, ChronoUnit.MICROS));
        InteractionMessage tieUpper = buyer("msg-Z", "Z", AT.plus(1, ChronoUnit.MICROS));
        InteractionMessage tieCyrillic = buyer("msg-Ж", "Ж", AT.plus(1, ChronoUnit.MICROS));
        InteractionMessage early = buyer("z-early", "рано", AT);

        // when
        for (InteractionMessage message : List.of(late, tieLower, tieCyrillic, tieUpper, early)) {
            store.addMessage(SHOP_ID, id, message);
        }

        // then
        assertThat(store.messages(SHOP_ID, id)).containsExactly(early, tieUpper, tieLower, tieCyrillic, late);
    }

    /**
     * Messages are kept per interaction and per shop: the same message id in another interaction or another shop
     * is another message, and each timeline lists only its own.
     */
    @Test
    public void should_keep_timelines_of_interactions_and_shops_apart() {
        // given
        InteractionStore store = store();
        String review = id("review-1");
        String question = Interaction.idOf(WB, InboxItemKind.QUESTION, "review-1");
        InteractionMessage mine = buyer("m-1", "Мой отзыв", AT);
        InteractionMessage myQuestion = buyer("m-1", "Мой вопрос", AT);
        InteractionMessage theirs = buyer("m-1", "Их отзыв", AT.plusSeconds(1));

        // when
        boolean addedMine = store.addMessage(SHOP_ID, review, mine);
        boolean addedQuestion = store.addMessage(SHOP_ID, question, myQuestion);
        boolean addedTheirs = store.addMessage(OTHER_SHOP_ID, review, theirs);

        // then
        assertThat(List.of(addedMine, addedQuestion, addedTheirs)).containsOnly(true);
        assertThat(store.messages(SHOP_ID, review)).containsExactly(mine);
        assertThat(store.messages(SHOP_ID, question)).containsExactly(myQuestion);
        assertThat(store.messages(OTHER_SHOP_ID, review)).containsExactly(theirs);
        assertThat(store.messages(OTHER_SHOP_ID, question)).isEmpty();
    }

    /**
     * A timeline does not need the interaction's state: messages are added before it is first saved, and saving
     * the state, again and again, leaves them as they were.
     */
    @Test
    public void should_keep_messages_apart_from_saved_state() {
        // given
        InteractionStore store = store();
        Interaction interaction = review(SHOP_ID, "review-1", AT);
        InteractionMessage first = buyer("review-1", "Плохо", AT);

        // when
        boolean added = store.addMessage(SHOP_ID, interaction.id(), first);
        Interaction v1 = saved(store, interaction);
        Interaction v2 = saved(store, v1.toBuilder().status(InteractionStatus.CLOSED).slaDeadline(null).build());

        // then
        assertThat(added).isTrue();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(store.messages(SHOP_ID, interaction.id())).containsExactly(first);
    }

    /**
     * A save from the version stored replaces every field and returns the next version; the stored interaction
     * is what was returned.
     */
    @Test
    public void should_replace_and_advance_version_when_saved_from_stored_version() {
        // given
        InteractionStore store = store();
        Interaction v1 = saved(store, review(SHOP_ID, "review-1", AT));
        Interaction changed = v1.toBuilder()
                .productName("Смартфон")
                .orderLink(new OrderLink("rid-1", "4512345678", OrderLinkSource.SHOP, AT.plusSeconds(30)))
                .rating(5)
                .classification(new Classification(InboxIntent.PRAISE, InboxEmotion.HAPPY, InboxPriority.NORMAL,
                        ClassificationSource.RULES, 0.9, List.of("спасибо")))
                .status(InteractionStatus.ANSWERED)
                .slaDeadline(null)
                .firstReplyAt(AT.plusSeconds(60))
                .unansweredBuyerMessages(0)
                .updatedAt(AT.plusSeconds(60))
                .build();

        // when
        Optional<Interaction> v2 = store.save(changed);
        Optional<Interaction> v3 = store.save(v2.orElseThrow().toBuilder().classification(null).build());

        // then
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2).contains(changed.toBuilder().version(2).build());
        assertThat(v3).contains(changed.toBuilder().classification(null).version(3).build());
        assertThat(store.find(SHOP_ID, changed.id())).isEqualTo(v3);
    }

    /**
     * Two saves from the same read: the first wins, the second gets empty and changes nothing; after reading
     * again, the second can apply its change.
     */
    @Test
    public void should_refuse_second_save_from_same_read() {
        // given
        InteractionStore store = store();
        saved(store, review(SHOP_ID, "review-1", AT));
        Interaction read = store.find(SHOP_ID, id("review-1")).orElseThrow();
        Interaction closing = read.toBuilder().status(InteractionStatus.CLOSED).slaDeadline(null).build();
        Interaction escalating = read.toBuilder().status(InteractionStatus.ESCALATED).escalatedAt(AT).build();

        // when
        Optional<Interaction> first = store.save(closing);
        Optional<Interaction> second = store.save(escalating);

        // then
        assertThat(first).contains(closing.toBuilder().version(2).build());
        assertThat(second).isEmpty();
        assertThat(store.find(SHOP_ID, read.id())).isEqualTo(first);
        Interaction again = store.find(SHOP_ID, read.id()).orElseThrow();
        assertThat(store.save(again.toBuilder().status(InteractionStatus.ESCALATED).escalatedAt(AT)
                .slaDeadline(AT.plusSeconds(3600)).build())).hasValueSatisfying(v3 -> {
                    assertThat(v3.version()).isEqualTo(3);
                    assertThat(v3.status()).isEqualTo(InteractionStatus.ESCALATED);
                });
    }

    /**
     * Version 0 means new: saving a new interaction whose id the shop has already is refused and changes
     * nothing, and so is saving at a version the store never wrote, or one the store has not got at all.
     */
    @Test
    public void should_refuse_save_when_versions_differ() {
        // given
        InteractionStore store = store();
        Interaction v1 = saved(store, review(SHOP_ID, "review-1", AT));
        Interaction duplicate = review(SHOP_ID, "review-1", AT.plusSeconds(60)).toBuilder()
                .status(InteractionStatus.CLOSED).slaDeadline(null).build();

        // when
        Optional<Interaction> asNew = store.save(duplicate);
        Optional<Interaction> ahead = store.save(v1.toBuilder().version(2).rating(5).build());
        Optional<Interaction> behind = store.save(v1.toBuilder().version(0).rating(5).build());
        Optional<Interaction> absent = store.save(review(SHOP_ID, "review-2", AT).toBuilder().version(1).build());

        // then
        assertThat(asNew).isEmpty();
        assertThat(ahead).isEmpty();
        assertThat(behind).isEmpty();
        assertThat(absent).isEmpty();
        assertThat(store.find(SHOP_ID, v1.id())).contains(v1);
        assertThat(store.find(SHOP_ID, id("review-2"))).isEmpty();
        assertThat(store.openedBetween(SHOP_ID, MARCH, APRIL, 10)).containsExactly(v1);
    }

    /**
     * The same id in two shops is two interactions with their own versions: a shop never finds, lists, queues or
     * overwrites the other's.
     */
    @Test
    public void should_keep_shops_apart_when_both_have_same_id() {
        // given
        InteractionStore store = store();
        Interaction mine = saved(store, review(SHOP_ID, "review-1", AT));

        // when / then: the other shop has none yet
        assertThat(store.find(OTHER_SHOP_ID, mine.id())).isEmpty();
        assertThat(store.queue(OTHER_SHOP_ID, EnumSet.allOf(InteractionStatus.class), 10)).isEmpty();
        assertThat(store.openedBetween(OTHER_SHOP_ID, MARCH, APRIL, 10)).isEmpty();
        assertThat(store.save(review(OTHER_SHOP_ID, "review-1", AT).toBuilder().version(1).build())).isEmpty();

        // when / then: the other shop saves its own, twice
        Interaction theirs = saved(store, review(OTHER_SHOP_ID, "review-1", AT.plusSeconds(1)).toBuilder()
                .status(InteractionStatus.ANSWERED).slaDeadline(null).build());
        Interaction theirsAgain = saved(store, theirs.toBuilder().rating(5).build());
        assertThat(theirsAgain.version()).isEqualTo(2);
        assertThat(store.find(SHOP_ID, mine.id())).contains(mine);
        assertThat(store.find(OTHER_SHOP_ID, mine.id())).contains(theirsAgain);
        assertThat(store.queue(SHOP_ID, EnumSet.allOf(InteractionStatus.class), 10)).containsExactly(mine);
        assertThat(store.queue(OTHER_SHOP_ID, EnumSet.allOf(InteractionStatus.class), 10))
                .containsExactly(theirsAgain);
        assertThat(store.openedBetween(SHOP_ID, MARCH, APRIL, 10)).containsExactly(mine);
        assertThat(store.openedBetween(OTHER_SHOP_ID, MARCH, APRIL, 10)).containsExactly(theirsAgain);
    }

    /**
     * The queue lists the wanted statuses by SLA deadline, soonest first; interactions of one deadline by id in
     * character-code order; those without a deadline last, by id; at most {@code limit}.
     */
    @Test
    public void should_queue_by_deadline_then_id_with_no_deadline_last() {
        // given
        InteractionStore store = store();
        Instant due = AT.plus(1, ChronoUnit.HOURS);
        Interaction later = inStatus(SHOP_ID, "a-later", InteractionStatus.OPEN, due.plus(1, ChronoUnit.MICROS));
        Interaction tieLower = inStatus(SHOP_ID, "review-b", InteractionStatus.OPEN, due);
        Interaction tieUpper = inStatus(SHOP_ID, "review-Z", InteractionStatus.ESCALATED, due);
        Interaction tieCyrillic = inStatus(SHOP_ID, "review-Ж", InteractionStatus.OPEN, due);
        Interaction soonest = inStatus(SHOP_ID, "z-soonest", InteractionStatus.ESCALATED,
                due.minus(1, ChronoUnit.MICROS));
        Interaction answeredDue = inStatus(SHOP_ID, "m-answered-due", InteractionStatus.ANSWERED,
                due.plusSeconds(1));
        Interaction answeredB = inStatus(SHOP_ID, "m-answered-b", InteractionStatus.ANSWERED, null);
        Interaction answeredA = inStatus(SHOP_ID, "m-answered-a", InteractionStatus.ANSWERED, null);
        Interaction closed = inStatus(SHOP_ID, "0-closed", InteractionStatus.CLOSED, null);
        List<Interaction> all = List.of(later, tieLower, tieUpper, tieCyrillic, soonest, answeredDue, answeredB,
                answeredA, closed);
        List<Interaction> stored = new ArrayList<>();
        for (Interaction interaction : all) {
            stored.add(saved(store, interaction));
        }

        // when
        List<Interaction> waiting = store.queue(SHOP_ID, WAITING, 10);
        List<Interaction> notClosed = store.queue(SHOP_ID, EnumSet.of(InteractionStatus.OPEN,
                InteractionStatus.ESCALATED, InteractionStatus.ANSWERED), 100);
        List<Interaction> firstThree = store.queue(SHOP_ID, WAITING, 3);
        List<Interaction> escalated = store.queue(SHOP_ID, EnumSet.of(InteractionStatus.ESCALATED), 10);
        List<Interaction> closedOnly = store.queue(SHOP_ID, Set.of(InteractionStatus.CLOSED), 1);

        // then
        Interaction s = stored.get(4);
        assertThat(waiting).containsExactly(s, stored.get(2), stored.get(1), stored.get(3), stored.get(0));
        assertThat(notClosed).containsExactly(s, stored.get(2), stored.get(1), stored.get(3), stored.get(0),
                stored.get(5), stored.get(7), stored.get(6));
        assertThat(firstThree).containsExactly(s, stored.get(2), stored.get(1));
        assertThat(escalated).containsExactly(s, stored.get(2));
        assertThat(closedOnly).containsExactly(stored.get(8));
    }

    /** The queue follows saved changes: an interaction answered leaves the waiting queue, one reopened joins it. */
    @Test
    public void should_queue_by_the_latest_saved_state() {
        // given
        InteractionStore store = store();
        Interaction first = saved(store, inStatus(SHOP_ID, "review-1", InteractionStatus.OPEN, AT));
        Interaction second = saved(store, inStatus(SHOP_ID, "review-2", InteractionStatus.OPEN,
                AT.plusSeconds(60)));

        // when
        Interaction answered = saved(store, first.toBuilder().status(InteractionStatus.ANSWERED).slaDeadline(null)
                .build());
        Interaction moved = saved(store, second.toBuilder().slaDeadline(AT.minusSeconds(60)).build());

        // then
        assertThat(store.queue(SHOP_ID, WAITING, 10)).containsExactly(moved);
        assertThat(store.queue(SHOP_ID, Set.of(InteractionStatus.ANSWERED), 10)).containsExactly(answered);

        // when: reopened
        Interaction reopened = saved(store, answered.toBuilder().status(InteractionStatus.OPEN)
                .slaDeadline(AT.minusSeconds(120)).build());

        // then
        assertThat(store.queue(SHOP_ID, WAITING, 10)).containsExactly(reopened, moved);
        assertThat(store.queue(SHOP_ID, Set.of(InteractionStatus.ANSWERED), 10)).isEmpty();
    }

    /**
     * An interaction opened at the start of the range is listed, one at its end is not, and neither is one a
     * microsecond before the start; an empty range lists nothing.
     */
    @Test
    public void should_list_start_and_leave_out_end_when_listing_opened_between() {
        // given
        InteractionStore store = store();
        Interaction before = saved(store, review(SHOP_ID, "a-before", MARCH.minus(1, ChronoUnit.MICROS)));
        Interaction atStart = saved(store, review(SHOP_ID, "b-start", MARCH));
        Interaction beforeEnd = saved(store, review(SHOP_ID, "c-before-end", APRIL.minus(1, ChronoUnit.MICROS)));
        Interaction atEnd = saved(store, review(SHOP_ID, "d-end", APRIL));

        // when
        List<Interaction> march = store.openedBetween(SHOP_ID, MARCH, APRIL, 10);

        // then
        assertThat(march).containsExactly(atStart, beforeEnd);
        assertThat(store.openedBetween(SHOP_ID, MARCH, MARCH, 10)).isEmpty();
        assertThat(store.openedBetween(SHOP_ID, APRIL, APRIL.plus(1, ChronoUnit.MICROS), 10))
                .containsExactly(atEnd);
        assertThat(store.openedBetween(SHOP_ID, MARCH.minusSeconds(1), MARCH, 10)).containsExactly(before);
    }

    /**
     * Opened interactions come oldest first, those of one time by id in character-code order, at most
     * {@code limit}, whatever their status.
     */
    @Test
    public void should_list_opened_oldest_first_then_by_id_within_limit() {
        // given
        InteractionStore store = store();
        Interaction newest = saved(store, review(SHOP_ID, "a-newest", AT.plus(1, ChronoUnit.MICROS)));
        Interaction tieLower = saved(store, review(SHOP_ID, "review-b", AT));
        Interaction tieCyrillic = saved(store, review(SHOP_ID, "review-Ж", AT).toBuilder()
                .status(InteractionStatus.CLOSED).slaDeadline(null).build());
        Interaction tieUpper = saved(store, review(SHOP_ID, "review-Z", AT).toBuilder()
                .status(InteractionStatus.ANSWERED).build());
        Interaction oldest = saved(store, review(SHOP_ID, "z-oldest", AT.minusSeconds(3600)));

        // when
        List<Interaction> all = store.openedBetween(SHOP_ID, MARCH, APRIL, 10);
        List<Interaction> firstThree = store.openedBetween(SHOP_ID, MARCH, APRIL, 3);
        List<Interaction> one = store.openedBetween(SHOP_ID, MARCH, APRIL, 1);

        // then
        assertThat(all).containsExactly(oldest, tieUpper, tieLower, tieCyrillic, newest);
        assertThat(firstThree).containsExactly(oldest, tieUpper, tieLower);
        assertThat(one).containsExactly(oldest);
    }

    /**
     * The queue refuses no statuses and a limit below one; the opened list refuses a range that ends before it
     * starts and a limit below one; nothing is changed by a refused call.
     */
    @Test
    public void should_refuse_invalid_arguments() {
        // given
        InteractionStore store = store();
        saved(store, review(SHOP_ID, "review-1", AT));
        String id = id("review-1");

        // when / then
        assertThatThrownBy(() -> store.queue(SHOP_ID, Set.of(), 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("status");
        assertThatThrownBy(() -> store.queue(SHOP_ID, WAITING, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> store.queue(SHOP_ID, WAITING, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> store.openedBetween(SHOP_ID, APRIL, MARCH, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.openedBetween(SHOP_ID, MARCH, MARCH.minus(1, ChronoUnit.MICROS), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.openedBetween(SHOP_ID, MARCH, APRIL, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThat(store.find(SHOP_ID, id)).hasValueSatisfying(found -> assertThat(found.version()).isEqualTo(1));
    }

    /** Several threads adding one message at once keep one, and exactly one of them is told it was new. */
    @Test
    public void should_keep_one_message_when_threads_add_same_id_at_once() {
        // given
        InteractionStore store = store();
        String id = id("review-1");

        // when
        List<Boolean> results = Concurrency.race(THREADS, i -> store.addMessage(SHOP_ID, id,
                buyer("review-1", "Версия " + i, AT.plusSeconds(i))));

        // then
        assertThat(results).containsOnlyOnce(true);
        int winner = results.indexOf(true);
        assertThat(store.messages(SHOP_ID, id)).containsExactly(buyer("review-1", "Версия " + winner,
                AT.plusSeconds(winner)));
    }

    /**
     * Several threads saving one new interaction at version 0 at once make one, and exactly one of them gets it
     * back, at version 1; the others get empty.
     */
    @Test
    public void should_save_one_when_threads_save_same_new_interaction_at_once() {
        // given
        InteractionStore store = store();

        // when
        List<Optional<Interaction>> results = Concurrency.race(THREADS, i -> store.save(
                review(SHOP_ID, "review-1", AT).toBuilder().unansweredBuyerMessages(i).build()));

        // then
        assertThat(results.stream().filter(Optional::isPresent).count()).isEqualTo(1);
        Interaction winner = results.stream().flatMap(Optional::stream).findFirst().orElseThrow();
        assertThat(winner.version()).isEqualTo(1);
        assertThat(winner.unansweredBuyerMessages()).isEqualTo(results.indexOf(Optional.of(winner)));
        assertThat(store.find(SHOP_ID, winner.id())).contains(winner);
    }

    /**
     * Several threads saving from the same stored version at once: exactly one succeeds, the stored interaction
     * is its, and the others get empty.
     */
    @Test
    public void should_let_one_save_win_when_threads_save_from_same_version_at_once() {
        // given
        InteractionStore store = store();
        Interaction read = saved(store, review(SHOP_ID, "review-1", AT));

        // when
        List<Optional<Interaction>> results = Concurrency.race(THREADS, i -> store.save(read.toBuilder()
                .unansweredBuyerMessages(100 + i).updatedAt(AT.plusSeconds(i)).build()));

        // then
        assertThat(results.stream().filter(Optional::isPresent).count()).isEqualTo(1);
        int winner = results.indexOf(results.stream().filter(Optional::isPresent).findFirst().orElseThrow());
        Interaction expected = read.toBuilder().unansweredBuyerMessages(100 + winner)
                .updatedAt(AT.plusSeconds(winner)).version(2).build();
        assertThat(results.get(winner)).contains(expected);
        assertThat(store.find(SHOP_ID, read.id())).contains(expected);
    }

    /**
     * Threads that each read, change and save again until their save wins lose no change: the count they raise
     * one each ends at the number of threads, and the version counts every save.
     */
    @Test
    public void should_lose_no_change_when_threads_retry_after_conflicts() {
        // given
        InteractionStore store = store();
        Interaction first = saved(store, review(SHOP_ID, "review-1", AT).toBuilder().unansweredBuyerMessages(0)
                .build());

        // when
        List<Integer> attempts = Concurrency.race(THREADS, i -> {
            for (int attempt = 1; ; attempt++) {
                Interaction read = store.find(SHOP_ID, first.id()).orElseThrow();
                if (store.save(read.toBuilder().unansweredBuyerMessages(read.unansweredBuyerMessages() + 1)
                        .build()).isPresent()) {
                    return attempt;
                }
            }
        });

        // then
        assertThat(attempts).hasSize(THREADS).allSatisfy(a -> assertThat(a).isPositive());
        assertThat(store.find(SHOP_ID, first.id())).hasValueSatisfying(found -> {
            assertThat(found.unansweredBuyerMessages()).isEqualTo(THREADS);
            assertThat(found.version()).isEqualTo(1 + THREADS);
        });
    }

    /** Threads saving different interactions and adding their messages at once lose none of them. */
    @Test
    public void should_keep_every_interaction_and_message_when_threads_write_different_ids() {
        // given
        InteractionStore store = store();

        // when
        List<Boolean> results = Concurrency.race(THREADS, i -> {
            Interaction interaction = review(SHOP_ID, "review-" + i, AT.plusSeconds(i));
            boolean added = store.addMessage(SHOP_ID, interaction.id(), buyer("m-" + i, "Отзыв " + i, AT));
            boolean addedShared = store.addMessage(SHOP_ID, id("shared"), buyer("m-" + i, "Общий " + i, AT));
            return added && addedShared && store.save(interaction).isPresent();
        });

        // then
        assertThat(results).containsOnly(true);
        assertThat(store.openedBetween(SHOP_ID, MARCH, APRIL, 100)).hasSize(THREADS);
        assertThat(store.messages(SHOP_ID, id("shared"))).hasSize(THREADS);
        for (int i = 0; i < THREADS; i++) {
            assertThat(store.messages(SHOP_ID, id("review-" + i))).singleElement()
                    .satisfies(m -> assertThat(m.text()).startsWith("Отзыв "));
        }
    }
}
