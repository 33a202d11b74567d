package dev.aihq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.pipeline.web.WebhookSignature;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerExampleTest {

    @Test
    void should_answer_the_printed_curl_request_over_http_when_the_server_runs() throws Exception {
        // given
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        String body = ServerExample.samplePurchase();
        try (ServerExample.Running server = ServerExample.start(0,
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                            + "/purchase-event"))
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.HEADER,
                            WebhookSignature.sign(DemoShop.SECRET, body.getBytes(StandardCharsets.UTF_8)))
                    .header("Prefer", "wait=5")
                    .timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();

            // when
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

            // then
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"outcome\":\"SENT\"");
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("curl -i http://localhost:", "X-HQ-Signature: sha256=", "--data-binary '" + body + "'");
    }

    @Test
    void should_refuse_a_request_when_the_signature_is_wrong() throws Exception {
        // given
        String body = ServerExample.samplePurchase();
        try (ServerExample.Running server = ServerExample.start(0,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                            + "/purchase-event"))
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.HEADER, WebhookSignature.sign("wrong-secret",
                            body.getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();

            // when
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

            // then
            assertThat(response.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void should_serve_the_inbox_metrics_as_json_with_the_printed_command() throws Exception {
        // given
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (ServerExample.Running server = ServerExample.start(0,
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                            + "/inbox/metrics?shop_id=" + DemoShop.SHOP_ID + "&from=2026-03-01&to=2026-03-31"))
                    .header("Authorization", "Bearer " + DemoShop.SECRET)
                    .timeout(Duration.ofSeconds(20))
                    .GET()
                    .build();

            // when
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

            // then
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"sla_compliance\"", "\"churn_prevention\"",
                    "\"shop_id\":\"" + DemoShop.SHOP_ID + "\"");
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("/inbox/metrics?shop_id=");
    }
}
