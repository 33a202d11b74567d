package dev.aihq.connectors.kaspi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Read-only checks against the real Kaspi Merchant API, run only when {@code KASPI_TOKEN} is set (and
 * through {@code KASPI_PROXY=host:port} when that is set too, since Kaspi is reported to answer Kazakh
 * addresses only). They list orders and read entries and SKUs; nothing is accepted, completed or cancelled.
 */
@EnabledIfEnvironmentVariable(named = "KASPI_TOKEN", matches = ".+")
class KaspiLiveTest {

    private static final ShopId SHOP = ShopId.of("kaspi_live");

    private static KaspiConnector connector() {
        KaspiConfig.Builder config = KaspiConfig.builder();
        String proxy = System.getenv("KASPI_PROXY");
        if (proxy != null && !proxy.isBlank()) {
            String[] hostPort = proxy.strip().split(":", 2);
            config.proxy(ProxySelector.of(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]))));
        }
        return KaspiConnector.of(KaspiClient.create(config.build(),
                KaspiCredentialsProvider.of(SHOP, System.getenv("KASPI_TOKEN").strip())));
    }

    @Test
    void should_list_archived_orders_of_the_last_30_days_in_windows_and_read_their_entries() {
        // given
        KaspiConnector kaspi = connector();
        Instant now = Instant.now();

        // when
        List<KaspiOrder> orders = kaspi.listOrders(SHOP,
                KaspiOrderQuery.of(KaspiOrderState.ARCHIVE, now.minus(Duration.ofDays(30)), now));

        // then
        assertThat(kaspi.capabilities(SHOP).supports(Capability.ORDERS)).isTrue();
        assertThat(orders).allSatisfy(order -> {
            assertThat(order.code()).matches("\\d+");
            assertThat(order.state()).isEqualTo(KaspiOrderState.ARCHIVE);
            assertThat(order.createdAt()).isBetween(now.minus(Duration.ofDays(30)), now);
        });
        if (!orders.isEmpty()) {
            List<KaspiOrderEntry> entries = kaspi.client().orderEntries(SHOP, orders.get(0).id());
            assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(e.quantity()).isPositive());
            assertThat(kaspi.client().sellerSku(SHOP, entries.get(0))).isNotNull(); // a SKU or empty, no failure
        }
    }

    @Test
    void should_list_new_orders_of_the_last_day() {
        // given
        KaspiConnector kaspi = connector();
        Instant now = Instant.now();

        // when
        List<KaspiOrder> orders = kaspi.listOrders(SHOP,
                KaspiOrderQuery.of(KaspiOrderState.NEW, now.minus(Duration.ofDays(1)), now));

        // then
        assertThat(orders).allSatisfy(order -> assertThat(order.state()).isEqualTo(KaspiOrderState.NEW));
    }
}
