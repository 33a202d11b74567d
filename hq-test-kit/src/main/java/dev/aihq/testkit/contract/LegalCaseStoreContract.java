package dev.aihq.testkit.contract;

import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Marketplace;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.LegalEventType;
import dev.aihq.api.result.CanContest;
import dev.aihq.api.result.RiskLevel;
import dev.aihq.api.store.LegalCase;
import dev.aihq.api.store.LegalCaseStore;
import dev.aihq.api.store.MarketplaceAnswer;
import dev.aihq.testkit.Concurrency;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link LegalCaseStore}: one case per (shop, key), a second save replacing the assessment and
 * keeping the answers; the history lists a shop's cases of {@code [from, to)} newest first, ties by key, within a
 * limit; an answer is kept once per (shop, case, answer key), the first one staying, and answers come oldest
 * first; an answer to a case the shop does not have is refused. Shops never see each other's cases or answers.
 * Every field reads back exactly, times to the microsecond. Concurrent saves of one new case make one new case,
 * and concurrent answers of one key one answer. Subclass it and return a new empty store from
 * {@link #createStore()}.
 */
public abstract class LegalCaseStoreContract extends StoreContract<LegalCaseStore> {

    /** The start of the range most tests read: March 2026 in UTC. */
    private static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");
    /** The end of that range, exclusive. */
    private static final Instant APRIL = Instant.parse("2026-04-01T00:00:00Z");
    /** A time inside the range, with microseconds. */
    private static final Instant AT = Instant.parse("2026-03-10T10:15:30.123456Z");
    /** How many threads the races run. */
    private static final int THREADS = 8;

    /** Creates the suite. */
    protected LegalCaseStoreContract() {}

    /**
     * Makes a Kaspi fine case with an order and a product, no measure, assessed an hour after it was applied.
     *
     * @param shop the shop
     * @param key the case key
     * @param appliedAt when the fine was applied
     * @return the case
     */
    protected static LegalCase fine(ShopId shop, String key, Instant appliedAt) {
        return new LegalCase(shop, key, LegalEventType.FINE, Marketplace.KASPI, OrderId.of("512345678"),
                "Смартфон Samsung Galaxy A55 256 ГБ", null, List.of("kaspi.fine.late_shipment"), RiskLevel.MEDIUM,
                CanContest.PARTIAL, appliedAt.plus(3, ChronoUnit.DAYS), false, appliedAt,
                appliedAt.plus(1, ChronoUnit.HOURS), "{\"risk_level\":\"medium\"}");
    }

    /**
     * Makes an answer.
     *
     * @param key the answer key
     * @param receivedAt when it arrived
     * @param outcome what it decided
     * @param text its text
     * @return the answer
     */
    protected static MarketplaceAnswer answer(String key, Instant receivedAt, MarketplaceAnswer.Outcome outcome,
            String text) {
        return new MarketplaceAnswer(key, receivedAt, outcome, text);
    }

    /** A store without cases finds none, lists no history and no answers. */
    @Test
    public void should_find_nothing_when_no_case_saved() {
        // given
        LegalCaseStore store = store();

        // when / then
        assertThat(store.find(SHOP_ID, "fine:512345678")).isEmpty();
        assertThat(store.history(SHOP_ID, MARCH, APRIL, 10)).isEmpty();
        assertThat(store.answers(SHOP_ID, "fine:512345678")).isEmpty();
    }

    /**
     * A new case is saved and read back with every field as it was given: many rule ids in order (with quotes,
     * commas and Cyrillic), a 100 KB assessment, Cyrillic texts, an official deadline, times to the microsecond.
     */
    @Test
    public void should_read_every_field_back_when_saved() {
        // given
        LegalCaseStore store = store();
        List<String> ruleIds = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ruleIds.add("kaspi.правило-" + i);
        }
        ruleIds.add("rule \"with\" quotes, commas; [brackets] and \\ slash");
        ruleIds.add("");
        StringBuilder json = new StringBuilder("{\"summary\":\"");
        while (json.length() < 100_000) {
            json.append("Штраф за нарушение срока передачи заказа в доставку; ");
        }
        json.append("\",\"deadline\":\"2026-03-13T10:15:30.123456Z\"}");
        LegalCase legalCase = new LegalCase(SHOP_ID, "legal:fine:Заказ-512345678", LegalEventType.PRODUCT_BLOCK,
                Marketplace.WILDBERRIES, OrderId.of("Заказ-512345678"), "Чай зелёный «Горный», 100 г",
                "отключение", ruleIds, RiskLevel.HIGH, CanContest.NOT_DETERMINED,
                Instant.parse("2026-03-13T10:15:30.654321Z"), true, AT, AT.plus(7, ChronoUnit.MICROS),
                json.toString());

        // when
        boolean saved = store.save(legalCase);

        // then
        assertThat(saved).isTrue();
        assertThat(store.find(SHOP_ID, legalCase.key())).hasValueSatisfying(found -> {
            assertThat(found.ruleIds()).containsExactlyElementsOf(ruleIds);
            assertThat(found.assessmentJson()).isEqualTo(legalCase.assessmentJson());
            assertThat(found).isEqualTo(legalCase);
        });
        assertThat(store.history(SHOP_ID, MARCH, APRIL, 10)).containsExactly(legalCase);
    }

    /** A case without order, product, measure, deadline and rule ids reads back with none of them. */
    @Test
    public void should_read_missing_parts_back_as_missing_when_saved() {
        // given
        LegalCaseStore store = store();
        LegalCase manual = new LegalCase(SHOP_ID, "manual:1", LegalEventType.MANUAL_REQUEST, Marketplace.OZON, null,
                null, null, List.of(), RiskLevel.LOW, CanContest.NO, null, false, AT, AT, "{}");

        // when
        store.save(manual);

        // then
        assertThat(store.find(SHOP_ID, "manual:1")).contains(manual);
    }

    /** Every value of every enumeration the case holds reads back. */
    @Test
    public void should_read_every_enumeration_value_back() {
        // given
        LegalCaseStore store = store();
        List<LegalCase> cases = new ArrayList<>();
        int i = 0;
        for (LegalEventType type : LegalEventType.values()) {
            for (RiskLevel risk : RiskLevel.values()) {
                for (CanContest contest : CanContest.values()) {
                    cases.add(new LegalCase(SHOP_ID, "case-" + i, type, Marketplace.KASPI, null, null, null,
                            List.of(), risk, contest, null, false, AT.plusSeconds(i), AT, "{}"));
                    i++;
                }
            }
        }

        // when
        cases.forEach(store::save);

        // then
        for (LegalCase legalCase : cases) {
            assertThat(store.find(SHOP_ID, legalCase.key())).contains(legalCase);
        }
    }

    /**
     * Saving the same key again replaces the assessment, returns false and keeps the answers recorded for the
     * case; the history still holds one case.
     */
    @Test
    public void should_replace_case_and_keep_answers_when_same_key_is_saved_again() {
        // given
        LegalCaseStore store = store();
        LegalCase first = fine(SHOP_ID, "fine:512345678", AT);
        store.save(first);
        MarketplaceAnswer refused = answer("ticket-1", AT.plusSeconds(600), MarketplaceAnswer.Outcome.REFUSED,
                "Оснований для отмены штрафа нет.");
        store.addAnswer(SHOP_ID, first.key(), refused);
        LegalCase rerun = new LegalCase(SHOP_ID, first.key(), LegalEventType.FINE, Marketplace.KASPI,
                first.orderId(), first.productName(), "disconnection", List.of("kaspi.fine.repeat", "kaspi.ladder"),
                RiskLevel.HIGH, CanContest.YES, null, false, AT.minusSeconds(60), AT.plusSeconds(7200),
                "{\"risk_level\":\"high\"}");

        // when
        boolean saved = store.save(rerun);

        // then
        assertThat(saved).isFalse();
        assertThat(store.find(SHOP_ID, first.key())).contains(rerun);
        assertThat(store.answers(SHOP_ID, first.key())).containsExactly(refused);
        assertThat(store.history(SHOP_ID, MARCH, APRIL, 10)).containsExactly(rerun);
    }

    /**
     * The same key in two shops is two cases: a shop never finds, lists, answers or reads the answers of the
     * other's case.
     */
    @Test
    public void should_keep_shops_apart_when_both_have_same_key() {
        // given
        LegalCaseStore store = store();
        String key = "fine:512345678";
        LegalCase mine = fine(SHOP_ID, key, AT);
        store.save(mine);
        MarketplaceAnswer myAnswer = answer("ticket-1", AT, MarketplaceAnswer.Outcome.GRANTED, "Штраф отменён.");
        store.addAnswer(SHOP_ID, key, myAnswer);

        // when / then: the other shop has no case yet
        assertThat(store.find(OTHER_SHOP_ID, key)).isEmpty();
        assertThat(store.history(OTHER_SHOP_ID, MARCH, APRIL, 10)).isEmpty();
        assertThat(store.answers(OTHER_SHOP_ID, key)).isEmpty();
        assertThatThrownBy(() -> store.addAnswer(OTHER_SHOP_ID, key, myAnswer))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(key);

        // when / then: the other shop saves its own
        LegalCase theirs = new LegalCase(OTHER_SHOP_ID, key, LegalEventType.RETURN, Marketplace.OZON, null, null,
                null, List.of("ozon.return"), RiskLevel.LOW, CanContest.NO, null, false, AT.plusSeconds(1), AT,
                "{}");
        MarketplaceAnswer theirAnswer = answer("ticket-1", AT, MarketplaceAnswer.Outcome.REFUSED, "Отказано.");
        assertThat(store.save(theirs)).isTrue();
        assertThat(store.addAnswer(OTHER_SHOP_ID, key, theirAnswer)).isTrue();
        assertThat(store.find(SHOP_ID, key)).contains(mine);
        assertThat(store.find(OTHER_SHOP_ID, key)).contains(theirs);
        assertThat(store.history(SHOP_ID, MARCH, APRIL, 10)).containsExactly(mine);
        assertThat(store.history(OTHER_SHOP_ID, MARCH, APRIL, 10)).containsExactly(theirs);
        assertThat(store.answers(SHOP_ID, key)).containsExactly(myAnswer);
        assertThat(store.answers(OTHER_SHOP_ID, key)).containsExactly(theirAnswer);
    }

    /**
     * A case applied at the start of the range is listed, one at its end is not, and neither is one a
     * microsecond before the start; an empty range lists nothing.
     */
    @Test
    public void should_list_start_and_leave_out_end_when_reading_history() {
        // given
        LegalCaseStore store = store();
        LegalCase before = fine(SHOP_ID, "a-before", MARCH.minus(1, ChronoUnit.MICROS));
        LegalCase atStart = fine(SHOP_ID, "b-start", MARCH);
        LegalCase beforeEnd = fine(SHOP_ID, "c-before-end", APRIL.minus(1, ChronoUnit.MICROS));
        LegalCase atEnd = fine(SHOP_ID, "d-end", APRIL);
        List.of(before, atStart, beforeEnd, atEnd).forEach(store::save);

        // when
        List<LegalCase> history = store.history(SHOP_ID, MARCH, APRIL, 10);

        // then
        assertThat(history).containsExactly(beforeEnd, atStart);
        assertThat(store.history(SHOP_ID, MARCH, MARCH, 10)).isEmpty();
        assertThat(store.history(SHOP_ID, APRIL, APRIL.plus(1, ChronoUnit.MICROS), 10)).containsExactly(atEnd);
    }

    /** The history comes newest first, cases of one time by key in character-code order, at most {@code limit}. */
    @Test
    public void should_list_newest_first_then_by_key_within_limit() {
        // given
        LegalCaseStore store = store();
        LegalCase oldest = fine(SHOP_ID, "a-oldest", AT.minusSeconds(3600));
        LegalCase tieB = fine(SHOP_ID, "fine:b", AT);
        LegalCase tieA = fine(SHOP_ID, "fine:a", AT);
        LegalCase tieCyrillic = fine(SHOP_ID, "fine:Штраф", AT);
        LegalCase tieUpper = fine(SHOP_ID, "fine:Z", AT);
        LegalCase newest = fine(SHOP_ID, "z-newest", AT.plus(1, ChronoUnit.MICROS));
        List.of(oldest, tieB, tieA, tieCyrillic, tieUpper, newest).forEach(store::save);

        // when
        List<LegalCase> all = store.history(SHOP_ID, MARCH, APRIL, 10);
        List<LegalCase> firstThree = store.history(SHOP_ID, MARCH, APRIL, 3);
        List<LegalCase> one = store.history(SHOP_ID, MARCH, APRIL, 1);

        // then
        assertThat(all).containsExactly(newest, tieUpper, tieA, tieB, tieCyrillic, oldest);
        assertThat(firstThree).containsExactly(newest, tieUpper, tieA);
        assertThat(one).containsExactly(newest);
    }

    /** A range that ends before it starts is refused, and so is a limit below one. */
    @Test
    public void should_refuse_invalid_range_and_limit_when_reading_history() {
        // given
        LegalCaseStore store = store();
        store.save(fine(SHOP_ID, "fine:512345678", AT));

        // when / then
        assertThatThrownBy(() -> store.history(SHOP_ID, APRIL, MARCH, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.history(SHOP_ID, MARCH, MARCH.minus(1, ChronoUnit.MICROS), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.history(SHOP_ID, MARCH, APRIL, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> store.history(SHOP_ID, MARCH, APRIL, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    /**
     * An answer is recorded once per key: recording the key again returns false and keeps the first, even when
     * the second differs.
     */
    @Test
    public void should_keep_first_answer_when_same_key_is_recorded_again() {
        // given
        LegalCaseStore store = store();
        LegalCase legalCase = fine(SHOP_ID, "fine:512345678", AT);
        store.save(legalCase);
        MarketplaceAnswer first = answer("ticket-1", AT.plusSeconds(60), MarketplaceAnswer.Outcome.PENDING,
                "Запрос принят, ожидайте ответа.");
        MarketplaceAnswer second = answer("ticket-1", AT.plusSeconds(120), MarketplaceAnswer.Outcome.GRANTED,
                "Штраф отменён.");

        // when
        boolean recordedFirst = store.addAnswer(SHOP_ID, legalCase.key(), first);
        boolean recordedSecond = store.addAnswer(SHOP_ID, legalCase.key(), second);

        // then
        assertThat(recordedFirst).isTrue();
        assertThat(recordedSecond).isFalse();
        assertThat(store.answers(SHOP_ID, legalCase.key())).containsExactly(first);
    }

    /**
     * Answers come oldest first, answers of one time by key in character-code order; every outcome and the
     * longest Cyrillic text read back exactly, times to the microsecond.
     */
    @Test
    public void should_list_answers_oldest_first_then_by_key() {
        // given
        LegalCaseStore store = store();
        LegalCase legalCase = fine(SHOP_ID, "fine:512345678", AT);
        store.save(legalCase);
        MarketplaceAnswer late = answer("a-late", AT.plusSeconds(3600), MarketplaceAnswer.Outcome.GRANTED,
                "Ж".repeat(MarketplaceAnswer.MAX_TEXT));
        MarketplaceAnswer tieB = answer("msg-b", AT.plus(1, ChronoUnit.MICROS),
                MarketplaceAnswer.Outcome.PARTLY_GRANTED, "Штраф снижен вдвое.");
        MarketplaceAnswer tieA = answer("msg-a", AT.plus(1, ChronoUnit.MICROS), MarketplaceAnswer.Outcome.REFUSED,
                "Отказано.");
        MarketplaceAnswer early = answer("z-early", AT, MarketplaceAnswer.Outcome.PENDING, "");

        // when
        for (MarketplaceAnswer a : List.of(late, tieB, tieA, early)) {
            assertThat(store.addAnswer(SHOP_ID, legalCase.key(), a)).isTrue();
        }

        // then
        assertThat(store.answers(SHOP_ID, legalCase.key())).containsExactly(early, tieA, tieB, late);
    }

    /** An answer to a case the shop does not have is refused with the case key in the message. */
    @Test
    public void should_refuse_answer_when_case_is_unknown() {
        // given
        LegalCaseStore store = store();
        store.save(fine(SHOP_ID, "fine:512345678", AT));
        MarketplaceAnswer refused = answer("ticket-1", AT, MarketplaceAnswer.Outcome.REFUSED, "Отказано.");

        // when / then
        assertThatThrownBy(() -> store.addAnswer(SHOP_ID, "fine:000000000", refused))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fine:000000000");
        assertThat(store.answers(SHOP_ID, "fine:000000000")).isEmpty();
        assertThat(store.answers(SHOP_ID, "fine:512345678")).isEmpty();
    }

    /** The answers of a case the shop does not have are an empty list. */
    @Test
    public void should_list_no_answers_when_case_is_unknown() {
        // given
        LegalCaseStore store = store();

        // when / then
        assertThat(store.answers(SHOP_ID, "fine:unknown")).isEmpty();
    }

    /** Several threads saving one new case at once make one case, and exactly one of them is told it was new. */
    @Test
    public void should_make_one_case_when_threads_save_same_new_key_at_once() {
        // given
        LegalCaseStore store = store();
        String key = "fine:512345678";

        // when
        List<Boolean> results = Concurrency.race(THREADS, i -> store.save(new LegalCase(SHOP_ID, key,
                LegalEventType.FINE, Marketplace.KASPI, null, null, null, List.of("rule-" + i), RiskLevel.MEDIUM,
                CanContest.YES, null, false, AT, AT.plusSeconds(i), "{\"thread\":" + i + "}")));

        // then
        assertThat(results).containsOnlyOnce(true);
        assertThat(results.stream().filter(r -> !r).count()).isEqualTo(THREADS - 1);
        assertThat(store.history(SHOP_ID, MARCH, APRIL, 100)).singleElement()
                .satisfies(c -> assertThat(c.key()).isEqualTo(key));
        assertThat(store.find(SHOP_ID, key)).hasValueSatisfying(found -> {
            int thread = Integer.parseInt(found.ruleIds().get(0).substring("rule-".length()));
            assertThat(found.assessmentJson()).isEqualTo("{\"thread\":" + thread + "}");
            assertThat(found.assessedAt()).isEqualTo(AT.plusSeconds(thread));
        });
    }

    /** Several threads recording one answer key at once record one answer, and exactly one is told it was new. */
    @Test
    public void should_record_one_answer_when_threads_add_same_key_at_once() {
        // given
        LegalCaseStore store = store();
        LegalCase legalCase = fine(SHOP_ID, "fine:512345678", AT);
        store.save(legalCase);

        // when
        List<Boolean> results = Concurrency.race(THREADS, i -> store.addAnswer(SHOP_ID, legalCase.key(),
                answer("ticket-1", AT.plusSeconds(i), MarketplaceAnswer.Outcome.REFUSED, "Ответ " + i)));

        // then
        assertThat(results).containsOnlyOnce(true);
        int winner = results.indexOf(true);
        assertThat(store.answers(SHOP_ID, legalCase.key())).containsExactly(
                answer("ticket-1", AT.plusSeconds(winner), MarketplaceAnswer.Outcome.REFUSED, "Ответ " + winner));
    }

    /** Threads saving different cases and answering them at once lose none of them. */
    @Test
    public void should_keep_every_case_and_answer_when_threads_write_different_keys() {
        // given
        LegalCaseStore store = store();

        // when
        List<Boolean> results = Concurrency.race(THREADS, i -> {
            LegalCase legalCase = fine(SHOP_ID, "fine:" + i, AT.plusSeconds(i));
            boolean saved = store.save(legalCase);
            boolean answered = store.addAnswer(SHOP_ID, legalCase.key(),
                    answer("ticket-" + i, AT, MarketplaceAnswer.Outcome.PENDING, "Принято."));
            return saved && answered;
        });

        // then
        assertThat(results).containsOnly(true);
        assertThat(store.history(SHOP_ID, MARCH, APRIL, 100)).hasSize(THREADS);
        for (int i = 0; i < THREADS; i++) {
            assertThat(store.answers(SHOP_ID, "fine:" + i)).singleElement()
                    .satisfies(a -> assertThat(a.key()).startsWith("ticket-"));
        }
    }
}
