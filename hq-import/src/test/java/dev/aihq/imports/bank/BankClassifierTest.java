package dev.aihq.imports.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;

/** {@link BankClassifier}: the shipped heuristics on typical payments, order, custom rules. */
class BankClassifierTest {

    private final BankClassifier defaults = BankClassifier.defaults();

    private static BankTransaction transaction(BankDirection direction, String counterparty, String purpose) {
        return transaction(direction, counterparty, null, purpose);
    }

    private static BankTransaction transaction(BankDirection direction, String counterparty, @Nullable String taxId,
            String purpose) {
        return new BankTransaction(1, "KZ12722S000012345678", "1", LocalDate.of(2026, 3, 3),
                new BigDecimal("1000.00"), direction, counterparty, taxId, null, purpose, "Платежное поручение");
    }

    @Test
    void aKaspiPayoutIsASalesPayout() {
        assertThat(defaults.classify(transaction(BankDirection.IN, "АО «Kaspi Bank»",
                "Перечисление денежных средств по продажам Kaspi Магазин за 01.03.2026")))
                .isEqualTo(new BankClassification(BankCategory.SALES_PAYOUT, "marketplace-payout"));
        assertThat(defaults.classify(transaction(BankDirection.IN, "ООО \"ВАЙЛДБЕРРИЗ\"", "Выплата по отчету"))
                .category()).isEqualTo(BankCategory.SALES_PAYOUT);
        assertThat(defaults.classify(transaction(BankDirection.IN, "ООО «Интернет Решения»", "Перечисление средств"))
                .category()).isEqualTo(BankCategory.SALES_PAYOUT);
    }

    @Test
    void aCommissionIsACommission() {
        assertThat(defaults.classify(transaction(BankDirection.OUT, "АО «Kaspi Bank»",
                "Комиссия за продажу товаров в Kaspi Магазин")))
                .isEqualTo(new BankClassification(BankCategory.COMMISSION, "commission"));
        assertThat(defaults.classify(transaction(BankDirection.OUT, "ООО «РВБ»",
                "Удержание вознаграждения по договору оферты")).category()).isEqualTo(BankCategory.COMMISSION);
    }

    @Test
    void deliveryIsDeliveryByPurposeOrCarrier() {
        assertThat(defaults.classify(transaction(BankDirection.OUT, "ООО \"Быстрая Логистика\"",
                "Оплата услуг по доставке заказов покупателям")).category()).isEqualTo(BankCategory.DELIVERY);
        assertThat(defaults.classify(transaction(BankDirection.OUT, "ООО «СДЭК-Глобал»", "Оплата по счету 15"))
                .rule()).isEqualTo("delivery-by-carrier");
    }

    @Test
    void rentIsAnOtherExpenseAndSoIsTheBanksFee() {
        assertThat(defaults.classify(transaction(BankDirection.OUT, "ТОО «Бизнес-центр Нурлы Тау»",
                "Оплата за аренду склада за март 2026 г.")))
                .isEqualTo(new BankClassification(BankCategory.OTHER_EXPENSE, "other-expense"));
        // a bank's fee is not the marketplace's commission, though the word is the same
        assertThat(defaults.classify(transaction(BankDirection.OUT, "АО «Kaspi Bank»",
                "Комиссия банка за ведение счета за февраль 2026")))
                .isEqualTo(new BankClassification(BankCategory.OTHER_EXPENSE, "bank-fee"));
    }

    @Test
    void aTransferToAPersonTaxesAndMoneyTheWrongWayStayUnmatched() {
        assertThat(defaults.classify(transaction(BankDirection.OUT, "Ахметов Бауыржан Серикович",
                "Перевод по договору займа №3"))).isEqualTo(new BankClassification(BankCategory.UNMATCHED, null));
        assertThat(defaults.classify(transaction(BankDirection.OUT, "РГУ «УГД»", "Взыскание задолженности по ИПН")))
                .isEqualTo(new BankClassification(BankCategory.UNMATCHED, "taxes-and-contributions"));
        // «в т.ч. НДС» in a delivery payment is no tax payment
        assertThat(defaults.classify(transaction(BankDirection.OUT, "ООО «Логист»",
                "Оплата за доставку, в т.ч. НДС 20%")).category()).isEqualTo(BankCategory.DELIVERY);
        // Kaspi paying money in for a purpose other than sales is still a payout by name; money out to Kaspi
        // without a keyword is not
        assertThat(defaults.classify(transaction(BankDirection.OUT, "АО «Kaspi Bank»", "Перевод")).category())
                .isEqualTo(BankCategory.UNMATCHED);
        assertThat(defaults.classify(transaction(BankDirection.INTERNAL, "ИП Садыкова",
                "Перевод собственных средств")).category()).isEqualTo(BankCategory.UNMATCHED);
    }

    @Test
    void theFirstMatchingRuleWinsSoOwnRulesGoFirst() {
        BankRule supplier = BankRule.builder("supplier-is-delivery", BankCategory.DELIVERY).taxId("120340000555")
                .build();
        BankClassifier classifier = defaults.withRulesFirst(List.of(supplier));

        BankTransaction payment = transaction(BankDirection.OUT, "ТОО «Жеткізу Экспресс»", "120 340 000 555",
                "Аренда автомобиля");

        assertThat(defaults.classify(payment).category()).isEqualTo(BankCategory.OTHER_EXPENSE);
        assertThat(classifier.classify(payment)).isEqualTo(new BankClassification(BankCategory.DELIVERY,
                "supplier-is-delivery"));
    }

    @Test
    void rulesReadFromJsonCombineCounterpartyAndPurpose() throws IOException {
        String json = """
                {"rules": [
                  {"name": "ozon-ads", "category": "OTHER_EXPENSE", "counterparty": ["интернет решения"],
                   "purposePattern": "трафарет|продвижени[ея]"},
                  {"name": "ozon", "category": "COMMISSION", "direction": "OUT", "counterparty": ["интернет решения"]}
                ]}
                """;
        BankClassifier classifier = BankClassifier.fromJson(new ByteArrayInputStream(
                json.getBytes(StandardCharsets.UTF_8)));

        assertThat(classifier.classify(transaction(BankDirection.OUT, "ООО \"Интернет Решения\"",
                "Оплата за Трафареты")).rule()).isEqualTo("ozon-ads");
        assertThat(classifier.classify(transaction(BankDirection.OUT, "ООО \"Интернет Решения\"",
                "Оплата услуг")).rule()).isEqualTo("ozon");
        assertThat(classifier.classify(transaction(BankDirection.IN, "ООО \"Интернет Решения\"",
                "Оплата услуг")).category()).isEqualTo(BankCategory.UNMATCHED);
    }

    @Test
    void aRuleNeedsAConditionAndTheDirectionOfItsCategory() {
        assertThatThrownBy(() -> BankRule.builder("empty", BankCategory.COMMISSION).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a counterparty");
        assertThatThrownBy(() -> BankRule.builder("backwards", BankCategory.SALES_PAYOUT)
                .direction(BankDirection.OUT).counterparty("kaspi").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SALES_PAYOUT is money IN");
        assertThatThrownBy(() -> BankClassifier.fromJson(new ByteArrayInputStream(
                "{\"rules\": [{\"name\": \"x\", \"category\": \"INCOME\", \"counterparty\": [\"a\"]}]}"
                        .getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown category «INCOME»");
    }
}
