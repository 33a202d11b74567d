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
    void should_ask_consent_first_send_the_filled_templates_after_yes_and_refuse_legal_and_finance_when_the_demo_runs() {
        // given
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        // when
        List<Demo.Step> steps = Demo.run(out);

        // then
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(steps).hasSize(6);

        Demo.Step first = steps.get(0);
        assertThat(first.httpStatus()).isEqualTo(200);
        assertThat(first.outcome()).isEqualTo("SENT");
        assertThat(first.reason()).startsWith("the offer waits for the customer's consent; consent question sent");
        assertThat(first.messages()).containsExactly("Спасибо за покупку! Показать подборку к вашему заказу?");

        Demo.Step repeat = steps.get(1);
        assertThat(repeat.httpStatus()).isEqualTo(200);
        assertThat(repeat.outcome()).isEqualTo("COMPLETED");
        assertThat(repeat.reason()).startsWith("held until the customer answers the consent question");
        assertThat(repeat.messages()).isEmpty();

        Demo.Step yes = steps.get(2);
        assertThat(yes.httpStatus()).isEqualTo(202);
        assertThat(yes.outcome()).isEqualTo("CONSENT");
        assertThat(yes.reason()).startsWith("consent recorded: OPTED_IN by demo-whatsapp:button");
        assertThat(yes.messages()).containsExactly("Здравствуйте! Спасибо за заказ №512345678 в «Demo Kaspi"
                + " Shop». К товару «Шампунь Head & Shoulders Men Ultra Old Spice 400 мл» покупатели часто берут"
                + " «Бальзам-ополаскиватель Head & Shoulders Основной уход 275 мл» — 2 990 ₸. Ответьте «да», и мы"
                + " поможем оформить заказ.", "Рады видеть вас снова в «Demo Kaspi Shop»! Спасибо за заказ"
                + " №KSP-556690. К товару «Стиральный порошок Persil Color автомат 3 кг» рекомендуем «Кондиционер"
                + " для белья Comfort Утренняя свежесть 1.8 л» — 3 190 ₸. Для постоянных покупателей — промокод"
                + " DEMO10: скидка 10 % на следующий заказ.");

        Demo.Step reply = steps.get(3);
        assertThat(reply.httpStatus()).isEqualTo(202);
        assertThat(reply.outcome()).isEqualTo("SENT");
        assertThat(reply.messages()).singleElement().asString()
                .startsWith("Здравствуйте! Спасибо за сообщение. Менеджер «Demo Kaspi Shop» ответит");

        for (Demo.Step unavailable : steps.subList(4, 6)) {
            assertThat(unavailable.httpStatus()).isEqualTo(422);
            assertThat(unavailable.outcome()).isEqualTo("REJECTED");
            assertThat(unavailable.reason()).endsWith("not available yet");
            assertThat(unavailable.messages()).isEmpty();
        }
        assertThat(steps.get(4).reason()).isEqualTo("the legal agent is not available yet");
        assertThat(steps.get(5).reason()).isEqualTo("the accounting agent is not available yet");

        assertThat(output)
                .contains("stage", "status", "ms")
                .containsPattern("shop_gate\\s+OK\\s+\\d+\\.\\d{2}")
                .containsPattern("deliver\\s+OK\\s+\\d+\\.\\d{2}")
                .contains(PhoneNumber.parse("+77011234567").masked())
                .doesNotContain("+77011234567", "7011234567", "Exception", "\tat ");
    }

    @Test
    void should_load_at_least_two_hundred_products_in_ten_categories_with_cost_prices_when_the_catalog_is_read() {
        // when
        var catalog = DemoShop.catalog();

        // then
        assertThat(catalog).hasSizeGreaterThanOrEqualTo(200);
        assertThat(catalog.stream().map(p -> p.category()).distinct().count()).isGreaterThanOrEqualTo(10);
        assertThat(catalog.stream().filter(p -> p.costPrice() != null).count()).isGreaterThan(catalog.size() * 9L / 10);
        assertThat(catalog).allSatisfy(p -> assertThat(p.price().currency().getCurrencyCode()).isEqualTo("KZT"));
    }
}
