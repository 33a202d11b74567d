package dev.aihq.agents.legal.rules;

import dev.aihq.api.legal.LegalSourceStatus;
import dev.aihq.api.result.CanContest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.event.EventDate;
import dev.aihq.api.event.LegalDelivery;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.event.LegalEventType;
import dev.aihq.api.event.LegalMeasure;
import dev.aihq.api.result.RiskLevel;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.TaxMode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LegalRulesTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final LegalRules RULES = LegalRules.shipped();

    static Shop shop(String id, Marketplace marketplace, LegalForm form) {
        boolean kz = marketplace.equals(Marketplace.KASPI);
        return Shop.builder(ShopId.of(id), marketplace).legalForm(form)
                .taxMode(kz ? TaxMode.KZ_SIMPLIFIED_DECLARATION : TaxMode.RU_USN_INCOME).build();
    }

    static LegalEvent event(Shop shop, LegalEventType type, Consumer<LegalEvent.Builder> more) {
        LegalEvent.Builder b = LegalEvent.builder().shopId(shop.id()).eventType(type)
                .occurredAt(Instant.parse("2026-03-01T00:00:00Z"));
        more.accept(b);
        return b.build();
    }

    static RuleConclusion conclude(Shop shop, LegalEvent event) {
        return RULES.conclude(RuleRequest.builder(event, shop).build());
    }

    static ZonedDateTime endOfDay(String day, ZoneId zone) {
        return LocalDate.parse(day).atTime(LocalTime.MAX).atZone(zone);
    }

    static EventDate d(String text) {
        return EventDate.parse(text);
    }

    @Nested
    class WorkedCases {

        @Test
        void p1KaspiDisconnectionForTheCancellationShare() {
            Shop shop = shop("kaspi_1001", Marketplace.KASPI, LegalForm.IP);
            LegalEvent e = event(shop, LegalEventType.FINE, b -> b.marketplace(Marketplace.KASPI).country("KZ")
                    .fineReason("Доля отмен 6% за последние 30 дней превышает 5%. Магазин отключён на 7 дней.")
                    .measure(new LegalMeasure("disconnection", 7, LocalDate.parse("2026-03-10"),
                            LocalDate.parse("2026-03-17")))
                    .stat("orders_30d", BigDecimal.valueOf(100)).stat("cancelled_as_seller_fault", BigDecimal.valueOf(6))
                    .date("notice_at", d("2026-03-10T09:00+05:00")));

            RuleConclusion c = conclude(shop, e);

            assertThat(c.supported()).isTrue();
            assertThat(c.jurisdiction()).isEqualTo("KZ");
            assertThat(c.canContest()).isEqualTo(CanContest.PARTIAL);
            assertThat(c.riskFloor()).isEqualTo(RiskLevel.MEDIUM);
            assertThat(c.ruleIds()).contains("KASPI.Q3022", "KASPI.Q2184");
            assertThat(c.templateId()).isEqualTo("T1");
            assertThat(c.deadline()).isEqualTo(endOfDay("2026-03-13", ALMATY));
            assertThat(c.deadlineOfficial()).isFalse();
            assertThat(c.deadlineStatus()).isEqualTo(LegalSourceStatus.INTERNAL);
            assertThat(c.deadlineRuleId()).isEqualTo("KASPI.MEASURE.OBJECTION");
            assertThat(c.notes()).anyMatch(n -> n.contains("Внутренний ориентир магазина — 3 календарных дня") && n.contains("это не правило"))
                    .anyMatch(n -> n.contains("до конца дня 2026-03-17"));
            assertThat(c.mustNot()).anyMatch(m -> m.id().equals("internal_deadline") && m.text().contains("3 календарных дня"));
        }

        @Test
        void p2KaspiDeliveryDamageWithoutDamageMark() {
            Shop shop = shop("kaspi_2002", Marketplace.KASPI, LegalForm.TOO);
            LegalEvent e = event(shop, LegalEventType.RETURN, b -> b.orderId(OrderId.of("KSP-778812"))
                    .productName("Телевизор 55\" 4K").amount(Money.of("289990", Money.KZT))
                    .fineReason("Возврат покупателя: товар получен продавцом с повреждением корпуса")
                    .delivery(new LegalDelivery("city", false))
                    .date("received_by_seller_at", d("2026-03-03T10:00+05:00"))
                    .date("damage_found_at", d("2026-03-03T18:30+05:00")));

            RuleConclusion c = conclude(shop, e);

            assertThat(c.canContest()).isEqualTo(CanContest.YES);
            assertThat(c.riskFloor()).isEqualTo(RiskLevel.HIGH);
            assertThat(c.ruleIds()).containsExactly("KASPI.DELIVERY.CLAIM");
            assertThat(c.rules().get(0).url()).isEqualTo("https://guide.kaspi.kz/partner/ru/shop/delivery/shipping/q2306");
            assertThat(c.deadline()).isEqualTo(ZonedDateTime.parse("2026-03-04T10:00+05:00[Asia/Almaty]"));
            assertThat(c.deadline().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-03-04T10:00+05:00"));
            assertThat(c.deadlineOfficial()).isTrue();
            assertThat(c.templateId()).isEqualTo("T2");
            assertThat(RULES.kaspiDeliveryCompensation(e.amount(), DamageTier.ONE_SIDE))
                    .isEqualTo(Money.of("86997", Money.KZT));
            assertThat(RULES.kaspiDeliveryCompensation(e.amount(), DamageTier.PACKAGING))
                    .isEqualTo(Money.of("28999", Money.KZT));
            assertThat(RULES.kaspiDeliveryCompensation(e.amount(), DamageTier.TOTAL)).isEqualTo(e.amount());
            assertThat(c.notes()).anyMatch(n -> n.contains("срок меньше 48 часов"))
                    .anyMatch(n -> n.contains("фото или видео"))
                    .anyMatch(n -> n.contains("витринный образец"));
        }

        @Test
        void p3KzBuyerReturnsASmartphoneOfProperQuality() {
            Shop shop = shop("kaspi_3003", Marketplace.KASPI, LegalForm.IP);
            LegalEvent e = event(shop, LegalEventType.CUSTOMER_DISPUTE, b -> b.orderId(OrderId.of("KSP-901144"))
                    .productName("Смартфон 128 ГБ").amount(Money.of("154990", Money.KZT))
                    .fineReason("Покупатель требует вернуть деньги: 'не понравился', дефектов не заявляет")
                    .date("ordered_at", d("2026-02-18")).date("received_by_buyer_at", d("2026-02-20"))
                    .date("claim_received_at", d("2026-03-02")));

            RuleConclusion c = RULES.conclude(RuleRequest.builder(e, shop).defectClaimed(false).build());

            assertThat(c.canContest()).isEqualTo(CanContest.YES);
            assertThat(c.riskFloor()).isEqualTo(RiskLevel.LOW);
            assertThat(c.ruleIds()).contains("KZ.CPL.30.1", "KZ.CPL.42-4");
            assertThat(c.deadline()).isEqualTo(endOfDay("2026-03-12", ALMATY));
            assertThat(c.deadlineOfficial()).isTrue();
            assertThat(c.deadlineRuleId()).isEqualTo("KZ.CPL.42-4");
            assertThat(c.templateId()).isEqualTo("T7");
            assertThat(c.notes()).anyMatch(n -> n.contains("абонентское устройство сотовой связи"))
                    .anyMatch(n -> n.contains("принять возврат добровольно"));
            assertThat(c.mustNot()).extracting(MustNot::id).contains("defect_without_check", "kz_ecommerce_law");
        }

        @Test
        void p4OzonPenaltyPointsAndCardFee() {
            Shop shop = shop("ozon_4004", Marketplace.OZON, LegalForm.OOO);
            LegalEvent e = event(shop, LegalEventType.PRODUCT_BLOCK, b -> b.marketplace(Marketplace.OZON).country("RU")
                    .productName("Аромамасло для увлажнителя воздуха 10 мл")
                    .fineReason("Товар относится к запрещённым (жидкости для устройств потребления никотина): 1200"
                            + " штрафных баллов юрлицу и 1000 ₽ за обработку карточки")
                    .amount(Money.of("1000", Money.RUB)).date("notice_at", d("2026-02-16T11:00+03:00")));

            RuleConclusion c = conclude(shop, e);

            assertThat(c.jurisdiction()).isEqualTo("RU");
            assertThat(c.canContest()).isEqualTo(CanContest.YES);
            assertThat(c.riskFloor()).isEqualTo(RiskLevel.HIGH);
            assertThat(c.ruleIds()).contains("OZON.POINTS.APPEAL", "RU.APK.4.5").doesNotContain("RU.289FZ.DISPUTE");
            assertThat(c.deadline()).isEqualTo(endOfDay("2026-02-23", MOSCOW));
            assertThat(c.deadlineOfficial()).isFalse();
            assertThat(c.deadlineStatus()).isEqualTo(LegalSourceStatus.SECONDARY);
            assertThat(c.templateId()).isEqualTo("T5");
            assertThat(c.notes()).anyMatch(n -> n.contains("1200 штрафных баллов"))
                    .anyMatch(n -> n.contains("вторичного источника"));
            assertThat(c.mustNot()).extracting(MustNot::id).contains("secondary_deadline", "fz289_before",
                    "deny_own_documents");
        }
    }

    @Nested
    class Fines {

        private final Shop kaspi = shop("kaspi_1", Marketplace.KASPI, LegalForm.IP);
        private final Shop wb = shop("wb_1", Marketplace.WILDBERRIES, LegalForm.IP);

        private LegalEvent kaspiFine(String measure) {
            return event(kaspi, LegalEventType.FINE, b -> {
                b.fineReason("Рейтинг ниже 4").date("notice_at", d("2026-03-10T09:00+05:00"));
                if (measure != null) {
                    b.measure(new LegalMeasure(measure, null, null, null));
                }
            });
        }

        private LegalEvent wbFine(Consumer<LegalEvent.Builder> more) {
            return event(wb, LegalEventType.FINE, b -> {
                b.fineReason("Штраф за нарушение упаковки").amount(Money.of("400", Money.RUB))
                        .date("notice_at", d("2026-04-06T12:00+03:00"));
                more.accept(b);
            });
        }

        @Test
        void aKaspiFineForALateHandoverRestsOnTheDeliveryRulesNotOnTheCancellationShare() {
            LegalEvent late = event(kaspi, LegalEventType.FINE, b -> b.orderId(OrderId.of("KSP-556677"))
                    .fineReason("Нарушение сроков доставки").date("notice_at", d("2026-03-10T09:00+05:00")));
            LegalEvent cancellations = event(kaspi, LegalEventType.FINE, b -> b
                    .fineReason("Доля отмен 6% превышает 5%").date("notice_at", d("2026-03-10T09:00+05:00")));

            RuleConclusion delivery = conclude(kaspi, late);
            RuleConclusion share = conclude(kaspi, cancellations);

            assertThat(delivery.ruleIds()).containsExactly("KASPI.Q3047", "KASPI.Q2272", "KASPI.Q2184",
                    "KASPI.MEASURE.OBJECTION");
            assertThat(delivery.notes()).anyMatch(n -> n.contains("с 10:00 до 16:00"))
                    .anyMatch(n -> n.contains("ниже 10 %"));
            assertThat(delivery.context()).isEmpty();
            assertThat(delivery.templateId()).isEqualTo("T1");
            assertThat(delivery.deadlineOfficial()).isFalse();
            assertThat(delivery.deadline()).isEqualTo(endOfDay("2026-03-13", ALMATY));
            assertThat(share.ruleIds()).contains("KASPI.Q3022").doesNotContain("KASPI.Q3047");
        }

        @Test
        void aKaspiWarningWithoutMeasureIsLowAndADisconnectionRaisesIt() {
            assertThat(conclude(kaspi, kaspiFine(null)).riskFloor()).isEqualTo(RiskLevel.LOW);
            RuleConclusion disconnected = conclude(kaspi, kaspiFine("disconnection"));
            assertThat(disconnected.riskFloor()).isEqualTo(RiskLevel.MEDIUM);
            assertThat(disconnected.notes()).anyMatch(n -> n.contains("Риск повышен до medium: мера disconnection"));
            assertThat(conclude(kaspi, kaspiFine("termination")).riskFloor()).isEqualTo(RiskLevel.HIGH);
        }

        @Test
        void aThirdKaspiViolationWithin90DaysIsHighButOlderOnesDoNotCount() {
            LegalEvent e = kaspiFine("disconnection");
            RuleConclusion third = RULES.conclude(RuleRequest.builder(e, kaspi)
                    .prior(new PriorMeasure(LegalEventType.FINE, Instant.parse("2026-01-20T04:00:00Z"), "KASPI.Q3022"))
                    .prior(new PriorMeasure(LegalEventType.FINE, Instant.parse("2026-02-25T04:00:00Z"), null))
                    .build());
            assertThat(third.riskFloor()).isEqualTo(RiskLevel.HIGH);
            assertThat(third.notes()).anyMatch(n -> n.contains("прекращение сотрудничества") && n.contains("ранее за 90 дней: 2"));

            RuleConclusion old = RULES.conclude(RuleRequest.builder(e, kaspi)
                    .prior(new PriorMeasure(LegalEventType.FINE, Instant.parse("2025-11-01T04:00:00Z"), null))
                    .prior(new PriorMeasure(LegalEventType.FINE, Instant.parse("2025-12-01T04:00:00Z"), null))
                    .prior(new PriorMeasure(LegalEventType.RETURN, Instant.parse("2026-03-01T04:00:00Z"), null))
                    .prior(new PriorMeasure(LegalEventType.FINE, Instant.parse("2026-03-01T04:00:00Z"), "WB.FINE.DISPUTE"))
                    .build());
            assertThat(old.riskFloor()).isEqualTo(RiskLevel.MEDIUM);
        }

        @Test
        void aWildberriesFineHasTheInternalSevenDayTargetAndARepeatRaisesItsRisk() {
            RuleConclusion first = conclude(wb, wbFine(b -> { }));
            assertThat(first.jurisdiction()).isEqualTo("RU");
            assertThat(first.canContest()).isEqualTo(CanContest.YES);
            assertThat(first.riskFloor()).isEqualTo(RiskLevel.LOW);
            assertThat(first.templateId()).isEqualTo("T4");
            assertThat(first.deadline()).isEqualTo(endOfDay("2026-04-13", MOSCOW));
            assertThat(first.deadlineOfficial()).isFalse();
            assertThat(first.deadlineStatus()).isEqualTo(LegalSourceStatus.INTERNAL);
            assertThat(first.context()).extracting(AppliedRule::id).containsExactly("WB.REPORT.OBJECTION");
            assertThat(first.notes()).anyMatch(n -> n.startsWith("[UNCONF] WB.REPORT.OBJECTION"))
                    .anyMatch(n -> n.startsWith("[UNCONF] Утверждение из блога"));

            RuleConclusion repeat = RULES.conclude(RuleRequest.builder(wbFine(b -> { }), wb)
                    .prior(new PriorMeasure(LegalEventType.FINE, Instant.parse("2026-03-02T09:00:00Z"), null)).build());
            assertThat(repeat.riskFloor()).isEqualTo(RiskLevel.MEDIUM);
        }

        @Test
        void counterfeitGroundsOrAnAmountOfTenOrderValuesAreHigh() {
            assertThat(conclude(wb, wbFine(b -> b.fineReason("Штраф: контрафакт, подделка бренда"))).riskFloor())
                    .isEqualTo(RiskLevel.HIGH);
            assertThat(conclude(wb, wbFine(b -> b.amount(Money.of("5000", Money.RUB))
                    .stat("order_value", BigDecimal.valueOf(500)))).riskFloor()).isEqualTo(RiskLevel.HIGH);
            assertThat(conclude(wb, wbFine(b -> b.amount(Money.of("4999", Money.RUB))
                    .stat("order_value", BigDecimal.valueOf(500)))).riskFloor()).isEqualTo(RiskLevel.LOW);
        }

        @Test
        void anOzonFineUsesTheSevenDayAppealAndThePointsFromTheStats() {
            Shop ozon = shop("ozon_1", Marketplace.OZON, LegalForm.OOO);
            RuleConclusion c = conclude(ozon, event(ozon, LegalEventType.FINE, b -> b
                    .fineReason("Штраф за отмену отправления").stat("penalty_points", BigDecimal.valueOf(300))
                    .date("notice_at", d("2026-03-02T10:00+03:00"))));
            assertThat(c.riskFloor()).isEqualTo(RiskLevel.MEDIUM);
            assertThat(c.deadline()).isEqualTo(endOfDay("2026-03-09", MOSCOW));
            assertThat(c.deadlineStatus()).isEqualTo(LegalSourceStatus.SECONDARY);
        }

        @Test
        void from1October2026TheRussianPlatformLawIsApplied() {
            RuleConclusion c = conclude(wb, wbFine(b -> b.date("notice_at", d("2026-10-05T12:00+03:00"))));
            assertThat(c.ruleIds()).contains("RU.289FZ.DISPUTE");
            assertThat(c.mustNot()).extracting(MustNot::id).doesNotContain("fz289_before");
        }
    }

    @Nested
    class ProductBlocks {

        @Test
        void aKaspiBlockForForbiddenGoodsGetsTheUnblockTemplateAndTheInternalTarget() {
            Shop kaspi = shop("kaspi_5", Marketplace.KASPI, LegalForm.TOO);
            RuleConclusion c = conclude(kaspi, event(kaspi, LegalEventType.PRODUCT_BLOCK, b -> b
                    .productName("Наушники").fineReason("Товар заблокирован: подозрение на реплику")
                    .date("notice_at", d("2026-03-02T09:00+05:00"))));
            assertThat(c.ruleIds()).contains("KASPI.Q3904");
            assertThat(c.templateId()).isEqualTo("T3");
            assertThat(c.riskFloor()).isEqualTo(RiskLevel.HIGH);
            assertThat(c.deadline()).isEqualTo(endOfDay("2026-03-05", ALMATY));
            assertThat(c.deadlineOfficial()).isFalse();
        }

        @Test
        void aWildberriesCardBlockIsMediumWithTheInternalTarget() {
            Shop wb = shop("wb_5", Marketplace.WILDBERRIES, LegalForm.OOO);
            RuleConclusion c = conclude(wb, event(wb, LegalEventType.PRODUCT_BLOCK, b -> b
                    .fineReason("Карточка заблокирована: нет декларации о соответствии")
                    .date("notice_at", d("2026-03-02T09:00+03:00"))));
            assertThat(c.canContest()).isEqualTo(CanContest.YES);
            assertThat(c.riskFloor()).isEqualTo(RiskLevel.MEDIUM);
            assertThat(c.templateId()).isEqualTo("T3");
            assertThat(c.deadlineRuleId()).isEqualTo("WB.UNBLOCK.REQUEST");
            assertThat(c.deadline()).isEqualTo(endOfDay("2026-03-09", MOSCOW));
        }
    }

    @Nested
    class Returns {

        private final Shop kaspi = shop("kaspi_7", Marketplace.KASPI, LegalForm.TOO);
        private final Shop ozon = shop("ozon_7", Marketplace.OZON, LegalForm.OOO);

        @Test
        void aMarkedReturnActGivesTenDaysInTheCityAndFortyFiveAcrossKazakhstan() {
            RuleConclusion city = conclude(kaspi, event(kaspi, LegalEventType.RETURN, b -> b
                    .delivery(new LegalDelivery("city", true)).date("received_by_seller_at", d("2026-03-03T10:00+05:00"))));
            assertThat(city.deadline()).isEqualTo(endOfDay("2026-03-13", ALMATY));
            assertThat(city.deadlineOfficial()).isTrue();
            assertThat(city.riskFloor()).isEqualTo(RiskLevel.MEDIUM);

            RuleConclusion intercity = conclude(kaspi, event(kaspi, LegalEventType.RETURN, b -> b
                    .delivery(new LegalDelivery("intercity", true)).date("received_by_buyer_at", d("2026-03-03"))));
            assertThat(intercity.deadline()).isEqualTo(endOfDay("2026-04-17", ALMATY));
            assertThat(intercity.templateId()).isEqualTo("T2");
        }

        @Test
        void anUnknownDamageMarkTakesTheTwentyFourHourWindow() {
            RuleConclusion c = conclude(kaspi, event(kaspi, LegalEventType.RETURN, b -> b
                    .delivery(new LegalDelivery("city", null)).date("received_by_seller_at", d("2026-03-03T10:00+05:00"))));
            assertThat(c.deadline()).isEqualTo(ZonedDateTime.parse("2026-03-04T10:00+05:00[Asia/Almaty]"));
            assertThat(c.notes()).anyMatch(n -> n.contains("Неизвестно, есть ли в акте возврата отметка о повреждении"));
        }

        @Test
        void aKaspiReturnOfGoodsOfProperQualityWithinTheWindowCannotBeRefused() {
            RuleConclusion c = RULES.conclude(RuleRequest.builder(event(kaspi, LegalEventType.RETURN, b -> b
                    .productName("Куртка зимняя").date("received_by_buyer_at", d("2026-03-01"))
                    .date("return_requested_at", d("2026-03-05T15:00+05:00"))), kaspi).defectClaimed(false).build());
            assertThat(c.canContest()).isEqualTo(CanContest.NO);
            assertThat(c.riskFloor()).isEqualTo(RiskLevel.LOW);
            assertThat(c.ruleIds()).contains("KZ.CPL.30.1", "KZ.CPL.14");
            assertThat(c.deadline()).isEqualTo(endOfDay("2026-03-08", ALMATY));
            assertThat(c.deadlineStatus()).isEqualTo(LegalSourceStatus.INTERNAL);
            assertThat(c.context()).extracting(AppliedRule::id).containsExactly("KZ.CPL.14/30.count");
            assertThat(c.notes()).anyMatch(n -> n.contains("в пределах 14-дневного срока") && n.contains("2026-03-15"));
        }

        @Test
        void aRussianDistanceSaleReturnAfterSevenDaysCanBeRefusedAndTheRefundPeriodIsOfficial() {
            RuleConclusion late = RULES.conclude(RuleRequest.builder(event(ozon, LegalEventType.RETURN, b -> b
                    .productName("Кофеварка").date("received_by_buyer_at", d("2026-03-01"))
                    .date("return_requested_at", d("2026-03-10"))), ozon).defectClaimed(false).build());
            assertThat(late.jurisdiction()).isEqualTo("RU");
            assertThat(late.canContest()).isEqualTo(CanContest.YES);
            assertThat(late.deadline()).isEqualTo(endOfDay("2026-03-20", MOSCOW));
            assertThat(late.deadlineOfficial()).isTrue();
            assertThat(late.deadlineRuleId()).isEqualTo("RU.ZPP.26.1");

            RuleConclusion inTime = RULES.conclude(RuleRequest.builder(event(ozon, LegalEventType.RETURN, b -> b
                    .productName("Кофеварка").date("received_by_buyer_at", d("2026-03-01"))
                    .date("return_requested_at", d("2026-03-08"))), ozon).defectClaimed(false).build());
            assertThat(inTime.canContest()).isEqualTo(CanContest.NO);
        }
    }

    @Nested
    class CustomerDisputes {

        private final Shop kaspi = shop("kaspi_9", Marketplace.KASPI, LegalForm.IP);

        private LegalEvent claim(Shop shop, String product) {
            return event(shop, LegalEventType.CUSTOMER_DISPUTE, b -> b.productName(product)
                    .date("received_by_buyer_at", d("2026-02-20")).date("claim_received_at", d("2026-03-02")));
        }

        @Test
        void aDefectClaimIsOnlyPartlyContestableAfterAQualityCheck() {
            RuleConclusion c = RULES.conclude(RuleRequest.builder(claim(kaspi, "Смартфон 128 ГБ"), kaspi)
                    .defectClaimed(true).build());
            assertThat(c.canContest()).isEqualTo(CanContest.PARTIAL);
            assertThat(c.riskFloor()).isEqualTo(RiskLevel.MEDIUM);
            assertThat(c.templateId()).isEqualTo("T8");
            assertThat(c.deadline()).isEqualTo(endOfDay("2026-03-12", ALMATY));
            assertThat(c.mustNot()).extracting(MustNot::id).contains("defect_without_check");
        }

        @Test
        void anUnknownDefectClaimIsNotDecided() {
            RuleConclusion c = conclude(kaspi, claim(kaspi, "Смартфон 128 ГБ"));
            assertThat(c.canContest()).isEqualTo(CanContest.NOT_DETERMINED);
            assertThat(c.deadlineOfficial()).isTrue();
            assertThat(c.notes()).anyMatch(n -> n.contains("Неизвестно, заявляет ли покупатель о недостатке"));
        }

        @Test
        void aRussianDefectClaimHasTheTenDayRefundPeriod() {
            Shop wb = shop("wb_9", Marketplace.WILDBERRIES, LegalForm.IP);
            RuleConclusion c = RULES.conclude(RuleRequest.builder(claim(wb, "Пылесос"), wb).defectClaimed(true).build());
            assertThat(c.ruleIds()).contains("RU.ZPP.22", "RU.ZPP.18", "RU.ZPP.21");
            assertThat(c.deadline()).isEqualTo(endOfDay("2026-03-12", MOSCOW));
            assertThat(c.deadlineRuleId()).isEqualTo("RU.ZPP.22");
            assertThat(c.deadlineOfficial()).isTrue();
            assertThat(c.rules()).filteredOn(r -> r.id().equals("RU.ZPP.21")).extracting(AppliedRule::status)
                    .containsExactly(LegalSourceStatus.SECONDARY);
        }
    }

    @Nested
    class ManualRequests {

        @Test
        void aKazakhQuestionWithTheDayTheViolationWasLearnedGetsTheLimitationPeriod() {
            Shop kaspi = shop("kaspi_11", Marketplace.KASPI, LegalForm.TOO);
            RuleConclusion c = conclude(kaspi, event(kaspi, LegalEventType.MANUAL_REQUEST, b -> b
                    .fineReason("Можно ли взыскать с Kaspi удержание за прошлый год?")
                    .date("violation_known_at", d("2025-06-15"))));
            assertThat(c.canContest()).isEqualTo(CanContest.NOT_DETERMINED);
            assertThat(c.ruleIds()).containsExactly("KZ.GK.limitation");
            assertThat(c.deadline()).isEqualTo(endOfDay("2028-06-15", ALMATY));
            assertThat(c.deadlineOfficial()).isTrue();
            assertThat(c.templateId()).isEqualTo("T6");
        }

        @Test
        void aRussianQuestionWithoutDatesHasNoDeadline() {
            Shop ozon = shop("ozon_11", Marketplace.OZON, LegalForm.OOO);
            RuleConclusion c = conclude(ozon, event(ozon, LegalEventType.MANUAL_REQUEST, b -> b
                    .fineReason("Как составить претензию Ozon?")));
            assertThat(c.supported()).isTrue();
            assertThat(c.deadline()).isNull();
            assertThat(c.deadlineOfficial()).isFalse();
            assertThat(c.ruleIds()).contains("RU.GK.196", "RU.APK.4.5");
            assertThat(c.notes()).anyMatch(n -> n.startsWith("Срока нет"));
        }
    }

    @Nested
    class JurisdictionAndSupport {

        @Test
        void theJurisdictionFollowsTheMarketplaceThenTheShopCurrency() {
            Shop kaspi = shop("kaspi_12", Marketplace.KASPI, LegalForm.IP);
            Shop uzum = Shop.builder(ShopId.of("other_12"), Marketplace.of("uzum")).legalForm(LegalForm.OOO)
                    .taxMode(TaxMode.RU_USN_INCOME).build();
            assertThat(conclude(kaspi, event(kaspi, LegalEventType.MANUAL_REQUEST, b -> { })).jurisdiction())
                    .isEqualTo("KZ");
            RuleConclusion rub = conclude(uzum, event(uzum, LegalEventType.CUSTOMER_DISPUTE, b -> b
                    .date("claim_received_at", d("2026-03-02"))));
            assertThat(rub.jurisdiction()).isEqualTo("RU");
            assertThat(rub.ruleIds()).contains("RU.ZPP.22");
        }

        @Test
        void anUnsupportedCombinationDecidesNothing() {
            Shop uzum = Shop.builder(ShopId.of("other_13"), Marketplace.of("uzum")).legalForm(LegalForm.OOO)
                    .taxMode(TaxMode.RU_USN_INCOME).build();
            RuleConclusion fine = conclude(uzum, event(uzum, LegalEventType.FINE, b -> b
                    .date("notice_at", d("2026-03-02T09:00+03:00"))));
            assertThat(fine.supported()).isFalse();
            assertThat(fine.canContest()).isEqualTo(CanContest.NOT_DETERMINED);
            assertThat(fine.riskFloor()).isNull();
            assertThat(fine.deadline()).isNull();
            assertThat(fine.templateId()).isNull();
            assertThat(fine.notes()).singleElement().asString().contains("Ни одно правило не охватывает событие fine на маркетплейсе uzum в юрисдикции RU");

            Shop usd = uzum.toBuilder().currency(Currency.getInstance("USD")).build();
            RuleConclusion unknown = conclude(usd, event(usd, LegalEventType.FINE, b -> { }));
            assertThat(unknown.supported()).isFalse();
            assertThat(unknown.jurisdiction()).isNull();
            assertThat(unknown.notes().get(0)).contains("определить нельзя");

            Shop kaspi = shop("kaspi_13", Marketplace.KASPI, LegalForm.IP);
            RuleConclusion kaspiInRussia = conclude(kaspi, event(kaspi, LegalEventType.FINE, b -> b.country("RU")));
            assertThat(kaspiInRussia.supported()).isFalse();
        }
    }

    @Nested
    class Deadlines {

        private final Shop kaspi = shop("kaspi_20", Marketplace.KASPI, LegalForm.IP);
        private final Shop wb = shop("wb_20", Marketplace.WILDBERRIES, LegalForm.IP);

        @Test
        void aBusinessDayTargetSkipsNauryzAndItsTransferredDays() {
            LegalRules rules = LegalRules.builder().internalTarget(Marketplace.KASPI, InternalTarget.businessDays(3))
                    .build();
            RuleConclusion c = rules.conclude(RuleRequest.builder(event(kaspi, LegalEventType.FINE, b -> b
                    .date("notice_at", d("2026-03-20T09:00+05:00"))), kaspi).build());
            // 21-23 March Наурыз, 24-25 transferred days off: the 1st working day is 26 March.
            assertThat(c.deadline()).isEqualTo(endOfDay("2026-03-30", ALMATY));
            assertThat(c.notes()).anyMatch(n -> n.contains("3 рабочих дня"));
        }

        @Test
        void anInternalTargetIsDescribedInRussianWithTheRightPluralForm() {
            assertThat(InternalTarget.businessDays(1).describe()).isEqualTo("1 рабочий день");
            assertThat(InternalTarget.calendarDays(1).describe()).isEqualTo("1 календарный день");
            assertThat(InternalTarget.calendarDays(3).describe()).isEqualTo("3 календарных дня");
            assertThat(InternalTarget.businessDays(4).describe()).isEqualTo("4 рабочих дня");
            assertThat(InternalTarget.businessDays(5).describe()).isEqualTo("5 рабочих дней");
            assertThat(InternalTarget.calendarDays(11).describe()).isEqualTo("11 календарных дней");
            assertThat(InternalTarget.calendarDays(14).describe()).isEqualTo("14 календарных дней");
            assertThat(InternalTarget.calendarDays(21).describe()).isEqualTo("21 календарный день");
            assertThat(InternalTarget.businessDays(22).describe()).isEqualTo("22 рабочих дня");
            assertThat(InternalTarget.businessDays(111).describe()).isEqualTo("111 рабочих дней");
        }

        @Test
        void aBusinessDayTargetSkipsTheRussianMayHolidays() {
            LegalRules rules = LegalRules.builder().internalTarget(InternalTarget.businessDays(3)).build();
            RuleConclusion c = rules.conclude(RuleRequest.builder(event(wb, LegalEventType.FINE, b -> b
                    .date("notice_at", d("2026-05-07T10:00+03:00"))), wb).build());
            // 8 May, then 9-10 weekend, 11 May transferred from Victory Day, then 12 and 13 May.
            assertThat(c.deadline()).isEqualTo(endOfDay("2026-05-13", MOSCOW));
        }

        @Test
        void aPerShopTargetWinsAndTheDisconnectionEndCapsIt() {
            LegalRules rules = LegalRules.builder().internalTarget(Marketplace.KASPI, InternalTarget.calendarDays(5))
                    .internalTarget(kaspi.id(), InternalTarget.calendarDays(10)).build();
            LegalEvent e = event(kaspi, LegalEventType.FINE, b -> b
                    .measure(new LegalMeasure("disconnection", 7, LocalDate.parse("2026-03-10"),
                            LocalDate.parse("2026-03-17")))
                    .date("notice_at", d("2026-03-10T09:00+05:00")));
            RuleConclusion c = rules.conclude(RuleRequest.builder(e, kaspi).build());
            assertThat(c.deadline()).isEqualTo(endOfDay("2026-03-17", ALMATY));
            assertThat(rules.internalTarget(kaspi, Marketplace.KASPI)).isEqualTo(InternalTarget.calendarDays(10));
            assertThat(rules.internalTarget(shop("kaspi_21", Marketplace.KASPI, LegalForm.IP), Marketplace.KASPI))
                    .isEqualTo(InternalTarget.calendarDays(5));
        }

        @Test
        void aDayDeadlineEndsAtTheEndOfThatDayInTheShopsZone() {
            Shop aqtobe = kaspi.toBuilder().zone(ZoneId.of("Asia/Aqtobe")).build();
            // 23:30 in Moscow is already the next day in Kazakhstan.
            RuleConclusion c = conclude(aqtobe, event(aqtobe, LegalEventType.FINE, b -> b
                    .date("notice_at", d("2026-03-10T23:30+03:00"))));
            assertThat(c.deadline()).isEqualTo(endOfDay("2026-03-14", ZoneId.of("Asia/Aqtobe")));
            assertThat(c.deadline().toLocalTime()).isEqualTo(LocalTime.of(23, 59, 59, 999_999_999));
        }

        @Test
        void aCalendarThatDoesNotCoverTheDateGivesNoDeadlineInsteadOfAGuess() {
            LegalRules rules = LegalRules.builder().internalTarget(InternalTarget.businessDays(3)).build();
            RuleConclusion c = rules.conclude(RuleRequest.builder(event(kaspi, LegalEventType.FINE, b -> b
                    .date("notice_at", d("2030-03-20T09:00+05:00"))), kaspi).build());
            assertThat(c.deadline()).isNull();
            assertThat(c.notes()).anyMatch(n -> n.startsWith("Срока нет:"));
        }
    }

    @Nested
    class RuleData {

        @Test
        void theShippedDataLoadsWithSourcesForEveryRule() {
            LegalRuleBook book = LegalRuleBook.shipped();
            assertThat(book.version()).isEqualTo("2026-03");
            assertThat(book.rule("KASPI.DELIVERY.CLAIM").status()).isEqualTo(LegalSourceStatus.OFFICIAL);
            assertThat(book.rule("OZON.POINTS.APPEAL").status()).isEqualTo(LegalSourceStatus.SECONDARY);
            assertThat(book.rule("NO.SUCH.RULE")).isNull();
        }

        @Test
        void aDeadlineOnAnUnconfirmedRuleIsRefused() {
            String json = """
                    {"version": "x", "templates": ["T1"], "risk": {"points_stat": "p", "points_pattern": "(\\\\d+)"},
                     "internal_targets": {"*": 3},
                     "rules": [{"id": "X.U", "status": "unconfirmed", "url": "", "title": "guess"}],
                     "scenarios": [{"event_type": "fine", "marketplace": "kaspi", "jurisdiction": "KZ",
                       "rules": ["X.U"], "deadline": {"rule": "X.U", "unit": "calendar_days", "amount": 3,
                       "from": ["notice_at"]}, "can_contest": "yes", "risk_floor": "low", "template": "T1"}]}
                    """;
            assertThatThrownBy(() -> LegalRuleBook.parse("bad.json",
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("bad.json").hasMessageContaining("X.U");
        }
    }
}
