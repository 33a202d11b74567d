package dev.aihq.store.jdbc;

import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.channel.DeliveryState;
import dev.aihq.api.store.ConsentChange;
import dev.aihq.api.store.ConsentEvent;
import dev.aihq.api.store.ConsentStatus;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.testkit.Concurrency;
import dev.aihq.testkit.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two application instances (two {@link JdbcStores} objects, as two JVMs would build them) over the same
 * tables: the database alone serialises the consent changes of one customer and the delivery reports of one
 * message, and a change made inside a unit of work is undone with it.
 */
class MultiInstanceConsentTest {

    private static final Instant NOW = Fixtures.NOW;
    private static final int ROUNDS = 5;

    private static JdbcStores secondInstance(MigratedDatabase db) {
        return JdbcStores.builder(db.dataSource()).tablePrefix(db.stores().tablePrefix()).build();
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_let_exactly_one_ask_when_two_instances_race_for_one_customer(StoreDatabase database) {
        // given: two instances on the same tables
        MigratedDatabase db = database.freshTables();
        JdbcStores first = db.stores();
        JdbcStores second = secondInstance(db);

        for (int round = 0; round < ROUNDS; round++) {
            PhoneNumber customer = new PhoneNumber("+7701999" + String.format("%04d", round));

            // when: 16 threads, 8 per instance, each record the question
            List<ConsentChange> changes = Concurrency.race(16, t -> (t % 2 == 0 ? first : second).consents()
                    .apply(SHOP_ID, customer, ConsentEvent.ASKED, NOW.plusSeconds(t), "sender-" + t));

            // then
            assertThat(changes).as("round %d", round).filteredOn(ConsentChange::changed).hasSize(1);
            assertThat(second.consents().get(SHOP_ID, customer).status()).isEqualTo(ConsentStatus.ASKED);
            assertThat(first.consents().find(SHOP_ID, customer))
                    .contains(changes.stream().filter(ConsentChange::changed).findFirst().orElseThrow().after());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_end_at_read_when_two_instances_race_with_reports_of_one_message(StoreDatabase database) {
        // given
        MigratedDatabase db = database.freshTables();
        JdbcStores first = db.stores();
        JdbcStores second = secondInstance(db);
        List<DeliveryState> reports = List.of(DeliveryState.SENT, DeliveryState.DELIVERED, DeliveryState.READ,
                DeliveryState.DELIVERED, DeliveryState.SENT, DeliveryState.READ, DeliveryState.FAILED,
                DeliveryState.SENT);

        for (int round = 0; round < ROUNDS; round++) {
            String id = "m-" + round;
            String providerId = "wamid.R" + round;
            first.outbox().schedule(Fixtures.outboxMessage(SHOP_ID, id, Fixtures.CUSTOMER, NOW));
            first.outbox().claimDue(NOW, 10, "worker", Duration.ofMinutes(1));
            first.outbox().markSent(SHOP_ID, id, providerId, NOW.plusSeconds(1));

            // when: every report, duplicates and late ones included, at once from both instances
            List<Optional<OutboxMessage>> results = Concurrency.race(reports.size(), t ->
                    (t % 2 == 0 ? first : second).outbox().recordDelivery(SHOP_ID, providerId, reports.get(t),
                            NOW.plusSeconds(10 + t), reports.get(t) == DeliveryState.FAILED ? "131026" : null));

            // then: a read always stands at the end; every answer found the message
            assertThat(results).allSatisfy(result -> assertThat(result).isPresent());
            OutboxMessage message = second.outbox().find(SHOP_ID, id).orElseThrow();
            assertThat(message.deliveryState()).as("round %d", round).isEqualTo(DeliveryState.READ);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_undo_a_consent_change_when_its_unit_of_work_fails(StoreDatabase database) {
        // given
        JdbcStores stores = database.freshTables().stores();
        stores.consents().apply(SHOP_ID, Fixtures.CUSTOMER, ConsentEvent.ASKED, NOW, "consent-question");

        // when
        assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
            stores.consents().apply(SHOP_ID, Fixtures.CUSTOMER, ConsentEvent.GRANTED, NOW.plusSeconds(60), "button");
            stores.consents().apply(SHOP_ID, Fixtures.OTHER_CUSTOMER, ConsentEvent.OPTED_OUT, NOW, "text");
            throw new IllegalStateException("the send failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the send failed");

        // then
        assertThat(stores.consents().get(SHOP_ID, Fixtures.CUSTOMER).status()).isEqualTo(ConsentStatus.ASKED);
        assertThat(stores.consents().find(SHOP_ID, Fixtures.OTHER_CUSTOMER)).isEmpty();
    }
}
