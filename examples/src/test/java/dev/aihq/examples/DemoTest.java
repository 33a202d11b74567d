package dev.aihq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.PhoneNumber;
import dev.aihq.pipeline.json.SdkJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoTest {

    @Test
    void should_ask_consent_first_send_the_filled_templates_after_yes_assess_the_fine_and_report_finance_when_the_demo_runs()
            throws Exception {
        // given
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        // when
        List<Demo.Step> steps = Demo.run(out);

        // then
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(steps).hasSize(7);

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

        // The seed's legal event: the full assessment with sources and a ready objection text
        Demo.Step legal = steps.get(4);
        assertThat(legal.httpStatus()).isEqualTo(200);
        assertThat(legal.outcome()).isEqualTo("COMPLETED");
        JsonNode assessment = SdkJson.mapper().readTree(legal.run().resultJson());
        assertThat(assessment.get("can_contest").asText()).isEqualTo("partial");
        assertThat(assessment.get("risk_level").asText()).as("a fine without a measure or a repeat").isEqualTo("low");
        assertThat(assessment.get("deadline_official").asBoolean()).isFalse();
        assertThat(assessment.get("deadline_note").asText()).contains("внутренний ориентир");
        assertThat(assessment.get("sources")).extracting(s -> s.get("rule_id").asText())
                .contains("KASPI.Q3047", "KASPI.MEASURE.OBJECTION").doesNotContain("KASPI.Q3022");
        assertThat(assessment.get("template").asText()).isEqualTo("T1");
        assertThat(assessment.get("document_problems")).isEmpty();
        assertThat(assessment.get("document").asText()).contains("KSP-556677").contains("Мужской шампунь")
                .contains("ИИН").contains("900101300123").contains("fine_notice.pdf").contains("kaspi_message.txt");
        assertThat(assessment.get("analysis").asText()).isNotBlank();
        assertThat(assessment.get("recommendation").asText()).isNotBlank();

        // The seed's finance event: the full report in the seed's shape, extended
        Demo.Step finance = steps.get(5);
        assertThat(finance.httpStatus()).isEqualTo(200);
        assertThat(finance.outcome()).isEqualTo("COMPLETED");
        JsonNode report = SdkJson.mapper().readTree(finance.run().resultJson());
        assertThat(report.get("revenue").decimalValue()).isEqualByComparingTo("21218360");
        assertThat(report.get("currency").asText()).isEqualTo("KZT");
        assertThat(report.get("loss_products")).extracting(p -> p.get("sku").asText())
                .containsExactlyInAnyOrder("CS-SAM-A15-BOOK", "PH-APL-SE");
        assertThat(report.get("loss_products").toString()).contains("Комиссия");
        assertThat(report.get("tax").get("regime").asText()).isEqualTo("KZ_SIMPLIFIED_910");
        assertThat(report.get("tax").get("period").asText()).isEqualTo("2026-H1");
        assertThat(report.get("previous_period").get("period").asText()).isEqualTo("2025-12");
        assertThat(report.get("costs").get("uncosted_skus").toString()).contains("PH-INF-H40");
        // The ТОО near the VAT threshold
        Demo.Step too = steps.get(6);
        assertThat(too.outcome()).isEqualTo("COMPLETED");
        assertThat(SdkJson.mapper().readTree(too.run().resultJson()).get("warnings").get(0).asText())
                .contains("НДС").contains("84,6");

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
