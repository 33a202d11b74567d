package dev.aihq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.PhoneNumber;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoTest {

    @Test
    void should_send_the_filled_templates_and_refuse_legal_and_finance_when_the_demo_runs() {
        // given
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        // when
        List<Demo.Step> steps = Demo.run(out);

        // then
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(steps).hasSize(5);

        Demo.Step first = steps.get(0);
        assertThat(first.httpStatus()).isEqualTo(200);
        assertThat(first.outcome()).isEqualTo("SENT");
        assertThat(first.messages()).containsExactly("Здравствуйте! Спасибо за заказ №512345678 в «Demo Kaspi"
                + " Shop». К товару «Мужской шампунь Head & Shoulders Men Ultra 400 мл» покупатели часто берут"
                + " «Бальзам-ополаскиватель Pantene Интенсивное восстановление 360 мл» — 2 490 ₸. Ответьте «да», и"
                + " мы поможем оформить заказ.");

        Demo.Step repeat = steps.get(1);
        assertThat(repeat.httpStatus()).isEqualTo(200);
        assertThat(repeat.outcome()).isEqualTo("SENT");
        assertThat(repeat.messages()).containsExactly("Рады видеть вас снова в «Demo Kaspi Shop»! Спасибо за заказ"
                + " №KSP-556690. К товару «Гель для стирки Persil Color 1.3 л» рекомендуем «Кондиционер для белья"
                + " Lenor Альпийские луга 1.8 л» — 2 790 ₸. Для постоянных покупателей — промокод DEMO10: скидка"
                + " 10 % на следующий заказ.");

        Demo.Step reply = steps.get(2);
        assertThat(reply.httpStatus()).isEqualTo(200);
        assertThat(reply.outcome()).isEqualTo("SENT");
        assertThat(reply.messages()).singleElement().asString()
                .startsWith("Здравствуйте! Спасибо за сообщение. Менеджер «Demo Kaspi Shop» ответит");

        for (Demo.Step unavailable : steps.subList(3, 5)) {
            assertThat(unavailable.httpStatus()).isEqualTo(422);
            assertThat(unavailable.outcome()).isEqualTo("REJECTED");
            assertThat(unavailable.reason()).endsWith("not available yet");
            assertThat(unavailable.messages()).isEmpty();
        }
        assertThat(steps.get(3).reason()).isEqualTo("the legal agent is not available yet");
        assertThat(steps.get(4).reason()).isEqualTo("the accounting agent is not available yet");

        assertThat(output)
                .contains("stage", "status", "ms")
                .containsPattern("shop_gate\\s+OK\\s+\\d+\\.\\d{2}")
                .containsPattern("deliver\\s+OK\\s+\\d+\\.\\d{2}")
                .contains(PhoneNumber.parse("+77011234567").masked())
                .doesNotContain("+77011234567", "7011234567", "Exception", "\tat ");
    }

    @Test
    void should_load_at_least_fifty_products_in_eight_categories_when_the_catalog_is_read() {
        // when
        var catalog = DemoShop.catalog();

        // then
        assertThat(catalog).hasSizeGreaterThanOrEqualTo(50);
        assertThat(catalog.stream().map(p -> p.category()).distinct()).hasSize(8);
        assertThat(catalog).allSatisfy(p -> assertThat(p.price().currency().getCurrencyCode()).isEqualTo("KZT"));
    }
}
