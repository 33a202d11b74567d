package dev.aihq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.event.PurchaseTrigger;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.RunRecord;
import dev.aihq.connectors.kaspi.KaspiPollReport;
import dev.aihq.connectors.kaspi.KaspiPollReport.TriggerReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KaspiPollerDemoTest {

    private static TriggerReport trigger(KaspiPollReport report, PurchaseTrigger trigger) {
        return report.triggers().stream().filter(t -> t.trigger().equals(trigger)).findFirst().orElseThrow();
    }

    private static RunRecord run(KaspiPollerDemo.Result result, String key) {
        return result.runs().stream().filter(r -> r.idempotencyKey().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void should_turn_fake_kaspi_orders_into_sales_runs_once_each_when_the_demo_polls_three_times() {
        // given
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        // when
        KaspiPollerDemo.Result result = KaspiPollerDemo.run(out);

        // then: the first poll finds both accepted orders; each first-time buyer is asked for consent
        assertThat(result.reports()).hasSize(3).allSatisfy(r -> assertThat(r.complete()).isTrue());
        assertThat(trigger(result.reports().get(0), PurchaseTrigger.ORDER_ACCEPTED).accepted()).isEqualTo(2);
        assertThat(result.messages()).containsExactly("Спасибо за покупку! Показать подборку к вашему заказу?",
                "Спасибо за покупку! Показать подборку к вашему заказу?");
        assertThat(run(result, "purchase:" + KaspiPollerDemo.SHAMPOO_ORDER + ":order_accepted").outcome())
                .isEqualTo(RunOutcome.SENT);

        // the second finds the completion (phone masked by Kaspi, kept from the accepted order) and the
        // cancellation, whose waiting offer is cancelled
        KaspiPollReport second = result.reports().get(1);
        assertThat(trigger(second, PurchaseTrigger.ORDER_DELIVERED).accepted()).isEqualTo(1);
        assertThat(trigger(second, PurchaseTrigger.ORDER_CANCELLED).accepted()).isEqualTo(1);
        RunRecord delivered = run(result, "purchase:" + KaspiPollerDemo.SHAMPOO_ORDER + ":order_delivered");
        assertThat(delivered.outcome()).isEqualTo(RunOutcome.SCHEDULED);
        assertThat(delivered.reason()).doesNotContain("no customer contact");
        RunRecord cancelled = run(result, "purchase:" + KaspiPollerDemo.POWDER_ORDER + ":order_cancelled");
        assertThat(cancelled.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(cancelled.reason()).contains("cancelled");
        assertThat(result.cancelled()).filteredOn(m -> KaspiPollerDemo.POWDER_ORDER.equals(m.orderKey()))
                .extracting(OutboxMessage::category)
                .containsExactlyInAnyOrder(MessageCategory.MARKETING, MessageCategory.UTILITY);
        assertThat(result.cancelled()).filteredOn(m -> KaspiPollerDemo.POWDER_ORDER.equals(m.orderKey()))
                .allSatisfy(m -> assertThat(m.to()).isEqualTo(PhoneNumber.parse("+77027654321")));

        // the third finds nothing new
        assertThat(result.reports().get(2).accepted()).isZero();
        assertThat(result.runs()).hasSize(4);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("kaspi.orders.order_delivered = ")
                .doesNotContain("7011234567");
    }
}
