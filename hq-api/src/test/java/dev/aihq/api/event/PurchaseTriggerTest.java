package dev.aihq.api.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PurchaseTriggerTest {

    @Test
    void cancelledAndReturnedOrdersAreWithdrawnAndNoOtherTriggerIs() {
        assertThat(PurchaseTrigger.of("Order_Cancelled").withdrawsOrder()).isTrue();
        assertThat(PurchaseTrigger.ORDER_RETURNED.withdrawsOrder()).isTrue();
        assertThat(PurchaseTrigger.ORDER_ACCEPTED.withdrawsOrder()).isFalse();
        assertThat(PurchaseTrigger.ORDER_DELIVERED.withdrawsOrder()).isFalse();
        assertThat(PurchaseTrigger.of("order_cancelled_partially").withdrawsOrder()).isFalse();
    }

    @Test
    void aCodeThatIsNotSnakeCaseIsRefusedWithTheRule() {
        assertThatThrownBy(() -> new PurchaseTrigger("Order Cancelled"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case snake_case");
    }
}
