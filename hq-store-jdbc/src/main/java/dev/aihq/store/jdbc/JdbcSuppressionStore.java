package dev.aihq.store.jdbc;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.store.PhoneHash;
import dev.aihq.api.store.SuppressionStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The {@link SuppressionStore} in table {@code <prefix>suppressions}, keyed by (shop, phone hash). No
 * column holds a phone number: only its {@link PhoneHash} under the key given to
 * {@link JdbcStores.Builder#suppressionKey(byte[])}.
 *
 * <p>A suppression is one upsert ({@link Dialect#upsert}); on H2 two sessions suppressing the same customer
 * at once make one fail with a unique violation, and it runs again. Every query reads the primary key.
 * Thread-safe; holds no connection between calls.
 */
final class JdbcSuppressionStore implements SuppressionStore {

    private final Jdbc jdbc;
    private final byte[] key;
    private final String table;
    private final String upsert;
    private final String selectOne;
    private final String delete;

    JdbcSuppressionStore(Jdbc jdbc, byte[] key) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.key = PhoneHash.requireValidKey(key);
        this.table = jdbc.table("suppressions");
        this.upsert = jdbc.dialect.upsert(table, List.of("shop_id", "phone_hash", "reason", "suppressed_at"),
                List.of("?", "?", "?", "?"), List.of("shop_id", "phone_hash"));
        this.selectOne = "SELECT 1 FROM " + table + " WHERE shop_id = ? AND phone_hash = ?";
        this.delete = "DELETE FROM " + table + " WHERE shop_id = ? AND phone_hash = ?";
    }

    @Override
    public void suppress(ShopId shopId, PhoneNumber customer, String reason, Instant at) {
        SuppressionStore.validateReason(reason);
        Objects.requireNonNull(at, "at");
        String hash = hash(shopId, customer);
        UniqueViolations.retry(jdbc, "suppressing customer " + customer.masked() + " of shop " + shopId + " in "
                + table, connection -> Jdbc.update(connection, upsert, statement -> {
                    statement.setString(1, shopId.value());
                    statement.setString(2, hash);
                    statement.setString(3, reason);
                    statement.setObject(4, Jdbc.utc(at));
                }));
    }

    @Override
    public boolean isSuppressed(ShopId shopId, PhoneNumber customer) {
        String hash = hash(shopId, customer);
        return jdbc.queryOne("checking customer " + customer.masked() + " of shop " + shopId + " in " + table,
                selectOne, statement -> {
                    statement.setString(1, shopId.value());
                    statement.setString(2, hash);
                }, row -> Boolean.TRUE).isPresent();
    }

    @Override
    public boolean lift(ShopId shopId, PhoneNumber customer) {
        String hash = hash(shopId, customer);
        return jdbc.update("lifting the suppression of customer " + customer.masked() + " of shop " + shopId
                + " from " + table, delete, statement -> {
                    statement.setString(1, shopId.value());
                    statement.setString(2, hash);
                }) > 0;
    }

    private String hash(ShopId shopId, PhoneNumber customer) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(customer, "customer");
        return PhoneHash.of(key, shopId, customer).hex();
    }
}
