package dev.aihq.testkit.contract;

import static dev.aihq.testkit.Fixtures.CUSTOMER;
import static dev.aihq.testkit.Fixtures.NOW;
import static dev.aihq.testkit.Fixtures.OTHER_CUSTOMER;
import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.channel.QuickReply;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.event.HqEvent;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.result.RunId;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.store.AgentTrace;
import dev.aihq.api.store.CoPurchase;
import dev.aihq.api.store.ConsentEvent;
import dev.aihq.api.store.ConsentStatus;
import dev.aihq.api.store.ConversationMessage.Direction;
import dev.aihq.api.store.ConversationMessage;
import dev.aihq.api.store.CustomerMentions;
import dev.aihq.api.store.ErasedEvent;
import dev.aihq.api.store.ErasureReport;
import dev.aihq.api.store.JournalEntry;
import dev.aihq.api.store.JournalResult;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.api.store.PersonalDataStore;
import dev.aihq.api.store.Purchase;
import dev.aihq.api.store.PurgeReport;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.store.StageRecord;
import dev.aihq.api.store.StageStatus;
import dev.aihq.api.store.Stores;
import dev.aihq.testkit.Fixtures;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link PersonalDataStore} over a whole {@link Stores} bundle: after a customer is erased no
 * stored text of the shop holds their number or name, the month's purchase totals and counts are unchanged,
 * the customer is suppressed, another shop with the same customer is untouched, erasure is idempotent and
 * redelivered events stay duplicates; a purge blanks or deletes only what is older than its cutoff, only in
 * its shop.
 *
 * <p>Subclass it, return a new empty bundle from {@link #createStore()} (with a suppression list that works),
 * and, where the storage can be read below the SPI (a database), override {@link #storedTexts} to read every
 * column of every row of the shop: by default the suite can only look through the stores' read APIs.
 */
public abstract class PersonalDataStoreContract extends StoreContract<Stores> {

    /** The erased customer's name, as the shop knows it. */
    protected static final String NAME = "Айгерим Садыкова";

    /** The retention cutoff the purge tests use: a year before {@link Fixtures#NOW}. */
    protected static final Instant CUTOFF = NOW.minus(Duration.ofDays(365));

    /** A time before the cutoff. */
    protected static final Instant OLD = NOW.minus(Duration.ofDays(400));

    /** The quick replies of the seed's utility message. */
    protected static final List<QuickReply> BUTTONS = List.of(new QuickReply("order:track", "Где заказ?"),
            new QuickReply("order:call", "Перезвоните"));

    private final List<String> journalKeys = new ArrayList<>();
    private final List<OrderId> orders = new ArrayList<>();

    /** Creates the suite. */
    protected PersonalDataStoreContract() {}

    /**
     * Returns every text a shop's stored data holds, each value on its own. The default reads what the suite
     * wrote through the stores' read APIs: the journal entries by key, the run log, every outbox message, both
     * customers' conversations and the purchases; a database implementation should read every column of every
     * row of the shop instead, so that nothing the APIs do not show escapes the check.
     *
     * @param stores the stores under test
     * @param shopId the shop
     * @return the texts; numbers as their decimal text, phone numbers in full
     */
    protected Collection<String> storedTexts(Stores stores, ShopId shopId) {
        List<String> texts = new ArrayList<>();
        for (String key : journalKeys) {
            stores.journal().find(shopId, key).ifPresent(entry -> collect(entry, texts));
        }
        collect(stores.runLog().recent(shopId, 10_000), texts);
        collect(stores.outbox().list(shopId, EnumSet.allOf(OutboxStatus.class), 10_000), texts);
        for (PhoneNumber customer : List.of(CUSTOMER, OTHER_CUSTOMER)) {
            collect(stores.consents().find(shopId, customer), texts);
            collect(stores.conversations().recent(shopId, customer, 10_000), texts);
            collect(stores.purchases().findByCustomer(shopId, customer, 10_000), texts);
        }
        for (OrderId order : orders) {
            stores.purchases().find(shopId, order).ifPresent(purchase -> collect(purchase, texts));
        }
        return texts;
    }

    /** After erasure no stored text of the shop holds the number, in any form, or any part of the name. */
    @Test
    public void should_leave_no_trace_of_phone_or_name_when_customer_is_erased() {
        // given
        Stores stores = store();
        seed(stores, SHOP_ID, "a", NOW);
        assertThat(traces(storedTexts(stores, SHOP_ID)))
                .as("the check must see the customer before erasure, or it proves nothing")
                .contains("7011234567", "Айгерим", "Садыкова");

        // when
        ErasureReport report = stores.personalData().erase(SHOP_ID, CUSTOMER, NAME, NOW.plusSeconds(60));

        // then
        assertThat(traces(storedTexts(stores, SHOP_ID))).isEmpty();
        assertThat(stores.suppressions().isSuppressed(SHOP_ID, CUSTOMER)).isTrue();
        assertThat(report).isEqualTo(new ErasureReport(SHOP_ID, NOW.plusSeconds(60), 2, 1, 2, 2, 2, 1));
        assertThat(stores.consents().find(SHOP_ID, CUSTOMER)).isEmpty();
    }

    /** Erasure keeps every other customer's data and the anonymous orders as they were. */
    @Test
    public void should_keep_other_customers_data_when_customer_is_erased() {
        // given
        Stores stores = store();
        seed(stores, SHOP_ID, "a", NOW);

        // when
        stores.personalData().erase(SHOP_ID, CUSTOMER, NAME, NOW.plusSeconds(60));

        // then
        assertThat(stores.journal().find(SHOP_ID, purchaseKey("a-2")).orElseThrow().event())
                .isInstanceOf(PurchaseEvent.class);
        assertThat(stores.purchases().find(SHOP_ID, OrderId.of("a-2")).orElseThrow().customer())
                .isEqualTo(OTHER_CUSTOMER);
        assertThat(stores.runLog().find(SHOP_ID, runId("a-2")).orElseThrow().resultJson()).contains("Спасибо");
        assertThat(stores.outbox().list(SHOP_ID, EnumSet.allOf(OutboxStatus.class), 100))
                .extracting(OutboxMessage::id).containsExactlyInAnyOrder("a-m3", "a-m4", "a-m5");
        assertThat(stores.conversations().recent(SHOP_ID, OTHER_CUSTOMER, 10)).hasSize(1);
        assertThat(stores.consents().get(SHOP_ID, OTHER_CUSTOMER).status()).isEqualTo(ConsentStatus.DECLINED);
        assertThat(stores.suppressions().isSuppressed(SHOP_ID, OTHER_CUSTOMER)).isFalse();
    }

    /** An erased customer's orders become anonymous and keep counting in "bought together". */
    @Test
    public void should_keep_counting_the_erased_customers_orders_in_bought_together() {
        // given
        Stores stores = store();
        List<PurchaseItem> items = List.of(
                new PurchaseItem(Sku.of("PHONE-1"), "Смартфон", Money.kzt(100_000), 1),
                new PurchaseItem(Sku.of("CASE-1"), "Чехол", Money.kzt(3_000), 1));
        stores.purchases().save(new Purchase(SHOP_ID, OrderId.of("bt-1"), CUSTOMER, items, NOW));
        stores.purchases().save(new Purchase(SHOP_ID, OrderId.of("bt-2"), OTHER_CUSTOMER, items, NOW));

        // when
        stores.personalData().erase(SHOP_ID, CUSTOMER, NAME, NOW.plusSeconds(60));

        // then
        assertThat(stores.purchases().find(SHOP_ID, OrderId.of("bt-1")).orElseThrow().customer()).isNull();
        assertThat(stores.purchases().boughtTogether(SHOP_ID, Set.of(Sku.of("PHONE-1")), NOW, 10))
                .containsExactly(new CoPurchase(Sku.of("CASE-1"), 2));
    }

    /** The month's totals and counts of purchases are the same after erasure; the customer's become anonymous. */
    @Test
    public void should_keep_month_totals_when_customer_is_erased() {
        // given
        Stores stores = store();
        seed(stores, SHOP_ID, "a", NOW);
        Map<Currency, BigDecimal> totalsBefore = monthTotals(stores, SHOP_ID);
        long countBefore = monthCount(stores, SHOP_ID);

        // when
        stores.personalData().erase(SHOP_ID, CUSTOMER, NAME, NOW.plusSeconds(60));

        // then
        assertThat(monthTotals(stores, SHOP_ID)).isEqualTo(totalsBefore).isNotEmpty();
        assertThat(monthCount(stores, SHOP_ID)).isEqualTo(countBefore).isEqualTo(3);
        Purchase anonymous = stores.purchases().find(SHOP_ID, OrderId.of("a-1")).orElseThrow();
        assertThat(anonymous.customer()).isNull();
        assertThat(anonymous.total()).contains(Money.kzt(189_990L + 4_990L));
        assertThat(stores.purchases().findByCustomer(SHOP_ID, CUSTOMER, 10)).isEmpty();
        assertThat(stores.purchases().stats(SHOP_ID, CUSTOMER, null).purchaseCount()).isZero();
    }

    /** Another shop holding the same customer keeps everything, and is not suppressed. */
    @Test
    public void should_not_touch_other_shop_when_same_customer_is_erased() {
        // given
        Stores stores = store();
        seed(stores, SHOP_ID, "a", NOW);
        seed(stores, OTHER_SHOP_ID, "b", NOW);
        List<String> otherBefore = sorted(storedTexts(stores, OTHER_SHOP_ID));

        // when
        stores.personalData().erase(SHOP_ID, CUSTOMER, NAME, NOW.plusSeconds(60));

        // then
        assertThat(sorted(storedTexts(stores, OTHER_SHOP_ID))).isEqualTo(otherBefore);
        assertThat(traces(otherBefore)).contains("7011234567", "Айгерим", "Садыкова");
        assertThat(stores.suppressions().isSuppressed(OTHER_SHOP_ID, CUSTOMER)).isFalse();
        assertThat(stores.consents().get(OTHER_SHOP_ID, CUSTOMER).status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(stores.purchases().find(OTHER_SHOP_ID, OrderId.of("b-1")).orElseThrow().customer())
                .isEqualTo(CUSTOMER);
        assertThat(traces(storedTexts(stores, SHOP_ID))).isEmpty();
    }

    /** Erasing again finds nothing more, keeps the customer suppressed and leaves no trace. */
    @Test
    public void should_be_idempotent_when_customer_is_erased_twice() {
        // given
        Stores stores = store();
        seed(stores, SHOP_ID, "a", NOW);
        stores.personalData().erase(SHOP_ID, CUSTOMER, NAME, NOW.plusSeconds(60));

        // when
        ErasureReport again = stores.personalData().erase(SHOP_ID, CUSTOMER, NAME, NOW.plusSeconds(120));

        // then
        assertThat(again.total()).isZero();
        assertThat(stores.suppressions().isSuppressed(SHOP_ID, CUSTOMER)).isTrue();
        assertThat(traces(storedTexts(stores, SHOP_ID))).isEmpty();
    }

    /** A redelivered event of an erased customer is still a duplicate of its first run. */
    @Test
    public void should_answer_duplicate_when_event_is_redelivered_after_erasure() {
        // given
        Stores stores = store();
        seed(stores, SHOP_ID, "a", NOW);
        stores.personalData().erase(SHOP_ID, CUSTOMER, NAME, NOW.plusSeconds(60));
        PurchaseEvent again = Fixtures.purchaseEvent(SHOP_ID, "a-1", CUSTOMER, NOW);

        // when
        JournalResult result = stores.journal().append(JournalEntry.of(again, RunId.of("run-again"),
                NOW.plusSeconds(90)), Fixtures.lease("w2", NOW.plusSeconds(90)));

        // then
        assertThat(result.appended()).isFalse();
        assertThat(result.entry().runId()).isEqualTo(runId("a-1"));
        assertThat(result.entry().eventType()).isEqualTo(PurchaseEvent.TYPE);
        assertThat(result.entry().event()).isEqualTo(new ErasedEvent(SHOP_ID, PurchaseEvent.TYPE,
                result.entry().receivedAt(), purchaseKey("a-1")));
    }

    /** An unfinished run of the erased customer is never resumed: its entry is finished and holds nothing. */
    @Test
    public void should_never_resume_erased_entry_when_its_run_was_unfinished() {
        // given
        Stores stores = store();
        PurchaseEvent event = Fixtures.purchaseEvent(SHOP_ID, "u-1", CUSTOMER, NOW);
        stores.journal().append(JournalEntry.of(event, RunId.of("run-u-1"), NOW), Fixtures.lease("w1", NOW));

        // when
        stores.personalData().erase(SHOP_ID, CUSTOMER, null, NOW.plusSeconds(1));

        // then
        assertThat(stores.journal().claimExpired(NOW.plus(Duration.ofDays(1)), 10, "w2", Fixtures.LEASE,
                List.of(""))).isEmpty();
        assertThat(stores.journal().find(SHOP_ID, event.idempotencyKey()).orElseThrow().event())
                .isInstanceOf(ErasedEvent.class);
    }

    /** A name that is blank or one character is refused before anything changes. */
    @Test
    public void should_change_nothing_when_name_is_invalid() {
        // given
        Stores stores = store();
        seed(stores, SHOP_ID, "a", NOW);

        // when / then
        assertThatThrownBy(() -> stores.personalData().erase(SHOP_ID, CUSTOMER, " ", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer name");
        assertThat(stores.suppressions().isSuppressed(SHOP_ID, CUSTOMER)).isFalse();
        assertThat(stores.purchases().find(SHOP_ID, OrderId.of("a-1")).orElseThrow().customer()).isEqualTo(CUSTOMER);
    }

    /** A purge blanks and deletes only what is older than its cutoff, in its shop only. */
    @Test
    public void should_purge_only_older_data_of_the_shop_when_purged() {
        // given
        Stores stores = store();
        seed(stores, SHOP_ID, "old", OLD);
        seed(stores, SHOP_ID, "new", NOW);
        seed(stores, OTHER_SHOP_ID, "other", OLD);
        List<String> otherBefore = sorted(storedTexts(stores, OTHER_SHOP_ID));

        // when
        PurgeReport report = stores.personalData().purgeBefore(SHOP_ID, CUTOFF);

        // then
        assertThat(report).isEqualTo(new PurgeReport(SHOP_ID, CUTOFF, 4, 3, 3, 3));
        RunRecord oldRun = stores.runLog().find(SHOP_ID, runId("old-1")).orElseThrow();
        assertThat(oldRun.resultJson()).isNull();
        assertThat(oldRun.agent()).isNull();
        assertThat(oldRun.stages()).isEmpty();
        assertThat(oldRun.outcome()).isEqualTo(RunOutcome.SENT);
        assertThat(oldRun.finishedAt()).isEqualTo(OLD.plusSeconds(2));
        RunRecord newRun = stores.runLog().find(SHOP_ID, runId("new-1")).orElseThrow();
        assertThat(newRun.resultJson()).contains("Айгерим");
        assertThat(newRun.stages()).isNotEmpty();
        assertThat(stores.journal().find(SHOP_ID, purchaseKey("old-1")).orElseThrow().event())
                .isInstanceOf(ErasedEvent.class);
        assertThat(stores.journal().find(SHOP_ID, purchaseKey("new-1")).orElseThrow().event())
                .isInstanceOf(PurchaseEvent.class);
        assertThat(stores.outbox().list(SHOP_ID, EnumSet.allOf(OutboxStatus.class), 100))
                .extracting(OutboxMessage::id)
                .containsExactlyInAnyOrder("old-m2", "old-m5", "new-m1", "new-m2", "new-m3", "new-m4", "new-m5");
        assertThat(stores.conversations().recent(SHOP_ID, CUSTOMER, 10)).extracting(ConversationMessage::messageKey)
                .containsExactly("new-c1", "new-c2");
        assertThat(stores.purchases().find(SHOP_ID, OrderId.of("old-1")).orElseThrow().customer())
                .isEqualTo(CUSTOMER);
        assertThat(stores.consents().find(SHOP_ID, CUSTOMER)).as("consent is never purged by age")
                .hasValueSatisfying(consent -> assertThat(consent.updatedAt()).isEqualTo(OLD));
        assertThat(stores.outbox().find(SHOP_ID, "old-m2").orElseThrow().quickReplies()).isEqualTo(BUTTONS);
        assertThat(sorted(storedTexts(stores, OTHER_SHOP_ID))).isEqualTo(otherBefore);
    }

    /** Purging again with the same cutoff changes nothing, and old events stay duplicates. */
    @Test
    public void should_keep_duplicates_and_change_nothing_when_purged_twice() {
        // given
        Stores stores = store();
        seed(stores, SHOP_ID, "old", OLD);
        stores.personalData().purgeBefore(SHOP_ID, CUTOFF);

        // when
        PurgeReport again = stores.personalData().purgeBefore(SHOP_ID, CUTOFF);
        JournalResult redelivered = stores.journal().append(JournalEntry.of(
                Fixtures.purchaseEvent(SHOP_ID, "old-1", CUSTOMER, OLD), RunId.of("run-again"), NOW),
                Fixtures.lease("w2", NOW));

        // then
        assertThat(again.total()).isZero();
        assertThat(redelivered.appended()).isFalse();
        assertThat(redelivered.entry().runId()).isEqualTo(runId("old-1"));
    }

    /** Unfinished journal entries and runs in progress are never purged, however old. */
    @Test
    public void should_keep_unfinished_work_when_purged() {
        // given
        Stores stores = store();
        PurchaseEvent event = Fixtures.purchaseEvent(SHOP_ID, "u-1", CUSTOMER, OLD);
        stores.journal().append(JournalEntry.of(event, RunId.of("run-u-1"), OLD), Fixtures.lease("w1", OLD));
        RunRecord started = RunRecord.started(RunId.of("run-u-1"), SHOP_ID, "sales.purchase", PurchaseEvent.TYPE,
                event.idempotencyKey(), OLD);
        RunRecord inProgress = new RunRecord(started.runId(), SHOP_ID, started.pipeline(), started.eventType(),
                started.idempotencyKey(), OLD, null, null, "", List.of(new StageRecord("journal",
                        Duration.ofMillis(1), StageStatus.OK, "")), null, null, null, null);
        stores.runLog().save(inProgress);

        // when
        PurgeReport report = stores.personalData().purgeBefore(SHOP_ID, CUTOFF);

        // then
        assertThat(report.total()).isZero();
        assertThat(stores.journal().find(SHOP_ID, event.idempotencyKey()).orElseThrow().event()).isEqualTo(event);
        assertThat(stores.runLog().find(SHOP_ID, started.runId()).orElseThrow().stages()).hasSize(1);
    }

    // ---------------------------------------------------------------------------------------------- data

    /**
     * Writes one shop's data at a time, with ids prefixed by a tag: the customer's purchase (order
     * {@code <tag>-1}), another customer's ({@code -2}), an anonymous one ({@code -3}), the customer's reply,
     * a run for each but the anonymous order, five outbox messages ({@code -m1} sent and {@code -m2} pending to
     * the customer, {@code -m2} a utility message with quick replies; {@code -m3} sent, {@code -m4} cancelled
     * and {@code -m5} pending to the other customer), three conversation messages ({@code -c1}, {@code -c2}
     * with the customer, {@code -c3} with the other) and the consent records of both customers (the customer
     * opted in, the other declined; at the seed's time).
     */
    private void seed(Stores stores, ShopId shop, String tag, Instant at) {
        stores.shops().save(Fixtures.kaspiShop(shop).build());
        PurchaseEvent own = Fixtures.purchaseEvent(shop, tag + "-1", CUSTOMER, at);
        PurchaseEvent other = Fixtures.purchaseEvent(shop, tag + "-2", OTHER_CUSTOMER, at.plusSeconds(1));
        PurchaseEvent anonymous = Fixtures.purchaseEvent(shop, tag + "-3", null, at.plusSeconds(2));
        CustomerReplyEvent reply = CustomerReplyEvent.of(shop, "whatsapp", CUSTOMER,
                "Это " + NAME + ", перезвоните на +7 701 123 45 67", "wamid." + tag, at.plusSeconds(3));
        journal(stores, own, runId(tag + "-1"), at);
        journal(stores, other, runId(tag + "-2"), at.plusSeconds(1));
        journal(stores, anonymous, runId(tag + "-3"), at.plusSeconds(2));
        journal(stores, reply, runId(tag + "-r"), at.plusSeconds(3));
        for (PurchaseEvent event : List.of(own, other, anonymous)) {
            stores.purchases().save(Purchase.of(event));
            orders.add(event.orderId());
        }
        stores.runLog().save(run(shop, runId(tag + "-1"), "sales.purchase", own, at,
                "{\"text\": \"Здравствуйте, Айгерим! К смартфону подойдёт стекло.\", \"to\": \"+77011234567\"}",
                "sent to 87011234567"));
        stores.runLog().save(run(shop, runId(tag + "-2"), "sales.purchase", other, at.plusSeconds(1),
                "{\"text\": \"Спасибо за покупку!\"}", "sent"));
        stores.runLog().save(run(shop, runId(tag + "-r"), "sales.reply", reply, at.plusSeconds(3),
                "{\"text\": \"Конечно, Айгерим, перезвоним.\"}", "sent"));
        message(stores, shop, tag + "-m1", runId(tag + "-1"), CUSTOMER, "Здравствуйте, Айгерим!", at, OutboxStatus.SENT);
        stores.outbox().schedule(OutboxMessage.pending(tag + "-m2", shop, runId(tag + "-r"), "whatsapp", CUSTOMER,
                "Айгерим, ваш заказ в пути", "key:" + tag + "-m2", at)
                .withPurpose(MessageCategory.UTILITY, "not needed: UTILITY", BUTTONS));
        message(stores, shop, tag + "-m3", runId(tag + "-2"), OTHER_CUSTOMER, "Спасибо!", at, OutboxStatus.SENT);
        message(stores, shop, tag + "-m4", runId(tag + "-2"), OTHER_CUSTOMER, "Отзыв?", at, OutboxStatus.CANCELLED);
        message(stores, shop, tag + "-m5", runId(tag + "-2"), OTHER_CUSTOMER, "Скидка", at, OutboxStatus.PENDING);
        stores.conversations().append(new ConversationMessage(shop, CUSTOMER, Direction.INBOUND, reply.text(),
                at.plusSeconds(3), tag + "-c1"));
        stores.conversations().append(new ConversationMessage(shop, CUSTOMER, Direction.OUTBOUND,
                "Конечно, Айгерим, перезвоним.", at.plusSeconds(4), tag + "-c2"));
        stores.conversations().append(new ConversationMessage(shop, OTHER_CUSTOMER, Direction.INBOUND, "Спасибо",
                at.plusSeconds(5), tag + "-c3"));
        stores.consents().apply(shop, CUSTOMER, ConsentEvent.ASKED, at, "consent-question");
        stores.consents().apply(shop, CUSTOMER, ConsentEvent.GRANTED, at, "button");
        stores.consents().apply(shop, OTHER_CUSTOMER, ConsentEvent.DECLINED, at, "text");
    }

    private void journal(Stores stores, HqEvent event, RunId runId, Instant at) {
        stores.journal().append(JournalEntry.of(event, runId, at), Fixtures.lease("w1", at));
        stores.journal().markFinished(event.shopId(), event.idempotencyKey(), at.plusSeconds(2));
        journalKeys.add(event.idempotencyKey());
    }

    private static RunRecord run(ShopId shop, RunId runId, String pipeline, HqEvent event, Instant at, String result,
            String deliverDetail) {
        List<StageRecord> stages = List.of(
                new StageRecord("journal", Duration.ofMillis(1), StageStatus.OK, ""),
                new StageRecord("deliver", Duration.ofMillis(12), StageStatus.OK, deliverDetail));
        return new RunRecord(runId, shop, pipeline, event.type(), event.idempotencyKey(), at, at.plusSeconds(2),
                RunOutcome.SENT, "sent via whatsapp", stages, AgentTrace.fallback("no model configured"), result,
                null, "wamid.out." + runId.value());
    }

    private static void message(Stores stores, ShopId shop, String id, RunId runId, PhoneNumber to, String text,
            Instant at, OutboxStatus status) {
        stores.outbox().schedule(OutboxMessage.pending(id, shop, runId, "whatsapp", to, text, "key:" + id, at));
        if (status == OutboxStatus.SENT) {
            stores.outbox().markSent(shop, id, "wamid." + id, at.plusSeconds(1));
        } else if (status == OutboxStatus.CANCELLED) {
            stores.outbox().cancel(shop, id);
        }
    }

    private static RunId runId(String tag) {
        return RunId.of("run-" + tag);
    }

    private static String purchaseKey(String orderId) {
        return "purchase:" + orderId + ":order_accepted";
    }

    private Map<Currency, BigDecimal> monthTotals(Stores stores, ShopId shop) {
        Map<Currency, BigDecimal> totals = new TreeMap<>((a, b) -> a.getCurrencyCode().compareTo(b.getCurrencyCode()));
        for (OrderId order : orders) {
            stores.purchases().find(shop, order).flatMap(Purchase::total)
                    .ifPresent(total -> totals.merge(total.currency(), total.amount(), BigDecimal::add));
        }
        return totals;
    }

    private long monthCount(Stores stores, ShopId shop) {
        return orders.stream().filter(order -> stores.purchases().find(shop, order).isPresent()).count();
    }

    // ---------------------------------------------------------------------------------------------- checks

    /**
     * Returns what in the texts is the erased customer's: the number's digits, the name and its words, for
     * a readable failure; empty when nothing is.
     */
    private static List<String> traces(Collection<String> texts) {
        CustomerMentions mentions = new CustomerMentions(CUSTOMER, NAME);
        List<String> found = new ArrayList<>();
        for (String text : texts) {
            if (!mentions.clean(text).equals(text)) {
                for (String term : mentions.ownTerms()) {
                    if (text.toLowerCase(java.util.Locale.ROOT).contains(term.toLowerCase(java.util.Locale.ROOT))
                            && !found.contains(term)) {
                        found.add(term);
                    }
                }
                if (found.isEmpty()) {
                    found.add(text);
                }
            }
        }
        for (String term : List.of("Айгерим", "Садыкова")) {
            if (!found.contains(term)) {
                texts.stream().filter(t -> t.contains(term)).findFirst().ifPresent(t -> found.add(term));
            }
        }
        return found;
    }

    private static List<String> sorted(Collection<String> texts) {
        return texts.stream().sorted().toList();
    }

    /**
     * Collects every text of a value read from a store: record components recursively, collections, maps,
     * optionals; a phone number in full (its {@code toString()} is masked); anything else as its string.
     */
    protected static void collect(@Nullable Object value, Collection<String> texts) {
        if (value == null) {
            return;
        }
        if (value instanceof CharSequence text) {
            texts.add(text.toString());
        } else if (value instanceof PhoneNumber phone) {
            texts.add(phone.e164());
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    collect(component.getAccessor().invoke(record), texts);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component.getName() + " of "
                            + record.getClass().getName(), e);
                }
            }
        } else if (value instanceof Iterable<?> items) {
            items.forEach(item -> collect(item, texts));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                collect(k, texts);
                collect(v, texts);
            });
        } else if (value instanceof Optional<?> optional) {
            optional.ifPresent(item -> collect(item, texts));
        } else {
            texts.add(value.toString());
        }
    }
}
