package dev.aihq.agents.legal.document;

import dev.aihq.agents.legal.rules.RuleConclusion;
import dev.aihq.agents.sales.SalesLanguage;
import dev.aihq.api.Money;
import dev.aihq.api.document.ResolvedDocuments;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.legal.Passage;
import dev.aihq.api.shop.Shop;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a legal document is written from: the event and its shop, what the rule layer concluded, the
 * passages retrieved for it, the event's documents after resolution, the seller's requisites, the amounts the code
 * computed, the shop's earlier cases, the language and the day of writing. Nothing else goes into a template draft.
 *
 * @param event the legal event; its own amount, dates, measure and statistics are read from it
 * @param shop the shop the event belongs to
 * @param conclusion what the rule layer decided about the event
 * @param passages the knowledge-base passages retrieved for the event, best first (may be empty)
 * @param documents the event's documents: the usable ones and the problems, in the event's order
 * @param seller the seller's requisites; {@link SellerDetails#none()} when not known
 * @param amounts named amounts computed by code, e.g. {@code compensation_packaging},
 *     {@code compensation_one_side}, {@code compensation_total} for a Kaspi Delivery damage claim; the insertion
 *     order is kept; may be empty
 * @param history already-worded lines about the shop's earlier cases and the marketplace's answers; may be empty
 * @param language the language to write in
 * @param today the day of writing, for the document's date
 */
public record DraftInput(
        LegalEvent event,
        Shop shop,
        RuleConclusion conclusion,
        List<Passage> passages,
        ResolvedDocuments documents,
        SellerDetails seller,
        Map<String, Money> amounts,
        List<String> history,
        SalesLanguage language,
        LocalDate today) {

    /** Requires every part and an event of the shop; copies the collections, keeping the amounts' order. */
    public DraftInput {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(conclusion, "conclusion");
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(today, "today");
        passages = List.copyOf(Objects.requireNonNull(passages, "passages"));
        history = List.copyOf(Objects.requireNonNull(history, "history"));
        Map<String, Money> copy = new LinkedHashMap<>();
        Objects.requireNonNull(amounts, "amounts").forEach((k, v) -> copy.put(Objects.requireNonNull(k, "amount name"),
                Objects.requireNonNull(v, "amount " + k)));
        amounts = Collections.unmodifiableMap(copy);
        if (!event.shopId().equals(shop.id())) {
            throw new IllegalArgumentException("event of shop " + event.shopId() + " drafted with shop " + shop.id());
        }
    }
}
