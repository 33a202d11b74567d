package dev.aihq.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.OrderId;
import dev.aihq.api.channel.InboundTraffic;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.result.RunId;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.ErasedEvent;
import dev.aihq.api.store.ErasureReport;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.api.store.Stores;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.pipeline.memory.InMemoryStores;
import dev.aihq.pipeline.retention.RetentionReport;
import dev.aihq.pipeline.web.WebhookSecretProvider;
import dev.aihq.pipeline.web.WebhookSignature;
import dev.aihq.store.jdbc.JdbcStores;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.RecordingChannel;
import dev.aihq.testkit.SettableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A customer is written to, opts out, and is erased; their next order goes through the sales pipeline and
 * nothing is sent to them. On the in-memory stores and on the JDBC stores over an embedded H2.
 */
class ErasureEndToEndTest {

    private static final String SECRET = "test-secret";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Pattern RUN_ID = Pattern.compile("\"run_id\":\"([^\"]+)\"");

    private final SettableClock clock = SettableClock.at(Fixtures.NOW);
    private final RecordingChannel channel = new RecordingChannel(clock);

    static Stream<Named<Supplier<Stores>>> stores() {
        return Stream.of(
                Named.of("in memory", InMemoryStores::create),
                Named.of("JDBC on H2", () -> {
                    JdbcDataSource h2 = new JdbcDataSource();
                    h2.setURL("jdbc:h2:mem:erasure" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
                    JdbcStores stores = JdbcStores.builder(h2)
                            .suppressionKey("erasure-test-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII))
                            .build();
                    stores.migrate();
                    return stores;
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void should_send_nothing_when_an_opted_out_and_erased_customer_orders_again(Supplier<Stores> supplier) {
        // given a customer who received a message (the consent question)
        Stores stores = supplier.get();
        givenShop(stores);
        try (AiHq hq = hq(stores).start()) {
            WebhookResponse first = hq.frontDoor().handle(signed("/purchase-event", purchaseBody("512345678")));
            assertThat(first.bodyText()).contains("\"outcome\":\"SENT\"");
            assertThat(channel.sent()).hasSize(1);
            RunId firstRun = runId(first);

            // and opted out by replying on the channel
            hq.inbound().receive(new InboundTraffic(List.of(CustomerReplyEvent.of(Fixtures.SHOP_ID, channel.name(),
                    Fixtures.CUSTOMER, "СТОП, это Айгерим, больше не пишите", "wamid.in.1", clock.instant())),
                    List.of(), List.of(), List.of()));
            assertThat(stores.suppressions().isSuppressed(Fixtures.SHOP_ID, Fixtures.CUSTOMER)).isTrue();
            assertThat(stores.outbox().list(Fixtures.SHOP_ID, Set.of(OutboxStatus.AWAITING_CONSENT), 10)).isEmpty();

            // when the customer is erased
            clock.advance(Duration.ofDays(2));
            ErasureReport report = hq.erase(Fixtures.SHOP_ID, Fixtures.CUSTOMER, "Айгерим");

            // and orders again
            clock.advance(Duration.ofDays(3));
            WebhookResponse next = hq.frontDoor().handle(signed("/purchase-event", purchaseBody("512345679")));

            // then nothing more is sent
            assertThat(next.bodyText()).contains("\"outcome\":\"COMPLETED\"").contains("opted out");
            hq.dispatcher().dispatchDue();
            assertThat(channel.sent()).hasSize(1);
            // and the first order's traces are gone while its numbers stay
            assertThat(report.purchases()).isEqualTo(1);
            assertThat(report.journalEntries()).isEqualTo(1);
            // the question sent and the customer's answer
            assertThat(report.conversationMessages()).isEqualTo(2);
            assertThat(report.consentRecords()).isEqualTo(1);
            assertThat(stores.consents().find(Fixtures.SHOP_ID, Fixtures.CUSTOMER)).isEmpty();
            assertThat(stores.purchases().find(Fixtures.SHOP_ID, OrderId.of("512345678")).orElseThrow())
                    .satisfies(p -> assertThat(p.customer()).isNull())
                    .satisfies(p -> assertThat(p.total()).isPresent());
            assertThat(stores.runLog().find(Fixtures.SHOP_ID, firstRun).orElseThrow().resultJson()).isNull();
            String firstKey = stores.runLog().find(Fixtures.SHOP_ID, firstRun).orElseThrow().idempotencyKey();
            assertThat(stores.journal().find(Fixtures.SHOP_ID, firstKey).orElseThrow().event())
                    .isInstanceOf(ErasedEvent.class);
            assertThat(stores.conversations().recent(Fixtures.SHOP_ID, Fixtures.CUSTOMER, 10)).isEmpty();
            // and a redelivery of the first order is still a duplicate, sending nothing
            assertThat(hq.frontDoor().handle(signed("/purchase-event", purchaseBody("512345678"))).bodyText())
                    .contains("\"duplicate\":true");
            assertThat(channel.sent()).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void should_send_nothing_when_an_erased_customer_who_never_opted_out_orders_again(Supplier<Stores> supplier) {
        // given
        Stores stores = supplier.get();
        givenShop(stores);
        try (AiHq hq = hq(stores).start()) {
            hq.frontDoor().handle(signed("/purchase-event", purchaseBody("512345678")));
            assertThat(channel.sent()).hasSize(1);

            // when
            hq.erase(Fixtures.SHOP_ID, Fixtures.CUSTOMER, null);
            WebhookResponse next = hq.frontDoor().handle(signed("/purchase-event", purchaseBody("512345679")));

            // then
            assertThat(next.bodyText()).contains("\"outcome\":\"COMPLETED\"");
            assertThat(channel.sent()).hasSize(1);
            assertThat(stores.suppressions().isSuppressed(Fixtures.SHOP_ID, Fixtures.CUSTOMER)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void should_purge_old_run_payloads_when_the_retention_job_runs(Supplier<Stores> supplier) {
        // given
        Stores stores = supplier.get();
        givenShop(stores);
        try (AiHq hq = hq(stores).start()) {
            RunId run = runId(hq.frontDoor().handle(signed("/purchase-event", purchaseBody("512345678"))));
            assertThat(stores.runLog().find(Fixtures.SHOP_ID, run).orElseThrow().resultJson()).isNotNull();

            // when
            clock.advance(Duration.ofDays(31));
            RetentionReport report = hq.retentionJob().runOnce();

            // then
            assertThat(report.total()).isPositive();
            assertThat(stores.runLog().find(Fixtures.SHOP_ID, run).orElseThrow())
                    .satisfies(r -> assertThat(r.resultJson()).isNull())
                    .satisfies(r -> assertThat(r.outcome()).isNotNull());
            assertThat(stores.purchases().find(Fixtures.SHOP_ID, OrderId.of("512345678")).orElseThrow().customer())
                    .isEqualTo(Fixtures.CUSTOMER);
        }
    }

    @Test
    void should_refuse_to_erase_when_no_suppression_list_is_wired() {
        // given
        InMemoryStores stores = InMemoryStores.create();
        givenShop(stores);
        try (AiHq hq = AiHq.builder().stores(stores).channel(channel)
                .secrets(WebhookSecretProvider.of(Map.of(Fixtures.SHOP_ID, SECRET))).clock(clock).build()) {

            // when / then
            assertThatThrownBy(() -> hq.erase(Fixtures.SHOP_ID, Fixtures.CUSTOMER, null))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("AiHq.Builder#suppressions");
            assertThat(stores.suppressions().isSuppressed(Fixtures.SHOP_ID, Fixtures.CUSTOMER)).isFalse();
        }
    }

    private AiHq hq(Stores stores) {
        return AiHq.builder()
                .stores(stores)
                .suppressions(stores.suppressions())
                .channel(channel)
                .secrets(WebhookSecretProvider.of(Map.of(Fixtures.SHOP_ID, SECRET)))
                .clock(clock)
                .dispatchInterval(Duration.ofMinutes(10))
                .build();
    }

    private static void givenShop(Stores stores) {
        stores.shops().save(Fixtures.kaspiShop().settings(ShopSettings.builder().sendDelay(Duration.ZERO)
                .quietHours(null).frequencyCap(null).personalDataRetention(Duration.ofDays(30)).build()).build());
        Fixtures.catalog(Fixtures.SHOP_ID).forEach(stores.catalog()::save);
    }

    private static RunId runId(WebhookResponse response) {
        Matcher m = RUN_ID.matcher(response.bodyText());
        assertThat(m.find()).as("run id in %s", response.bodyText()).isTrue();
        return RunId.of(m.group(1));
    }

    private static byte[] purchaseBody(String orderId) {
        return ("{\"shop_id\": \"kaspi_123\", \"order_id\": \"" + orderId + "\", \"customer_whatsapp\":"
                + " \"87011234567\", \"items\": [{\"sku\": \"PHN-A55-256\", \"name\": \"Смартфон\","
                + " \"price\": 189990, \"quantity\": 1}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static WebhookRequest signed(String path, byte[] body) {
        return WebhookRequest.of("POST", path, Map.of("Content-Type", "application/json",
                WebhookSignature.HEADER, WebhookSignature.sign(SECRET, body), "Prefer", "wait=10"), body);
    }
}
