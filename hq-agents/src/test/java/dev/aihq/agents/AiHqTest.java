package dev.aihq.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Money;
import dev.aihq.api.channel.ChannelLimits;
import dev.aihq.api.channel.ChannelSink;
import dev.aihq.api.channel.InboundTraffic;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.channel.MessageChannel;
import dev.aihq.api.channel.OutboundMessage;
import dev.aihq.api.channel.QuickReply;
import dev.aihq.api.channel.SendReceipt;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.ConsentEvent;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.JournalEntry;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.api.web.WebhookRoute;
import dev.aihq.pipeline.memory.InMemoryLedgerStore;
import dev.aihq.pipeline.memory.InMemoryStores;
import dev.aihq.pipeline.web.WebhookSecretProvider;
import dev.aihq.pipeline.web.WebhookSignature;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.ForwardingEventJournal;
import dev.aihq.testkit.RecordingChannel;
import dev.aihq.testkit.SettableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AiHqTest {

    private static final String SECRET = "test-secret";

    private final InMemoryStores stores = InMemoryStores.create();
    private final SettableClock clock = SettableClock.at(Fixtures.NOW);
    private final RecordingChannel recording = new RecordingChannel(clock);

    @Test
    void should_report_every_missing_part_when_built_without_stores_channel_or_secrets() {
        assertThatThrownBy(() -> AiHq.builder().build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("AI HQ is missing shops, journal, purchases, catalog, runLog, outbox,"
                        + " tokenUsage, consents, channel, secrets");
    }

    @Test
    void should_send_the_upsell_when_a_signed_purchase_of_an_opted_in_customer_arrives_at_the_front_door() {
        // given a customer who opted in to offers (consent collected elsewhere, recorded by the integrator)
        givenShop();
        givenOptedIn();
        try (AiHq hq = hq(recording).start()) {
            byte[] body = ("{\"shop_id\": \"kaspi_123\", \"order_id\": \"512345678\", \"customer_whatsapp\":"
                    + " \"87011234567\", \"items\": [{\"sku\": \"PHN-A55-256\", \"name\": \"Смартфон\","
                    + " \"price\": 189990, \"quantity\": 1}]}").getBytes(StandardCharsets.UTF_8);

            // when
            WebhookResponse response = hq.frontDoor().handle(signed("/purchase-event", body));

            // then
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).contains("\"outcome\":\"SENT\"", "\"pipeline\":\"sales.purchase\"");
            assertThat(recording.sent()).singleElement()
                    .satisfies(message -> assertThat(message.text()).contains("«Защитное стекло для Galaxy A55»"));
        }
    }

    @Test
    void should_ask_for_consent_first_and_send_the_offer_when_the_customer_answers_yes() {
        // given a customer nobody asked yet
        givenShop();
        MessageChannel withRoute = new ChannelWithRoute(recording);
        try (AiHq hq = hq(withRoute).start()) {

            // when the purchase arrives
            WebhookResponse purchase = hq.frontDoor().handle(signed("/purchase-event", purchaseBody("512345678")));

            // then only the consent question goes, with its buttons; the offer waits
            assertThat(purchase.bodyText()).contains("\"outcome\":\"SENT\"", "consent question");
            assertThat(recording.sent()).singleElement().satisfies(question -> {
                assertThat(question.text()).contains("Показать подборку");
                assertThat(question.category()).isEqualTo(MessageCategory.UTILITY);
                assertThat(question.quickReplies()).extracting(QuickReply::id)
                        .containsExactly("consent:yes", "consent:no", "consent:stop");
            });
            assertThat(stores.outbox().list(Fixtures.SHOP_ID, Set.of(OutboxStatus.AWAITING_CONSENT), 10)).hasSize(1);

            // when the customer taps yes on the channel
            WebhookResponse answer = hq.frontDoor().handle(WebhookRequest.of("POST", "/test/inbound", Map.of(),
                    "consent:yes".getBytes(StandardCharsets.UTF_8)));
            hq.dispatcher().dispatchDue();

            // then the offer goes, under the consent the customer gave
            assertThat(answer.status()).isEqualTo(204);
            assertThat(recording.sent()).hasSize(2);
            assertThat(recording.sent().get(1)).satisfies(offer -> {
                assertThat(offer.text()).contains("«Защитное стекло для Galaxy A55»");
                assertThat(offer.category()).isEqualTo(MessageCategory.MARKETING);
            });
            assertThat(stores.outbox().list(Fixtures.SHOP_ID, Set.of(OutboxStatus.SENT), 10))
                    .filteredOn(message -> message.category() == MessageCategory.MARKETING).singleElement()
                    .satisfies(offer -> assertThat(offer.consent()).startsWith("OPTED_IN by recording:button"));
        }
    }

    @Test
    void should_assess_legal_events_and_answer_finance_events_with_a_report() throws Exception {
        // given
        givenShop();
        try (AiHq hq = hq(recording).start()) {
            byte[] legal = ("{\"shop_id\": \"kaspi_123\", \"event_type\": \"fine\", \"order_id\": \"12345\","
                    + " \"product_name\": \"Мужской шампунь\", \"fine_reason\": \"Просрочка доставки\","
                    + " \"documents\": [\"order.pdf\"]}").getBytes(StandardCharsets.UTF_8);
            byte[] finance = "{\"shop_id\": \"kaspi_123\", \"period\": \"2026-01\", \"event_type\": \"monthly_report\"}"
                    .getBytes(StandardCharsets.UTF_8);

            // when
            WebhookResponse legalAnswer = hq.frontDoor().handle(signed("/legal-event", legal));
            WebhookResponse financeAnswer = hq.frontDoor().handle(signed("/finance-event", finance));

            // then
            assertThat(legalAnswer.status()).isIn(200, 202);
            assertThat(financeAnswer.status()).isIn(200, 202); // answered at once, or accepted while it runs
            assertThat(hq.legal().awaitDrained(Duration.ofSeconds(10))).isTrue();
            assertThat(hq.finance().awaitDrained(Duration.ofSeconds(10))).isTrue();
            assertThat(stores.runLog().recent(Fixtures.SHOP_ID, 5)).filteredOn(r -> r.pipeline().equals("legal"))
                    .singleElement().satisfies(run -> {
                        assertThat(run.outcome()).as(run.reason()).isEqualTo(RunOutcome.COMPLETED);
                        assertThat(run.resultJson()).contains("\"can_contest\":\"partial\"")
                                .contains("\"deadline_official\":false").contains("\"template_draft\":true")
                                .contains("order.pdf");
                    });
            assertThat(stores.legalCases().history(Fixtures.SHOP_ID, Instant.EPOCH, clock.instant().plusSeconds(60), 5))
                    .hasSize(1);
            assertThat(stores.runLog().recent(Fixtures.SHOP_ID, 5)).filteredOn(r -> r.pipeline().equals("finance"))
                    .singleElement().satisfies(run -> {
                        assertThat(run.outcome()).isEqualTo(RunOutcome.COMPLETED);
                        assertThat(run.resultJson()).contains("\"tax_due\"").contains("\"currency\":\"KZT\"");
                    });
        }
    }

    @Test
    void should_refuse_legal_events_with_the_reason_when_built_without_a_legal_case_store() {
        // given: every store but the legal cases, set one by one
        givenShop();
        AiHq.Builder builder = AiHq.builder().shops(stores.shops()).journal(stores.journal())
                .purchases(stores.purchases()).catalog(stores.catalog()).runLog(stores.runLog())
                .outbox(stores.outbox()).tokenUsage(stores.tokenUsage()).consents(stores.consents())
                .channel(recording).secrets(WebhookSecretProvider.of(Map.of(Fixtures.SHOP_ID, SECRET))).clock(clock);
        try (AiHq hq = builder.build().start()) {
            byte[] legal = "{\"shop_id\": \"kaspi_123\", \"event_type\": \"fine\"}".getBytes(StandardCharsets.UTF_8);

            // when
            WebhookResponse answer = hq.frontDoor().handle(signed("/legal-event", legal));

            // then
            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.bodyText()).contains(AiHq.LEGAL_UNAVAILABLE);
        }
    }

    @Test
    void should_mount_the_channels_inbound_route_when_the_channel_contributes_one() {
        // given
        givenShop();
        MessageChannel withRoute = new ChannelWithRoute(recording);
        try (AiHq hq = hq(withRoute).start()) {

            // when
            WebhookResponse response = hq.frontDoor().handle(WebhookRequest.of("POST", "/test/inbound", Map.of(),
                    new byte[0]));

            // then
            assertThat(response.status()).isEqualTo(204);
        }
    }

    @Test
    void should_keep_using_a_cached_shop_until_the_ttl_when_shops_are_cached() {
        // given: the shop is read once, then deactivated behind AI HQ's back
        givenShop();
        givenOptedIn();
        try (AiHq hq = AiHq.builder().stores(stores).channel(recording)
                .secrets(WebhookSecretProvider.of(Map.of(Fixtures.SHOP_ID, SECRET))).clock(clock)
                .dispatchInterval(Duration.ofMinutes(10)).cacheShops(Duration.ofSeconds(5)).build().start()) {
            byte[] first = purchaseBody("512345678");
            assertThat(hq.frontDoor().handle(signed("/purchase-event", first)).status()).isEqualTo(200);
            stores.shops().save(Fixtures.kaspiShop().active(false).build());

            // when / then: within the ttl the cached, active shop still serves; after it the change shows
            assertThat(hq.frontDoor().handle(signed("/purchase-event", purchaseBody("512345679"))).bodyText())
                    .contains("\"outcome\":\"SENT\"");
            clock.advance(Duration.ofSeconds(6));
            assertThat(hq.frontDoor().handle(signed("/purchase-event", purchaseBody("512345680"))).bodyText())
                    .contains("is inactive");
        }
    }

    @Test
    void should_not_write_to_a_customer_who_opted_out_when_a_suppression_list_is_set() {
        // given
        givenShop();
        stores.suppressions().suppress(Fixtures.SHOP_ID, Fixtures.CUSTOMER, "replied STOP", clock.instant());
        try (AiHq hq = AiHq.builder().stores(stores).channel(recording)
                .secrets(WebhookSecretProvider.of(Map.of(Fixtures.SHOP_ID, SECRET))).clock(clock)
                .dispatchInterval(Duration.ofMinutes(10)).suppressions(stores.suppressions()).build().start()) {

            // when
            WebhookResponse response = hq.frontDoor().handle(signed("/purchase-event", purchaseBody("512345678")));

            // then
            assertThat(response.bodyText()).contains("\"outcome\":\"COMPLETED\"")
                    .contains("not sent: the customer opted out");
            assertThat(recording.sent()).isEmpty();
        }
    }

    @Test
    void should_record_the_sale_in_the_stores_ledger_when_built_with_stores() {
        // given
        givenShop();
        try (AiHq hq = AiHq.builder().stores(stores).channel(recording)
                .secrets(WebhookSecretProvider.of(Map.of(Fixtures.SHOP_ID, SECRET))).clock(clock)
                .dispatchInterval(Duration.ofMinutes(10)).build().start()) {

            // when
            WebhookResponse response = hq.frontDoor().handle(signed("/purchase-event", purchaseBody("512345678")));

            // then
            assertThat(response.status()).isEqualTo(200);
            assertThat(stores.ledger().find(Fixtures.SHOP_ID, "sale:512345678:PHN-A55-256")).hasValueSatisfying(
                    sale -> assertThat(sale.amount()).isEqualTo(Money.kzt(189_990)));
        }
    }

    @Test
    void should_record_the_sale_in_the_ledger_set_on_its_own_when_one_replaces_the_stores_ledger() {
        // given
        givenShop();
        InMemoryLedgerStore own = new InMemoryLedgerStore();
        try (AiHq hq = AiHq.builder().stores(stores).ledger(own).channel(recording)
                .secrets(WebhookSecretProvider.of(Map.of(Fixtures.SHOP_ID, SECRET))).clock(clock)
                .dispatchInterval(Duration.ofMinutes(10)).build().start()) {

            // when
            hq.frontDoor().handle(signed("/purchase-event", purchaseBody("512345678")));

            // then
            assertThat(own.find(Fixtures.SHOP_ID, "sale:512345678:PHN-A55-256")).isPresent();
            assertThat(stores.ledger().find(Fixtures.SHOP_ID, "sale:512345678:PHN-A55-256")).isEmpty();
        }
    }

    @Test
    void should_refuse_a_shop_cache_ttl_that_is_not_positive() {
        assertThatThrownBy(() -> AiHq.builder().stores(stores).channel(recording)
                .secrets(WebhookSecretProvider.of(Map.of())).cacheShops(Duration.ZERO).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("shop cache ttl must be positive");
    }

    private static byte[] purchaseBody(String orderId) {
        return ("{\"shop_id\": \"kaspi_123\", \"order_id\": \"" + orderId + "\", \"customer_whatsapp\":"
                + " \"87011234567\", \"items\": [{\"sku\": \"PHN-A55-256\", \"name\": \"Смартфон\","
                + " \"price\": 189990, \"quantity\": 1}]}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void should_look_for_lost_runs_every_recovery_interval_and_claim_them_for_the_run_lease() throws Exception {
        // given: a journal that reports every look for lost runs
        givenShop();
        ClaimWatchingJournal journal = new ClaimWatchingJournal(stores.journal(), 6);
        try (AiHq hq = AiHq.builder().stores(stores).journal(journal).channel(recording)
                .secrets(WebhookSecretProvider.of(Map.of(Fixtures.SHOP_ID, SECRET))).clock(clock)
                .dispatchInterval(Duration.ofMinutes(10))
                .runLease(Duration.ofSeconds(7)).recoveryInterval(Duration.ofMillis(20))
                .build().start()) {

            // when: the pipelines that resume runs look (the default interval would take a minute)
            boolean looked = journal.looks.await(10, TimeUnit.SECONDS);

            // then
            assertThat(looked).as("six looks for lost runs within 10 s").isTrue();
            // the sales and finance pipelines all claim for the configured lease
            assertThat(journal.leases).containsExactly(Duration.ofSeconds(7));
        }
    }

    @Test
    void should_refuse_a_run_lease_that_is_not_positive() {
        assertThatThrownBy(() -> AiHq.builder().stores(stores).channel(recording)
                .secrets(WebhookSecretProvider.of(Map.of())).runLease(Duration.ZERO).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("run lease must be positive");
    }

    @Test
    void should_refuse_fewer_than_one_attempt_per_run() {
        assertThatThrownBy(() -> AiHq.builder().maxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("max attempts must be at least 1, got 0");
    }

    @Test
    void should_refuse_to_start_again_when_closed() {
        // given
        AiHq hq = hq(recording).start();

        // when
        hq.close();
        hq.close();

        // then
        assertThat(hq.purchases().isRunning()).isFalse();
        assertThat(hq.replies().isRunning()).isFalse();
        assertThatThrownBy(hq::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private AiHq hq(MessageChannel channel) {
        return AiHq.builder()
                .stores(stores)
                .channel(channel)
                .secrets(WebhookSecretProvider.of(Map.of(Fixtures.SHOP_ID, SECRET)))
                .clock(clock)
                .dispatchInterval(Duration.ofMinutes(10))
                .build();
    }

    private void givenOptedIn() {
        stores.consents().apply(Fixtures.SHOP_ID, Fixtures.CUSTOMER, ConsentEvent.GRANTED, clock.instant(), "import");
    }

    private void givenShop() {
        stores.shops().save(Fixtures.kaspiShop().settings(ShopSettings.builder()
                .sendDelay(Duration.ZERO).quietHours(null).build()).build());
        Fixtures.catalog(Fixtures.SHOP_ID).forEach(stores.catalog()::save);
    }

    private static WebhookRequest signed(String path, byte[] body) {
        return WebhookRequest.of("POST", path, Map.of("Content-Type", "application/json",
                WebhookSignature.HEADER, WebhookSignature.sign(SECRET, body), "Prefer", "wait=10"), body);
    }

    /** A journal that counts down a latch and records the lease on every claim of expired runs. */
    private static final class ClaimWatchingJournal extends ForwardingEventJournal {
        final CountDownLatch looks;
        final Set<Duration> leases = ConcurrentHashMap.newKeySet();

        ClaimWatchingJournal(EventJournal delegate, int looks) {
            super(delegate);
            this.looks = new CountDownLatch(looks);
        }

        @Override
        public List<JournalEntry> claimExpired(Instant now, int max, String worker, Duration lease,
                Collection<String> eventTypePrefixes) {
            leases.add(lease);
            looks.countDown();
            return super.claimExpired(now, max, worker, lease, eventTypePrefixes);
        }
    }

    /** A channel that sends through another and contributes one inbound route. */
    private static final class ChannelWithRoute implements MessageChannel {
        private final MessageChannel delegate;

        ChannelWithRoute(MessageChannel delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public ChannelLimits limits() {
            return delegate.limits();
        }

        @Override
        public SendReceipt send(OutboundMessage message) {
            return delegate.send(message);
        }

        /** One route: the body is a button id the customer tapped, handed to the sink as their reply. */
        @Override
        public List<WebhookRoute> webhookRoutes(ChannelSink sink) {
            return List.of(new WebhookRoute() {
                @Override
                public String method() {
                    return "POST";
                }

                @Override
                public String path() {
                    return "/test/inbound";
                }

                @Override
                public WebhookResponse handle(WebhookRequest request) {
                    if (request.body().length > 0) {
                        String button = new String(request.body(), StandardCharsets.UTF_8);
                        sink.receive(new InboundTraffic(List.of(new CustomerReplyEvent(Fixtures.SHOP_ID, name(),
                                Fixtures.CUSTOMER, null, "Иә / Да", button, "in-1", Fixtures.NOW,
                                CustomerReplyEvent.keyFor(name(), "in-1"))), List.of(), List.of(), List.of()));
                    }
                    return WebhookResponse.empty(204);
                }
            });
        }
    }
}
