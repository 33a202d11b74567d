package dev.aihq.testkit.contract;

import static dev.aihq.testkit.Fixtures.CUSTOMER;
import static dev.aihq.testkit.Fixtures.NOW;
import static dev.aihq.testkit.Fixtures.OTHER_CUSTOMER;
import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.store.ConversationMessage.Direction;
import dev.aihq.api.store.ConversationMessage;
import dev.aihq.api.store.ConversationStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ConversationStore}: appends are idempotent by (shop, message key), a customer's
 * recent messages come oldest first and limited to the newest, a purge deletes one shop's older messages,
 * and shops and customers never see each other's messages. Subclass it and return a new empty store from
 * {@link #createStore()}.
 */
public abstract class ConversationStoreContract extends StoreContract<ConversationStore> {

    /** Creates the suite. */
    protected ConversationStoreContract() {}

    /** A customer without messages has an empty conversation. */
    @Test
    public void should_return_nothing_when_customer_has_no_messages() {
        // given
        ConversationStore store = store();

        // when / then
        assertThat(store.recent(SHOP_ID, CUSTOMER, 10)).isEmpty();
    }

    /** An appended message is read back unchanged. */
    @Test
    public void should_read_message_back_when_appended() {
        // given
        ConversationStore store = store();
        ConversationMessage message =
                message(SHOP_ID, CUSTOMER, Direction.INBOUND, "Есть ли чехол к A55?", NOW, "m1");

        // when
        boolean appended = store.append(message);

        // then
        assertThat(appended).isTrue();
        assertThat(store.recent(SHOP_ID, CUSTOMER, 10)).containsExactly(message);
    }

    /** A second append of a key returns false and keeps the first message. */
    @Test
    public void should_keep_first_message_when_key_is_appended_twice() {
        // given
        ConversationStore store = store();
        ConversationMessage first = message(SHOP_ID, CUSTOMER, Direction.INBOUND, "first", NOW, "m1");
        store.append(first);

        // when
        boolean again = store.append(first);
        boolean changed = store.append(
                message(SHOP_ID, CUSTOMER, Direction.OUTBOUND, "changed", NOW.plusSeconds(5), "m1"));

        // then
        assertThat(again).isFalse();
        assertThat(changed).isFalse();
        assertThat(store.recent(SHOP_ID, CUSTOMER, 10)).containsExactly(first);
    }

    /** Messages come in chronological order whatever the order of appending, ties ordered by key. */
    @Test
    public void should_return_chronological_order_when_appended_out_of_order() {
        // given
        ConversationStore store = store();
        ConversationMessage second = message(SHOP_ID, CUSTOMER, Direction.OUTBOUND, "reply", NOW.plusSeconds(60), "b");
        ConversationMessage first = message(SHOP_ID, CUSTOMER, Direction.INBOUND, "question", NOW, "z");
        ConversationMessage third = message(SHOP_ID, CUSTOMER, Direction.INBOUND, "thanks", NOW.plusSeconds(60), "c");

        // when
        store.append(third);
        store.append(second);
        store.append(first);

        // then
        assertThat(store.recent(SHOP_ID, CUSTOMER, 10)).containsExactly(first, second, third);
    }

    /** The limit keeps the newest messages, still oldest first. */
    @Test
    public void should_return_newest_messages_oldest_first_when_limited() {
        // given
        ConversationStore store = store();
        for (int i = 1; i <= 5; i++) {
            store.append(message(SHOP_ID, CUSTOMER, i % 2 == 0 ? Direction.OUTBOUND : Direction.INBOUND, "text " + i,
                    NOW.plusSeconds(i), "m" + i));
        }

        // when
        var recent = store.recent(SHOP_ID, CUSTOMER, 2);

        // then
        assertThat(recent).extracting(ConversationMessage::text).containsExactly("text 4", "text 5");
        assertThat(store.recent(SHOP_ID, CUSTOMER, 1)).extracting(ConversationMessage::messageKey)
                .containsExactly("m5");
        assertThatThrownBy(() -> store.recent(SHOP_ID, CUSTOMER, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A purge deletes the shop's messages strictly older than the instant, of every customer, and counts them. */
    @Test
    public void should_delete_older_messages_when_purged() {
        // given
        ConversationStore store = store();
        Instant cutoff = NOW.minus(Duration.ofDays(30));
        store.append(message(SHOP_ID, CUSTOMER, Direction.INBOUND, "old", cutoff.minusSeconds(1), "m1"));
        store.append(message(SHOP_ID, OTHER_CUSTOMER, Direction.OUTBOUND, "old too", cutoff.minusSeconds(3600), "m2"));
        ConversationMessage kept = message(SHOP_ID, CUSTOMER, Direction.OUTBOUND, "at cutoff", cutoff, "m3");
        store.append(kept);

        // when
        int purged = store.purgeBefore(SHOP_ID, cutoff);

        // then
        assertThat(purged).isEqualTo(2);
        assertThat(store.recent(SHOP_ID, CUSTOMER, 10)).containsExactly(kept);
        assertThat(store.recent(SHOP_ID, OTHER_CUSTOMER, 10)).isEmpty();
        assertThat(store.purgeBefore(SHOP_ID, cutoff)).isZero();
    }

    /** A purged key may be appended again: idempotency lasts as long as the message is kept. */
    @Test
    public void should_accept_key_again_when_its_message_was_purged() {
        // given
        ConversationStore store = store();
        store.append(message(SHOP_ID, CUSTOMER, Direction.INBOUND, "old", NOW.minusSeconds(60), "m1"));
        store.purgeBefore(SHOP_ID, NOW);

        // when
        boolean appended = store.append(message(SHOP_ID, CUSTOMER, Direction.INBOUND, "new", NOW, "m1"));

        // then
        assertThat(appended).isTrue();
        assertThat(store.recent(SHOP_ID, CUSTOMER, 10)).extracting(ConversationMessage::text).containsExactly("new");
    }

    /**
     * Tenant isolation: the same key and customer in two shops are two messages; a shop reads and purges
     * only its own, and customers' conversations are apart.
     */
    @Test
    public void should_keep_shops_and_customers_apart_when_they_share_keys() {
        // given
        ConversationStore store = store();
        ConversationMessage ours = message(SHOP_ID, CUSTOMER, Direction.INBOUND, "ours", NOW.minusSeconds(60), "m1");
        ConversationMessage theirs =
                message(OTHER_SHOP_ID, CUSTOMER, Direction.INBOUND, "theirs", NOW.minusSeconds(60), "m1");
        ConversationMessage otherCustomer =
                message(SHOP_ID, OTHER_CUSTOMER, Direction.OUTBOUND, "someone else", NOW, "m2");

        // when
        boolean oursAppended = store.append(ours);
        boolean theirsAppended = store.append(theirs);
        store.append(otherCustomer);
        int purged = store.purgeBefore(OTHER_SHOP_ID, NOW);

        // then
        assertThat(oursAppended).isTrue();
        assertThat(theirsAppended).isTrue();
        assertThat(purged).isEqualTo(1);
        assertThat(store.recent(SHOP_ID, CUSTOMER, 10)).containsExactly(ours);
        assertThat(store.recent(SHOP_ID, OTHER_CUSTOMER, 10)).containsExactly(otherCustomer);
        assertThat(store.recent(OTHER_SHOP_ID, CUSTOMER, 10)).isEmpty();
    }

    /** A customer who never wrote has no last inbound time, even with messages sent to them. */
    @Test
    public void should_have_no_last_inbound_time_when_the_customer_never_wrote() {
        // given
        ConversationStore store = store();
        store.append(message(SHOP_ID, CUSTOMER, Direction.OUTBOUND, "Спасибо за покупку!", NOW, "m1"));

        // when / then
        assertThat(store.lastInboundAt(SHOP_ID, CUSTOMER)).isEmpty();
        assertThat(store.lastInboundAt(SHOP_ID, OTHER_CUSTOMER)).isEmpty();
    }

    /**
     * The last inbound time is the customer's newest inbound message: later outbound messages, other
     * customers' and another shop's messages do not count; times are kept to the microsecond.
     */
    @Test
    public void should_return_the_newest_inbound_time_when_outbound_messages_are_newer() {
        // given
        ConversationStore store = store();
        Instant newest = NOW.plusSeconds(120).plusNanos(123_456_789);
        store.append(message(SHOP_ID, CUSTOMER, Direction.INBOUND, "Есть ли чехол?", NOW, "m1"));
        store.append(message(SHOP_ID, CUSTOMER, Direction.INBOUND, "А стекло?", newest, "m2"));
        store.append(message(SHOP_ID, CUSTOMER, Direction.OUTBOUND, "Есть, 2 490 ₸", NOW.plusSeconds(600), "m3"));
        store.append(message(SHOP_ID, OTHER_CUSTOMER, Direction.INBOUND, "Здравствуйте", NOW.plusSeconds(900), "m4"));
        store.append(message(OTHER_SHOP_ID, CUSTOMER, Direction.INBOUND, "Здравствуйте", NOW.plusSeconds(900), "m5"));

        // when
        var last = store.lastInboundAt(SHOP_ID, CUSTOMER);

        // then
        assertThat(last).contains(newest.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(store.lastInboundAt(SHOP_ID, OTHER_CUSTOMER)).contains(NOW.plusSeconds(900));
        assertThat(store.lastInboundAt(OTHER_SHOP_ID, OTHER_CUSTOMER)).isEmpty();
    }

    /** A purge of the customer's inbound messages forgets when they last wrote. */
    @Test
    public void should_have_no_last_inbound_time_when_the_messages_were_purged() {
        // given
        ConversationStore store = store();
        store.append(message(SHOP_ID, CUSTOMER, Direction.INBOUND, "old", NOW.minusSeconds(60), "m1"));
        store.purgeBefore(SHOP_ID, NOW);

        // when / then
        assertThat(store.lastInboundAt(SHOP_ID, CUSTOMER)).isEmpty();
    }

    private static ConversationMessage message(
            ShopId shopId, PhoneNumber customer, Direction direction, String text, Instant at, String key) {
        return new ConversationMessage(shopId, customer, direction, text, at, key);
    }
}
