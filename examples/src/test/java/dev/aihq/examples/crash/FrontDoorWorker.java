package dev.aihq.examples.crash;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aihq.agents.AiHq;
import dev.aihq.examples.DemoShop;
import dev.aihq.examples.ServerExample;
import dev.aihq.pipeline.web.WebhookSecretProvider;
import dev.aihq.store.jdbc.JdbcStores;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * The kill-after-{@code 202} test's server process: AI HQ on the JDBC stores with an OpenAI-compatible
 * model and a {@link ProviderChannel}, its webhook front door served over HTTP as in {@link ServerExample},
 * with a short run lease and recovery interval, until the process is killed. The shop and its catalog are
 * the test's to load.
 *
 * <p>Arguments: JDBC URL, model base URL (ending in {@code /v1}), provider base URL, the file to write the
 * HTTP port to once serving, run lease in milliseconds, recovery interval in milliseconds.
 */
public final class FrontDoorWorker {

    private FrontDoorWorker() {}

    /**
     * Starts AI HQ and the HTTP server and waits forever.
     *
     * @param args JDBC URL, model URL, provider URL, port file, run lease (ms), recovery interval (ms)
     * @throws IOException when the server cannot listen or the port file cannot be written
     * @throws InterruptedException never in practice: the process is killed
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        String jdbcUrl = args[0];
        String modelUrl = args[1];
        String providerUrl = args[2];
        Path portFile = Path.of(args[3]);
        Duration runLease = Duration.ofMillis(Long.parseLong(args[4]));
        Duration recoveryInterval = Duration.ofMillis(Long.parseLong(args[5]));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(8);
        config.setPoolName("front-door-worker");
        JdbcStores stores = JdbcStores.builder(new HikariDataSource(config)).build();
        stores.migrate();
        AiHq hq = AiHq.builder()
                .stores(stores)
                .chatModel(OpenAiChatModel.builder().baseUrl(modelUrl).apiKey("test-key").modelName("gpt-4o-mini")
                        .timeout(Duration.ofMinutes(10)).maxRetries(0).build())
                .channel(new ProviderChannel(providerUrl))
                .secrets(WebhookSecretProvider.of(DemoShop.secrets()))
                .runLease(runLease)
                .recoveryInterval(recoveryInterval)
                .dispatchInterval(Duration.ofMillis(200))
                .build()
                .start();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", ServerExample.handler(hq.frontDoor()));
        server.start();
        Path written = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(written, String.valueOf(server.getAddress().getPort()), StandardCharsets.UTF_8);
        Files.move(written, portFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("front door worker " + ProcessHandle.current().pid() + " (worker "
                + hq.purchases().worker() + ") on port " + server.getAddress().getPort() + ", run lease " + runLease
                + ", recovery every " + recoveryInterval);
        new CountDownLatch(1).await();
    }
}
