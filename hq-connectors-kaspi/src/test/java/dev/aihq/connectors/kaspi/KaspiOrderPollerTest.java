package dev.aihq.connectors.kaspi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.error.AuthenticationException;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.event.HqEvent;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.event.PurchaseTrigger;
import dev.aihq.api.store.PollCursor;
import dev.aihq.api.store.PollCursorStore;
import dev.aihq.http.HttpLogSink;
import dev.aihq.http.RetryPolicy;
import dev.aihq.pipeline.memory.InMemoryPollCursorStore;
import dev.aihq.pipeline.memory.InMemoryPurchaseStore;
import dev.aihq.testkit.RecordingEventSink;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.kaspi.FakeKaspiApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KaspiOrderPollerTest {

    private static final ShopId SHOP = ShopId.of("kaspi_123");
    private static final String TOKEN = KaspiFixtures.TOKEN;
    private static final Instant NOW = Instant.parse("2026-03-10T06:00:00Z");

    private final FakeKaspiApi kaspi = FakeKaspiApi.start(TOKEN);
    private final SettableClock clock = SettableClock.at(NOW);
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final RecordingEventSink sink = new RecordingEventSink();
    private final InMemoryPollCursorStore cursors = new InMemoryPollCursorStore();
    private final InMemoryPurchaseStore purchases = new InMemoryPurchaseStore();

    @AfterEach
    void stop() {
        kaspi.close();
    }

    private KaspiConnector connector(String token) {
        KaspiConfig config = KaspiConfig.builder().baseUrl(kaspi.baseUrl()).pageSize(20)
                .requestInterval(Duration.ZERO)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).jitter(0).build()).build();
        return KaspiConnector.of(KaspiClient.builder(config, KaspiCredentialsProvider.of(SHOP, token))
                .sleeper(waits::add).clock(clock).logSink(HttpLogSink.none()).build());
    }

    private KaspiOrderPoller.Builder poller(PollCursorStore store) {
        return KaspiOrderPoller.builder(connector(TOKEN), sink, store).clock(clock).purchases(purchases);
    }

    /** Rules reading 40 days back, so that 35 days of orders take three 14-day windows. */
    private static List<KaspiTriggerRule> wideRules() {
        return List.of(KaspiTriggerRule.accepted().withLookBack(Duration.ofDays(40)),
                KaspiTriggerRule.delivered().withLookBack(Duration.ofDays(40)));
    }

    /** 500 accepted orders created over the last 35 days, each with its own buyer and two lines. */
    private List<String> fiveHundredAcceptedOrders() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String code = Long.toString(600_000_000L + i);
            Instant created = NOW.minus(Duration.ofMinutes(100L * i + 7));
            kaspi.put(FakeKaspiApi.order(code, "ACCEPTED_BY_MERCHANT", created)
                    .withPhone("70" + String.format("%08d", i))
                    .withEntries(List.of(
                            new FakeKaspiApi.Entry("OFF-" + (i % 7), "Шампунь «Алтын» 400 мл", 2, 2_490, "SH-" + (i % 7)),
                            new FakeKaspiApi.Entry("OFF-C" + (i % 5), "Кондиционер для волос", 1, 3_190, "CN-" + (i % 5)))));
            codes.add(code);
        }
        return codes;
    }

    @Test
    void should_give_exactly_one_event_per_order_and_trigger_when_500_orders_span_windows_and_pages() {
        // given
        List<String> codes = fiveHundredAcceptedOrders();
        KaspiOrderPoller poller = poller(cursors).rules(wideRules()).build();

        // when: the orders are accepted, then all of them completed
        KaspiPollReport first = poller.poll(SHOP);
        codes.forEach(code -> kaspi.move(code, "ARCHIVE", "COMPLETED"));
        clock.advance(Duration.ofMinutes(5));
        KaspiPollReport second = poller.poll(SHOP);

        // then
        assertThat(purchases(sink, PurchaseTrigger.ORDER_ACCEPTED)).hasSize(500)
                .extracting(e -> e.orderId().value()).containsExactlyInAnyOrderElementsOf(codes);
        assertThat(purchases(sink, PurchaseTrigger.ORDER_DELIVERED)).hasSize(500)
                .extracting(e -> e.orderId().value()).containsExactlyInAnyOrderElementsOf(codes);
        assertThat(first.complete()).isTrue();
        assertThat(first.accepted()).isEqualTo(500);
        assertThat(second.triggers()).extracting(KaspiPollReport.TriggerReport::accepted).containsExactly(0, 500);
        // Every listing stays within Kaspi's 14-day limit, and the 35 days took several windows and pages.
        List<Map<String, String>> queries = kaspi.listingQueries();
        assertThat(queries).allSatisfy(q -> assertThat(Long.parseLong(q.get("filter[orders][creationDate][$le]"))
                - Long.parseLong(q.get("filter[orders][creationDate][$ge]")))
                .isLessThanOrEqualTo(Duration.ofDays(14).toMillis()));
        assertThat(queries.stream().map(q -> q.get("filter[orders][creationDate][$ge]")).distinct().count())
                .isGreaterThanOrEqualTo(3);
        assertThat(queries.stream().mapToInt(q -> Integer.parseInt(q.get("page[number]"))).max().orElse(0))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void should_build_events_with_seller_skus_lines_and_the_buyer_phone() {
        // given
        kaspi.put(FakeKaspiApi.order("600000001", "ACCEPTED_BY_MERCHANT", NOW.minus(Duration.ofHours(3)))
                .withPhone("7071234567")
                .withEntries(List.of(new FakeKaspiApi.Entry("112233445", "Смартфон Samsung Galaxy A55", 1, 189_990,
                        "SM-A556"), new FakeKaspiApi.Entry("998877", "Чехол-книжка, чёрный", 2, 3_027, "CASE-A55"))));

        // when
        poller(cursors).build().poll(SHOP);

        // then
        PurchaseEvent event = purchases(sink, PurchaseTrigger.ORDER_ACCEPTED).get(0);
        assertThat(event.orderId()).isEqualTo(OrderId.of("600000001"));
        assertThat(event.idempotencyKey()).isEqualTo("purchase:600000001:order_accepted");
        assertThat(event.customer()).isEqualTo(PhoneNumber.parse("+77071234567"));
        assertThat(event.occurredAt()).isEqualTo(NOW.minus(Duration.ofHours(3)));
        assertThat(event.items()).containsExactly(
                new PurchaseItem(Sku.of("SM-A556"), "Смартфон Samsung Galaxy A55", Money.kzt(189_990), 1),
                new PurchaseItem(Sku.of("CASE-A55"), "Чехол-книжка, чёрный", Money.kzt(3_027), 2));
        assertThat(event.total()).isEqualTo(Money.kzt(196_044));
    }

    @Test
    void should_lose_and_double_nothing_when_killed_between_journaling_and_saving_the_cursor() {
        // given: a first poller whose process dies when it saves its cursors, after journaling every event
        List<String> codes = fiveHundredAcceptedOrders();
        InMemoryPollCursorStore neverSaved = new InMemoryPollCursorStore();
        PollCursorStore dying = new PollCursorStore() {
            @Override
            public Optional<PollCursor> find(ShopId shopId, String stream) {
                return neverSaved.find(shopId, stream);
            }

            @Override
            public void save(PollCursor cursor) {
                throw new StoreException("the process was killed before the cursor was saved");
            }

            @Override
            public List<PollCursor> list(ShopId shopId) {
                return neverSaved.list(shopId);
            }

            @Override
            public boolean delete(ShopId shopId, String stream) {
                return neverSaved.delete(shopId, stream);
            }
        };
        assertThatThrownBy(() -> poller(dying).rules(wideRules()).build().poll(SHOP))
                .isInstanceOf(StoreException.class);
        int journaledBeforeRestart = sink.size();
        int entriesReadBeforeRestart = kaspi.entriesRequests();

        // when: a new process starts from no cursor at all
        KaspiPollReport afterRestart = poller(cursors).rules(wideRules()).build().poll(SHOP);

        // then
        assertThat(journaledBeforeRestart).isEqualTo(500);
        assertThat(purchases(sink, PurchaseTrigger.ORDER_ACCEPTED)).hasSize(500)
                .extracting(e -> e.orderId().value()).containsExactlyInAnyOrderElementsOf(codes);
        assertThat(afterRestart.accepted()).isZero();
        assertThat(afterRestart.triggers().get(0).known()).isEqualTo(500);
        assertThat(afterRestart.complete()).isTrue();
        assertThat(kaspi.entriesRequests()).as("journaled orders' lines are not read again")
                .isEqualTo(entriesReadBeforeRestart);
        assertThat(cursors.find(SHOP, "kaspi.orders.order_accepted")).map(PollCursor::position)
                .contains(NOW.toString());
    }

    @Test
    void should_give_one_event_when_an_order_shows_up_on_two_pages() {
        // given: 30 orders in DELIVERY, and a new one created before them all arriving between their first
        // two pages (requests 2 and 3, after PICKUP's), which pushes the first page's last order onto the second
        for (int i = 0; i < 30; i++) {
            kaspi.put(FakeKaspiApi.order(Long.toString(610_000_000L + i), "ACCEPTED_BY_MERCHANT",
                    NOW.minus(Duration.ofHours(30 - i))));
        }
        kaspi.beforeListing(3, () -> kaspi.put(FakeKaspiApi.order("610000999", "ACCEPTED_BY_MERCHANT",
                NOW.minus(Duration.ofDays(2)))));
        KaspiOrderPoller poller = poller(cursors).rules(List.of(KaspiTriggerRule.accepted())).build();

        // when
        KaspiPollReport report = poller.poll(SHOP);
        int firstPollRequests = kaspi.listingRequests();
        clock.advance(Duration.ofMinutes(5));
        poller.poll(SHOP);

        // then: the repeated order is one event, and the late one is found by the next poll
        assertThat(report.triggers().get(0).accepted()).isEqualTo(30);
        assertThat(purchases(sink, PurchaseTrigger.ORDER_ACCEPTED)).hasSize(31)
                .extracting(e -> e.orderId().value()).doesNotHaveDuplicates().contains("610000999");
        assertThat(kaspi.listingQueries()).filteredOn(q -> "DELIVERY".equals(q.get("filter[orders][state]")))
                .extracting(q -> q.get("page[number]")).startsWith("0", "1", "0");
        // A first 14-day look-back is one listing per state (DELIVERY's two pages), not one and a 1-ms remainder.
        assertThat(firstPollRequests).isEqualTo(4);
    }

    @Test
    void should_find_a_late_completion_through_the_look_back_after_its_window_has_passed() {
        // given: an order created 20 days ago, accepted, polled; it completes 5 days later
        kaspi.put(FakeKaspiApi.order("620000001", "ACCEPTED_BY_MERCHANT", NOW.minus(Duration.ofDays(20))));
        KaspiOrderPoller poller = poller(cursors).build();
        poller.poll(SHOP);
        clock.advance(Duration.ofDays(5));
        kaspi.move("620000001", "ARCHIVE", "COMPLETED");

        // when
        KaspiPollReport report = poller.poll(SHOP);

        // then: 25 days after creation, the delivered rule's 30-day look-back still reads it
        assertThat(purchases(sink, PurchaseTrigger.ORDER_DELIVERED)).extracting(e -> e.orderId().value())
                .containsExactly("620000001");
        assertThat(report.triggers()).filteredOn(t -> t.trigger().equals(PurchaseTrigger.ORDER_DELIVERED))
                .singleElement().satisfies(t -> {
                    assertThat(t.from()).isEqualTo(NOW.minus(Duration.ofDays(30)).plusMillis(1));
                    assertThat(t.accepted()).isEqualTo(1);
                });
    }

    @Test
    void should_read_from_the_cursor_minus_the_look_back_after_a_long_stop() {
        // given: a poll, then the poller is down for 40 days, during which an order is made and completed
        KaspiOrderPoller poller = poller(cursors).build();
        poller.poll(SHOP);
        kaspi.put(FakeKaspiApi.order("630000001", "COMPLETED", NOW.plus(Duration.ofDays(3))));
        clock.advance(Duration.ofDays(40));

        // when
        KaspiPollReport report = poller.poll(SHOP);

        // then: the window reaches back to the last cursor minus the look-back, in 14-day listings
        assertThat(report.triggers()).filteredOn(t -> t.trigger().equals(PurchaseTrigger.ORDER_DELIVERED))
                .singleElement().satisfies(t -> assertThat(t.from()).isEqualTo(NOW.minus(Duration.ofDays(30)).plusMillis(1)));
        assertThat(purchases(sink, PurchaseTrigger.ORDER_DELIVERED)).extracting(e -> e.orderId().value())
                .containsExactly("630000001");
    }

    @Test
    void should_wait_and_complete_when_kaspi_answers_429_mid_walk() {
        // given
        List<String> codes = fiveHundredAcceptedOrders();
        kaspi.failListing(4, 429, 7);

        // when
        KaspiPollReport report = poller(cursors).rules(wideRules()).build().poll(SHOP);

        // then
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        assertThat(report.complete()).isTrue();
        assertThat(purchases(sink, PurchaseTrigger.ORDER_ACCEPTED)).extracting(e -> e.orderId().value())
                .containsExactlyInAnyOrderElementsOf(codes);
    }

    @Test
    void should_keep_the_phone_of_an_active_order_for_its_completion_when_kaspi_masks_it() {
        // given: only review requests are wanted; the order is seen while active, then archived
        kaspi.put(FakeKaspiApi.order("640000001", "ACCEPTED_BY_MERCHANT", NOW.minus(Duration.ofDays(2)))
                .withPhone("7759876543"));
        KaspiOrderPoller poller = poller(cursors).rules(List.of(KaspiTriggerRule.delivered(),
                KaspiTriggerRule.cancelled())).build();
        poller.poll(SHOP);
        kaspi.move("640000001", "ARCHIVE", "COMPLETED");
        clock.advance(Duration.ofDays(1));

        // when
        poller.poll(SHOP);

        // then
        assertThat(purchases.find(SHOP, OrderId.of("640000001"))).map(p -> p.customer())
                .contains(PhoneNumber.parse("+77759876543"));
        assertThat(purchases(sink, PurchaseTrigger.ORDER_DELIVERED)).singleElement()
                .satisfies(e -> assertThat(e.customer()).isEqualTo(PhoneNumber.parse("+77759876543")));
    }

    @Test
    void should_carry_no_contact_when_an_order_is_first_seen_archived() {
        // given
        kaspi.put(FakeKaspiApi.order("650000001", "COMPLETED", NOW.minus(Duration.ofDays(2))));

        // when
        poller(cursors).build().poll(SHOP);

        // then
        assertThat(purchases(sink, PurchaseTrigger.ORDER_DELIVERED)).singleElement()
                .satisfies(e -> assertThat(e.customer()).isNull());
    }

    @Test
    void should_turn_cancellations_and_returns_into_withdrawal_events() {
        // given
        kaspi.put(FakeKaspiApi.order("660000001", "ACCEPTED_BY_MERCHANT", NOW.minus(Duration.ofDays(3))));
        kaspi.put(FakeKaspiApi.order("660000002", "ACCEPTED_BY_MERCHANT", NOW.minus(Duration.ofDays(3))));
        kaspi.put(FakeKaspiApi.order("660000003", "ACCEPTED_BY_MERCHANT", NOW.minus(Duration.ofDays(3))));
        KaspiOrderPoller poller = poller(cursors).build();
        poller.poll(SHOP);
        kaspi.move("660000001", "DELIVERY", "CANCELLING");
        kaspi.move("660000002", "ARCHIVE", "RETURNED");
        kaspi.move("660000003", "KASPI_DELIVERY", "KASPI_DELIVERY_RETURN_REQUESTED");
        clock.advance(Duration.ofHours(1));
        poller.poll(SHOP);
        kaspi.move("660000001", "ARCHIVE", "CANCELLED");
        clock.advance(Duration.ofHours(1));

        // when
        poller.poll(SHOP);

        // then: one cancellation however many cancelled statuses the order passes, each with its lines
        assertThat(purchases(sink, PurchaseTrigger.ORDER_CANCELLED)).singleElement().satisfies(e -> {
            assertThat(e.orderId().value()).isEqualTo("660000001");
            assertThat(e.items()).isNotEmpty();
            assertThat(e.trigger().withdrawsOrder()).isTrue();
        });
        assertThat(purchases(sink, PurchaseTrigger.ORDER_RETURNED)).extracting(e -> e.orderId().value())
                .containsExactlyInAnyOrder("660000002", "660000003");
        assertThat(purchases(sink, PurchaseTrigger.ORDER_DELIVERED)).isEmpty();
    }

    @Test
    void should_keep_the_cursor_when_the_pipeline_rejects_events() {
        // given
        kaspi.put(FakeKaspiApi.order("670000001", "ACCEPTED_BY_MERCHANT", NOW.minus(Duration.ofDays(1))));
        sink.rejectWith = "shop 'kaspi_123' is inactive";

        // when
        KaspiPollReport report = poller(cursors).build().poll(SHOP);

        // then
        KaspiPollReport.TriggerReport accepted = report.triggers().get(0);
        assertThat(accepted.rejected()).isEqualTo(1);
        assertThat(accepted.cursorSaved()).isFalse();
        assertThat(accepted.problems()).singleElement().asString().contains("670000001").contains("inactive");
        assertThat(cursors.find(SHOP, "kaspi.orders.order_accepted")).isEmpty();
        assertThat(cursors.find(SHOP, "kaspi.orders.order_delivered")).isPresent();
    }

    @Test
    void should_stop_without_moving_a_cursor_when_the_token_is_refused() {
        // given
        kaspi.put(FakeKaspiApi.order("680000001", "ACCEPTED_BY_MERCHANT", NOW.minus(Duration.ofDays(1))));
        KaspiOrderPoller poller = KaspiOrderPoller.builder(connector("wrong-token"), sink, cursors).clock(clock).build();

        // when / then
        assertThatThrownBy(() -> poller.poll(SHOP)).isInstanceOf(AuthenticationException.class);
        assertThat(kaspi.listingRequests()).isEqualTo(1);
        assertThat(cursors.list(SHOP)).isEmpty();
        assertThat(sink.size()).isZero();
    }

    @Test
    void should_fall_back_to_offer_codes_when_asked_and_read_each_product_once() {
        // given
        for (int i = 0; i < 5; i++) {
            kaspi.put(FakeKaspiApi.order(Long.toString(690_000_000L + i), "ACCEPTED_BY_MERCHANT",
                    NOW.minus(Duration.ofHours(i + 1))));
        }

        // when
        poller(cursors).build().poll(SHOP);
        int productReads = kaspi.productRequests();
        KaspiOrderPoller offerCodes = poller(new InMemoryPollCursorStore()).sellerSkus(false).build();
        RecordingEventSink other = new RecordingEventSink();
        KaspiOrderPoller.builder(connector(TOKEN), other, new InMemoryPollCursorStore()).clock(clock)
                .sellerSkus(false).build().poll(SHOP);

        // then
        assertThat(productReads).as("one product, read once for five orders").isEqualTo(1);
        assertThat(purchases(sink, PurchaseTrigger.ORDER_ACCEPTED)).allSatisfy(e ->
                assertThat(e.items()).extracting(PurchaseItem::sku).containsExactly(Sku.of("SM-A556-BLUE")));
        assertThat(purchases(other, PurchaseTrigger.ORDER_ACCEPTED)).allSatisfy(e ->
                assertThat(e.items()).extracting(PurchaseItem::sku).containsExactly(Sku.of("112233445")));
        assertThat(kaspi.productRequests()).isEqualTo(productReads);
        assertThat(offerCodes.rules()).hasSize(4);
    }

    @Test
    void should_refuse_rules_that_share_a_trigger_or_a_cursor_that_is_not_an_instant() {
        // given
        KaspiOrderPoller.Builder builder = poller(cursors);
        cursors.save(new PollCursor(SHOP, "kaspi.orders.order_accepted", "page-7", NOW));

        // when / then
        assertThatThrownBy(() -> builder.rules(List.of(KaspiTriggerRule.accepted(), KaspiTriggerRule.accepted())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one rule");
        assertThatThrownBy(() -> builder.build().poll(SHOP)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("page-7").hasMessageContaining("PollCursorStore#delete");
        assertThatThrownBy(() -> new KaspiTriggerRule(PurchaseTrigger.ORDER_ACCEPTED, Set.of(KaspiOrderState.NEW),
                Set.of(KaspiOrderStatus.APPROVED_BY_BANK), Duration.ofDays(91)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("90 days");
    }

    @Test
    void should_not_hold_personal_data_in_problem_lines() {
        // given: an order whose lines cannot be read
        kaspi.put(FakeKaspiApi.order("700000001", "ACCEPTED_BY_MERCHANT", NOW.minus(Duration.ofDays(1)))
                .withPhone("7011112233").withEntries(List.of()));

        // when
        KaspiPollReport report = poller(cursors).build().poll(SHOP);

        // then
        List<String> problems = report.triggers().stream().flatMap(t -> t.problems().stream())
                .collect(Collectors.toList());
        assertThat(problems).singleElement().asString().contains("700000001").contains("no entries")
                .doesNotContain("7011112233").doesNotContain(TOKEN);
        assertThat(report.triggers().get(0).cursorSaved()).isFalse();
        assertThat(Optional.ofNullable(report.triggers().get(0).failure())).isEmpty();
    }

    @Test
    void should_poll_every_shop_on_its_own_thread_when_started_and_go_on_past_a_failing_shop() throws Exception {
        // given: the first shop has no token, the second has two accepted orders
        kaspi.put(FakeKaspiApi.order("710000001", "ACCEPTED_BY_MERCHANT", NOW.minus(Duration.ofHours(2))));
        kaspi.put(FakeKaspiApi.order("710000002", "ACCEPTED_BY_MERCHANT", NOW.minus(Duration.ofHours(1))));
        CountDownLatch twoEvents = new CountDownLatch(2);
        RecordingEventSink counting = new RecordingEventSink() {
            @Override
            public Acceptance accept(HqEvent event) {
                Acceptance acceptance = super.accept(event);
                twoEvents.countDown();
                return acceptance;
            }
        };
        KaspiOrderPoller poller = KaspiOrderPoller.builder(connector(TOKEN), counting, cursors).clock(clock).build();

        // when
        poller.start(Duration.ofMinutes(5), () -> List.of(ShopId.of("kaspi_without_token"), SHOP));
        boolean polled = twoEvents.await(30, TimeUnit.SECONDS);
        poller.close();

        // then
        assertThat(polled).isTrue();
        assertThat(purchases(counting, PurchaseTrigger.ORDER_ACCEPTED)).extracting(e -> e.orderId().value())
                .containsExactlyInAnyOrder("710000001", "710000002");
        assertThatThrownBy(() -> poller.start(Duration.ofSeconds(9), List::of))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 10 s");
    }

    private static List<PurchaseEvent> purchases(RecordingEventSink sink, PurchaseTrigger trigger) {
        return sink.events(PurchaseEvent.class).stream().filter(e -> trigger.equals(e.trigger())).toList();
    }
}
