package dev.aihq.store.jdbc;

import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.shop.FrequencyCap;
import dev.aihq.api.store.Outbox;
import dev.aihq.api.store.ScheduleResult;
import dev.aihq.testkit.Concurrency;
import dev.aihq.testkit.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two application instances (two {@link JdbcStores} objects, as two JVMs would build them) over the same
 * tables scheduling messages to one customer under a frequency cap: the database alone keeps the count
 * within the cap, the customer's lock row serialising the instances.
 */
class MultiInstanceFrequencyCapTest {

    private static final Instant NOW = Fixtures.NOW;
    private static final FrequencyCap CAP = FrequencyCap.of(3, Duration.ofDays(7));
    private static final int ROUNDS = 5;

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_schedule_exactly_the_cap_when_two_instances_race_for_one_customer(StoreDatabase database) {
        // given: two instances on the same tables
        MigratedDatabase db = database.freshTables();
        JdbcStores first = db.stores();
        JdbcStores second = JdbcStores.builder(db.dataSource()).tablePrefix(first.tablePrefix()).build();

        for (int round = 0; round < ROUNDS; round++) {
            PhoneNumber customer = new PhoneNumber("+7701666" + String.format("%04d", round));
            String prefix = "round-" + round + "-m-";
            first.outbox().schedule(Fixtures.outboxMessage(SHOP_ID, prefix + "earlier", customer,
                    NOW.minus(Duration.ofDays(1))));

            // when: 8 threads, 4 per instance, each schedule a different message to the customer
            List<ScheduleResult> results = Concurrency.race(8, t -> {
                Outbox outbox = (t % 2 == 0 ? first : second).outbox();
                return outbox.scheduleWithinCap(Fixtures.outboxMessage(SHOP_ID, prefix + t, customer,
                        NOW.plusSeconds(t)), CAP, NOW);
            });

            // then: with one message already there, two more fit under the cap of 3
            assertThat(results).as("round %d", round).filteredOn(r -> r == ScheduleResult.SCHEDULED).hasSize(2);
            assertThat(results).as("round %d", round).filteredOn(r -> r == ScheduleResult.CAPPED).hasSize(6);
            assertThat(second.outbox().countRecent(SHOP_ID, customer, NOW.minus(CAP.period()))).isEqualTo(3);
            for (int t = 0; t < 8; t++) {
                assertThat(second.outbox().find(SHOP_ID, prefix + t).isPresent()).as("round %d message %d", round, t)
                        .isEqualTo(results.get(t) == ScheduleResult.SCHEDULED);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_schedule_each_customer_up_to_the_cap_when_instances_race_for_several_customers(
            StoreDatabase database) {
        // given
        MigratedDatabase db = database.freshTables();
        JdbcStores first = db.stores();
        JdbcStores second = JdbcStores.builder(db.dataSource()).tablePrefix(first.tablePrefix()).build();
        List<PhoneNumber> customers = List.of(Fixtures.CUSTOMER, Fixtures.OTHER_CUSTOMER);

        // when: 8 threads, each scheduling 5 messages to each of two customers
        List<List<ScheduleResult>> perThread = Concurrency.race(8, t -> {
            Outbox outbox = (t % 2 == 0 ? first : second).outbox();
            return java.util.stream.IntStream.range(0, 10).mapToObj(i -> outbox.scheduleWithinCap(
                    Fixtures.outboxMessage(SHOP_ID, "t" + t + "-m" + i, customers.get(i % 2), NOW), CAP, NOW))
                    .toList();
        });

        // then
        assertThat(perThread.stream().flatMap(List::stream).filter(r -> r == ScheduleResult.SCHEDULED))
                .hasSize(6);
        for (PhoneNumber customer : customers) {
            assertThat(first.outbox().countRecent(SHOP_ID, customer, NOW.minus(CAP.period()))).isEqualTo(3);
        }
    }
}
