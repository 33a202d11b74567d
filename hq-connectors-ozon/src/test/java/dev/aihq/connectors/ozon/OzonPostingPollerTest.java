package dev.aihq.connectors.ozon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.EventSink;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.event.HqEvent;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseTrigger;
import dev.aihq.api.store.IndexedOrder;
import dev.aihq.pipeline.memory.InMemoryOrderIndexStore;
import dev.aihq.pipeline.memory.InMemoryPollCursorStore;
import dev.aihq.testkit.RecordingEventSink;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.ozon.FakeOzonApi;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OzonPostingPollerTest {

    private static final Instant T0 = OzonFixtures.NOW.minus(Duration.ofDays(2));

    private FakeOzonApi ozon;
    private SettableClock clock;
    private OzonConnector connector;
    private final InMemoryPollCursorStore cursors = new InMemoryPollCursorStore();
    private final InMemoryOrderIndexStore index = new InMemoryOrderIndexStore();

    @BeforeEach
    void start() {
        ozon = FakeOzonApi.start(OzonFixtures.CLIENT_ID, OzonFixtures.API_KEY);
        clock = SettableClock.at(OzonFixtures.NOW);
        connector = OzonConnector.of(OzonFixtures.client(OzonFixtures.config(ozon.baseUrl()).postingPageSize(2)
                .build(), OzonSubscription.STANDARD, clock, new RecordingSleeper(clock)));
    }

    @AfterEach
    void stop() {
        ozon.close();
    }

    private OzonPostingPoller poller(EventSink sink) {
        return OzonPostingPoller.builder(connector, sink, cursors).orderIndex(index).clock(clock).build();
    }

    @ParameterizedTest
    @CsvSource({"awaiting_packaging, order_accepted", "awaiting_deliver, order_accepted",
            "delivered, order_delivered", "cancelled, order_cancelled", "AWAITING_PACKAGING, order_accepted"})
    void should_fire_the_trigger_of_the_status_when_it_fires_one(String status, String trigger) {
        assertThat(OzonPostingPoller.triggerOf(status)).contains(PurchaseTrigger.of(trigger));
    }

    @ParameterizedTest
    @CsvSource({"awaiting_registration", "acceptance_in_progress", "awaiting_approve", "delivering",
            "driver_pickup", "arbitration", "client_arbitration", "not_accepted", "sent_by_seller", "unknown_new"})
    void should_fire_nothing_when_the_status_fires_no_trigger(String status) {
        assertThat(OzonPostingPoller.triggerOf(status)).isEmpty();
    }

    @Test
    void should_turn_postings_into_keyed_events_and_index_every_posting_when_polled() {
        // given
        ozon.putPosting(FakeOzonApi.posting("111-0001-1", "awaiting_packaging", T0));
        ozon.putPosting(FakeOzonApi.posting("111-0002-1", "delivered", T0.plusSeconds(60)));
        ozon.putPosting(FakeOzonApi.posting("111-0003-1", "cancelled", T0.plusSeconds(120)));
        ozon.putPosting(FakeOzonApi.posting("111-0004-1", "delivering", T0.plusSeconds(180)));
        ozon.putPosting(FakeOzonApi.posting("222-0001-1", "delivered", T0.plusSeconds(240)).fbo());
        RecordingEventSink sink = new RecordingEventSink();

        // when
        OzonPollReport report = poller(sink).poll(OzonFixtures.SHOP);

        // then
        assertThat(report.complete()).isTrue();
        assertThat(report.accepted()).isEqualTo(4);
        assertThat(sink.events(PurchaseEvent.class)).extracting(PurchaseEvent::idempotencyKey).containsExactly(
                "purchase:111-0001-1:order_accepted", "purchase:111-0002-1:order_delivered",
                "purchase:111-0003-1:order_cancelled", "purchase:222-0001-1:order_delivered");
        PurchaseEvent accepted = sink.events(PurchaseEvent.class).get(0);
        assertThat(accepted.orderId().value()).isEqualTo("111-0001-1");
        assertThat(accepted.occurredAt()).isEqualTo(T0);
        assertThat(accepted.items()).singleElement().satisfies(i -> {
            assertThat(i.sku().value()).isEqualTo("TSHIRT-M");
            assertThat(i.price().toString()).contains("1259");
        });
        assertThat(accepted.customer()).isNull();
        assertThat(cursors.find(OzonFixtures.SHOP, OzonPostingPoller.FBS_STREAM)).get()
                .extracting(c -> c.position()).isEqualTo(OzonFixtures.NOW.toString());
        IndexedOrder indexed = index.find(OzonFixtures.SHOP, Marketplace.OZON, "111-0004-1").orElseThrow();
        assertThat(indexed.orderUid()).isEqualTo("111-0004");
        assertThat(indexed.sticker()).isEqualTo("111-0004-1");
        assertThat(indexed.rid()).isNotNull();
        assertThat(indexed.scheme()).isEqualTo("fbs");
        assertThat(indexed.status()).isEqualTo("delivering");
        assertThat(indexed.sellerSku()).isEqualTo("TSHIRT-M");
        assertThat(index.find(OzonFixtures.SHOP, Marketplace.OZON, "222-0001-1")).get()
                .extracting(IndexedOrder::scheme).isEqualTo("fbo");
    }

    @Test
    void should_carry_the_rfbs_proxy_phone_as_a_delivery_only_contact_and_none_for_fbs() {
        // given
        ozon.putPosting(FakeOzonApi.posting("333-0001-1", "awaiting_deliver", T0)
                .rfbs(new FakeOzonApi.Customer(77L, "Анна", "+79031112233", "Казань", "ул. Баумана, 3")));
        ozon.putPosting(FakeOzonApi.posting("333-0002-1", "awaiting_deliver", T0.plusSeconds(1)));
        RecordingEventSink sink = new RecordingEventSink();

        // when
        poller(sink).poll(OzonFixtures.SHOP);

        // then
        PurchaseEvent rfbs = sink.events(PurchaseEvent.class).get(0);
        assertThat(rfbs.customerContact()).isPresent();
        assertThat(rfbs.customer().digits()).endsWith("9031112233");
        assertThat(rfbs.contactForDeliveryOnly()).isTrue();
        PurchaseEvent fbs = sink.events(PurchaseEvent.class).get(1);
        assertThat(fbs.customerContact()).isEmpty();
        assertThat(fbs.contactForDeliveryOnly()).isTrue();
        assertThat(index.find(OzonFixtures.SHOP, Marketplace.OZON, "333-0001-1").orElseThrow().toString())
                .doesNotContain("9031112233").doesNotContain("Анна");
    }

    @Test
    void should_keep_the_cursor_and_journal_each_event_once_when_the_sink_fails_midway_and_a_new_poller_resumes() {
        // given
        for (int i = 1; i <= 5; i++) {
            ozon.putPosting(FakeOzonApi.posting("444-000" + i + "-1", "awaiting_packaging", T0.plusSeconds(i)));
        }
        RecordingEventSink journal = new RecordingEventSink();
        AtomicInteger budget = new AtomicInteger(2);
        EventSink failing = new EventSink() {
            @Override
            public boolean contains(ShopId shopId, String key) {
                return journal.contains(shopId, key);
            }

            @Override
            public Acceptance accept(HqEvent event) {
                if (budget.getAndDecrement() <= 0) {
                    throw new StoreException("journal unavailable");
                }
                return journal.accept(event);
            }
        };

        // when: the first poller dies on the third event
        Throwable thrown = catchThrowable(() -> poller(failing).poll(OzonFixtures.SHOP));

        // then
        assertThat(thrown).isInstanceOf(StoreException.class);
        assertThat(journal.size()).isEqualTo(2);
        assertThat(cursors.find(OzonFixtures.SHOP, OzonPostingPoller.FBS_STREAM)).isEmpty();

        // when: a new poller (a restart) polls later
        clock.advance(Duration.ofMinutes(5));
        OzonPollReport report = poller(journal).poll(OzonFixtures.SHOP);

        // then
        assertThat(report.complete()).isTrue();
        assertThat(journal.size()).isEqualTo(5);
        assertThat(journal.acceptCalls.get()).as("the two journaled events are not sent again").isEqualTo(5);
        assertThat(report.streams().get(0).known()).isEqualTo(2);
        assertThat(cursors.find(OzonFixtures.SHOP, OzonPostingPoller.FBS_STREAM)).get()
                .extracting(c -> c.position()).isEqualTo(OzonFixtures.NOW.plus(Duration.ofMinutes(5)).toString());

        // when: polled once more, nothing is new
        OzonPollReport again = poller(journal).poll(OzonFixtures.SHOP);
        assertThat(again.accepted()).isZero();
        assertThat(journal.size()).isEqualTo(5);
    }

    @Test
    void should_keep_the_cursor_when_the_sink_rejects_events() {
        // given
        ozon.putPosting(FakeOzonApi.posting("555-0001-1", "delivered", T0));
        RecordingEventSink sink = new RecordingEventSink();
        sink.rejectWith = "shop inactive";

        // when
        OzonPollReport report = poller(sink).poll(OzonFixtures.SHOP);

        // then
        assertThat(report.complete()).isFalse();
        assertThat(report.streams().get(0).rejected()).isEqualTo(1);
        assertThat(report.streams().get(0).problems()).singleElement().asString().contains("shop inactive");
        assertThat(cursors.find(OzonFixtures.SHOP, OzonPostingPoller.FBS_STREAM)).isEmpty();
        assertThat(cursors.find(OzonFixtures.SHOP, OzonPostingPoller.FBO_STREAM)).isPresent();
    }

    @Test
    void should_list_from_the_cursor_minus_the_look_back_when_a_cursor_exists() {
        // given
        RecordingEventSink sink = new RecordingEventSink();
        OzonPostingPoller poller = OzonPostingPoller.builder(connector, sink, cursors).clock(clock)
                .lookBack(Duration.ofDays(10)).fbo(false).build();
        poller.poll(OzonFixtures.SHOP);
        clock.advance(Duration.ofHours(1));

        // when
        poller.poll(OzonFixtures.SHOP);

        // then
        var bodies = ozon.requestBodies(OzonPostings.FBS_LIST_PATH);
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0).path("filter").path("since").asText())
                .isEqualTo(OzonFixtures.NOW.minus(Duration.ofDays(10)).toString());
        assertThat(bodies.get(1).path("filter").path("since").asText())
                .isEqualTo(OzonFixtures.NOW.minus(Duration.ofDays(10)).toString());
        assertThat(bodies.get(1).path("filter").path("to").asText())
                .isEqualTo(OzonFixtures.NOW.plus(Duration.ofHours(1)).toString());
        assertThat(ozon.requests(OzonPostings.FBO_LIST_PATH)).isZero();
        assertThat(Optional.ofNullable(cursors.find(OzonFixtures.SHOP, OzonPostingPoller.FBO_STREAM).orElse(null)))
                .isEmpty();
    }
}
