package dev.aihq.connectors.kaspi.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.aihq.api.Money;
import dev.aihq.api.Sku;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link KaspiPriceListParser}: the feed's shape, every malformed case, broken documents, XXE, size. */
class KaspiPriceListParserTest {

    private final KaspiPriceListParser parser = KaspiPriceListParser.create();

    private static InputStream utf8(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void should_read_header_offers_prices_and_stores_when_the_feed_is_realistic() {
        // when
        KaspiPriceList list = parser.read(FeedFixtures.resource("price-list.xml"));

        // then
        assertThat(list.date()).isEqualTo("2024-11-01 10:00");
        assertThat(list.company()).isEqualTo("ТОО «Ромашка»");
        assertThat(list.merchantId()).isEqualTo("30126483");
        assertThat(list.problems()).isEmpty();
        assertThat(list.offers()).extracting(o -> o.sku().value())
                .containsExactly("SM-A556B-128", "CASE-A55-BLK", "CHG-25W-USBC", "GLASS-A55");

        KaspiOffer phone = list.offers().get(0);
        assertThat(phone.model()).isEqualTo("Смартфон Samsung Galaxy A55 8/128 ГБ");
        assertThat(phone.brand()).isEqualTo("Samsung");
        assertThat(phone.price()).isEqualTo(Money.kzt(189_990));
        assertThat(phone.cityPrices()).isEmpty();
        assertThat(phone.availabilities()).containsExactly(
                new KaspiAvailability("PP1", true, 7, 0),
                new KaspiAvailability("PP2", true, 5, null),
                new KaspiAvailability("PP3", false, 40, null));
        assertThat(phone.availableStock()).contains(12);

        KaspiOffer phoneCase = list.offers().get(1);
        assertThat(phoneCase.price()).isNull();
        assertThat(phoneCase.cityPrices()).containsExactly(
                org.assertj.core.api.Assertions.entry(KaspiCityIds.ASTANA, Money.kzt(4_690)),
                org.assertj.core.api.Assertions.entry(KaspiCityIds.ALMATY, Money.kzt(4_490)),
                org.assertj.core.api.Assertions.entry(KaspiCityIds.SHYMKENT, Money.kzt(4_390)));
        assertThat(phoneCase.priceIn(KaspiCityIds.ALMATY)).isEqualTo(Money.kzt(4_490));

        KaspiOffer charger = list.offers().get(2);
        assertThat(charger.availabilities()).containsExactly(new KaspiAvailability("PP1", true, null, 3));
        assertThat(charger.availableStock()).isEmpty();

        KaspiOffer glass = list.offers().get(3);
        assertThat(glass.brand()).isNull();
        assertThat(glass.availableAnywhere()).isFalse();
        assertThat(glass.availableStock()).contains(0);
        assertThat(glass.priceIn(KaspiCityIds.ALMATY)).as("not priced for Almaty: the lowest city price")
                .isEqualTo(Money.kzt(2_990));
    }

    @Test
    void should_report_every_malformed_offer_and_keep_the_valid_ones_when_the_feed_has_errors() {
        // when
        KaspiPriceList list = parser.read(FeedFixtures.resource("malformed.xml"));

        // then
        assertThat(list.offers()).extracting(KaspiOffer::sku).containsExactly(Sku.of("GOOD-1"), Sku.of("GOOD-2"));
        assertThat(list.offers().get(0).model()).as("the first offer with a SKU counts")
                .isEqualTo("Наушники Samsung Galaxy Buds FE");
        assertThat(list.problems()).extracting(FeedProblem::offerIndex, FeedProblem::sku, FeedProblem::field)
                .containsExactly(
                        tuple(1, null, "@sku"),
                        tuple(2, "SKU-THAT-IS-FAR-TOO-LONG-FOR-KASPI-0123456789-0123456789-0123456789", "@sku"),
                        tuple(3, "NO-MODEL", "model"),
                        tuple(4, "DECIMAL-PRICE", "price"),
                        tuple(5, "NEGATIVE-PRICE", "price"),
                        tuple(6, "NO-PRICE", "price"),
                        tuple(7, "BAD-STOCK", "availabilities/availability[0]/@stockCount"),
                        tuple(8, "BAD-AVAILABLE", "availabilities/availability[0]/@available"),
                        tuple(9, "GOOD-1", "@sku"));
        assertThat(list.problems()).extracting(FeedProblem::message).containsExactly(
                "is missing",
                "must be 1-64 printable characters, got 'SKU-THAT-IS-FAR-TOO-LONG-FOR-KASPI-01234…'",
                "is missing",
                "must be a whole number of tenge (Kaspi takes no decimals), got '12990.50'",
                "must not be negative, got '-100'",
                "the offer has neither <price> nor <cityprices>",
                "must be a whole number of units, 0 or more, got 'много'",
                "must be yes or no, got 'maybe'",
                "repeats the SKU of offer[0]; only the first offer with a SKU is read");
        assertThat(list.problems().get(4).line()).as("the line the offer starts on").isEqualTo(31);
        assertThat(list.problems().get(4).toString())
                .isEqualTo("offer[5] (sku 'NEGATIVE-PRICE', line 31) price: must not be negative, got '-100'");
    }

    @Test
    void should_report_all_problems_of_one_offer_and_a_missing_merchant_id_when_several_things_are_wrong() {
        // given
        String xml = """
                <kaspi_catalog xmlns="kaspiShopping"><offers>
                  <offer sku="X-1"><availabilities>
                    <availability available="yes" preOrder="45" stockCount="-3"/></availabilities>
                    <cityprices><cityprice>100</cityprice><cityprice cityId="750000000">0</cityprice>
                      <cityprice cityId="750000000">abc</cityprice></cityprices></offer>
                </offers></kaspi_catalog>
                """;

        // when
        KaspiPriceList list = parser.read(utf8(xml));

        // then
        assertThat(list.offers()).isEmpty();
        assertThat(list.problems()).extracting(FeedProblem::field).containsExactly(
                "availabilities/availability[0]/@storeId",
                "availabilities/availability[0]/@stockCount",
                "availabilities/availability[0]/@preOrder",
                "cityprices/cityprice[0]/@cityId",
                "cityprices/cityprice[1]",
                "cityprices/cityprice[2]",
                "cityprices/cityprice[2]/@cityId",
                "model",
                "merchantid");
        assertThat(list.problems().get(8).isDocumentLevel()).isTrue();
    }

    @Test
    void should_honour_the_declared_encoding_when_the_feed_is_windows_1251() {
        // when
        KaspiPriceList list = parser.read(FeedFixtures.bytes("price-list-cp1251.xml"));

        // then
        assertThat(list.company()).isEqualTo("ТОО «Ромашка»");
        assertThat(list.offers()).singleElement().extracting(KaspiOffer::model)
                .isEqualTo("Электрический чайник Бирюса, 1,7 л");
    }

    @Test
    void should_read_a_feed_from_a_file_when_given_a_path(@TempDir Path dir) throws IOException {
        // given
        Path file = dir.resolve("kaspi.xml");
        Files.write(file, FeedFixtures.bytes("price-list.xml"));

        // when / then
        assertThat(parser.read(file).offers()).hasSize(4);
    }

    @Test
    void should_accept_a_root_without_namespace_and_ignore_unknown_elements_when_otherwise_valid() {
        // given
        String xml = """
                <kaspi_catalog><company>ИП</company><merchantid>1</merchantid><extra><x/></extra><offers>
                  <offer sku="A"><model>Товар</model><vendorCode>ignored</vendorCode><price>100</price></offer>
                </offers></kaspi_catalog>
                """;

        // when
        KaspiPriceList list = parser.read(utf8(xml));

        // then
        assertThat(list.problems()).isEmpty();
        assertThat(list.offers()).singleElement().satisfies(offer -> {
            assertThat(offer.price()).isEqualTo(Money.kzt(100));
            assertThat(offer.availabilities()).isEmpty();
        });
    }

    @Test
    void should_throw_naming_line_and_column_when_the_xml_is_broken() {
        // given: the second offer's model is never closed
        String xml = FeedFixtures.feed(FeedFixtures.offer("A-1", "Товар", 100, 1),
                "<offer sku=\"A-2\"><model>Товар</offer>");
        List<KaspiOffer> received = new ArrayList<>();

        // when
        KaspiFeedException e = catchThrowableOfType(() -> parser.parse(utf8(xml), received::add),
                KaspiFeedException.class);

        // then
        assertThat(e).isNotNull();
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.column()).isPositive();
        assertThat(e.getMessage()).startsWith("not a readable Kaspi price list (line 10, column ")
                .contains("not well-formed XML");
        assertThat(received).as("offers before the break were handed over").hasSize(1);
    }

    @Test
    void should_throw_when_the_root_is_not_kaspi_catalog() {
        // given
        String rss = "<?xml version=\"1.0\"?>\n<yml_catalog date=\"2024-11-01\"><shop/></yml_catalog>";

        // when
        KaspiFeedException e = catchThrowableOfType(() -> parser.read(utf8(rss)), KaspiFeedException.class);

        // then
        assertThat(e.getMessage()).contains("the root element is <yml_catalog>, expected <kaspi_catalog");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void should_throw_when_the_root_is_in_another_namespace_or_has_no_offers() {
        assertThat(catchThrowableOfType(() -> parser.read(utf8("<kaspi_catalog xmlns=\"urn:other\"><offers/>"
                + "</kaspi_catalog>")), KaspiFeedException.class)).hasMessageContaining("{urn:other}kaspi_catalog");
        assertThat(catchThrowableOfType(() -> parser.read(utf8("<kaspi_catalog xmlns=\"kaspiShopping\">"
                + "<company>ИП</company></kaspi_catalog>")), KaspiFeedException.class))
                .hasMessageContaining("has no <offers> element");
        assertThat(catchThrowableOfType(() -> parser.read(utf8("")), KaspiFeedException.class)).isNotNull();
    }

    @Test
    void should_refuse_the_document_without_reading_the_file_when_it_declares_an_external_entity(@TempDir Path dir)
            throws IOException {
        // given
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE kaspi_catalog [ <!ENTITY xxe SYSTEM "%s"> ]>
                <kaspi_catalog xmlns="kaspiShopping"><merchantid>1</merchantid><offers>
                  <offer sku="A"><model>&xxe;</model><price>100</price></offer>
                </offers></kaspi_catalog>
                """.formatted(secret.toUri());
        List<KaspiOffer> received = new ArrayList<>();

        // when
        KaspiFeedException e = catchThrowableOfType(() -> parser.parse(utf8(xxe), received::add),
                KaspiFeedException.class);

        // then
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("DOCTYPE is not allowed").doesNotContain("TOP-SECRET-CONTENT");
        assertThat(e.line()).isEqualTo(2);
        assertThat(received).isEmpty();
    }

    @Test
    void should_refuse_entity_expansion_when_a_billion_laughs_document_arrives() {
        // given
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <kaspi_catalog xmlns="kaspiShopping"><offers><offer sku="A"><model>&lol2;</model>
                <price>1</price></offer></offers></kaspi_catalog>
                """;

        // when / then
        assertThat(catchThrowableOfType(() -> parser.read(utf8(laughs)), KaspiFeedException.class))
                .hasMessageContaining("DOCTYPE is not allowed");
    }

    @Test
    void should_stream_every_offer_before_the_end_is_read_when_the_feed_has_5000_offers() {
        // given
        FeedFixtures.GeneratedFeed feed = new FeedFixtures.GeneratedFeed(5_000);
        AtomicLong servedAtFirstOffer = new AtomicLong(-1);
        List<String> skus = new ArrayList<>();

        // when
        KaspiFeedSummary summary = parser.parse(feed, offer -> {
            if (servedAtFirstOffer.get() < 0) {
                servedAtFirstOffer.set(feed.served());
            }
            skus.add(offer.sku().value());
        });

        // then
        assertThat(summary.offerCount()).isEqualTo(5_000);
        assertThat(summary.problems()).isEmpty();
        assertThat(skus).hasSize(5_000).doesNotHaveDuplicates().startsWith("GEN-00000").endsWith("GEN-04999");
        assertThat(servedAtFirstOffer.get()).as("the first offer arrived after a fraction of the feed was read")
                .isPositive().isLessThan(feed.served() / 10);
    }
}
