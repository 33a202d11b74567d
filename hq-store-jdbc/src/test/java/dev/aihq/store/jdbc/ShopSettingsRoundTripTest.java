package dev.aihq.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.ShopId;
import dev.aihq.api.inbox.InboxPriority;
import dev.aihq.api.shop.BusinessHours;
import dev.aihq.api.shop.FrequencyCap;
import dev.aihq.api.shop.InboxSettings;
import dev.aihq.api.shop.OpeningSpan;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.PromoCode;
import dev.aihq.api.shop.QuietHours;
import dev.aihq.api.shop.SalesSettings;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.ShopPromise;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.http.HqJson;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A shop's settings come back from each database exactly as saved: equal records, decimals with their
 * scale, every collection, time and duration field, and the nullable parts both set and absent.
 */
class ShopSettingsRoundTripTest {

    private static final ShopId SHOP = ShopId.of("wb_77001");

    private static ShopSettings everySetting() {
        return ShopSettings.builder()
                .toneOfVoice("на «вы», тепло; без эмодзи — и без \"кавычек\" в ответах\nвторая строка")
                .messageTemplate("upsell", "Здравствуйте, {{name}}! К вашему {{product}} подойдёт {{offer}}.")
                .messageTemplate("review", "Спасибо! Оставьте отзыв: {{link}} \\ 100% честно")
                .messageTemplate("пустой", "")
                .reviewDiscountPercent(new BigDecimal("7.25"))
                .promoCode(new PromoCode("SPRING10", new BigDecimal("10"), LocalDate.of(2026, 5, 31)))
                .promoCode(new PromoCode("VIP-12.5", new BigDecimal("12.5"), null))
                .promoCode(new PromoCode("LEAP", new BigDecimal("0.50"), LocalDate.of(2028, 2, 29)))
                .excludeCategory("Лекарства")
                .excludeCategory("Alcohol & Tobacco")
                .sendDelay(Duration.ofMinutes(17).plusSeconds(30))
                .quietHours(QuietHours.of(LocalTime.of(22, 30), LocalTime.of(8, 15)))
                .frequencyCap(FrequencyCap.of(3, Duration.ofHours(36)))
                .minimumMarginPercent(new BigDecimal("12.5"))
                .defaultCommissionPercent(new BigDecimal("12.00"))
                .commission("Смартфоны", new BigDecimal("8"))
                .commission("Аксессуары", new BigDecimal("15.5"))
                .commission("Бытовая техника", new BigDecimal("0.125"))
                .dailyTokenBudget(9_000_000_000L)
                .requireCurrentTimeZoneData(true)
                .sales(SalesSettings.builder()
                        .complementary("Смартфоны", List.of("Чехлы", "Зарядные устройства"))
                        .consumables("Принтеры", List.of("Картриджи"))
                        .repeatPurchase("Шампуни")
                        .analoguePriceBandPercent(new BigDecimal("42.50"))
                        .maxCandidates(7)
                        .promise(ShopPromise.FREE_DELIVERY)
                        .promise(ShopPromise.GIFT)
                        .holdRejectedForReview(true)
                        .reviewRequestDelay(Duration.ofDays(3).plusHours(4))
                        .consentExpiry(Duration.ofDays(2))
                        .reviewOfferGap(Duration.ZERO)
                        .forbiddenPhrase("дешёвка")
                        .forbiddenPhrase("Мобайл \"Маркет\" — лучше нас")
                        .build())
                .inbox(InboxSettings.builder()
                        .answerTime(InboxPriority.CRITICAL, Duration.ofMinutes(45))
                        .answerTime(InboxPriority.NORMAL, Duration.ofHours(12))
                        .businessHours(new BusinessHours(Map.of(
                                DayOfWeek.MONDAY, List.of(OpeningSpan.of(LocalTime.of(9, 0), LocalTime.of(13, 0)),
                                        OpeningSpan.of(LocalTime.of(14, 0), LocalTime.of(18, 30))),
                                DayOfWeek.SATURDAY, List.of(OpeningSpan.of(LocalTime.of(10, 0), LocalTime.MIDNIGHT))),
                                Set.of(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 1, 1))))
                        .escalationThreshold(4)
                        .autoPublish(true)
                        .autoPublishNegativeReviews(true)
                        .negativeShareAlertPercent(new BigDecimal("25.5"))
                        .alertMinimumReviews(8)
                        .build())
                .build();
    }

    private static Shop shop(ShopSettings settings) {
        return Shop.builder(SHOP, Marketplace.WILDBERRIES)
                .name("ТОО «Рога и копыта» / Костанай")
                .zone(ZoneId.of("Asia/Qostanay"))
                .locale(Locale.forLanguageTag("kk-KZ"))
                .currency(Money.KZT)
                .legalForm(LegalForm.TOO)
                .taxMode(TaxMode.KZ_RETAIL_TAX)
                .settings(settings)
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.aihq.store.jdbc.MigratedDatabase#both")
    void should_return_equal_settings_when_every_setting_is_used(Supplier<MigratedDatabase> database) {
        // given
        MigratedDatabase db = database.get();
        Shop saved = shop(everySetting());
        db.stores().shops().save(saved);

        // when
        Shop found = db.stores().shops().find(SHOP).orElseThrow();

        // then
        assertThat(found).isEqualTo(saved);
        ShopSettings settings = found.settings();
        assertThat(settings).isEqualTo(saved.settings());
        assertThat(settings.minimumMarginPercent()).isEqualTo(new BigDecimal("12.5"));
        assertThat(settings.defaultCommissionPercent()).isEqualTo(new BigDecimal("12.00"));
        assertThat(settings.reviewDiscountPercent()).isEqualTo(new BigDecimal("7.25"));
        assertThat(settings.commissionByCategory()).containsEntry("Бытовая техника", new BigDecimal("0.125"))
                .containsEntry("Аксессуары", new BigDecimal("15.5")).hasSize(3);
        assertThat(settings.promoCodes()).containsExactly(
                new PromoCode("SPRING10", new BigDecimal("10"), LocalDate.of(2026, 5, 31)),
                new PromoCode("VIP-12.5", new BigDecimal("12.5"), null),
                new PromoCode("LEAP", new BigDecimal("0.50"), LocalDate.of(2028, 2, 29)));
        assertThat(settings.quietHours()).isEqualTo(QuietHours.of(LocalTime.of(22, 30), LocalTime.of(8, 15)));
        assertThat(settings.frequencyCap()).isEqualTo(FrequencyCap.of(3, Duration.ofHours(36)));
        assertThat(settings.sendDelay()).isEqualTo(Duration.ofSeconds(17 * 60 + 30));
        assertThat(settings.template("пустой")).contains("");
        assertThat(settings.dailyTokenBudget()).isEqualTo(9_000_000_000L);
        assertThat(settings.requireCurrentTimeZoneData()).isTrue();
        assertThat(settings.sales().forbiddenPhrases()).containsExactlyInAnyOrder("дешёвка",
                "Мобайл \"Маркет\" — лучше нас");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.aihq.store.jdbc.MigratedDatabase#both")
    void should_read_no_forbidden_phrases_when_sales_settings_were_saved_before_they_existed(
            Supplier<MigratedDatabase> database) throws Exception {
        // given sales settings as written before forbiddenPhrases existed
        MigratedDatabase db = database.get();
        db.stores().shops().save(shop(everySetting()));
        // The SDK's mapper, so the decimals keep their scale when the document is written back.
        ObjectNode saved = (ObjectNode) HqJson.newMapper().readTree(db.queryString("SELECT settings FROM "
                + db.table("shops") + " WHERE shop_id = ?", SHOP.value()));
        ObjectNode sales = (ObjectNode) saved.get("sales");
        assertThat(sales.remove("forbiddenPhrases")).as("the field as written now").isNotNull();
        db.execute("UPDATE " + db.table("shops") + " SET settings = " + db.json() + " WHERE shop_id = ?",
                saved.toString(), SHOP.value());

        // when
        SalesSettings read = db.stores().shops().find(SHOP).orElseThrow().settings().sales();

        // then
        assertThat(read.forbiddenPhrases()).isEmpty();
        assertThat(read).isEqualTo(everySetting().sales().toBuilder().forbiddenPhrases(Set.of()).build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.aihq.store.jdbc.MigratedDatabase#both")
    void should_read_default_inbox_settings_when_settings_were_saved_before_they_existed(
            Supplier<MigratedDatabase> database) throws Exception {
        // given settings as written before the inbox existed
        MigratedDatabase db = database.get();
        db.stores().shops().save(shop(everySetting()));
        ObjectNode saved = (ObjectNode) HqJson.newMapper().readTree(db.queryString("SELECT settings FROM "
                + db.table("shops") + " WHERE shop_id = ?", SHOP.value()));
        assertThat(saved.remove("inbox")).as("the field as written now").isNotNull();
        db.execute("UPDATE " + db.table("shops") + " SET settings = " + db.json() + " WHERE shop_id = ?",
                saved.toString(), SHOP.value());

        // when
        ShopSettings read = db.stores().shops().find(SHOP).orElseThrow().settings();

        // then
        assertThat(read.inbox()).isEqualTo(InboxSettings.defaults());
        assertThat(read).isEqualTo(everySetting().toBuilder().inbox(InboxSettings.defaults()).build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.aihq.store.jdbc.MigratedDatabase#both")
    void should_keep_absent_parts_absent_when_settings_are_minimal(Supplier<MigratedDatabase> database) {
        // given
        MigratedDatabase db = database.get();
        ShopSettings minimal = ShopSettings.builder()
                .toneOfVoice("")
                .quietHours(null)
                .frequencyCap(null)
                .sendDelay(Duration.ZERO)
                .minimumMarginPercent(BigDecimal.ZERO)
                .defaultCommissionPercent(new BigDecimal("100"))
                .dailyTokenBudget(0)
                .build();
        Shop saved = shop(minimal);
        db.stores().shops().save(saved);

        // when
        Shop found = db.stores().shops().find(SHOP).orElseThrow();

        // then
        assertThat(found).isEqualTo(saved);
        assertThat(found.settings().quietHours()).isNull();
        assertThat(found.settings().frequencyCap()).isNull();
        assertThat(found.settings().promoCodes()).isEmpty();
        assertThat(found.settings().messageTemplates()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.aihq.store.jdbc.MigratedDatabase#both")
    void should_replace_every_setting_when_saved_again(Supplier<MigratedDatabase> database) throws SQLException {
        // given
        MigratedDatabase db = database.get();
        db.stores().shops().save(shop(everySetting()));
        Shop replaced = shop(ShopSettings.defaults()).toBuilder().active(false).build();

        // when
        db.stores().shops().save(replaced);

        // then
        assertThat(db.stores().shops().find(SHOP)).contains(replaced);
        assertThat(db.queryValue("SELECT settings_version FROM " + db.table("shops") + " WHERE shop_id = ?",
                SHOP.value())).isEqualTo(JdbcShopStore.SETTINGS_VERSION);
        assertThat(db.queryValue("SELECT COUNT(*) FROM " + db.table("shops"))).asString().isEqualTo("1");
    }
}
