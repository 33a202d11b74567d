package dev.aihq.connectors.kaspi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.aihq.api.Money;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.http.HttpLogSink;
import dev.aihq.http.RetryPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link KaspiClient} on WireMock: the exact request, window splitting, mapping, entries and SKUs. */
class KaspiClientTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final ShopId SHOP = ShopId.of("shop-almaty-1");
    private static final Instant TO = Instant.ofEpochMilli(KaspiFixtures.CREATED).plus(Duration.ofHours(1));

    private KaspiClient client;

    @BeforeEach
    void setUp() {
        SERVER.resetAll();
        KaspiConfig config = KaspiConfig.builder()
                .baseUrl(SERVER.baseUrl())
                .pageSize(2)
                .retryPolicy(RetryPolicy.none())
                .requestInterval(Duration.ZERO) // pacing has its own test; here no wait is expected at all
                .build();
        client = KaspiClient.builder(config, KaspiCredentialsProvider.of(SHOP, KaspiFixtures.TOKEN))
                .sleeper(wait -> { throw new AssertionError("no retries expected"); })
                .logSink(HttpLogSink.none())
                .build();
    }

    private static ResponseDefinitionBuilder jsonApi(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", KaspiClient.MEDIA_TYPE).withBody(body);
    }

    private static String page(String orderJson) {
        return "{\"data\":[" + orderJson + "],\"included\":[],\"meta\":{\"pageCount\":1,\"totalCount\":1}}";
    }

    @Test
    void should_send_token_media_types_and_filters_in_milliseconds_when_listing_orders() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/orders")).willReturn(jsonApi(KaspiFixtures.ordersPage(List.of(), 0,
                KaspiFixtures.Shape.FULL))));
        Instant from = TO.minus(Duration.ofDays(3));

        // when
        client.listOrders(SHOP, KaspiOrderQuery.of(KaspiOrderState.NEW, from, TO)
                .withStatus(KaspiOrderStatus.APPROVED_BY_BANK));

        // then
        List<LoggedRequest> requests = SERVER.findAll(getRequestedFor(urlPathEqualTo("/orders")));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getHeader("X-Auth-Token")).isEqualTo(KaspiFixtures.TOKEN);
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/vnd.api+json");
        assertThat(request.getHeader("Accept")).isEqualTo("application/vnd.api+json");
        assertThat(request.queryParameter("page[number]").firstValue()).isEqualTo("0");
        assertThat(request.queryParameter("page[size]").firstValue()).isEqualTo("2");
        assertThat(request.queryParameter("filter[orders][state]").firstValue()).isEqualTo("NEW");
        assertThat(request.queryParameter("filter[orders][status]").firstValue()).isEqualTo("APPROVED_BY_BANK");
        assertThat(request.queryParameter("filter[orders][creationDate][$ge]").firstValue())
                .isEqualTo(Long.toString(from.toEpochMilli()));
        assertThat(request.queryParameter("filter[orders][creationDate][$le]").firstValue())
                .isEqualTo(Long.toString(TO.toEpochMilli()));
    }

    @Test
    void should_split_into_windows_of_at_most_14_days_when_the_range_is_longer() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/orders")).willReturn(jsonApi(KaspiFixtures.ordersPage(List.of(), 0,
                KaspiFixtures.Shape.FULL))));
        Instant from = TO.minus(Duration.ofDays(30));

        // when
        client.listOrders(SHOP, KaspiOrderQuery.of(KaspiOrderState.ARCHIVE, from, TO));

        // then
        List<long[]> windows = SERVER.findAll(getRequestedFor(urlPathEqualTo("/orders"))).stream()
                .map(r -> new long[] {
                        Long.parseLong(r.queryParameter("filter[orders][creationDate][$ge]").firstValue()),
                        Long.parseLong(r.queryParameter("filter[orders][creationDate][$le]").firstValue())})
                .sorted(Comparator.comparingLong(w -> w[0]))
                .toList();
        assertThat(windows).hasSize(3);
        assertThat(windows.get(0)[0]).isEqualTo(from.toEpochMilli());
        assertThat(windows.get(2)[1]).isEqualTo(TO.toEpochMilli());
        for (int i = 0; i < windows.size(); i++) {
            assertThat(windows.get(i)[1] - windows.get(i)[0]).isLessThan(Duration.ofDays(14).toMillis());
            if (i > 0) {
                assertThat(windows.get(i)[0]).as("no gap, no overlap").isEqualTo(windows.get(i - 1)[1] + 1);
            }
        }
    }

    @Test
    void should_keep_one_copy_when_an_order_appears_in_two_windows() {
        // given: the same order served for every window and page
        SERVER.stubFor(get(urlPathEqualTo("/orders")).willReturn(jsonApi(page(
                KaspiFixtures.order("ODUwNjQ5MTg0", "500000100", KaspiFixtures.Shape.FULL)))));

        // when
        List<KaspiOrder> orders = client.listOrders(SHOP,
                KaspiOrderQuery.of(KaspiOrderState.NEW, TO.minus(Duration.ofDays(20)), TO));

        // then
        assertThat(SERVER.findAll(getRequestedFor(urlPathEqualTo("/orders")))).hasSize(2);
        assertThat(orders).extracting(KaspiOrder::id).containsExactly("ODUwNjQ5MTg0");
    }

    @Test
    void should_map_every_field_when_the_order_is_complete() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/orders")).willReturn(jsonApi(page(
                KaspiFixtures.order("ODUwNjQ5MTg0", "500000100", KaspiFixtures.Shape.FULL)))));

        // when
        KaspiOrder order = client.listOrders(SHOP,
                KaspiOrderQuery.of(KaspiOrderState.NEW, TO.minus(Duration.ofDays(1)), TO)).get(0);

        // then
        assertThat(order.id()).isEqualTo("ODUwNjQ5MTg0");
        assertThat(order.code()).isEqualTo("500000100");
        assertThat(order.state()).isEqualTo(KaspiOrderState.NEW);
        assertThat(order.status()).isEqualTo(KaspiOrderStatus.APPROVED_BY_BANK);
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2024-11-01T06:00:00Z"));
        assertThat(order.totalPrice()).isEqualTo(Money.kzt(96045));
        assertThat(order.deliveryCost()).isEqualTo(Money.kzt(0));
        assertThat(order.deliveryMode()).isEqualTo("DELIVERY_PICKUP");
        assertThat(order.kaspiDelivery()).isFalse();
        KaspiCustomer customer = order.buyer().orElseThrow();
        assertThat(customer.id()).isEqualTo("BHoDz3Hcq2");
        assertThat(customer.name()).isNull();
        assertThat(customer.displayName()).contains("Айгерим Нурланова");
        assertThat(customer.phoneNumber()).contains(PhoneNumber.parse("+77012345678"));
    }

    @Test
    void should_read_kazakh_phone_forms_and_treat_a_masked_one_as_none() {
        assertThat(phoneOf("7012345678")).isEqualTo("+77012345678");
        assertThat(phoneOf("77012345678")).isEqualTo("+77012345678");
        assertThat(phoneOf("87012345678")).isEqualTo("+77012345678");
        assertThat(phoneOf("+0(000)-000-00-00")).isNull();
        assertThat(phoneOf("not a phone")).isNull();
    }

    private String phoneOf(String cellPhone) {
        SERVER.resetAll();
        String order = KaspiFixtures.order("ID1", "500000101", KaspiFixtures.Shape.FULL)
                .replace("\"cellPhone\":\"7012345678\"", "\"cellPhone\":\"" + cellPhone + "\"");
        SERVER.stubFor(get(urlPathEqualTo("/orders")).willReturn(jsonApi(page(order))));
        KaspiCustomer customer = client.listOrders(SHOP,
                KaspiOrderQuery.of(KaspiOrderState.NEW, TO.minus(Duration.ofDays(1)), TO)).get(0).buyer().orElseThrow();
        return customer.phone() == null ? null : customer.phone().e164();
    }

    @Test
    void should_keep_unknown_state_and_status_as_written_when_kaspi_adds_new_ones() {
        // given
        String order = KaspiFixtures.order("ID2", "500000102", KaspiFixtures.Shape.FULL)
                .replace("\"state\":\"NEW\"", "\"state\":\"KASPI_POSTOMAT\"")
                .replace("\"status\":\"APPROVED_BY_BANK\"", "\"status\":\"WAITING_FOR_PAYMENT\"");
        SERVER.stubFor(get(urlPathEqualTo("/orders")).willReturn(jsonApi(page(order))));

        // when
        KaspiOrder mapped = client.listOrders(SHOP,
                KaspiOrderQuery.of(KaspiOrderState.NEW, TO.minus(Duration.ofDays(1)), TO)).get(0);

        // then
        assertThat(mapped.state().code()).isEqualTo("KASPI_POSTOMAT");
        assertThat(mapped.state().isKnown()).isFalse();
        assertThat(mapped.status().code()).isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(mapped.status().isKnown()).isFalse();
        assertThat(KaspiOrderStatus.of("completed")).isEqualTo(KaspiOrderStatus.COMPLETED);
        assertThat(KaspiOrderStatus.COMPLETED.isKnown()).isTrue();
    }

    @Test
    void should_take_the_customer_from_included_when_the_order_does_not_embed_one() {
        // given
        String order = KaspiFixtures.order("ID3", "500000103", KaspiFixtures.Shape.FULL)
                .replaceAll("\"customer\":\\{[^}]*\\},", "");
        String body = "{\"data\":[" + order + "],\"included\":[{\"type\":\"customers\",\"id\":\"BHoDz3Hcq2\","
                + "\"attributes\":{\"firstName\":\"Ерлан\",\"lastName\":\"Сапаров\",\"cellPhone\":\"7751234567\"}}],"
                + "\"meta\":{\"pageCount\":1,\"totalCount\":1}}";
        SERVER.stubFor(get(urlPathEqualTo("/orders")).willReturn(jsonApi(body)));

        // when
        KaspiCustomer customer = client.listOrders(SHOP,
                KaspiOrderQuery.of(KaspiOrderState.NEW, TO.minus(Duration.ofDays(1)), TO)).get(0).buyer().orElseThrow();

        // then
        assertThat(customer.displayName()).contains("Ерлан Сапаров");
        assertThat(customer.phone()).isEqualTo(PhoneNumber.parse("+77751234567"));
    }

    @Test
    void should_name_the_field_when_a_required_attribute_is_missing() {
        // given
        String order = KaspiFixtures.order("ID4", "500000104", KaspiFixtures.Shape.OPTIONAL_FIELDS_MISSING)
                .replace("\"totalPrice\":4000.0,", "");
        SERVER.stubFor(get(urlPathEqualTo("/orders")).willReturn(jsonApi(page(order))));

        // when
        Throwable thrown = catchThrowable(() -> client.listOrders(SHOP,
                KaspiOrderQuery.of(KaspiOrderState.ARCHIVE, TO.minus(Duration.ofDays(1)), TO)));

        // then
        assertThat(thrown).isInstanceOf(KaspiResponseException.class)
                .hasMessageContaining("data[0].attributes.totalPrice is missing");
        assertThat(((KaspiResponseException) thrown).field()).isEqualTo("data[0].attributes.totalPrice");
        assertThat(((KaspiResponseException) thrown).isRetriable()).isFalse();
    }

    @Test
    void should_name_the_field_when_an_attribute_has_the_wrong_type() {
        // given
        String order = KaspiFixtures.order("ID5", "500000105", KaspiFixtures.Shape.FULL)
                .replace("\"creationDate\":" + KaspiFixtures.CREATED, "\"creationDate\":\"вчера\"");
        SERVER.stubFor(get(urlPathEqualTo("/orders")).willReturn(jsonApi(page(order))));

        // when
        Throwable thrown = catchThrowable(() -> client.listOrders(SHOP,
                KaspiOrderQuery.of(KaspiOrderState.NEW, TO.minus(Duration.ofDays(1)), TO)));

        // then
        assertThat(thrown).isInstanceOf(KaspiResponseException.class).hasMessageContaining("creationDate");
        assertThat(thrown.getMessage()).doesNotContain("Айгерим").doesNotContain("7012345678");
    }

    @Test
    void should_read_entries_with_cyrillic_titles_and_kzt_prices() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/orders/ODUwNjQ5MTg0/entries")).willReturn(jsonApi(KaspiFixtures.entries())));

        // when
        List<KaspiOrderEntry> entries = client.orderEntries(SHOP, "ODUwNjQ5MTg0");

        // then
        assertThat(entries).hasSize(2);
        KaspiOrderEntry phone = entries.get(0);
        assertThat(phone.id()).isEqualTo("NTAwMDAwMTAwOjA=");
        assertThat(phone.entryNumber()).isZero();
        assertThat(phone.quantity()).isEqualByComparingTo("1");
        assertThat(phone.basePrice()).isEqualTo(Money.kzt(89990));
        assertThat(phone.totalPrice()).isEqualTo(Money.kzt(89990));
        assertThat(phone.offerCode()).isEqualTo("112233445");
        assertThat(phone.offerName()).isEqualTo("Смартфон Samsung Galaxy A55 5G 8/256 ГБ тёмно-синий");
        assertThat(phone.categoryTitle()).isEqualTo("Смартфоны");
        assertThat(phone.unitType()).isEqualTo("PIECES");
        assertThat(phone.product()).contains("MP-118225883");
        KaspiOrderEntry cover = entries.get(1);
        assertThat(cover.basePrice()).isEqualTo(Money.of(new BigDecimal("3027.5"), Money.KZT));
        assertThat(cover.totalPrice()).isEqualTo(Money.kzt(6055));
        assertThat(cover.product()).isEmpty();
        assertThat(SERVER.findAll(getRequestedFor(urlPathEqualTo("/orders/ODUwNjQ5MTg0/entries"))).get(0)
                .getHeader("X-Auth-Token")).isEqualTo(KaspiFixtures.TOKEN);
    }

    @Test
    void should_find_the_seller_sku_through_the_master_product_and_not_the_offer_code() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/orders/O1/entries")).willReturn(jsonApi(KaspiFixtures.entries())));
        SERVER.stubFor(get(urlPathEqualTo("/masterproducts/MP-118225883/merchantProduct"))
                .willReturn(jsonApi(KaspiFixtures.merchantProduct("SAM-A55-256-NAVY"))));
        KaspiOrderEntry entry = client.orderEntries(SHOP, "O1").get(0);

        // when
        var sku = client.sellerSku(SHOP, entry);

        // then
        assertThat(sku).contains(Sku.of("SAM-A55-256-NAVY"));
        assertThat(sku.orElseThrow().value()).isNotEqualTo(entry.offerCode());
    }

    @Test
    void should_look_up_the_product_first_when_the_entry_does_not_name_it() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/orders/O1/entries")).willReturn(jsonApi(KaspiFixtures.entries())));
        SERVER.stubFor(get(urlPathEqualTo("/orderentries/NTAwMDAwMTAwOjE%3D/product"))
                .willReturn(jsonApi(KaspiFixtures.masterProduct("MP-77"))));
        SERVER.stubFor(get(urlPathEqualTo("/masterproducts/MP-77/merchantProduct"))
                .willReturn(jsonApi(KaspiFixtures.merchantProduct("CASE-A55-BLK"))));
        KaspiOrderEntry entry = client.orderEntries(SHOP, "O1").get(1);

        // when / then
        assertThat(client.sellerSku(SHOP, entry)).contains(Sku.of("CASE-A55-BLK"));
    }

    @Test
    void should_return_no_sku_when_kaspi_links_no_seller_product() {
        // given
        SERVER.stubFor(get(urlPathEqualTo("/orders/O1/entries")).willReturn(jsonApi(KaspiFixtures.entries())));
        SERVER.stubFor(get(urlPathEqualTo("/masterproducts/MP-118225883/merchantProduct"))
                .willReturn(aResponse().withStatus(404).withBody("{\"errors\":[{\"title\":\"Not found\"}]}")));
        KaspiOrderEntry entry = client.orderEntries(SHOP, "O1").get(0);

        // when / then
        assertThat(client.sellerSku(SHOP, entry)).isEmpty();
    }

    @Test
    void should_split_windows_inclusively_without_gaps() {
        Instant from = Instant.parse("2024-10-01T00:00:00Z");

        List<Instant[]> exact = KaspiClient.windows(from, from.plus(Duration.ofDays(14)).minusMillis(1));
        List<Instant[]> longer = KaspiClient.windows(from, from.plus(Duration.ofDays(14)));
        List<Instant[]> instant = KaspiClient.windows(from, from);

        assertThat(exact).hasSize(1);
        assertThat(longer).hasSize(2);
        assertThat(longer.get(1)[0]).isEqualTo(longer.get(1)[1]);
        assertThat(instant).hasSize(1);
        assertThat(Map.of("from", instant.get(0)[0], "to", instant.get(0)[1])).containsEntry("to", from);
    }
}
