package dev.aihq.testkit;

import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.EventDate;
import dev.aihq.api.event.LegalDelivery;
import dev.aihq.api.event.LegalDocument;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.event.LegalEventType;
import dev.aihq.api.event.LegalMeasure;
import dev.aihq.api.shop.LegalForm;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The four public worked cases of the legal reference, field for field as their JSON bodies give them (documents
 * with their text included), as event builders for any shop id. Each builder has {@code occurredAt} set to the
 * case's first moment; callers may change it or any other field before building.
 *
 * <ul>
 *   <li>P1: Kaspi disconnects an ИП for a 6 % cancellation share, three of six cancellations asked for by buyers.</li>
 *   <li>P2: a TV comes back damaged through Kaspi Delivery (city), the return act without a damage mark; a ТОО.</li>
 *   <li>P3: a buyer wants to return a smartphone of proper quality to a Kaspi ИП.</li>
 *   <li>P4: Ozon gives an ООО 1200 penalty points and a 1000 ₽ card fee for an aroma oil it calls forbidden.</li>
 * </ul>
 */
public final class LegalWorkedCases {

    private LegalWorkedCases() {}

    private static EventDate d(String text) {
        return EventDate.parse(text);
    }

    /**
     * P1: Kaspi disconnection for the cancellation share.
     *
     * @param shop the shop
     * @return the event's builder
     */
    public static LegalEvent.Builder p1(ShopId shop) {
        return LegalEvent.builder().shopId(shop).eventType(LegalEventType.FINE).marketplace(Marketplace.KASPI)
                .country("KZ").businessType(LegalForm.IP)
                .fineReason("Доля отмен 6% за последние 30 дней превышает 5%. Магазин отключён на 7 дней.")
                .measure(new LegalMeasure("disconnection", 7, LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-17")))
                .stat("orders_30d", BigDecimal.valueOf(100)).stat("cancelled_as_seller_fault", BigDecimal.valueOf(6))
                .stat("prior_violations_90d", BigDecimal.ZERO)
                .date("notice_at", d("2026-03-10T09:00+05:00"))
                .document(new LegalDocument("kaspi_push.txt", "Отключение на 7 дней: доля отмен 6%"))
                .document(new LegalDocument("chat_orders_3.png",
                        "3 покупателя сами попросили отменить заказы 512, 518, 533 до сборки"))
                .document(new LegalDocument("orders_export.csv", "6 отмен, из них 3 с пометкой 'по просьбе клиента' в чате"))
                .occurredAt(Instant.parse("2026-03-10T04:00:00Z"));
    }

    /**
     * P2: Kaspi Delivery damage, the return act without a damage mark.
     *
     * @param shop the shop
     * @return the event's builder
     */
    public static LegalEvent.Builder p2(ShopId shop) {
        return LegalEvent.builder().shopId(shop).eventType(LegalEventType.RETURN).marketplace(Marketplace.KASPI)
                .country("KZ").businessType(LegalForm.TOO).orderId(OrderId.of("KSP-778812"))
                .productName("Телевизор 55\" 4K")
                .fineReason("Возврат покупателя: товар получен продавцом с повреждением корпуса")
                .amount(Money.of("289990", Money.KZT)).delivery(new LegalDelivery("city", false))
                .date("received_by_seller_at", d("2026-03-03T10:00+05:00"))
                .date("damage_found_at", d("2026-03-03T18:30+05:00"))
                .document(new LegalDocument("return_act.pdf", "Акт возврата, отметок о повреждениях нет"))
                .document(new LegalDocument("photos_2026-03-03.zip", "вмятина и трещина на одной боковой стенке, углы"
                        + " целы, экран работает; дата и время на фото"))
                .document(new LegalDocument("packing_photos_2026-02-20.zip", "упаковка при отправке по требованиям Kaspi"))
                .occurredAt(Instant.parse("2026-03-03T05:00:00Z"));
    }

    /**
     * P3: a Kazakh buyer wants to return a smartphone of proper quality.
     *
     * @param shop the shop
     * @return the event's builder
     */
    public static LegalEvent.Builder p3(ShopId shop) {
        return LegalEvent.builder().shopId(shop).eventType(LegalEventType.CUSTOMER_DISPUTE)
                .marketplace(Marketplace.KASPI).country("KZ").businessType(LegalForm.IP)
                .orderId(OrderId.of("KSP-901144")).productName("Смартфон 128 ГБ")
                .fineReason("Покупатель требует вернуть деньги: 'не понравился', дефектов не заявляет")
                .amount(Money.of("154990", Money.KZT))
                .date("ordered_at", d("2026-02-18")).date("received_by_buyer_at", d("2026-02-20"))
                .date("claim_received_at", d("2026-03-02"))
                .document(new LegalDocument("return_request.txt",
                        "Причина: не подошёл по ощущениям, коробка вскрыта, пользовался 2 дня"))
                .occurredAt(Instant.parse("2026-03-01T19:00:00Z"));
    }

    /**
     * P4: Ozon, 1200 penalty points and a card fee for a "forbidden" product.
     *
     * @param shop the shop
     * @return the event's builder
     */
    public static LegalEvent.Builder p4(ShopId shop) {
        return LegalEvent.builder().shopId(shop).eventType(LegalEventType.PRODUCT_BLOCK)
                .marketplace(Marketplace.OZON).country("RU").businessType(LegalForm.OOO)
                .productName("Аромамасло для увлажнителя воздуха 10 мл")
                .fineReason("Товар относится к запрещённым (жидкости для устройств потребления никотина): 1200 штрафных"
                        + " баллов юрлицу и 1000 ₽ за обработку карточки")
                .amount(Money.of("1000", Money.RUB))
                .date("notice_at", d("2026-02-16T11:00+03:00"))
                .document(new LegalDocument("ozon_notice.txt", "У вас есть 7 дней, чтобы обжаловать решение"))
                .document(new LegalDocument("declaration.pdf",
                        "Декларация о соответствии: ароматическое масло для увлажнителей, не содержит никотина"))
                .document(new LegalDocument("lab_report.pdf", "Протокол испытаний: никотин не обнаружен"))
                .occurredAt(Instant.parse("2026-02-16T08:00:00Z"));
    }
}
