package dev.aihq.agents.legal.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.legal.KnowledgeBase;
import dev.aihq.api.legal.KnowledgeEntry;
import dev.aihq.api.legal.KnowledgeQuery;
import dev.aihq.api.legal.LegalSourceStatus;
import dev.aihq.api.legal.Passage;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.annotation.Nullable;

/**
 * The default {@link KnowledgeBase}: the corpus shipped with the SDK, ranked by BM25 (see {@link RussianStemmer}
 * for the text analysis), plus documents integrators add for their own shops.
 *
 * <p>The corpus is a versioned JSON resource, {@value #SHIPPED_RESOURCE}:
 *
 * <pre>{
 *   "version": 1, "released": "2026-03-01", "source": "…",
 *   "entries": [
 *     {"rule_id": "KZ.CPL.42-4", "title": "…", "jurisdiction": "KZ", "marketplace": null,
 *      "source_url": "https://…", "status": "official", "effective_from": "2026-10-01", "effective_to": null,
 *      "text": "…", "keywords": ["претензия", "…"]}
 *   ]
 * }</pre>
 *
 * <p>Every entry needs {@code rule_id}, {@code title}, {@code jurisdiction}, {@code marketplace} ({@code null} or
 * {@code "none"} for law), {@code source_url}, {@code status} ({@code official}, {@code secondary} or
 * {@code unconfirmed}, the reference's {@code [OK]}, {@code [SEC]}, {@code [UNCONF]}) and {@code text}; the
 * effective dates ({@code yyyy-MM-dd}) and keywords are optional. Rule ids are unique. A problem fails the load
 * with a {@link ConfigurationException} naming the resource, the entry and the field.
 *
 * <p>Search: entries of another jurisdiction than the query's are left out; with a marketplace in the query,
 * entries of other marketplaces are left out while law (entries without a marketplace) stays. A shop's own
 * documents ({@link #withDocuments(ShopId, List)}) are ranked together with the corpus, only for queries of that
 * shop. Results are ordered by score, highest first, then by rule id. Instances are immutable and thread-safe.
 */
public final class ShippedKnowledgeBase implements KnowledgeBase {

    /** The classpath resource of the shipped corpus. */
    public static final String SHIPPED_RESOURCE = "/dev/aihq/agents/legal/knowledge/corpus-v1.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TOP_FIELDS = Set.of("version", "released", "source", "entries");
    private static final Set<String> ENTRY_FIELDS = Set.of("rule_id", "title", "jurisdiction", "marketplace",
            "source_url", "status", "effective_from", "effective_to", "text", "keywords");
    private static final Comparator<Passage> ORDER = Comparator.comparingDouble(Passage::score).reversed()
            .thenComparing(p -> p.entry().ruleId());

    private final int version;
    private final List<KnowledgeEntry> entries;
    private final Map<String, KnowledgeEntry> byRuleId;
    private final Bm25Index shippedIndex;
    private final Map<ShopId, List<KnowledgeEntry>> shopDocuments;
    private final Map<ShopId, Bm25Index> shopIndexes;

    private ShippedKnowledgeBase(int version, List<KnowledgeEntry> entries, Map<ShopId, List<KnowledgeEntry>> shopDocs,
            @Nullable Bm25Index shippedIndex) {
        this.version = version;
        this.entries = List.copyOf(entries);
        Map<String, KnowledgeEntry> ids = new LinkedHashMap<>();
        for (KnowledgeEntry e : this.entries) {
            ids.put(e.ruleId(), e);
        }
        this.byRuleId = Map.copyOf(ids);
        this.shippedIndex = shippedIndex != null ? shippedIndex : new Bm25Index(this.entries);
        this.shopDocuments = Map.copyOf(shopDocs);
        Map<ShopId, Bm25Index> indexes = new HashMap<>();
        shopDocs.forEach((shop, docs) -> {
            List<KnowledgeEntry> all = new ArrayList<>(this.entries);
            all.addAll(docs);
            indexes.put(shop, new Bm25Index(all));
        });
        this.shopIndexes = Map.copyOf(indexes);
    }

    /**
     * Loads the corpus shipped with the SDK.
     *
     * @return the knowledge base, without shop documents
     * @throws ConfigurationException if the resource is missing or invalid
     */
    public static ShippedKnowledgeBase shipped() {
        try (InputStream in = ShippedKnowledgeBase.class.getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new ConfigurationException("knowledge corpus " + SHIPPED_RESOURCE + " is missing from the classpath");
            }
            return read(SHIPPED_RESOURCE, in);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read knowledge corpus " + SHIPPED_RESOURCE, e);
        }
    }

    /**
     * Reads and validates a corpus in the format described above (for example a newer corpus than the shipped
     * one).
     *
     * @param name the corpus's name, for messages
     * @param in   its content, UTF-8 JSON; not closed
     * @return the knowledge base, without shop documents
     * @throws ConfigurationException naming the corpus, entry and field of the first problem
     */
    public static ShippedKnowledgeBase read(String name, InputStream in) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ConfigurationException(name + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read knowledge corpus " + name, e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigurationException(name + ": expected a JSON object");
        }
        unknownFields(name, "corpus", root, TOP_FIELDS);
        JsonNode versionNode = root.get("version");
        if (versionNode == null || !versionNode.canConvertToInt() || !versionNode.isIntegralNumber()
                || versionNode.intValue() < 1) {
            throw new ConfigurationException(name + ": field 'version' is missing or not a positive whole number");
        }
        JsonNode list = root.get("entries");
        if (list == null || !list.isArray()) {
            throw new ConfigurationException(name + ": field 'entries' is missing or not an array");
        }
        List<KnowledgeEntry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            KnowledgeEntry entry = parseEntry(name, i, list.get(i));
            if (!seen.add(entry.ruleId())) {
                throw new ConfigurationException(name + ": entry '" + entry.ruleId() + "' is defined twice");
            }
            entries.add(entry);
        }
        return new ShippedKnowledgeBase(versionNode.intValue(), entries, Map.of(), null);
    }

    /**
     * Returns a knowledge base that also searches a shop's own documents (its contract with the marketplace,
     * the marketplace's earlier answers), for that shop's queries only. Documents already added for the shop
     * are kept. The shipped corpus is shared, not copied.
     *
     * @param shop      the shop
     * @param documents the shop's entries; their rule ids must be unique among the shop's documents and differ
     *                  from the corpus's, so a cited rule id is never ambiguous
     * @return a new knowledge base; this one is unchanged
     * @throws IllegalArgumentException if a rule id repeats among the shop's documents or is a corpus rule id
     */
    public ShippedKnowledgeBase withDocuments(ShopId shop, List<KnowledgeEntry> documents) {
        List<KnowledgeEntry> docs = new ArrayList<>(shopDocuments.getOrDefault(shop, List.of()));
        docs.addAll(documents);
        Set<String> ids = new HashSet<>();
        for (KnowledgeEntry d : docs) {
            if (byRuleId.containsKey(d.ruleId())) {
                throw new IllegalArgumentException("shop " + shop.value() + ": document '" + d.ruleId()
                        + "' has the rule id of a corpus entry");
            }
            if (!ids.add(d.ruleId())) {
                throw new IllegalArgumentException("shop " + shop.value() + ": document '" + d.ruleId()
                        + "' is added twice");
            }
        }
        Map<ShopId, List<KnowledgeEntry>> all = new HashMap<>(shopDocuments);
        all.put(shop, List.copyOf(docs));
        return new ShippedKnowledgeBase(version, entries, all, shippedIndex);
    }

    /**
     * The corpus version, the {@code version} field of the corpus file.
     *
     * @return the version, 1 or more
     */
    public int version() {
        return version;
    }

    /**
     * The shipped entries in corpus order (shop documents not included).
     *
     * @return the entries
     */
    public List<KnowledgeEntry> entries() {
        return entries;
    }

    /**
     * A shop's own documents.
     *
     * @param shop the shop
     * @return the documents added for it, possibly none
     */
    public List<KnowledgeEntry> documents(ShopId shop) {
        return shopDocuments.getOrDefault(shop, List.of());
    }

    @Override
    public List<Passage> search(KnowledgeQuery query) {
        Bm25Index index = query.shopId() == null ? shippedIndex : shopIndexes.getOrDefault(query.shopId(), shippedIndex);
        Predicate<KnowledgeEntry> filter = e -> matches(e, query.jurisdiction(), query.marketplace());
        List<Passage> passages = new ArrayList<>();
        for (Bm25Index.Hit hit : index.score(query.text(), filter)) {
            passages.add(new Passage(hit.entry(), hit.score()));
        }
        passages.sort(ORDER);
        return List.copyOf(passages.subList(0, Math.min(query.limit(), passages.size())));
    }

    @Override
    public Optional<KnowledgeEntry> find(String ruleId) {
        return Optional.ofNullable(byRuleId.get(ruleId));
    }

    private static boolean matches(KnowledgeEntry e, @Nullable String jurisdiction, @Nullable Marketplace marketplace) {
        if (jurisdiction != null && !jurisdiction.equals(e.jurisdiction())) {
            return false;
        }
        return marketplace == null || e.marketplace() == null || marketplace.equals(e.marketplace());
    }

    private static KnowledgeEntry parseEntry(String name, int index, JsonNode node) {
        String where = "entry #" + (index + 1);
        if (node == null || !node.isObject()) {
            throw new ConfigurationException(name + ": " + where + " is not an object");
        }
        JsonNode idNode = node.get("rule_id");
        if (idNode != null && idNode.isTextual() && !idNode.asText().isBlank()) {
            where = "entry '" + idNode.asText() + "'";
        }
        unknownFields(name, where, node, ENTRY_FIELDS);
        String ruleId = text(name, where, node, "rule_id");
        String title = text(name, where, node, "title");
        String jurisdiction = text(name, where, node, "jurisdiction");
        if (!node.has("marketplace")) {
            throw new ConfigurationException(name + ": " + where + " is missing field 'marketplace' (null for law)");
        }
        JsonNode mpNode = node.get("marketplace");
        Marketplace marketplace = null;
        if (!mpNode.isNull()) {
            if (!mpNode.isTextual()) {
                throw new ConfigurationException(name + ": " + where + " field 'marketplace' must be a code or null");
            }
            String code = mpNode.asText().trim();
            if (!code.equalsIgnoreCase("none")) {
                try {
                    marketplace = Marketplace.of(code);
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException(name + ": " + where + " field 'marketplace': " + e.getMessage(), e);
                }
            }
        }
        String sourceUrl = text(name, where, node, "source_url");
        String statusText = text(name, where, node, "status");
        LegalSourceStatus status = null;
        try {
            status = LegalSourceStatus.fromWire(statusText);
        } catch (IllegalArgumentException e) {
            // reported below, with the values a corpus may use
        }
        if (status == null || status == LegalSourceStatus.INTERNAL) {
            // A corpus holds sourced rules; the shop's own targets are not entries.
            throw new ConfigurationException(name + ": " + where
                    + " field 'status' must be official, secondary or unconfirmed, got '" + statusText + "'");
        }
        LocalDate from = date(name, where, node, "effective_from");
        LocalDate to = date(name, where, node, "effective_to");
        String body = text(name, where, node, "text");
        List<String> keywords = new ArrayList<>();
        JsonNode kw = node.get("keywords");
        if (kw != null && !kw.isNull()) {
            if (!kw.isArray()) {
                throw new ConfigurationException(name + ": " + where + " field 'keywords' must be an array of strings");
            }
            for (JsonNode k : kw) {
                if (!k.isTextual() || k.asText().isBlank()) {
                    throw new ConfigurationException(name + ": " + where + " field 'keywords' has a blank or non-text item");
                }
                keywords.add(k.asText());
            }
        }
        try {
            return new KnowledgeEntry(ruleId, title, jurisdiction, marketplace, sourceUrl, status, from, to, body,
                    keywords);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(name + ": " + where + ": " + e.getMessage(), e);
        }
    }

    private static void unknownFields(String name, String where, JsonNode node, Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!known.contains(field)) {
                throw new ConfigurationException(name + ": " + where + " has unknown field '" + field + "'");
            }
        }
    }

    private static String text(String name, String where, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new ConfigurationException(name + ": " + where + " is missing field '" + field + "'");
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new ConfigurationException(name + ": " + where + " field '" + field + "' must be non-blank text");
        }
        return v.asText();
    }

    private static @Nullable LocalDate date(String name, String where, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new ConfigurationException(name + ": " + where + " field '" + field + "' is not a date yyyy-MM-dd: '"
                    + v.asText() + "'", e);
        }
    }
}
