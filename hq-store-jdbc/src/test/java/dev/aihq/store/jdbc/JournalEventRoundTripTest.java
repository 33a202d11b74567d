package dev.aihq.store.jdbc;

import static dev.aihq.testkit.Fixtures.CUSTOMER;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.event.EventDate;
import dev.aihq.api.event.FinanceEvent;
import dev.aihq.api.event.FinanceEventType;
import dev.aihq.api.event.HqEvent;
import dev.aihq.api.event.LegalDelivery;
import dev.aihq.api.event.LegalDocument;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.event.LegalEventType;
import dev.aihq.api.event.LegalMeasure;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.event.PurchaseTrigger;
import dev.aihq.api.event.ReportingPeriod;
import dev.aihq.api.result.RunId;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.JournalEntry;
import dev.aihq.api.store.JournalResult;
import dev.aihq.api.store.RunLease;
import dev.aihq.testkit.Fixtures;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every built-in event type, with every optional field filled and with none, is read back from the journal
 * exactly as it was appended, on both databases; unreadable rows fail naming the table and the key.
 */
class JournalEventRoundTripTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-02T06:00:01Z");
    private static final RunLease LEASE = new RunLease("test-worker", RECEIVED.plusSeconds(600));
    /** Event times keep their nanoseconds: they travel inside the JSON, not in a timestamp column. */
    private static final Instant OCCURRED = Instant.parse("2026-03-02T05:59:58.123456789Z");

    private static JournalEntry appendAndFind(StoreDatabase database, HqEvent event) {
        EventJournal journal = database.freshTables().stores().journal();
        JournalEntry entry = JournalEntry.of(event, RunId.of("run-1"), RECEIVED);
        JournalResult result = journal.append(entry, LEASE);
        assertThat(result.appended()).isTrue();
        assertThat(result.entry()).isEqualTo(entry);
        return journal.find(event.shopId(), event.idempotencyKey()).orElseThrow();
    }

    private static PurchaseEvent fullPurchase() {
        return PurchaseEvent.builder()
                .shopId(SHOP_ID)
                .orderId(OrderId.of("512345678"))
                .item(new PurchaseItem(Sku.of("PHN-A55-256"), "Смартфон Samsung Galaxy A55 8/256 ГБ",
                        Money.of("189990.50", Money.KZT), 1))
                .item(new PurchaseItem(Sku.of("ACC-GLASS-A55"), "Защитное стекло «Премиум»", Money.of("2490", Money.KZT),
                        3))
                .customer(CUSTOMER)
                .occurredAt(OCCURRED)
                .trigger(PurchaseTrigger.of("order_handed_to_courier"))
                .idempotencyKey("purchase:512345678:order_handed_to_courier")
                .build();
    }

    private static LegalEvent fullLegal() {
        return LegalEvent.builder()
                .shopId(SHOP_ID)
                .eventType(LegalEventType.FINE)
                .orderId(OrderId.of("512345678"))
                .productName("Смартфон Samsung Galaxy A55")
                .fineReason("Просрочка передачи заказа в доставку")
                .document(new LegalDocument("fine_notice.pdf", "Уведомление: штраф 5 000,50 ₸ за \"просрочку\"\n"
                        + "п. 4.2 оферты \\ приложение 1"))
                .document(new LegalDocument("photo_of_box.jpg", null))
                .marketplace(Marketplace.KASPI)
                .country("KZ")
                .businessType(LegalForm.TOO)
                .amount(Money.of("5000.50", Money.KZT))
                .measure(new LegalMeasure("disconnection", 7, LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 9)))
                .stat("orders_30d", new BigDecimal("412"))
                .stat("late_share_percent", new BigDecimal("2.50"))
                .stat("rating", new BigDecimal("-0.125"))
                .date("notice_at", EventDate.of(LocalDate.of(2026, 3, 1)))
                .date("claim_received_at", EventDate.of(OffsetDateTime.parse("2026-03-10T09:00:15.5+05:00")))
                .date("answer_due_at", EventDate.of(OffsetDateTime.parse("2026-03-11T23:59-03:00")))
                .delivery(new LegalDelivery("intercity", true))
                .occurredAt(OCCURRED)
                .idempotencyKey("legal.fine:512345678:late")
                .build();
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_read_back_purchase_event_exactly_when_every_field_is_filled(StoreDatabase database) {
        // given
        PurchaseEvent event = fullPurchase();

        // when
        JournalEntry found = appendAndFind(database, event);

        // then
        assertThat(found.event()).isInstanceOf(PurchaseEvent.class).isEqualTo(event);
        assertThat(found).isEqualTo(JournalEntry.of(event, RunId.of("run-1"), RECEIVED));
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_read_back_purchase_event_exactly_when_optional_fields_are_empty(StoreDatabase database) {
        // given
        PurchaseEvent event = PurchaseEvent.builder().shopId(SHOP_ID).orderId(OrderId.of("512345679"))
                .item(Fixtures.item(Fixtures.smartphone(SHOP_ID), 1)).occurredAt(OCCURRED).build();

        // when
        JournalEntry found = appendAndFind(database, event);

        // then
        assertThat(found.event()).isEqualTo(event);
        assertThat(((PurchaseEvent) found.event()).customer()).isNull();
        assertThat(((PurchaseEvent) found.event()).trigger()).isNull();
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_read_back_customer_reply_event_exactly_when_text_has_quotes_and_line_breaks(StoreDatabase database) {
        // given
        CustomerReplyEvent event = CustomerReplyEvent.of(SHOP_ID, "whatsapp", CUSTOMER,
                "Спасибо! А \"стекло\" подойдёт к чехлу?\nИ сколько стоит доставка в Астану 🚚 \\ C:\\путь",
                "wamid.HBgLNzcwMTEyMzQ1NjcVAgASGBQzQUVCOTk", OCCURRED);

        // when
        JournalEntry found = appendAndFind(database, event);

        // then
        assertThat(found.event()).isInstanceOf(CustomerReplyEvent.class).isEqualTo(event);
        assertThat(found.eventType()).isEqualTo(CustomerReplyEvent.TYPE);
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_read_back_legal_event_exactly_when_every_field_is_filled(StoreDatabase database) {
        // given
        LegalEvent event = fullLegal();

        // when
        JournalEntry found = appendAndFind(database, event);

        // then
        assertThat(found.event()).isInstanceOf(LegalEvent.class).isEqualTo(event);
        LegalEvent read = (LegalEvent) found.event();
        assertThat(read.documents()).extracting(LegalDocument::text).containsExactly(event.documents().get(0).text(),
                null);
        assertThat(read.dates().get("notice_at").dateTime()).isNull();
        assertThat(read.dates().get("claim_received_at").dateTime())
                .isEqualTo(OffsetDateTime.parse("2026-03-10T09:00:15.5+05:00"));
        assertThat(read.stats().get("late_share_percent")).hasToString("2.50");
        assertThat(found.eventType()).isEqualTo("legal.fine");
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_read_back_legal_event_exactly_when_optional_fields_are_empty(StoreDatabase database) {
        // given
        LegalEvent event = LegalEvent.builder().shopId(SHOP_ID).eventType(LegalEventType.MANUAL_REQUEST)
                .measure(new LegalMeasure("warning", null, null, null)).delivery(new LegalDelivery(null, null))
                .occurredAt(OCCURRED).build();

        // when
        JournalEntry found = appendAndFind(database, event);

        // then
        assertThat(found.event()).isEqualTo(event);
        assertThat(found.eventType()).isEqualTo("legal.manual_request");
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_read_back_finance_events_exactly_when_every_type_is_journaled(StoreDatabase database) {
        // given
        EventJournal journal = database.freshTables().stores().journal();
        FinanceEvent sale = FinanceEvent.of(SHOP_ID, ReportingPeriod.parse("2026-03"), FinanceEventType.NEW_SALE,
                OrderId.of("512345678"), OCCURRED, null);
        FinanceEvent quarter = FinanceEvent.of(SHOP_ID, ReportingPeriod.parse("2026-Q1"),
                FinanceEventType.MONTHLY_REPORT, null, OCCURRED, null);
        FinanceEvent manual = FinanceEvent.of(SHOP_ID, ReportingPeriod.parse("2025"), FinanceEventType.MANUAL_REQUEST,
                null, OCCURRED, "finance.manual_request:2025:by-hand");

        for (FinanceEvent event : new FinanceEvent[] {sale, quarter, manual}) {
            // when
            journal.append(JournalEntry.of(event, RunId.of("run-1"), RECEIVED), LEASE);
            JournalEntry found = journal.find(SHOP_ID, event.idempotencyKey()).orElseThrow();

            // then
            assertThat(found.event()).isInstanceOf(FinanceEvent.class).isEqualTo(event);
            assertThat(found.eventType()).isEqualTo(event.type());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_store_money_as_text_and_phone_in_full_when_writing_the_payload(StoreDatabase database)
            throws Exception {
        // given
        MigratedDatabase tables = database.freshTables();
        PurchaseEvent event = fullPurchase();

        // when
        tables.stores().journal().append(JournalEntry.of(event, RunId.of("run-1"), RECEIVED), LEASE);

        // then
        String table = tables.table("event_journal");
        JsonNode payload = new ObjectMapper().readTree(tables.queryString("SELECT payload FROM " + table));
        assertThat(payload.at("/items/0/price/amount").isTextual()).isTrue();
        assertThat(payload.at("/items/0/price/amount").asText()).isEqualTo("189990.50");
        assertThat(payload.at("/items/0/price/currency").asText()).isEqualTo("KZT");
        assertThat(payload.at("/customer").asText()).isEqualTo("+77011234567");
        assertThat(payload.at("/occurredAt").asText()).isEqualTo("2026-03-02T05:59:58.123456789Z");
        assertThat(tables.queryString("SELECT payload_version FROM " + table)).isEqualTo("1");
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_fail_naming_table_and_key_when_the_payload_has_another_shape(StoreDatabase database)
            throws SQLException {
        // given
        MigratedDatabase tables = database.freshTables();
        PurchaseEvent event = fullPurchase();
        tables.stores().journal().append(JournalEntry.of(event, RunId.of("run-1"), RECEIVED), LEASE);
        tables.execute("UPDATE " + tables.table("event_journal") + " SET payload = "
                + tables.stores().dialect().jsonParameter(), "{\"shopId\": \"kaspi_123\", \"items\": 7}");

        // when / then
        assertThatThrownBy(() -> tables.stores().journal().find(SHOP_ID, event.idempotencyKey()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(tables.table("event_journal"))
                .hasMessageContaining(event.idempotencyKey())
                .hasMessageContaining("$.items");
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_fail_naming_the_version_when_the_payload_version_is_unknown(StoreDatabase database)
            throws SQLException {
        // given
        MigratedDatabase tables = database.freshTables();
        PurchaseEvent event = fullPurchase();
        tables.stores().journal().append(JournalEntry.of(event, RunId.of("run-1"), RECEIVED), LEASE);
        tables.execute("UPDATE " + tables.table("event_journal") + " SET payload_version = 2");

        // when / then
        assertThatThrownBy(() -> tables.stores().journal().find(SHOP_ID, event.idempotencyKey()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(event.idempotencyKey())
                .hasMessageContaining("payload version 2");
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_refuse_event_when_its_type_is_not_registered(StoreDatabase database) {
        // given
        EventJournal journal = database.freshTables().stores().journal();
        LoyaltyEvent event = new LoyaltyEvent(SHOP_ID, 150, OCCURRED, "loyalty.points:1");

        // when / then
        assertThatThrownBy(() -> journal.append(JournalEntry.of(event, RunId.of("run-1"), RECEIVED), LEASE))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("loyalty.points");
        assertThat(journal.find(SHOP_ID, event.idempotencyKey())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_read_back_an_integrator_event_when_its_type_prefix_is_registered(StoreDatabase database) {
        // given
        EventJournal journal = database.freshTables(b -> b.eventType("loyalty.*", LoyaltyEvent.class)).stores()
                .journal();
        LoyaltyEvent event = new LoyaltyEvent(SHOP_ID, 150, OCCURRED, "loyalty.points:1");

        // when
        journal.append(JournalEntry.of(event, RunId.of("run-1"), RECEIVED), LEASE);

        // then
        assertThat(journal.find(SHOP_ID, event.idempotencyKey()).orElseThrow().event()).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_answer_what_find_returns_when_received_time_has_nanoseconds(StoreDatabase database) {
        // given
        EventJournal journal = database.freshTables().stores().journal();
        JournalEntry entry = JournalEntry.of(fullPurchase(), RunId.of("run-1"),
                Instant.parse("2026-03-02T06:00:01.123456789Z"));

        // when
        JournalResult result = journal.append(entry, LEASE);

        // then
        assertThat(result.entry().receivedAt()).isEqualTo(Instant.parse("2026-03-02T06:00:01.123456Z"));
        assertThat(journal.find(SHOP_ID, entry.idempotencyKey())).contains(result.entry());
        assertThat(result.entry().event()).isEqualTo(entry.event());
    }

    /** An event type of an integrator's own. */
    record LoyaltyEvent(ShopId shopId, int points, Instant occurredAt, String idempotencyKey) implements HqEvent {
        @Override
        public String type() {
            return "loyalty.points";
        }
    }
}
