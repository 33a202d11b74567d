package dev.aihq.agents.inbox.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Marketplace;
import org.junit.jupiter.api.Test;

class OrderNumbersTest {

    @Test
    void should_read_an_ozon_posting_before_an_order_number_and_plain_digits() {
        assertThat(OrderNumbers.candidates(Marketplace.OZON, "Номер отправления 23713478-0018-3, помогите"))
                .containsExactly("23713478-0018-3");
        assertThat(OrderNumbers.candidates(Marketplace.OZON, "заказ 23713478-0018")).containsExactly("23713478-0018");
        assertThat(OrderNumbers.candidates(Marketplace.OZON, "мой заказ 23713478")).containsExactly("23713478");
    }

    @Test
    void should_read_wildberries_task_ids_stickers_and_rids_putting_the_cued_one_first() {
        assertThat(OrderNumbers.candidates(Marketplace.WILDBERRIES,
                "Заказывала 12.03, артикул 146238742, номер заказа 3456789012"))
                .containsExactly("3456789012", "146238742");
        assertThat(OrderNumbers.candidates(Marketplace.WILDBERRIES, "srid 2fb52cd9e25e5253 вот"))
                .containsExactly("2fb52cd9e25e5253");
        assertThat(OrderNumbers.candidates(Marketplace.WILDBERRIES, "Заказ: 11580584016476389.0.0"))
                .contains("11580584016476389.0.0");
    }

    @Test
    void should_skip_phone_numbers_dates_and_short_numbers() {
        assertThat(OrderNumbers.candidates(Marketplace.WILDBERRIES, "мой тел 89161234567, позвоните")).isEmpty();
        assertThat(OrderNumbers.candidates(Marketplace.OZON, "звоните +79161234567")).isEmpty();
        assertThat(OrderNumbers.candidates(Marketplace.WILDBERRIES, "пришло 12.03.2026, размер 42, 3 штуки"))
                .isEmpty();
        assertThat(OrderNumbers.candidates(Marketplace.OZON, "где мой заказ??")).isEmpty();
    }
}
