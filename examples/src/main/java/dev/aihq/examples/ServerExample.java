package dev.aihq.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.aihq.agents.AiHq;
import dev.aihq.agents.inbox.InboxRoutes;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.pipeline.json.SdkJson;
import dev.aihq.pipeline.web.WebhookFrontDoor;
import dev.aihq.pipeline.web.WebhookSecretProvider;
import dev.aihq.pipeline.web.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves AI HQ's webhook front door over HTTP with the JDK's own {@code com.sun.net.httpserver.HttpServer}:
 * the demo shop on in-memory stores, no model, messages printed by a {@link ConsoleChannel}. Mounting the
 * front door in any other server is the same few lines: copy method, path, query, headers and the raw
 * body into a {@link WebhookRequest} and the {@link WebhookResponse} back.
 *
 * <p>Usage: {@code ServerExample [port]} (default 8080). It prints a {@code curl} command with the
 * signature computed, and runs until interrupted.
 */
public final class ServerExample {

    /** The default port. */
    public static final int DEFAULT_PORT = 8080;

    private ServerExample() {}

    /**
     * Starts the server and waits until the process is interrupted.
     *
     * @param args the port, optional
     * @throws InterruptedException when interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        Running running = start(port, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "server-example-shutdown"));
        stopped.await();
    }

    /**
     * Starts AI HQ and the HTTP server, and prints how to call it.
     *
     * @param port the port, 0 for any free one
     * @param out where to print
     * @return the running server; close it to stop
     */
    public static Running start(int port, PrintStream out) {
        DemoDatabase.Opened database = DemoDatabase.open();
        DemoShop.load(database.stores());
        WebhookSecretProvider secrets = WebhookSecretProvider.of(DemoShop.secrets());
        ConsoleChannel channel = new ConsoleChannel(out, Clock.systemUTC());
        AiHq hq = AiHq.builder().stores(database.stores()).documents(DemoShop.documents())
                .sellerDetails(DemoShop.sellerDetails()).chatModel(null).channel(channel).secrets(secrets).build()
                .start();
        channel.connect(hq);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (IOException e) {
            hq.close();
            try {
                database.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
        ExecutorService threads = Executors.newFixedThreadPool(16);
        server.setExecutor(threads);
        server.createContext("/", handler(hq.frontDoor()));
        server.start();
        Running running = new Running(server, threads, hq, database);
        printUsage(out, running.port());
        return running;
    }

    /**
     * Returns a JDK HTTP server handler that passes every request to the front door and its answer back.
     *
     * @param frontDoor the front door
     * @return the handler, to mount at {@code /}
     */
    public static HttpHandler handler(WebhookFrontDoor frontDoor) {
        Objects.requireNonNull(frontDoor, "front door");
        return exchange -> serve(frontDoor, exchange);
    }

    private static void serve(WebhookFrontDoor frontDoor, HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(WebhookFrontDoor.DEFAULT_MAX_BODY_BYTES + 1);
            }
            WebhookRequest request = new WebhookRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body, exchange.getRemoteAddress().getAddress().getHostAddress());
            WebhookResponse response = frontDoor.handle(request);
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            if (response.body().length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(response.body());
                }
            }
        }
    }

    private static void printUsage(PrintStream out, int port) {
        String body = samplePurchase();
        String signature = WebhookSignature.sign(DemoShop.SECRET, body.getBytes(StandardCharsets.UTF_8));
        out.println("AI HQ front door on http://localhost:" + port + " (shop " + DemoShop.SHOP_ID + ", no model)");
        out.println("Endpoints: POST /purchase-event, /legal-event, /finance-event, " + ConsoleChannel.INBOUND_PATH
                + "; GET /runs/{id}?shop_id=" + DemoShop.SHOP_ID + ", " + InboxRoutes.METRICS_PATH + ", "
                + InboxRoutes.QUEUE_PATH);
        out.println();
        out.println("Try it (the signature is the HMAC-SHA256 of this exact body with the shop's secret):");
        out.println("  curl -i http://localhost:" + port + WebhookFrontDoor.PURCHASE_EVENT_PATH + " \\");
        out.println("    -H 'Content-Type: application/json' \\");
        out.println("    -H '" + WebhookSignature.HEADER + ": " + signature + "' \\");
        out.println("    -H 'Prefer: wait=5' \\");
        out.println("    --data-binary '" + body + "'");
        out.println();
        out.println("Or authenticate with the secret itself: -H 'Authorization: Bearer " + DemoShop.SECRET + "'");
        out.println();
        out.println("The unified inbox's metrics and queue as JSON:");
        out.println("  curl -s 'http://localhost:" + port + InboxRoutes.METRICS_PATH + "?shop_id=" + DemoShop.SHOP_ID
                + "&from=2026-03-01&to=2026-03-31' -H 'Authorization: Bearer " + DemoShop.SECRET + "'");
        out.println("Stop with Ctrl+C.");
    }

    /**
     * Returns the demo's first purchase as one line of JSON, ready for a shell's single quotes.
     *
     * @return the JSON body
     */
    static String samplePurchase() {
        try (InputStream in = ServerExample.class.getResourceAsStream("/demo/events/1-first-purchase.json")) {
            Objects.requireNonNull(in, "the sample purchase is not on the classpath");
            return SdkJson.mapper().readTree(in).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample purchase", e);
        }
    }

    /** A running server; {@link #close()} stops it and AI HQ. */
    public static final class Running implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService threads;
        private final AiHq hq;
        private final DemoDatabase.Opened database;

        private Running(HttpServer server, ExecutorService threads, AiHq hq, DemoDatabase.Opened database) {
            this.server = server;
            this.threads = threads;
            this.hq = hq;
            this.database = database;
        }

        /**
         * Returns the port the server listens on.
         *
         * @return the port
         */
        public int port() {
            return server.getAddress().getPort();
        }

        /** Stops accepting connections, finishes the exchanges in progress, closes AI HQ and the database. */
        @Override
        public void close() {
            server.stop(1);
            threads.shutdown();
            hq.close();
            try {
                database.close();
            } catch (Exception e) {
                // the process is stopping; the pool's connections close with it
            }
        }
    }
}
