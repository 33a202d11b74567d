package dev.aihq.connectors.kaspi.feed;

import dev.aihq.connectors.kaspi.internal.feed.PriceListReader;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads Kaspi's XML price list, the {@code kaspi_catalog} document a seller uploads in the cabinet or hosts
 * for Kaspi to fetch:
 *
 * <pre>{@code
 * <kaspi_catalog date="string" xmlns="kaspiShopping" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
 *                xsi:schemaLocation="kaspiShopping http://kaspi.kz/kaspishopping.xsd">
 *   <company>ТОО Ромашка</company>
 *   <merchantid>30126483</merchantid>
 *   <offers>
 *     <offer sku="SM-A556B-128">
 *       <model>Смартфон Samsung Galaxy A55 8/128 ГБ</model>
 *       <brand>Samsung</brand>
 *       <availabilities>
 *         <availability available="yes" storeId="PP1" preOrder="0" stockCount="12"/>
 *       </availabilities>
 *       <price>189990</price>               <!-- or <cityprices><cityprice cityId="750000000">… -->
 *     </offer>
 *   </offers>
 * </kaspi_catalog>
 * }</pre>
 *
 * <p><b>Streaming.</b> {@link #parse(InputStream, Consumer)} hands each offer to a consumer as soon as it
 * is read, so memory holds one offer, the problems and the SKUs seen, whatever the feed's size;
 * {@link #read(InputStream)} collects every offer into a {@link KaspiPriceList}.
 *
 * <p><b>Malformed offers</b> are reported as {@link FeedProblem}s (offer index, SKU as written, field, what
 * is wrong) and left out; reading goes on with the next offer. An offer is malformed when its {@code sku}
 * is missing or not a valid {@link dev.aihq.api.Sku}, {@code <model>} is missing or blank, a price is not a
 * whole positive number of tenge, it has neither {@code <price>} nor a {@code <cityprice>}, a
 * {@code cityprice} lacks its {@code cityId} or repeats one, an {@code availability} lacks its
 * {@code storeId}, says other than {@code available="yes"}/{@code "no"}, or has a {@code stockCount} or
 * {@code preOrder} (0–30) that is not a whole number in range, or when an earlier offer had the same SKU
 * (the first one counts). A missing {@code <merchantid>} is a document-level problem. Unknown elements
 * and attributes are ignored.
 *
 * <p><b>Broken documents</b> (not well-formed XML, a root other than {@code kaspi_catalog} in the
 * {@code kaspiShopping} namespace or none, no {@code <offers>}) are a {@link KaspiFeedException} naming
 * line and column; offers before the break have already reached the consumer. A {@code DOCTYPE} is
 * refused the same way: DTDs and external entities are off, so a feed can never make the reader open a
 * file or URL.
 *
 * <p><b>Encoding</b> is the document's own: its byte order mark or XML declaration
 * ({@code <?xml version="1.0" encoding="windows-1251"?>}), UTF-8 without either.
 *
 * <p>Stateless and thread-safe.
 */
public final class KaspiPriceListParser {

    private KaspiPriceListParser() {}

    /**
     * Creates a parser.
     *
     * @return the parser
     */
    public static KaspiPriceListParser create() {
        return new KaspiPriceListParser();
    }

    /**
     * Reads a feed, handing each well-formed offer to a consumer as soon as it is read.
     *
     * @param feed the document; not closed
     * @param offers receives the well-formed offers in the feed's order; its exceptions propagate and stop
     *     the reading
     * @return the header, the number of offers handed over and the problems
     * @throws KaspiFeedException if the document is not a readable price list
     */
    public KaspiFeedSummary parse(InputStream feed, Consumer<KaspiOffer> offers) {
        return PriceListReader.read(feed, offers);
    }

    /**
     * Reads a whole feed into memory.
     *
     * @param feed the document; not closed
     * @return the price list with its well-formed offers and problems
     * @throws KaspiFeedException if the document is not a readable price list
     */
    public KaspiPriceList read(InputStream feed) {
        List<KaspiOffer> offers = new ArrayList<>();
        KaspiFeedSummary summary = parse(feed, offers::add);
        return new KaspiPriceList(summary.date(), summary.company(), summary.merchantId(), offers,
                summary.problems());
    }

    /**
     * Reads a whole feed from a file.
     *
     * @param feed the file
     * @return the price list with its well-formed offers and problems
     * @throws KaspiFeedException if the file cannot be read or is not a readable price list
     */
    public KaspiPriceList read(Path feed) {
        Objects.requireNonNull(feed, "feed");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(feed))) {
            return read(in);
        } catch (IOException e) {
            throw new KaspiFeedException("cannot read " + feed.getFileName() + ": " + e, 0, 0, e);
        }
    }

    /**
     * Reads a whole feed from bytes, e.g. a downloaded body.
     *
     * @param feed the document's bytes
     * @return the price list with its well-formed offers and problems
     * @throws KaspiFeedException if the document is not a readable price list
     */
    public KaspiPriceList read(byte[] feed) {
        Objects.requireNonNull(feed, "feed");
        return read(new ByteArrayInputStream(feed));
    }

    /** Describes the parser. */
    @Override
    public String toString() {
        return "KaspiPriceListParser[StAX, no DTD, no external entities]";
    }
}
