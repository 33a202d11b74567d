package dev.aihq.agents.legal.document;

import dev.aihq.agents.legal.knowledge.ShippedKnowledgeBase;
import dev.aihq.agents.legal.rules.DamageTier;
import dev.aihq.agents.legal.rules.LegalRules;
import dev.aihq.agents.legal.rules.RuleConclusion;
import dev.aihq.agents.legal.rules.RuleRequest;
import dev.aihq.agents.sales.SalesLanguage;
import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.ShopId;
import dev.aihq.api.document.DocumentLookup;
import dev.aihq.api.document.DocumentProblem;
import dev.aihq.api.document.ResolvedDocuments;
import dev.aihq.api.event.EventDate;
import dev.aihq.api.event.LegalDocument;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.event.LegalEventType;
import dev.aihq.api.legal.KnowledgeQuery;
import dev.aihq.api.legal.Passage;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.testkit.LegalWorkedCases;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The worked cases P1–P4 of the legal reference, built as the rule layer's tests build them, ready to draft. */
final class LegalCases {

    static final LegalRules RULES = LegalRules.shipped();
    static final LocalDate TODAY = LocalDate.parse("2026-03-10");
    private static final Instant OCCURRED = Instant.parse("2026-03-01T00:00:00Z");

    private LegalCases() {}

    static Shop shop(String id, Marketplace marketplace, LegalForm form) {
        return shop(id, marketplace, form, Locale.forLanguageTag("ru"));
    }

    static Shop shop(String id, Marketplace marketplace, LegalForm form, Locale locale) {
        boolean kz = marketplace.equals(Marketplace.KASPI);
        return Shop.builder(ShopId.of(id), marketplace).legalForm(form).locale(locale)
                .taxMode(kz ? TaxMode.KZ_SIMPLIFIED_DECLARATION : TaxMode.RU_USN_INCOME).build();
    }

    static LegalEvent event(Shop shop, LegalEventType type, Consumer<LegalEvent.Builder> more) {
        LegalEvent.Builder b = LegalEvent.builder().shopId(shop.id()).eventType(type)
                .occurredAt(OCCURRED);
        more.accept(b);
        return b.build();
    }

    static EventDate d(String text) {
        return EventDate.parse(text);
    }

    // The cases without their business_type, so that the shop's legal form decides the header.
    static LegalEvent p1(Shop shop) {
        return LegalWorkedCases.p1(shop.id()).businessType(null).occurredAt(OCCURRED).build();
    }

    static LegalEvent p2(Shop shop) {
        return LegalWorkedCases.p2(shop.id()).businessType(null).occurredAt(OCCURRED).build();
    }

    static LegalEvent p3(Shop shop) {
        return LegalWorkedCases.p3(shop.id()).businessType(null).occurredAt(OCCURRED).build();
    }

    static LegalEvent p4(Shop shop) {
        return LegalWorkedCases.p4(shop.id()).businessType(null).occurredAt(OCCURRED).build();
    }

    static Shop p1Shop() {
        return shop("kaspi_1001", Marketplace.KASPI, LegalForm.IP);
    }

    static Shop p2Shop() {
        return shop("kaspi_2002", Marketplace.KASPI, LegalForm.TOO);
    }

    static Shop p3Shop() {
        return shop("kaspi_3003", Marketplace.KASPI, LegalForm.IP);
    }

    static Shop p4Shop() {
        return shop("ozon_4004", Marketplace.OZON, LegalForm.OOO);
    }

    /** Every document of the event usable, in its order. */
    static ResolvedDocuments resolved(LegalEvent event) {
        return resolved(event, Set.of());
    }

    /** The named documents unreadable, the rest usable, in the event's order. */
    static ResolvedDocuments resolved(LegalEvent event, Set<String> unreadable) {
        List<DocumentLookup.Found> found = new ArrayList<>();
        List<DocumentProblem> problems = new ArrayList<>();
        int position = 0;
        for (LegalDocument doc : event.documents()) {
            if (unreadable.contains(doc.name())) {
                problems.add(new DocumentProblem(position, doc.name(), DocumentProblem.Kind.UNREADABLE,
                        "images are not read; send the text of the screenshot"));
            } else {
                String text = doc.text() == null ? "" : doc.text();
                found.add(new DocumentLookup.Found(doc.name(), text, "text/plain",
                        text.getBytes(StandardCharsets.UTF_8).length, "inline"));
            }
            position++;
        }
        return new ResolvedDocuments(found, problems);
    }

    static RuleConclusion conclude(LegalEvent event, Shop shop, Boolean defectClaimed) {
        return RULES.conclude(RuleRequest.builder(event, shop).defectClaimed(defectClaimed).build());
    }

    static List<Passage> passages(LegalEvent event, Shop shop, RuleConclusion conclusion) {
        String text = String.join(" ", event.fineReason() == null ? "" : event.fineReason(),
                event.productName() == null ? "" : event.productName());
        Marketplace marketplace = event.marketplace() != null ? event.marketplace() : shop.marketplace();
        return ShippedKnowledgeBase.shipped().search(KnowledgeQuery.of(text, conclusion.jurisdiction(), marketplace));
    }

    static Map<String, Money> p2Amounts(LegalEvent event) {
        Map<String, Money> amounts = new LinkedHashMap<>();
        amounts.put("compensation_packaging", RULES.kaspiDeliveryCompensation(event.amount(), DamageTier.PACKAGING));
        amounts.put("compensation_one_side", RULES.kaspiDeliveryCompensation(event.amount(), DamageTier.ONE_SIDE));
        amounts.put("compensation_total", RULES.kaspiDeliveryCompensation(event.amount(), DamageTier.TOTAL));
        return amounts;
    }

    static DraftInput input(LegalEvent event, Shop shop, Boolean defectClaimed, Map<String, Money> amounts,
            SellerDetails seller, ResolvedDocuments documents, List<String> history) {
        RuleConclusion conclusion = conclude(event, shop, defectClaimed);
        return new DraftInput(event, shop, conclusion, passages(event, shop, conclusion), documents, seller, amounts,
                history, SalesLanguage.of(shop), TODAY);
    }

    static DraftInput input(LegalEvent event, Shop shop, Boolean defectClaimed, Map<String, Money> amounts) {
        return input(event, shop, defectClaimed, amounts, SellerDetails.none(), resolved(event), List.of());
    }

    static DraftInput p1Input() {
        Shop shop = p1Shop();
        return input(p1(shop), shop, null, Map.of());
    }

    static DraftInput p2Input() {
        Shop shop = p2Shop();
        LegalEvent e = p2(shop);
        return input(e, shop, null, p2Amounts(e));
    }

    static DraftInput p3Input() {
        Shop shop = p3Shop();
        return input(p3(shop), shop, false, Map.of());
    }

    static DraftInput p4Input() {
        Shop shop = p4Shop();
        return input(p4(shop), shop, null, Map.of());
    }
}
