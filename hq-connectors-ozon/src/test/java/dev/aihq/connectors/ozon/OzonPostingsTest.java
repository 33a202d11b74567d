package dev.aihq.connectors.ozon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.error.ResourceNotFoundException;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.ozon.FakeOzonApi;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OzonPostingsTest {

    private static final Instant SINCE = OzonFixtures.NOW.minus(Duration.ofDays(3));

    private FakeOzonApi ozon;
    private OzonClient client;

    @BeforeEach
    void start() {
        ozon = FakeOzonApi.start(OzonFixtures.CLIENT_ID, OzonFixtures.API_KEY);
        SettableClock clock = SettableClock.at(OzonFixtures.NOW);
        client = OzonFixtures.client(OzonFixtures.config(ozon.baseUrl()).postingPageSize(3).build(),
                OzonSubscription.STANDARD, clock, new RecordingSleeper(clock));
    }

    @AfterEach
    void stop() {
        ozon.close();
    }

    @Test
    void should_read_every_page_while_has_next_when_postings_span_pages() {
        // given
        for (int i = 1; i <= 7; i++) {
            ozon.putPosting(FakeOzonApi.posting("1000000" + i + "-0001-1", "awaiting_packaging",
                    SINCE.plusSeconds(i * 60L)));
        }

        // when
        List<OzonPosting> postings = client.postings().fbsList(OzonFixtures.SHOP, SINCE, OzonFixtures.NOW, null);

        // then
        assertThat(postings).hasSize(7);
        assertThat(postings.get(0).postingNumber()).isEqualTo("10000001-0001-1");
        List<JsonNode> bodies = ozon.requestBodies(OzonPostings.FBS_LIST_PATH);
        assertThat(bodies).extracting(b -> b.path("offset").asInt()).containsExactly(0, 3, 6);
        assertThat(bodies).allSatisfy(b -> {
            assertThat(b.path("limit").asInt()).isEqualTo(3);
            assertThat(b.path("dir").asText()).isEqualTo("ASC");
            assertThat(b.path("filter").path("since").asText()).isEqualTo(SINCE.toString());
            assertThat(b.path("filter").path("to").asText()).isEqualTo(OzonFixtures.NOW.toString());
            assertThat(b.path("filter").has("status")).isFalse();
            assertThat(b.path("with").path("analytics_data").asBoolean()).isTrue();
        });
    }

    @Test
    void should_read_the_fields_of_section_3_3_when_a_posting_is_fbs() {
        // given
        ozon.putPosting(FakeOzonApi.posting("23713478-0018-3", "delivered", SINCE.plusSeconds(60)));

        // when
        OzonPosting posting = client.postings().fbsList(OzonFixtures.SHOP, SINCE, OzonFixtures.NOW, "delivered")
                .get(0);

        // then
        assertThat(posting.scheme()).isEqualTo(OzonScheme.FBS);
        assertThat(posting.orderNumber()).isEqualTo("23713478-0018");
        assertThat(posting.orderId()).isNotNull();
        assertThat(posting.status()).isEqualTo("delivered");
        assertThat(posting.inProcessAt()).isEqualTo(SINCE.plusSeconds(60));
        assertThat(posting.deliveringDate()).isNotNull();
        assertThat(posting.tplIntegrationType()).isEqualTo("ozon");
        assertThat(posting.products()).singleElement().satisfies(p -> {
            assertThat(p.sku()).isEqualTo(1_234_567L);
            assertThat(p.offerId()).isEqualTo("TSHIRT-M");
            assertThat(p.price()).isEqualByComparingTo(new BigDecimal("1259"));
            assertThat(p.currencyCode()).isEqualTo("RUB");
            assertThat(p.quantity()).isEqualTo(1);
        });
        assertThat(posting.analytics()).isNotNull();
        assertThat(posting.analytics().city()).isEqualTo("Москва");
        assertThat(posting.deliveryMethod()).isNotNull();
        assertThat(posting.contact()).isEmpty();
        assertThat(ozon.requestBodies(OzonPostings.FBS_LIST_PATH).get(0).path("filter").path("status").asText())
                .isEqualTo("delivered");
    }

    @Test
    void should_give_the_rfbs_buyer_as_a_masked_delivery_only_contact_when_the_seller_delivers() {
        // given
        ozon.putPosting(FakeOzonApi.posting("555-0001-1", "awaiting_deliver", SINCE.plusSeconds(60))
                .rfbs(new FakeOzonApi.Customer(991L, "Иван Петров", "+79161234567", "Москва", "ул. Ленина, 1, кв. 5")));

        // when
        OzonPosting posting = client.postings().fbs(OzonFixtures.SHOP, "555-0001-1");

        // then
        assertThat(posting.scheme()).isEqualTo(OzonScheme.RFBS);
        assertThat(posting.tplIntegrationType()).isEqualTo("non_integrated");
        OzonDeliveryContact contact = posting.contact().orElseThrow();
        assertThat(contact.forDeliveryOnly()).isTrue();
        assertThat(contact.phone()).isNotNull();
        assertThat(contact.phone().digits()).endsWith("9161234567");
        assertThat(contact.name()).isEqualTo("Иван Петров");
        assertThat(contact.address().city()).isEqualTo("Москва");
        assertThat(posting.toString()).doesNotContain("9161234567").doesNotContain("Иван").doesNotContain("Ленина");
        assertThat(ozon.requestBodies(OzonPostings.FBS_GET_PATH).get(0).path("posting_number").asText())
                .isEqualTo("555-0001-1");
    }

    @Test
    void should_fail_with_not_found_naming_ozons_text_when_the_posting_is_unknown() {
        Throwable thrown = catchThrowable(() -> client.postings().fbs(OzonFixtures.SHOP, "0-0-0"));

        assertThat(thrown).isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("posting not found");
    }

    @Test
    void should_page_fbo_until_a_short_page_when_listing_fbo() {
        // given
        for (int i = 1; i <= 6; i++) {
            ozon.putPosting(FakeOzonApi.posting("2000000" + i + "-0001-1", "delivered", SINCE.plusSeconds(i)).fbo());
        }
        ozon.putPosting(FakeOzonApi.posting("30000001-0001-1", "delivered", SINCE.plusSeconds(9)));

        // when
        List<OzonPosting> postings = client.postings().fboList(OzonFixtures.SHOP, SINCE, OzonFixtures.NOW, null);

        // then
        assertThat(postings).hasSize(6).allSatisfy(p -> {
            assertThat(p.scheme()).isEqualTo(OzonScheme.FBO);
            assertThat(p.contact()).isEmpty();
        });
        assertThat(ozon.requestBodies(OzonPostings.FBO_LIST_PATH)).extracting(b -> b.path("offset").asInt())
                .containsExactly(0, 3, 6);
    }
}
