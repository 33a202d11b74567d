package dev.aihq.pipeline.web;

import static dev.aihq.pipeline.web.FrontDoorFixture.SECRET;
import static dev.aihq.pipeline.web.FrontDoorFixture.bearer;
import static dev.aihq.pipeline.web.FrontDoorFixture.json;
import static dev.aihq.pipeline.web.FrontDoorFixture.post;
import static dev.aihq.pipeline.web.FrontDoorFixture.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.web.WebhookResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Error answers never carry a full phone number or a secret. */
class MaskingTest {

    private final FrontDoorFixture fixture = new FrontDoorFixture();
    private final WebhookFrontDoor frontDoor = fixture.frontDoor();

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void should_mask_the_number_when_the_customer_phone_is_invalid() {
        // given a Kazakh number with one digit too many
        String body = "{\"shop_id\":\"kaspi_123\",\"order_id\":\"K-1\",\"customer_whatsapp\":\"+7 701 123 45 678\","
                + "\"items\":[{\"sku\":\"A\",\"name\":\"Чехол\",\"price\":1,\"quantity\":1}]}";

        // when
        WebhookResponse response = frontDoor.handle(post("/purchase-event", body));

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("errors").get(0).get("field").asText()).isEqualTo("customer_whatsapp");
        assertThat(response.bodyText()).doesNotContain("123 45 678").doesNotContain("70112345678")
                .doesNotContain("701 123");
    }

    @Test
    void should_not_quote_a_phone_number_sent_as_a_number_of_the_wrong_kind() {
        // given
        String body = "{\"shop_id\":\"kaspi_123\",\"order_id\":\"K-1\",\"customer_whatsapp\":77011234567.5,"
                + "\"items\":[{\"sku\":\"A\",\"name\":\"Чехол\",\"price\":1,\"quantity\":1}]}";

        // when
        WebhookResponse response = frontDoor.handle(post("/purchase-event", body));

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("customer_whatsapp").doesNotContain("7011234567");
    }

    @Test
    void should_mask_a_phone_number_quoted_from_another_field() {
        // given a phone number where the shop id belongs
        String body = "{\"shop_id\":\"+77011234567\",\"event_type\":\"fine\"}";

        // when
        WebhookResponse response = frontDoor.handle(post("/legal-event", body));

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("shop_id").doesNotContain("77011234567");
    }

    @Test
    void should_never_echo_the_token_or_the_secret_when_the_bearer_token_is_wrong() {
        // given
        String wrongToken = "kaspi-123-webhook-secret-WRONG";

        // when
        WebhookResponse response = frontDoor.handle(bearer("POST", "/legal-event",
                utf8("{\"shop_id\":\"kaspi_123\",\"event_type\":\"fine\"}"), wrongToken));

        // then
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.bodyText()).doesNotContain(wrongToken).doesNotContain(SECRET);
        assertThat(response.headers().values()).noneMatch(v -> v.contains(wrongToken) || v.contains(SECRET));
    }
}
