package dev.aihq.examples.crash;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aihq.api.store.ConsentEvent;
import dev.aihq.examples.DemoShop;
import dev.aihq.pipeline.web.WebhookSignature;
import dev.aihq.store.jdbc.JdbcStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The crash test on real processes: a server process answers {@code 202} for a purchase and is
 * killed with SIGKILL while the run waits for the model; a new process resumes the run when its lease
 * expires. Exactly one run completes for the event, exactly one message reaches the provider, and the same
 * event sent again is a duplicate of that run.
 */
class CrashAfterAcceptTest {

    private static final String COMPLETIONS = "/v1/chat/completions";
    private static final String MODEL_TEXT = "Спасибо за заказ! Если понадобится совет по уходу, напишите нам.";
    private static final Duration RUN_LEASE = Duration.ofSeconds(2);
    private static final Duration RECOVERY_INTERVAL = Duration.ofMillis(500);
    private static final Path LOGS = Path.of("target", "crash");

    @RegisterExtension
    static WireMockExtension model = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension provider = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ChildJvm> servers = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private HikariDataSource pool;

    @BeforeEach
    void startDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(2);
        pool = new HikariDataSource(config);
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            servers.forEach(ChildJvm::close);
        } finally {
            try {
                if (pool != null) {
                    pool.close();
                }
            } finally {
                if (postgres != null) {
                    postgres.close();
                }
            }
        }
    }

    @Test
    void should_complete_one_run_and_send_one_message_when_the_server_is_killed_after_answering_202()
            throws Exception {
        // given: the demo shop in the database; a model that holds its first answer for ten minutes and
        // answers at once afterwards; a provider that accepts every message
        JdbcStores stores = JdbcStores.builder(pool).build();
        stores.migrate();
        DemoShop.load(stores);
        // The customer agreed to offers before (consent collected elsewhere), so the offer itself goes.
        stores.consents().apply(DemoShop.SHOP_ID, DemoShop.CUSTOMER, ConsentEvent.GRANTED, Instant.now(), "import");
        model.stubFor(post(urlEqualTo(COMPLETIONS)).inScenario("crash").whenScenarioStateIs(STARTED)
                .willReturn(okJson(completion(MODEL_TEXT)).withFixedDelay((int) Duration.ofMinutes(10).toMillis()))
                .willSetStateTo("answering"));
        model.stubFor(post(urlEqualTo(COMPLETIONS)).inScenario("crash").whenScenarioStateIs("answering")
                .willReturn(okJson(completion(MODEL_TEXT))));
        provider.stubFor(post(urlEqualTo(ProviderChannel.PATH)).willReturn(okJson("{\"id\": \"wamid.crash-1\"}")));
        byte[] purchase = ("{\"shop_id\": \"kaspi_123\", \"order_id\": \"777000111\", \"customer_whatsapp\":"
                + " \"+7 701 123 45 67\", \"trigger\": \"order_accepted\", \"items\": [{\"sku\": \"SH-HS-MEN-400\","
                + " \"name\": \"Шампунь Head & Shoulders Men Ultra Old Spice 400 мл\", \"price\": 3590, \"quantity\": 1}]}")
                .getBytes(StandardCharsets.UTF_8);
        ChildJvm first = launch(1);
        int firstPort = port(first, 1);

        // when: the event is accepted, the run reaches the model, and the server is killed
        HttpResponse<String> accepted = postPurchase(firstPort, purchase);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String runId = json(accepted.body()).get("run_id").asText();
        ChildJvm.await("the run to call the model", Duration.ofSeconds(30), () -> {
            first.requireAlive();
            return modelCalls() >= 1 ? Optional.of(true) : Optional.empty();
        });
        first.kill();
        assertThat(deliveries()).as("nothing sent before the kill").isEmpty();
        assertThat(outcome(runId)).as("the run is unfinished at the kill").isEmpty();

        // and a new server starts on the same database
        ChildJvm second = launch(2);
        int secondPort = port(second, 2);
        String finalOutcome = ChildJvm.await("the resumed run to end", Duration.ofSeconds(30), () -> {
            second.requireAlive();
            return outcome(runId);
        });

        // then: one run for the event, ended SENT; one message, the model's, keyed by that run
        assertThat(finalOutcome).isEqualTo("SENT");
        assertThat(runsOfTheEvent(runId)).containsExactly(runId);
        assertThat(deliveries()).singleElement().satisfies(delivery -> {
            assertThat(delivery.getHeader(ProviderChannel.IDEMPOTENCY_KEY)).isEqualTo("run:" + runId);
            assertThat(json(delivery.getBodyAsString()).get("text").asText()).isEqualTo(MODEL_TEXT);
        });
        assertThat(modelCalls()).as("the held call and the resumed run's").isEqualTo(2);
        // the offer went; the order's review request waits for the shop's review delay
        assertThat(outboxStatuses(runId)).containsExactly("SENT:run:" + runId, "PENDING:review:");
        assertThat(strings("SELECT stages::text FROM hq_runs WHERE run_id = ?", runId)).singleElement()
                .asString().contains("resumed by");

        // and the same event again is a duplicate of that run, sending nothing
        HttpResponse<String> again = postPurchase(secondPort, purchase);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode duplicate = json(again.body());
        assertThat(duplicate.get("duplicate").asBoolean()).isTrue();
        assertThat(duplicate.get("run_id").asText()).isEqualTo(runId);
        assertThat(duplicate.get("outcome").asText()).isEqualTo("SENT");
        assertThat(deliveries()).hasSize(1);
    }

    private ChildJvm launch(int number) throws IOException {
        Path portFile = LOGS.resolve("front-door-" + number + ".port");
        Files.deleteIfExists(portFile);
        ChildJvm child = ChildJvm.launch(FrontDoorWorker.class, LOGS.resolve("front-door-worker-" + number + ".log"),
                List.of(postgres.getJdbcUrl("postgres", "postgres"), model.baseUrl() + "/v1", provider.baseUrl(),
                        portFile.toString(), String.valueOf(RUN_LEASE.toMillis()),
                        String.valueOf(RECOVERY_INTERVAL.toMillis())));
        servers.add(child);
        return child;
    }

    private static int port(ChildJvm child, int number) {
        Path portFile = LOGS.resolve("front-door-" + number + ".port");
        return ChildJvm.await("server " + number + " to listen", Duration.ofSeconds(30), () -> {
            child.requireAlive();
            try {
                return Files.exists(portFile) ? Optional.of(Integer.parseInt(Files.readString(portFile).strip()))
                        : Optional.empty();
            } catch (IOException e) {
                throw new AssertionError("cannot read " + portFile, e);
            }
        });
    }

    private HttpResponse<String> postPurchase(int port, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/purchase-event"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, WebhookSignature.sign(DemoShop.SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static int modelCalls() {
        return model.findAll(postRequestedFor(urlEqualTo(COMPLETIONS))).size();
    }

    private static List<LoggedRequest> deliveries() {
        return provider.findAll(postRequestedFor(urlEqualTo(ProviderChannel.PATH)));
    }

    /** The run's final outcome, empty while it has none. */
    private Optional<String> outcome(String runId) {
        List<String> outcomes = strings("SELECT outcome FROM hq_runs WHERE run_id = ? AND outcome IS NOT NULL", runId);
        return outcomes.stream().findFirst();
    }

    /** The ids of every run of the same shop and idempotency key as this run. */
    private List<String> runsOfTheEvent(String runId) {
        return strings("SELECT r.run_id FROM hq_runs r JOIN hq_runs first ON r.shop_id = first.shop_id"
                + " AND r.idempotency_key = first.idempotency_key WHERE first.run_id = ?", runId);
    }

    private List<String> outboxStatuses(String runId) {
        return strings("SELECT status || ':' || CASE WHEN stable_key LIKE 'review:%' THEN 'review:' ELSE stable_key END"
                + " FROM hq_outbox WHERE run_id = ? ORDER BY due_at", runId);
    }

    private List<String> strings(String sql, String parameter) {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new AssertionError("query failed: " + sql, e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** An OpenAI chat completion answering {@code {"text": ...}}. */
    private static String completion(String text) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode content = mapper.createObjectNode().put("text", text);
        ObjectNode body = mapper.createObjectNode()
                .put("id", "chatcmpl-crash")
                .put("object", "chat.completion")
                .put("created", 1_772_431_200L)
                .put("model", "gpt-4o-mini-2024-07-18");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content.toString());
        choice.put("finish_reason", "stop");
        body.putObject("usage").put("prompt_tokens", 150).put("completion_tokens", 20).put("total_tokens", 170);
        return body.toString();
    }
}
