package dev.aihq.imports.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aihq.api.ShopId;
import dev.aihq.api.store.LedgerEntryKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Column mappings by name, with per-shop replacements: an integrator stores each shop's adjusted mappings and
 * builds a registry over the shipped defaults. Immutable and thread-safe.
 *
 * <p>The shipped defaults ({@link #defaults()}) are JSON resources under {@code dev/aihq/imports/mapping/}:
 * {@value #SELLER_SALES}, {@value #SELLER_EXPENSES}, {@value #SELLER_COST_OF_GOODS}, {@value #CATALOG_DATA},
 * {@value #KASPI_SALES}, {@value #WB_REPORT} and {@value #OZON_TRANSACTIONS}. None of the marketplaces publishes
 * the layout of its exported files, so the marketplace mappings are guesses marked {@code verified: false}; the
 * seller-sheet mappings describe a documented layout the seller fills in, and are unverified too until sellers'
 * real sheets were tried. The format is that of {@link #read(InputStream)}.
 */
public final class ColumnMappings {

    /** The seller's own sales sheet. */
    public static final String SELLER_SALES = "seller-sales";
    /** The seller's own expense sheet. */
    public static final String SELLER_EXPENSES = "seller-expenses";
    /** The seller's purchase invoices: the cost of goods. */
    public static final String SELLER_COST_OF_GOODS = "seller-cost-of-goods";
    /** The seller's catalog data: SKU, category, cost price. */
    public static final String CATALOG_DATA = "catalog-data";
    /** The Kaspi seller cabinet's sales and commission export. */
    public static final String KASPI_SALES = "kaspi-sales-export";
    /** Wildberries' realisation report detail as a file. */
    public static final String WB_REPORT = "wb-report";
    /** Ozon's transactions (accruals) report as a file. */
    public static final String OZON_TRANSACTIONS = "ozon-transactions";

    private static final List<String> SHIPPED = List.of(SELLER_SALES, SELLER_EXPENSES, SELLER_COST_OF_GOODS,
            CATALOG_DATA, KASPI_SALES, WB_REPORT, OZON_TRANSACTIONS);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ColumnMappings DEFAULTS = loadDefaults();

    private final Map<String, ColumnMapping> byName;
    private final Map<ShopId, Map<String, ColumnMapping>> byShop;

    private ColumnMappings(Map<String, ColumnMapping> byName, Map<ShopId, Map<String, ColumnMapping>> byShop) {
        this.byName = Map.copyOf(byName);
        Map<ShopId, Map<String, ColumnMapping>> copy = new HashMap<>();
        byShop.forEach((shop, mappings) -> copy.put(shop, Map.copyOf(mappings)));
        this.byShop = Map.copyOf(copy);
    }

    /**
     * Returns the shipped defaults.
     *
     * @return the registry of the seven shipped mappings, no shop's own
     */
    public static ColumnMappings defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a registry with a shop's own mapping added; it replaces the mapping of the same name for that shop.
     *
     * @param shopId the shop
     * @param mapping the shop's mapping
     * @return the new registry
     */
    public ColumnMappings withShopMapping(ShopId shopId, ColumnMapping mapping) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(mapping, "mapping");
        Map<ShopId, Map<String, ColumnMapping>> shops = new HashMap<>(byShop);
        Map<String, ColumnMapping> own = new HashMap<>(shops.getOrDefault(shopId, Map.of()));
        own.put(mapping.name(), mapping);
        shops.put(shopId, own);
        return new ColumnMappings(byName, shops);
    }

    /**
     * Finds the mapping a shop uses for a name: its own, else the default.
     *
     * @param shopId the shop
     * @param name the mapping's name
     * @return the mapping, or empty when neither exists
     */
    public Optional<ColumnMapping> find(ShopId shopId, String name) {
        ColumnMapping own = byShop.getOrDefault(shopId, Map.of()).get(name);
        return own != null ? Optional.of(own) : Optional.ofNullable(byName.get(name));
    }

    /**
     * Returns a default mapping by name.
     *
     * @param name the name
     * @return the mapping
     * @throws IllegalArgumentException when there is none of that name
     */
    public ColumnMapping get(String name) {
        ColumnMapping mapping = byName.get(name);
        if (mapping == null) {
            throw new IllegalArgumentException("no column mapping named '" + name + "'; known: " + byName.keySet());
        }
        return mapping;
    }

    /**
     * Returns the names of the default mappings.
     *
     * @return the names
     */
    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }

    /**
     * Reads a mapping from JSON: {@code name}, {@code note}, {@code verified}, {@code amountSigns},
     * {@code headerRow}, {@code headerSearchRows}; {@code columns} by field name, each
     * {@code {"headers": [...]}} or {@code {"letter": "C"}} or {@code {"index": 2}} with optional
     * {@code "required": true}; {@code fixed} by field name; {@code kindAmounts} by kind, each a column;
     * {@code kindWords} word → kind.
     *
     * @param json the JSON, read to its end and not closed
     * @return the mapping
     * @throws IllegalArgumentException when the JSON is not a valid mapping
     * @throws UncheckedIOException when it cannot be read
     */
    public static ColumnMapping read(InputStream json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a column mapping: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("name").isTextual()) {
            throw new IllegalArgumentException("a column mapping is a JSON object with a name");
        }
        ColumnMapping.Builder builder = ColumnMapping.builder(root.path("name").asText())
                .note(root.path("note").asText(""))
                .verified(root.path("verified").asBoolean(false))
                .amountSigns(AmountSigns.valueOf(root.path("amountSigns").asText(AmountSigns.POSITIVE_ONLY.name())))
                .headerSearchRows(root.path("headerSearchRows").asInt(10));
        if (root.path("headerRow").isInt()) {
            builder.headerRow(root.path("headerRow").asInt());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("columns").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            ImportField field = ImportField.valueOf(entry.getKey());
            ColumnRef ref = ref(entry.getValue(), entry.getKey());
            if (entry.getValue().path("required").asBoolean(false)) {
                builder.required(field, ref);
            } else {
                builder.optional(field, ref);
            }
        }
        root.path("fixed").fields().forEachRemaining(entry ->
                builder.fixed(ImportField.valueOf(entry.getKey()), entry.getValue().asText()));
        root.path("kindAmounts").fields().forEachRemaining(entry ->
                builder.kindAmount(LedgerEntryKind.valueOf(entry.getKey()), ref(entry.getValue(), entry.getKey())));
        root.path("kindWords").fields().forEachRemaining(entry ->
                builder.kindWord(entry.getKey(), LedgerEntryKind.valueOf(entry.getValue().asText())));
        return builder.build();
    }

    private static ColumnRef ref(JsonNode node, String field) {
        if (node.path("headers").isArray()) {
            List<String> headers = new ArrayList<>();
            node.path("headers").forEach(header -> headers.add(header.asText()));
            return new ColumnRef(headers, null);
        }
        if (node.path("letter").isTextual()) {
            return ColumnRef.letter(node.path("letter").asText());
        }
        if (node.path("index").isInt()) {
            return ColumnRef.index(node.path("index").asInt());
        }
        throw new IllegalArgumentException("column of " + field + " needs headers, a letter or an index");
    }

    private static ColumnMappings loadDefaults() {
        Map<String, ColumnMapping> mappings = new LinkedHashMap<>();
        for (String name : SHIPPED) {
            String resource = name + ".json";
            try (InputStream in = ColumnMappings.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("shipped column mapping missing: " + resource);
                }
                mappings.put(name, read(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ColumnMappings(mappings, Map.of());
    }
}
