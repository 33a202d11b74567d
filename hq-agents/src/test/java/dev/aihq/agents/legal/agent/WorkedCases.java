package dev.aihq.agents.legal.agent;

import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.EventDate;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.testkit.LegalWorkedCases;
import java.time.ZoneId;
import java.util.Locale;

/** Shops for the four worked cases of the legal reference (§6), and the cases themselves from the test kit. */
final class WorkedCases {

    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private WorkedCases() {}

    static Shop kaspi(String id, LegalForm form) {
        return Shop.builder(ShopId.of(id), Marketplace.KASPI).name("Магазин " + id).zone(ALMATY).currency(Money.KZT)
                .legalForm(form).taxMode(form == LegalForm.TOO ? TaxMode.KZ_GENERAL : TaxMode.KZ_SIMPLIFIED_DECLARATION).build();
    }

    static Shop russian(String id, Marketplace marketplace, LegalForm form) {
        return Shop.builder(ShopId.of(id), marketplace).name("Магазин " + id).zone(MOSCOW).currency(Money.RUB)
                .legalForm(form).taxMode(TaxMode.RU_USN_INCOME).build();
    }

    static Shop kazakh(Shop shop) {
        return shop.toBuilder().locale(Locale.forLanguageTag("kk")).build();
    }

    static EventDate d(String text) {
        return EventDate.parse(text);
    }

    /** P1: Kaspi disconnects the shop for a 6 % cancellation share. */
    static LegalEvent p1(Shop shop) {
        return LegalWorkedCases.p1(shop.id()).build();
    }

    /** P2: a TV came back from Kaspi Delivery damaged, the return act has no damage mark. */
    static LegalEvent p2(Shop shop) {
        return LegalWorkedCases.p2(shop.id()).build();
    }

    /** P3: a buyer wants to return a smartphone of proper quality. */
    static LegalEvent p3(Shop shop) {
        return LegalWorkedCases.p3(shop.id()).build();
    }

    /** P4: Ozon gives 1200 penalty points and a card fee for a "forbidden" aroma oil. */
    static LegalEvent p4(Shop shop) {
        return LegalWorkedCases.p4(shop.id()).build();
    }
}
