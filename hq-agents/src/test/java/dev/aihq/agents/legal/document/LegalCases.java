package dev.aihq.agents.legal.document;

import dev.aihq.agents.legal.knowledge.ShippedKnowledgeBase;
import dev.aihq.agents.legal.rules.DamageTier;
import dev.aihq.agents.legal.rules.LegalRules;
import dev.aihq.agents.legal.rules.RuleConclusion;
import dev.aihq.agents.legal.rules.RuleRequest;
import dev.aihq.agents.sales.SalesLanguage;
import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.document.DocumentLookup;
import dev.aihq.api.document.DocumentProblem;
import dev.aihq.api.document.ResolvedDocuments;
import dev.aihq.api.event.EventDate;
import dev.aihq.api.event.LegalDelivery;
import dev.aihq.api.event.LegalDocument;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.event.LegalEventType;
import dev.aihq.api.event.LegalMeasure;
import dev.aihq.api.legal.KnowledgeQuery;
import dev.aihq.api.legal.Passage;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.TaxMode;
import java.math.BigDecimal;
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
                .occurredAt(Instant.parse("2026-03-01T00:00:00Z"));
        more.accept(b);
        return b.build();
    }

    static EventDate d(String text) {
        return EventDate.parse(text);
    }

    static LegalEvent p1(Shop shop) {
        return event(shop, LegalEventType.FINE, b -> b.marketplace(Marketplace.KASPI).country("KZ")
                .fineReason("Доля отмен 6% за последние 30 дней превышает 5%. Магазин отключён на 7 дней.")
                .measure(new LegalMeasure("disconnection", 7, LocalDate.parse("2026-03-10"),
                        LocalDate.parse("2026-03-17")))
                .stat("orders_30d", BigDecimal.valueOf(100)).stat("cancelled_as_seller_fault", BigDecimal.valueOf(6))
                .stat("prior_violations_90d", BigDecimal.ZERO)
                .date("notice_at", d("2026-03-10T09:00+05:00"))
                .document(new LegalDocument("kaspi_push.txt", "Отключение на 7 дней: доля отмен 6%"))
                .document(new LegalDocument("chat_orders_3.png",
                        "3 покупателя сами попросили отменить заказы 512, 518, 533 до сборки"))
                .document(new LegalDocument("orders_export.csv",
                        "6 отмен, из них 3 с пометкой 'по просьбе клиента' в чате")));
    }

    static LegalEvent p2(Shop shop) {
        return event(shop, LegalEventType.RETURN, b -> b.orderId(OrderId.of("KSP-778812"))
                .productName("Телевизор 55\" 4K").amount(Money.of("289990", Money.KZT))
                .fineReason("Возврат покупателя: товар получен продавцом с повреждением корпуса")
                .delivery(new LegalDelivery("city", false))
                .date("received_by_seller_at", d("2026-03-03T10:00+05:00"))
                .date("damage_found_at", d("2026-03-03T18:30+05:00"))
                .document(new LegalDocument("return_act.pdf", "Акт возврата, отметок о повреждениях нет"))
                .document(new LegalDocument("photos_2026-03-03.zip",
                        "вмятина и трещина на одной боковой стенке, углы целы, экран работает; дата и время на фото"))
                .document(new LegalDocument("packing_photos_2026-02-20.zip",
                        "упаковка при отправке по требованиям Kaspi")));
    }

    static LegalEvent p3(Shop shop) {
        return event(shop, LegalEventType.CUSTOMER_DISPUTE, b -> b.orderId(OrderId.of("KSP-901144"))
                .productName("Смартфон 128 ГБ").amount(Money.of("154990", Money.KZT))
                .fineReason("Покупатель требует вернуть деньги: 'не понравился', дефектов не заявляет")
                .date("ordered_at", d("2026-02-18")).date("received_by_buyer_at", d("2026-02-20"))
                .date("claim_received_at", d("2026-03-02"))
                .document(new LegalDocument("return_request.txt",
                        "Причина: не подошёл по ощущениям, коробка вскрыта, пользовался 2 дня")));
    }

    static LegalEvent p4(Shop shop) {
        return event(shop, LegalEventType.PRODUCT_BLOCK, b -> b.marketplace(Marketplace.OZON).country("RU")
                .productName("Аромамасло для увлажнителя воздуха 10 мл")
                .fineReason("Товар относится к запрещённым (жидкости для устройств потребления никотина): 1200"
                        + " штрафных баллов юрлицу и 1000 ₽ за обработку карточки")
                .amount(Money.of("1000", Money.RUB)).date("notice_at", d("2026-02-16T11:00+03:00"))
                .document(new LegalDocument("ozon_notice.txt", "У вас есть 7 дней, чтобы обжаловать решение"))
                .document(new LegalDocument("declaration.pdf",
                        "Декларация о соответствии: ароматическое масло для увлажнителей, не содержит никотина"))
                .document(new LegalDocument("lab_report.pdf", "Протокол испытаний: никотин не обнаружен")));
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
