package dev.aihq.connectors.kaspi.internal.feed;

import dev.aihq.api.Money;
import dev.aihq.api.Sku;
import dev.aihq.connectors.kaspi.feed.FeedProblem;
import dev.aihq.connectors.kaspi.feed.KaspiAvailability;
import dev.aihq.connectors.kaspi.feed.KaspiFeedException;
import dev.aihq.connectors.kaspi.feed.KaspiFeedSummary;
import dev.aihq.connectors.kaspi.feed.KaspiOffer;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.annotation.Nullable;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one {@code kaspi_catalog} document with the JDK's StAX reader, one offer at a time: memory holds
 * the current offer, the problems found and the SKUs seen (to report duplicates), never the whole feed.
 * One instance per document; not thread-safe.
 */
public final class PriceListReader {

    /** The namespace of Kaspi's price list. */
    public static final String NAMESPACE = "kaspiShopping";

    /** The root element. */
    public static final String ROOT = "kaspi_catalog";

    /** The largest price taken, a guard against a typo of many digits (10<sup>12</sup> tenge). */
    static final long MAX_PRICE = 1_000_000_000_000L;

    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
    private static final Pattern NEGATIVE = Pattern.compile("-\\s*\\d+(?:[.,]\\d*)?");
    private static final Pattern DECIMAL = Pattern.compile("\\d+[.,]\\d*");

    private final XMLStreamReader xml;
    private final Consumer<KaspiOffer> offers;
    private final List<FeedProblem> problems = new ArrayList<>();
    private final Map<String, Integer> firstIndexBySku = new HashMap<>();
    private @Nullable String namespace;
    private int offerCount;

    private PriceListReader(XMLStreamReader xml, Consumer<KaspiOffer> offers) {
        this.xml = xml;
        this.offers = offers;
    }

    /**
     * Reads a document, handing every well-formed offer to a consumer as soon as it is read.
     *
     * @param in the document; its encoding is taken from the byte order mark or the XML declaration
     *     (UTF-8 without either); not closed
     * @param offers receives the well-formed offers in the feed's order; its exceptions propagate
     * @return the header, the count of offers handed over and the problems
     * @throws KaspiFeedException if the document is not a readable {@code kaspi_catalog}
     */
    public static KaspiFeedSummary read(InputStream in, Consumer<KaspiOffer> offers) {
        Objects.requireNonNull(in, "feed");
        Objects.requireNonNull(offers, "offers");
        XMLStreamReader xml;
        try {
            xml = factory().createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw broken(e);
        }
        try {
            return new PriceListReader(xml, offers).document();
        } catch (XMLStreamException e) {
            throw broken(e);
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // closing the reader never closes the caller's stream; nothing is left to release
            }
        }
    }

    /**
     * The JDK's own StAX implementation (not whatever a service file on the class path names), namespace
     * aware, with DTDs and external entities off so that no document can make the reader open a file or
     * a URL (XXE) or expand entities.
     */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private KaspiFeedSummary document() throws XMLStreamException {
        toRoot();
        String date = blankToNull(xml.getAttributeValue(null, "date"));
        String company = null;
        String merchantId = null;
        boolean sawOffers = false;
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "company" -> company = blankToNull(text());
                case "merchantid" -> merchantId = blankToNull(text());
                case "offers" -> {
                    sawOffers = true;
                    offers();
                }
                default -> skip();
            }
        }
        int rootEndLine = line();
        while (xml.hasNext()) {
            // reads to the end so that garbage after the root is reported as a broken document
            next();
        }
        if (!sawOffers) {
            throw new KaspiFeedException("<" + ROOT + "> has no <offers> element", rootEndLine, 0, null);
        }
        if (merchantId == null) {
            problems.add(new FeedProblem(FeedProblem.DOCUMENT, null, "merchantid", "is missing", 1));
        }
        return new KaspiFeedSummary(date, company, merchantId, offerCount, problems);
    }

    private void toRoot() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                String ns = emptyToNull(xml.getNamespaceURI());
                if (!ROOT.equals(name) || (ns != null && !NAMESPACE.equals(ns))) {
                    throw new KaspiFeedException("the root element is <" + (ns == null ? "" : "{" + ns + "}") + name
                            + ">, expected <" + ROOT + " xmlns=\"" + NAMESPACE + "\">", line(), column(), null);
                }
                namespace = ns;
                return;
            }
        }
        throw new KaspiFeedException("the document has no root element", line(), column(), null);
    }

    private void offers() throws XMLStreamException {
        int index = 0;
        while (nextChild()) {
            if ("offer".equals(xml.getLocalName())) {
                offer(index++);
            } else {
                skip();
            }
        }
    }

    private void offer(int index) throws XMLStreamException {
        int line = line();
        OfferDraft draft = new OfferDraft(index, line, xml.getAttributeValue(null, "sku"));
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "model" -> draft.model = text();
                case "brand" -> draft.brand = text();
                case "price" -> {
                    draft.priceSeen = true;
                    draft.price = tenge(draft, "price", text());
                }
                case "cityprices" -> cityPrices(draft);
                case "availabilities" -> availabilities(draft);
                default -> skip();
            }
        }
        KaspiOffer offer = draft.finish();
        if (offer != null) {
            offerCount++;
            offers.accept(offer);
        }
    }

    private void cityPrices(OfferDraft draft) throws XMLStreamException {
        int i = 0;
        while (nextChild()) {
            if (!"cityprice".equals(xml.getLocalName())) {
                skip();
                continue;
            }
            String field = "cityprices/cityprice[" + i++ + "]";
            draft.cityPriceSeen = true;
            String cityId = blankToNull(xml.getAttributeValue(null, "cityId"));
            Money amount = tenge(draft, field, text());
            if (cityId == null) {
                draft.problem(field + "/@cityId", "is missing");
            } else if (!draft.cityIds.add(cityId)) {
                draft.problem(field + "/@cityId", "repeats city " + cityId);
            } else if (amount != null) {
                draft.cityPrices.put(cityId, amount);
            }
        }
    }

    private void availabilities(OfferDraft draft) throws XMLStreamException {
        int i = 0;
        while (nextChild()) {
            if (!"availability".equals(xml.getLocalName())) {
                skip();
                continue;
            }
            String field = "availabilities/availability[" + i++ + "]";
            String storeId = blankToNull(xml.getAttributeValue(null, "storeId"));
            String availableText = xml.getAttributeValue(null, "available");
            String stockText = xml.getAttributeValue(null, "stockCount");
            String preOrderText = xml.getAttributeValue(null, "preOrder");
            skip();
            boolean valid = true;
            if (storeId == null) {
                valid = draft.problem(field + "/@storeId", "is missing");
            }
            Boolean available = null;
            if (availableText == null) {
                valid = draft.problem(field + "/@available", "is missing; must be yes or no");
            } else if ("yes".equals(availableText.strip())) {
                available = true;
            } else if ("no".equals(availableText.strip())) {
                available = false;
            } else {
                valid = draft.problem(field + "/@available", "must be yes or no, got '" + abbreviate(availableText) + "'");
            }
            Integer stockCount = null;
            if (stockText != null && !stockText.isBlank()) {
                stockCount = count(stockText);
                if (stockCount == null) {
                    valid = draft.problem(field + "/@stockCount", "must be a whole number of units, 0 or more, got '"
                            + abbreviate(stockText) + "'");
                }
            }
            Integer preOrder = null;
            if (preOrderText != null && !preOrderText.isBlank()) {
                preOrder = count(preOrderText);
                if (preOrder == null || preOrder > KaspiAvailability.MAX_PRE_ORDER_DAYS) {
                    preOrder = null;
                    valid = draft.problem(field + "/@preOrder", "must be a whole number of days from 0 to "
                            + KaspiAvailability.MAX_PRE_ORDER_DAYS + ", got '" + abbreviate(preOrderText) + "'");
                }
            }
            if (valid) {
                draft.availabilities.add(new KaspiAvailability(storeId, available, stockCount, preOrder));
            }
        }
    }

    /** Parses a whole number of tenge, recording a problem and returning {@code null} when it is not one. */
    private static @Nullable Money tenge(OfferDraft draft, String field, String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            draft.problem(field, "is empty");
            return null;
        }
        if (NEGATIVE.matcher(value).matches()) {
            draft.problem(field, "must not be negative, got '" + abbreviate(value) + "'");
            return null;
        }
        if (DECIMAL.matcher(value).matches()) {
            draft.problem(field, "must be a whole number of tenge (Kaspi takes no decimals), got '"
                    + abbreviate(value) + "'");
            return null;
        }
        if (!DIGITS.matcher(value).matches()) {
            draft.problem(field, "must be a whole number of tenge, got '" + abbreviate(value) + "'");
            return null;
        }
        long amount = Long.parseLong(value);
        if (amount == 0) {
            draft.problem(field, "must be more than 0");
            return null;
        }
        if (amount > MAX_PRICE) {
            draft.problem(field, "is implausibly large: " + value);
            return null;
        }
        return Money.kzt(amount);
    }

    /** Parses a count of 0 or more that fits an {@code int}, or returns {@code null}. */
    private static @Nullable Integer count(String text) {
        String value = text.strip();
        if (!DIGITS.matcher(value).matches()) {
            return null;
        }
        long count = Long.parseLong(value);
        return count > Integer.MAX_VALUE ? null : (int) count;
    }

    /** Tells whether the current element is in the price list's namespace (the root's). */
    private boolean ours() {
        return Objects.equals(namespace, emptyToNull(xml.getNamespaceURI()));
    }

    /** Reads the next event, refusing a DOCTYPE wherever it appears. */
    /**
     * Moves to the current element's next child element in the feed's namespace, skipping text and foreign
     * elements.
     *
     * @return {@code true} at a child's start, {@code false} at the current element's end
     */
    private boolean nextChild() throws XMLStreamException {
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (ours()) {
                    return true;
                }
                skip();
            }
        }
    }

    private int next() throws XMLStreamException {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD) {
            throw new KaspiFeedException("a DOCTYPE is not allowed in a price list (entities are never resolved)",
                    line(), column(), null);
        }
        return event;
    }

    /** Returns the text of the current element, skipping any child elements; leaves the reader on its end. */
    private String text() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 1) {
                        text.append(xml.getText());
                    }
                }
                default -> {
                    // comments and processing instructions carry no value
                }
            }
        }
        return text.toString().strip();
    }

    /** Skips the current element and everything in it; leaves the reader on its end. */
    private void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private int line() {
        Location location = xml.getLocation();
        return location == null ? 0 : Math.max(location.getLineNumber(), 0);
    }

    private int column() {
        Location location = xml.getLocation();
        return location == null ? 0 : Math.max(location.getColumnNumber(), 0);
    }

    private static KaspiFeedException broken(XMLStreamException e) {
        Location location = e.getLocation();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // the JDK prefixes "ParseError at [row,col]:[3,5]\nMessage: "; the exception names the place itself
        int at = message.indexOf("Message: ");
        if (at >= 0) {
            message = message.substring(at + "Message: ".length());
        }
        return new KaspiFeedException("not well-formed XML: " + message.strip(),
                location == null ? 0 : Math.max(location.getLineNumber(), 0),
                location == null ? 0 : Math.max(location.getColumnNumber(), 0), e);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static @Nullable String emptyToNull(@Nullable String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** What has been read of one offer, and what was wrong with it. */
    private final class OfferDraft {
        private final int index;
        private final int line;
        private final @Nullable String rawSku;
        private final List<KaspiAvailability> availabilities = new ArrayList<>();
        private final Map<String, Money> cityPrices = new LinkedHashMap<>();
        private final Set<String> cityIds = new HashSet<>();
        private @Nullable String model;
        private @Nullable String brand;
        private @Nullable Money price;
        private boolean priceSeen;
        private boolean cityPriceSeen;
        private int problemCount;

        OfferDraft(int index, int line, @Nullable String rawSku) {
            this.index = index;
            this.line = line;
            this.rawSku = blankToNull(rawSku) == null ? null : rawSku;
        }

        /** Records a problem; returns {@code false} so that callers can write {@code valid = problem(…)}. */
        boolean problem(String field, String message) {
            problems.add(new FeedProblem(index, rawSku, field, message, line));
            problemCount++;
            return false;
        }

        /** Validates what was read; returns the offer, or {@code null} when anything was wrong. */
        @Nullable KaspiOffer finish() {
            Sku sku = null;
            if (rawSku == null) {
                problem("@sku", "is missing");
            } else {
                try {
                    sku = Sku.of(rawSku.strip());
                } catch (IllegalArgumentException e) {
                    problem("@sku", "must be 1-64 printable characters, got '" + abbreviate(rawSku) + "'");
                }
            }
            if (sku != null) {
                Integer first = firstIndexBySku.putIfAbsent(sku.value(), index);
                if (first != null) {
                    problem("@sku", "repeats the SKU of offer[" + first + "]; only the first offer with a SKU is read");
                }
            }
            if (model == null || model.isBlank()) {
                problem("model", "is missing");
            }
            if (!priceSeen && !cityPriceSeen) {
                problem("price", "the offer has neither <price> nor <cityprices>");
            }
            if (problemCount > 0) {
                return null;
            }
            try {
                return new KaspiOffer(sku, model, blankToNull(brand), availabilities, price, cityPrices);
            } catch (IllegalArgumentException e) {
                problem("offer", e.getMessage());
                return null;
            }
        }
    }
}
