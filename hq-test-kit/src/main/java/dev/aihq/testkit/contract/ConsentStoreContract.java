package dev.aihq.testkit.contract;

import static dev.aihq.testkit.Fixtures.CUSTOMER;
import static dev.aihq.testkit.Fixtures.NOW;
import static dev.aihq.testkit.Fixtures.OTHER_CUSTOMER;
import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.store.ConsentChange;
import dev.aihq.api.store.ConsentEvent;
import dev.aihq.api.store.ConsentRecord;
import dev.aihq.api.store.ConsentStatus;
import dev.aihq.api.store.ConsentStore;
import dev.aihq.testkit.Concurrency;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ConsentStore}: a customer without a record reads as empty (and
 * {@link ConsentStatus#UNKNOWN} through {@link ConsentStore#get}); every change follows
 * {@link ConsentRecord#apply} (an opt-out is permanent, the question is asked only once, the messenger's
 * pause is independent of the status); a change that does nothing stores nothing; the source is checked;
 * shops keep their records apart; concurrent changes of one customer apply one after the other, so of
 * racing senders exactly one asks; times are kept to the microsecond. Subclass it and return a new empty
 * store from {@link #createStore()}.
 */
public abstract class ConsentStoreContract extends StoreContract<ConsentStore> {

    /** Creates the suite. */
    protected ConsentStoreContract() {}

    /**
     * Returns how many rounds the concurrency test runs, each for another customer; lower it for a store
     * whose changes are slow.
     *
     * @return the rounds, 5 by default
     */
    protected int raceRounds() {
        return 5;
    }

    /** A customer nothing was recorded for has no record, and reads as unknown. */
    @Test
    public void should_find_nothing_and_get_unknown_when_nothing_was_recorded() {
        // given
        ConsentStore store = store();

        // when / then
        assertThat(store.find(SHOP_ID, CUSTOMER)).isEmpty();
        ConsentRecord unknown = store.get(SHOP_ID, CUSTOMER);
        assertThat(unknown).isEqualTo(ConsentRecord.unknown(SHOP_ID, CUSTOMER));
        assertThat(unknown.status()).isEqualTo(ConsentStatus.UNKNOWN);
        assertThat(unknown.allowsMessages()).isTrue();
        assertThat(unknown.allowsMarketing()).isFalse();
    }

    /** Asking an unknown customer records the question and its time, and the record reads back the same. */
    @Test
    public void should_record_the_question_when_an_unknown_customer_is_asked() {
        // given
        ConsentStore store = store();

        // when
        ConsentChange change = store.apply(SHOP_ID, CUSTOMER, ConsentEvent.ASKED, NOW, "consent-question");

        // then
        assertThat(change.changed()).isTrue();
        assertThat(change.before()).isEqualTo(ConsentRecord.unknown(SHOP_ID, CUSTOMER));
        assertThat(change.after()).isEqualTo(new ConsentRecord(SHOP_ID, CUSTOMER, ConsentStatus.ASKED, false, NOW,
                NOW, "consent-question"));
        assertThat(store.find(SHOP_ID, CUSTOMER)).contains(change.after());
        assertThat(store.get(SHOP_ID, CUSTOMER)).isEqualTo(change.after());
    }

    /** The question is asked only once: asking again, or after an answer, changes nothing. */
    @Test
    public void should_ask_only_once_when_asked_again_or_after_an_answer() {
        // given
        ConsentStore store = store();
        ConsentRecord asked = store.apply(SHOP_ID, CUSTOMER, ConsentEvent.ASKED, NOW, "consent-question").after();

        // when
        ConsentChange again = store.apply(SHOP_ID, CUSTOMER, ConsentEvent.ASKED, NOW.plusSeconds(60),
                "consent-question");
        ConsentRecord granted = store.apply(SHOP_ID, CUSTOMER, ConsentEvent.GRANTED, NOW.plusSeconds(120), "button")
                .after();
        ConsentChange afterAnswer = store.apply(SHOP_ID, CUSTOMER, ConsentEvent.ASKED, NOW.plusSeconds(180),
                "consent-question");

        // then
        assertThat(again.changed()).isFalse();
        assertThat(again.before()).isEqualTo(asked);
        assertThat(again.after()).isEqualTo(asked);
        assertThat(afterAnswer.changed()).isFalse();
        assertThat(afterAnswer.after()).isEqualTo(granted);
        assertThat(store.find(SHOP_ID, CUSTOMER)).contains(granted);
        assertThat(granted.askedAt()).isEqualTo(NOW);
    }

    /** A yes opts the customer in; a later no declines; a yes again opts in again; each keeps its source. */
    @Test
    public void should_set_the_status_when_the_customer_grants_or_declines() {
        // given
        ConsentStore store = store();
        store.apply(SHOP_ID, CUSTOMER, ConsentEvent.ASKED, NOW, "consent-question");

        // when
        ConsentChange granted = store.apply(SHOP_ID, CUSTOMER, ConsentEvent.GRANTED, NOW.plusSeconds(60), "button");
        ConsentChange declined = store.apply(SHOP_ID, CUSTOMER, ConsentEvent.DECLINED, NOW.plusSeconds(120), "text");
        ConsentChange grantedAgain = store.apply(SHOP_ID, CUSTOMER, ConsentEvent.GRANTED, NOW.plusSeconds(180),
                "import");

        // then
        assertThat(granted.after().status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(granted.after().allowsMarketing()).isTrue();
        assertThat(declined.before()).isEqualTo(granted.after());
        assertThat(declined.after()).isEqualTo(new ConsentRecord(SHOP_ID, CUSTOMER, ConsentStatus.DECLINED, false,
                NOW, NOW.plusSeconds(120), "text"));
        assertThat(declined.after().allowsMarketing()).isFalse();
        assertThat(declined.after().allowsMessages()).isTrue();
        assertThat(grantedAgain.after().status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(grantedAgain.after().source()).isEqualTo("import");
        assertThat(store.find(SHOP_ID, CUSTOMER)).contains(grantedAgain.after());
    }

    /** A yes recorded before any question (e.g. an import) opts the customer in without an asked time. */
    @Test
    public void should_opt_in_without_a_question_when_consent_is_imported() {
        // when
        ConsentChange change = store().apply(SHOP_ID, CUSTOMER, ConsentEvent.GRANTED, NOW, "import");

        // then
        assertThat(change.changed()).isTrue();
        assertThat(change.after()).isEqualTo(new ConsentRecord(SHOP_ID, CUSTOMER, ConsentStatus.OPTED_IN, false, null,
                NOW, "import"));
        assertThat(store().find(SHOP_ID, CUSTOMER)).contains(change.after());
    }

    /** An opt-out is permanent: no later answer or question changes the status or the record. */
    @Test
    public void should_keep_the_opt_out_when_later_events_arrive() {
        // given
        ConsentStore store = store();
        store.apply(SHOP_ID, CUSTOMER, ConsentEvent.GRANTED, NOW, "button");
        ConsentRecord optedOut = store.apply(SHOP_ID, CUSTOMER, ConsentEvent.OPTED_OUT, NOW.plusSeconds(60), "text")
                .after();

        // when
        List<ConsentChange> later = List.of(
                store.apply(SHOP_ID, CUSTOMER, ConsentEvent.GRANTED, NOW.plusSeconds(120), "button"),
                store.apply(SHOP_ID, CUSTOMER, ConsentEvent.DECLINED, NOW.plusSeconds(180), "button"),
                store.apply(SHOP_ID, CUSTOMER, ConsentEvent.ASKED, NOW.plusSeconds(240), "consent-question"),
                store.apply(SHOP_ID, CUSTOMER, ConsentEvent.OPTED_OUT, NOW.plusSeconds(300), "text"));

        // then
        assertThat(optedOut.status()).isEqualTo(ConsentStatus.OPTED_OUT);
        assertThat(optedOut.allowsMessages()).isFalse();
        assertThat(later).allSatisfy(change -> {
            assertThat(change.changed()).isFalse();
            assertThat(change.after()).isEqualTo(optedOut);
        });
        assertThat(store.find(SHOP_ID, CUSTOMER)).contains(optedOut);
    }

    /**
     * The messenger's pause is kept beside the status, whatever it is: it pauses marketing of an opted-in
     * customer, survives status changes and an opt-out, and a resume lifts it.
     */
    @Test
    public void should_pause_and_resume_marketing_independently_of_the_status() {
        // given
        ConsentStore store = store();
        store.apply(SHOP_ID, CUSTOMER, ConsentEvent.GRANTED, NOW, "button");

        // when
        ConsentChange paused = store.apply(SHOP_ID, CUSTOMER, ConsentEvent.MARKETING_STOPPED, NOW.plusSeconds(60),
                "whatsapp:user_preferences");
        ConsentChange pausedAgain = store.apply(SHOP_ID, CUSTOMER, ConsentEvent.MARKETING_STOPPED,
                NOW.plusSeconds(90), "whatsapp:user_preferences");
        ConsentChange declined = store.apply(SHOP_ID, CUSTOMER, ConsentEvent.DECLINED, NOW.plusSeconds(120), "text");
        ConsentChange resumed = store.apply(SHOP_ID, CUSTOMER, ConsentEvent.MARKETING_RESUMED, NOW.plusSeconds(180),
                "whatsapp:user_preferences");
        ConsentChange granted = store.apply(SHOP_ID, CUSTOMER, ConsentEvent.GRANTED, NOW.plusSeconds(240), "button");

        // then
        assertThat(paused.after().status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(paused.after().marketingPaused()).isTrue();
        assertThat(paused.after().allowsMarketing()).isFalse();
        assertThat(pausedAgain.changed()).isFalse();
        assertThat(declined.after().marketingPaused()).isTrue();
        assertThat(resumed.after().status()).isEqualTo(ConsentStatus.DECLINED);
        assertThat(resumed.after().marketingPaused()).isFalse();
        assertThat(granted.after().allowsMarketing()).isTrue();
        assertThat(store.find(SHOP_ID, CUSTOMER)).contains(granted.after());
    }

    /** A pause reported for an opted-out or unknown customer is recorded without touching the status. */
    @Test
    public void should_record_a_pause_when_the_customer_is_opted_out_or_unknown() {
        // given
        ConsentStore store = store();
        store.apply(SHOP_ID, CUSTOMER, ConsentEvent.OPTED_OUT, NOW, "text");

        // when
        ConsentChange optedOutPaused = store.apply(SHOP_ID, CUSTOMER, ConsentEvent.MARKETING_STOPPED,
                NOW.plusSeconds(60), "whatsapp:user_preferences");
        ConsentChange unknownPaused = store.apply(SHOP_ID, OTHER_CUSTOMER, ConsentEvent.MARKETING_STOPPED,
                NOW.plusSeconds(60), "whatsapp:user_preferences");

        // then
        assertThat(optedOutPaused.changed()).isTrue();
        assertThat(optedOutPaused.after().status()).isEqualTo(ConsentStatus.OPTED_OUT);
        assertThat(optedOutPaused.after().marketingPaused()).isTrue();
        assertThat(unknownPaused.after()).isEqualTo(new ConsentRecord(SHOP_ID, OTHER_CUSTOMER, ConsentStatus.UNKNOWN,
                true, null, NOW.plusSeconds(60), "whatsapp:user_preferences"));
        assertThat(store.find(SHOP_ID, OTHER_CUSTOMER)).contains(unknownPaused.after());
    }

    /** An event that changes nothing for a customer without a record stores no record. */
    @Test
    public void should_store_nothing_when_an_event_changes_nothing_for_an_unknown_customer() {
        // when
        ConsentChange change = store().apply(SHOP_ID, CUSTOMER, ConsentEvent.MARKETING_RESUMED, NOW,
                "whatsapp:user_preferences");

        // then
        assertThat(change.changed()).isFalse();
        assertThat(change.after()).isEqualTo(ConsentRecord.unknown(SHOP_ID, CUSTOMER));
        assertThat(store().find(SHOP_ID, CUSTOMER)).isEmpty();
    }

    /**
     * Tenant isolation: the same number in two shops has two records, and another customer of the shop has
     * none.
     */
    @Test
    public void should_keep_shops_apart_when_they_share_a_customer() {
        // given
        ConsentStore store = store();

        // when
        ConsentRecord ours = store.apply(SHOP_ID, CUSTOMER, ConsentEvent.GRANTED, NOW, "button").after();
        ConsentRecord theirs = store.apply(OTHER_SHOP_ID, CUSTOMER, ConsentEvent.OPTED_OUT, NOW.plusSeconds(1), "text")
                .after();
        ConsentChange askedInOurs = store.apply(SHOP_ID, OTHER_CUSTOMER, ConsentEvent.ASKED, NOW, "consent-question");

        // then
        assertThat(store.find(SHOP_ID, CUSTOMER)).contains(ours);
        assertThat(store.find(OTHER_SHOP_ID, CUSTOMER)).contains(theirs);
        assertThat(ours.status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(theirs.status()).isEqualTo(ConsentStatus.OPTED_OUT);
        assertThat(theirs.shopId()).isEqualTo(OTHER_SHOP_ID);
        assertThat(askedInOurs.changed()).isTrue();
        assertThat(store.find(OTHER_SHOP_ID, OTHER_CUSTOMER)).isEmpty();
    }

    /** A blank, empty or too long source is refused and nothing is stored; the longest allowed is taken. */
    @Test
    public void should_refuse_an_invalid_source_and_store_nothing() {
        // given
        ConsentStore store = store();
        String longest = "s".repeat(ConsentRecord.MAX_SOURCE_LENGTH);

        // when / then
        for (String source : List.of("", "   ", longest + "s")) {
            assertThatThrownBy(() -> store.apply(SHOP_ID, CUSTOMER, ConsentEvent.GRANTED, NOW, source))
                    .as("source of %d characters", source.length()).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(store.find(SHOP_ID, CUSTOMER)).isEmpty();
        assertThat(store.apply(SHOP_ID, CUSTOMER, ConsentEvent.GRANTED, NOW, longest).after().source())
                .isEqualTo(longest);
        assertThat(store.find(SHOP_ID, CUSTOMER).orElseThrow().source()).isEqualTo(longest);
    }

    /** Times are kept to the microsecond: what is returned is what is read back. */
    @Test
    public void should_keep_times_to_the_microsecond_when_they_have_nanoseconds() {
        // given
        Instant at = NOW.plusNanos(123_456_789);
        Instant micros = at.truncatedTo(ChronoUnit.MICROS);

        // when
        ConsentChange change = store().apply(SHOP_ID, CUSTOMER, ConsentEvent.ASKED, at, "consent-question");

        // then
        assertThat(change.after().askedAt()).isEqualTo(micros);
        assertThat(change.after().updatedAt()).isEqualTo(micros);
        assertThat(store().find(SHOP_ID, CUSTOMER)).contains(change.after());
    }

    /**
     * Sixteen senders recording the question for one customer at once: exactly one sees the change (and
     * asks), the others find the customer asked. Run in rounds, each for another customer, to give a
     * read-then-write race many chances to show.
     */
    @Test
    public void should_let_exactly_one_ask_when_senders_race_for_one_customer() {
        // given
        ConsentStore store = store();
        for (int round = 0; round < raceRounds(); round++) {
            PhoneNumber customer = new PhoneNumber("+7701777" + String.format("%04d", round));

            // when
            List<ConsentChange> changes = Concurrency.race(16, t -> store.apply(SHOP_ID, customer, ConsentEvent.ASKED,
                    NOW.plusSeconds(t), "sender-" + t));

            // then
            assertThat(changes).as("changes in round %d", round).filteredOn(ConsentChange::changed).hasSize(1);
            ConsentRecord asked = changes.stream().filter(ConsentChange::changed).findFirst().orElseThrow().after();
            assertThat(asked.status()).isEqualTo(ConsentStatus.ASKED);
            assertThat(changes).as("round %d", round).allSatisfy(change -> assertThat(change.after()).isEqualTo(asked));
            assertThat(store.find(SHOP_ID, customer)).contains(asked);
        }
    }

    /**
     * Concurrent answers of one customer are applied one after the other: of a yes and an opt-out racing,
     * the opt-out always stands at the end, whichever came first.
     */
    @Test
    public void should_keep_the_opt_out_when_it_races_with_a_yes() {
        // given
        ConsentStore store = store();
        for (int round = 0; round < raceRounds(); round++) {
            PhoneNumber customer = new PhoneNumber("+7701888" + String.format("%04d", round));

            // when
            Concurrency.race(8, t -> store.apply(SHOP_ID, customer,
                    t % 2 == 0 ? ConsentEvent.GRANTED : ConsentEvent.OPTED_OUT, NOW, "sender-" + t));

            // then
            assertThat(store.get(SHOP_ID, customer).status()).as("round %d", round).isEqualTo(ConsentStatus.OPTED_OUT);
        }
    }
}
