package dev.aihq.examples.crash;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aihq.pipeline.delivery.OutboxDispatcher;
import dev.aihq.store.jdbc.JdbcStores;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The outbox crash test's worker process: outbox dispatchers on the JDBC outbox, sending through a
 * {@link ProviderChannel}, until the process is killed.
 *
 * <p>Arguments: JDBC URL, provider base URL, number of dispatchers, claim lease in milliseconds, batch
 * size.
 */
public final class OutboxWorker {

    private OutboxWorker() {}

    /**
     * Starts the dispatchers and waits forever.
     *
     * @param args JDBC URL, provider URL, dispatchers, lease (ms), batch size
     * @throws InterruptedException never in practice: the process is killed
     */
    public static void main(String[] args) throws InterruptedException {
        String jdbcUrl = args[0];
        String providerUrl = args[1];
        int dispatchers = Integer.parseInt(args[2]);
        Duration lease = Duration.ofMillis(Long.parseLong(args[3]));
        int batchSize = Integer.parseInt(args[4]);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(dispatchers + 1);
        config.setPoolName("outbox-worker");
        HikariDataSource pool = new HikariDataSource(config);
        JdbcStores stores = JdbcStores.builder(pool).build();
        stores.migrate();
        ProviderChannel channel = new ProviderChannel(providerUrl);
        long pid = ProcessHandle.current().pid();
        for (int i = 1; i <= dispatchers; i++) {
            OutboxDispatcher.builder().outbox(stores.outbox()).channel(channel).worker("worker-" + pid + "-" + i)
                    .lease(lease).batchSize(batchSize).pollInterval(Duration.ofMillis(50))
                    .retryBase(Duration.ofMillis(200)).build().start();
        }
        System.out.println("outbox worker " + pid + ": " + dispatchers + " dispatchers, lease " + lease + ", batch "
                + batchSize);
        new CountDownLatch(1).await();
    }
}
